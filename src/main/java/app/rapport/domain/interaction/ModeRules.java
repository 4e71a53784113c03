package app.rapport.domain.interaction;

import static app.rapport.domain.interaction.TextFolding.keywords;

import java.util.Locale;
import java.util.Set;

/**
 * Infers how a meeting took place, with ordered rules; the first that fires names itself.
 *
 * <ol>
 *   <li>VIDEO {@code online-meeting-field}: the provider marked it an online meeting (Graph
 *       {@code isOnlineMeeting}, an {@code onlineMeetingProvider} other than "unknown", a join URL,
 *       Google's {@code hangoutLink}).</li>
 *   <li>VIDEO {@code join-link}: a known meeting link in the location or description
 *       (teams.microsoft.com, meet.google.com, zoom.us, webex.com, whereby.com, gotomeeting, ...).</li>
 *   <li>VIDEO {@code video-word}: "Zoom", "Teams meeting", "video call", "online" in title or location.
 *       Checked before phone words, so "Zoom call" is video.</li>
 *   <li>PHONE {@code dial-in}: a tel: link in the location, or dial-in words ("dial-in",
 *       "conference id", "Einwahl") in location or description. Descriptions are read for links and
 *       dial-in words only: a phone number there is usually someone's signature.</li>
 *   <li>PHONE {@code phone-number}: a phone number in the location (a run of digits with spaces,
 *       dashes, dots or brackets, holding at least 7 digits after a "+" or at least 10 without, so
 *       street numbers and postcodes never look like one) or a "+" number in the title.</li>
 *   <li>PHONE {@code phone-word}: "call", "phone", "Telefonat", "appel", "llamada" in title or
 *       location.</li>
 *   <li>IN_PERSON {@code street-address}: a street word (street, road, avenue, Strasse, rue,
 *       calle, ...) or a German street compound (...strasse, ...weg, ...platz) next to a number.</li>
 *   <li>IN_PERSON {@code venue-word}: office, room, restaurant, hotel, café, club, reception, ...</li>
 *   <li>IN_PERSON {@code meal-word} and {@code visit-word}: lunch, coffee, dinner, breakfast, drinks;
 *       visit, site visit, on site, tour of, in title or location.</li>
 *   <li>IN_PERSON {@code location-text}: any other location that is not a placeholder ("TBD", "n/a",
 *       "-"): a place people go to.</li>
 *   <li>UNKNOWN {@code no-mode-signal}.</li>
 * </ol>
 * Stateless and thread-safe; no regular expressions.
 */
public final class ModeRules {
    private ModeRules() {}

    private static final String[] JOIN_HOSTS = {
            "teams.microsoft.com", "teams.live.com", "meet.google.com", "hangouts.google.com", "zoom.us", "zoom.com",
            "zoomgov.com", "webex.com", "whereby.com", "gotomeeting.com", "gotomeet.me", "meet.goto.com",
            "meet.jit.si", "bluejeans.com", "chime.aws", "join.skype.com", "meet.lync.com", "8x8.vc", "vc.ringcentral.com",
            "meetings.ringcentral.com", "bigbluebutton", "join.me"};

    private static final String[] VIDEO_WORDS = keywords("zoom", "zoom meeting", "zoom call", "teams", "teams meeting",
            "microsoft teams", "ms teams", "google meet", "hangout*", "webex", "skype", "whereby", "gotomeeting",
            "video call", "video conference", "videoconference", "video chat", "videocall", "facetime", "online",
            "virtual", "videokonferenz", "visio", "visioconference", "videollamada");

    private static final String[] DIAL_IN_WORDS = keywords("dial in", "dialin", "dial in number", "conference id",
            "conference code", "participant code", "access code", "bridge number", "einwahl*", "einwahlnummer",
            "numero de conference", "numero de acceso");

    private static final String[] PHONE_WORDS = keywords("call", "calls", "phone*", "telephone*", "phone call",
            "conference call", "callback", "call back", "ring", "telefon*", "telefonat*", "anruf*", "ruckruf*",
            "appel", "appeler", "llamada*", "llamar", "cell", "mobile");

    private static final Set<String> STREET_WORDS = Set.of("street", "st", "road", "rd", "avenue", "ave", "boulevard",
            "blvd", "lane", "ln", "drive", "way", "place", "pl", "square", "sq", "court", "parkway", "pkwy",
            "highway", "suite", "floor", "strasse", "str", "platz", "weg", "gasse", "allee", "damm", "ufer", "rue",
            "chemin", "quai", "calle", "avenida", "plaza", "paseo", "via", "piazza", "viale", "corso");

    private static final String[] STREET_SUFFIXES = {"strasse", "str", "weg", "gasse", "platz", "allee", "damm"};

    private static final String[] VENUE_WORDS = keywords("office*", "room", "meeting room", "conference room",
            "boardroom", "board room", "headquarters", "hq", "reception", "lobby", "building", "campus", "branch",
            "restaurant*", "bistro*", "brasserie", "trattoria", "cafe", "coffee shop", "starbucks", "pub", "bar",
            "hotel*", "club*", "clubhouse", "golf*", "home", "his place", "her place", "their place", "my place",
            "your place", "our place", "site", "factory", "warehouse", "store", "shop", "showroom", "airport",
            "station", "buro*", "besprechungsraum*", "raum", "salle", "bureau*", "oficina*", "sala", "despacho");

