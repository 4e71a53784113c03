package app.rapport.planning;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** UTC date-times as iCalendar writes them. */
final class IcsStamp {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsStamp() {}

    static String of(Instant t) {
        return UTC.format(t);
    }
}
