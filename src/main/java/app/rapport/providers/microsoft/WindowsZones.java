package app.rapport.providers.microsoft;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Zone names as Exchange gives them (mailboxSettings.timeZone, workingHours.timeZone.name): Windows
 * names such as "Pacific Standard Time" by default, IANA names when the tenant is set up so. The JDK
 * knows only IANA names and the ical4j table on the classpath has wrong entries (Morocco as UTC,
 * Mauritius as Tbilisi, "UTC+12" as New Zealand), so the common Windows zones are mapped here, each
 * to the zone CLDR names for territory "001" (unicode-org/cldr, common/supplemental/windowsZones.xml).
 * A name in neither form resolves to nothing; the caller falls back to the user's own zone.
 */
public final class WindowsZones {
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            // UTC and the Americas
            Map.entry("utc", "UTC"),
            Map.entry("dateline standard time", "Etc/GMT+12"),
            Map.entry("utc-11", "Etc/GMT+11"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"),
            Map.entry("alaskan standard time", "America/Anchorage"),
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("pacific standard time (mexico)", "America/Tijuana"),
            Map.entry("us mountain standard time", "America/Phoenix"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("mountain standard time (mexico)", "America/Mazatlan"),
            Map.entry("central america standard time", "America/Guatemala"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("central standard time (mexico)", "America/Mexico_City"),
            Map.entry("canada central standard time", "America/Regina"),
            Map.entry("sa pacific standard time", "America/Bogota"),
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("eastern standard time (mexico)", "America/Cancun"),
            Map.entry("us eastern standard time", "America/Indianapolis"),
            Map.entry("venezuela standard time", "America/Caracas"),
            Map.entry("atlantic standard time", "America/Halifax"),
            Map.entry("sa western standard time", "America/La_Paz"),
            Map.entry("pacific sa standard time", "America/Santiago"),
            Map.entry("newfoundland standard time", "America/St_Johns"),
            Map.entry("e. south america standard time", "America/Sao_Paulo"),
            Map.entry("argentina standard time", "America/Buenos_Aires"),
            Map.entry("sa eastern standard time", "America/Cayenne"),
            Map.entry("montevideo standard time", "America/Montevideo"),
            Map.entry("utc-02", "Etc/GMT+2"),
            Map.entry("azores standard time", "Atlantic/Azores"),
            Map.entry("cape verde standard time", "Atlantic/Cape_Verde"),
            // Europe and Africa
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("morocco standard time", "Africa/Casablanca"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("w. central africa standard time", "Africa/Lagos"),
            Map.entry("gtb standard time", "Europe/Bucharest"),
            Map.entry("e. europe standard time", "Europe/Chisinau"),
            Map.entry("fle standard time", "Europe/Kiev"),
            Map.entry("egypt standard time", "Africa/Cairo"),
            Map.entry("south africa standard time", "Africa/Johannesburg"),
            Map.entry("israel standard time", "Asia/Jerusalem"),
            Map.entry("kaliningrad standard time", "Europe/Kaliningrad"),
            Map.entry("turkey standard time", "Europe/Istanbul"),
            Map.entry("russian standard time", "Europe/Moscow"),
            Map.entry("belarus standard time", "Europe/Minsk"),
            Map.entry("e. africa standard time", "Africa/Nairobi"),
            // Middle East, Asia and the Pacific
            Map.entry("arab standard time", "Asia/Riyadh"),
            Map.entry("arabic standard time", "Asia/Baghdad"),
            Map.entry("iran standard time", "Asia/Tehran"),
            Map.entry("arabian standard time", "Asia/Dubai"),
            Map.entry("mauritius standard time", "Indian/Mauritius"),
            Map.entry("afghanistan standard time", "Asia/Kabul"),
            Map.entry("pakistan standard time", "Asia/Karachi"),
            Map.entry("west asia standard time", "Asia/Tashkent"),
            Map.entry("india standard time", "Asia/Kolkata"),
            Map.entry("sri lanka standard time", "Asia/Colombo"),
            Map.entry("nepal standard time", "Asia/Kathmandu"),
            Map.entry("bangladesh standard time", "Asia/Dhaka"),
            Map.entry("myanmar standard time", "Asia/Yangon"),
            Map.entry("se asia standard time", "Asia/Bangkok"),
            Map.entry("china standard time", "Asia/Shanghai"),
            Map.entry("singapore standard time", "Asia/Singapore"),
            Map.entry("taipei standard time", "Asia/Taipei"),
            Map.entry("w. australia standard time", "Australia/Perth"),
            Map.entry("tokyo standard time", "Asia/Tokyo"),
            Map.entry("korea standard time", "Asia/Seoul"),
            Map.entry("cen. australia standard time", "Australia/Adelaide"),
            Map.entry("aus central standard time", "Australia/Darwin"),
            Map.entry("e. australia standard time", "Australia/Brisbane"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("tasmania standard time", "Australia/Hobart"),
            Map.entry("west pacific standard time", "Pacific/Port_Moresby"),
            Map.entry("central pacific standard time", "Pacific/Guadalcanal"),
            Map.entry("new zealand standard time", "Pacific/Auckland"),
            Map.entry("utc+12", "Etc/GMT-12"),
            Map.entry("fiji standard time", "Pacific/Fiji"),
            Map.entry("tonga standard time", "Pacific/Tongatapu"));

    private WindowsZones() {}

    /** Every mapped Windows name (lower case) with its IANA zone, for tests. */
    static Map<String, String> table() {
        return WINDOWS;
    }

    /** The zone for a Windows or IANA name; empty when it is neither (or blank). */
    public static Optional<ZoneId> resolve(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        String n = name.trim();
        if (n.equalsIgnoreCase("Coordinated Universal Time") || n.equalsIgnoreCase("tzone://Microsoft/Utc")) {
            return Optional.of(ZoneOffset.UTC);
        }
        String iana = WINDOWS.get(n.toLowerCase(Locale.ROOT));
        if (iana != null) return Optional.of(ZoneId.of(iana));
        try {
            return Optional.of(ZoneId.of(n));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