    private static final String[] MEAL_WORDS = keywords("lunch*", "coffee*", "dinner*", "breakfast*", "brunch*",
            "drinks", "a drink", "beer*", "mittagessen", "abendessen", "fruhstuck*", "kaffee*", "dejeuner", "diner",
            "almuerzo*", "cena", "desayuno*");

    private static final String[] VISIT_WORDS = keywords("visit*", "site visit", "on site", "onsite", "in person",
            "in person meeting", "face to face", "tour of", "walkthrough", "besuch*", "vor ort", "visite*",
            "visita*");

    private static final Set<String> PLACEHOLDERS = Set.of("tbd", "tba", "tbc", "n a", "na", "none", "unknown",
            "to be confirmed", "to be determined", "offen", "tbd tbd");

    /** Decides the mode of one meeting; never null. */
    public static ModeDecision classify(MeetingEvent e) {
        if (e.onlineMeeting() || isSet(e.joinUrl()) || isRealProvider(e.onlineMeetingProvider())) {
            return new ModeDecision(Mode.VIDEO, "online-meeting-field");
        }
        String location = e.location() == null ? "" : e.location();
        String title = e.title() == null ? "" : e.title();
        String description = e.description() == null ? "" : e.description();
        if (hasJoinLink(location) || hasJoinLink(description)) return new ModeDecision(Mode.VIDEO, "join-link");

        String loc = TextFolding.fold(location);
        String tit = TextFolding.fold(title);
        if (TextFolding.containsAny(loc, VIDEO_WORDS) || TextFolding.containsAny(tit, VIDEO_WORDS)) {
            return new ModeDecision(Mode.VIDEO, "video-word");
        }
        if (location.toLowerCase(Locale.ROOT).contains("tel:") || TextFolding.containsAny(loc, DIAL_IN_WORDS)
                || (!description.isEmpty() && TextFolding.containsAny(TextFolding.fold(description), DIAL_IN_WORDS))) {
            return new ModeDecision(Mode.PHONE, "dial-in");
        }
        if (hasPhoneNumber(location, true) || hasPhoneNumber(title, false)) {
            return new ModeDecision(Mode.PHONE, "phone-number");
        }
        if (TextFolding.containsAny(tit, PHONE_WORDS) || TextFolding.containsAny(loc, PHONE_WORDS)) {
            return new ModeDecision(Mode.PHONE, "phone-word");
        }
        if (isStreetAddress(loc)) return new ModeDecision(Mode.IN_PERSON, "street-address");
        if (TextFolding.containsAny(loc, VENUE_WORDS)) return new ModeDecision(Mode.IN_PERSON, "venue-word");
        if (TextFolding.containsAny(tit, MEAL_WORDS) || TextFolding.containsAny(loc, MEAL_WORDS)) {
            return new ModeDecision(Mode.IN_PERSON, "meal-word");
        }
        if (TextFolding.containsAny(tit, VISIT_WORDS) || TextFolding.containsAny(loc, VISIT_WORDS)) {
            return new ModeDecision(Mode.IN_PERSON, "visit-word");
        }
        String placeless = loc.strip();
        if (!placeless.isEmpty() && !PLACEHOLDERS.contains(placeless)) {
            return new ModeDecision(Mode.IN_PERSON, "location-text");
        }
        return new ModeDecision(Mode.UNKNOWN, "no-mode-signal");
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }

    /** Graph reports "unknown" when no provider is set. */
    private static boolean isRealProvider(String provider) {
        return isSet(provider) && !provider.strip().equalsIgnoreCase("unknown") && !provider.strip().equalsIgnoreCase("none");
    }

    private static boolean hasJoinLink(String text) {
        if (text.isEmpty()) return false;
        String lower = text.toLowerCase(Locale.ROOT);
        for (String host : JOIN_HOSTS) {
            if (lower.contains(host)) return true;
        }
        return false;
    }

    /**
     * True when the text holds a phone number: a run of digits joined by spaces, dashes, dots,
     * slashes or brackets, with at least 7 digits after a leading "+", or (when {@code allowBare})
     * at least 10 without. Titles only count "+" numbers: "Review 2024-05-12 10:00" is a date.
     */
    static boolean hasPhoneNumber(String text, boolean allowBare) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '+' || isDigit(c) || c == '(') {
                boolean plus = c == '+';
                int digits = 0;
                int j = i + (plus ? 1 : 0);
                int lastDigit = -1;
                while (j < n) {
                    char d = text.charAt(j);
                    if (isDigit(d)) {
                        digits++;
                        lastDigit = j;
                    } else if (!(d == ' ' || d == '-' || d == '.' || d == '(' || d == ')' || d == '/')) {
                        break;
                    } else if (lastDigit >= 0 && j - lastDigit > 2) {
                        break;
                    }
                    j++;
                }
                if (plus ? digits >= 7 : allowBare && digits >= 10) return true;
                i = Math.max(j, i + 1);
            } else {
                i++;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A street word or a German street compound, and a number somewhere in the location. */
    private static boolean isStreetAddress(String folded) {
        boolean number = false;
        boolean street = false;
        int start = 1;
        while (start < folded.length()) {
            int end = folded.indexOf(' ', start);
            if (end < 0) end = folded.length();
            if (end > start) {
                String word = folded.substring(start, end);
                if (isDigit(word.charAt(0))) number = true;
                else if (STREET_WORDS.contains(word) || hasStreetSuffix(word)) street = true;
                if (number && street) return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean hasStreetSuffix(String word) {
        for (String suffix : STREET_SUFFIXES) {
            if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) return true;
        }
        return false;
    }
}
