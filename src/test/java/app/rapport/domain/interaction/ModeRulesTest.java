package app.rapport.domain.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModeRulesTest {

    static MeetingEvent event(String title, String location, boolean online, String provider, String joinUrl, String description) {
        Instant start = Instant.parse("2025-03-03T12:00:00Z");
        return new MeetingEvent("e1", title, location, start, start.plusSeconds(3600), "anna@brightwealth.example",
                List.of(), online, provider, joinUrl, description, false);
    }

    @ParameterizedTest(name = "{0} @ {1} -> {6} by {7}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // online-meeting fields
            "Review         | NULL                                   | true  | NULL             | NULL                                   | NULL | VIDEO     | online-meeting-field",
            "Review         | Head office                            | false | teamsForBusiness | NULL                                   | NULL | VIDEO     | online-meeting-field",
            "Review         | NULL                                   | false | NULL             | https://meet.google.com/abc-defg-hij   | NULL | VIDEO     | online-meeting-field",
            "Review         | NULL                                   | false | unknown          | NULL                                   | NULL | UNKNOWN   | no-mode-signal",
            // join links in location or description
            "Review         | https://zoom.us/j/123456789            | false | NULL             | NULL                                   | NULL | VIDEO     | join-link",
            "Review         | NULL                                   | false | NULL             | NULL | Join: https://teams.microsoft.com/l/meetup-join/x  | VIDEO | join-link",
            "Review         | Whereby: https://whereby.com/anna      | false | NULL             | NULL                                   | NULL | VIDEO     | join-link",
            "Review         | NULL                                   | false | NULL             | NULL | https://acme.webex.com/meet/jane       | VIDEO     | join-link",
            // video words
            "Zoom call      | NULL                                   | false | NULL             | NULL                                   | NULL | VIDEO     | video-word",
            "Review         | Microsoft Teams Meeting                | false | NULL             | NULL                                   | NULL | VIDEO     | video-word",
            // phone
            "Review         | tel:+15551234567                       | false | NULL             | NULL                                   | NULL | PHONE     | dial-in",
            "Review         | NULL                                   | false | NULL             | NULL | Dial-in: 0800 123 4567, conference ID 998 | PHONE | dial-in",
            "Review         | +1 555 123 4567                        | false | NULL             | NULL                                   | NULL | PHONE     | phone-number",
            "Review         | (030) 1234 5678                        | false | NULL             | NULL                                   | NULL | PHONE     | phone-number",
            "Call with Jane | NULL                                   | false | NULL             | NULL                                   | NULL | PHONE     | phone-word",
            "Review         | Phone                                  | false | NULL             | NULL                                   | NULL | PHONE     | phone-word",
            "Telefonat      | NULL                                   | false | NULL             | NULL                                   | NULL | PHONE     | phone-word",
            // a signature number in the description is not a dial-in; a date in the title is not a number
            "Lunch          | NULL                                   | false | NULL             | NULL | Jane Doe, +1 555 123 4567              | IN_PERSON | meal-word",
            "Review 2025-03-12 10:00 | NULL                          | false | NULL             | NULL                                   | NULL | UNKNOWN   | no-mode-signal",
            // in person
            "Review         | 1600 Amphitheatre Parkway, Mountain View | false | NULL           | NULL                                   | NULL | IN_PERSON | street-address",
            "Review         | Friedrichstraße 123, 10117 Berlin      | false | NULL             | NULL                                   | NULL | IN_PERSON | street-address",
            "Review         | 12 rue de Rivoli, Paris                | false | NULL             | NULL                                   | NULL | IN_PERSON | street-address",
            "Review         | Suite 400 10117                        | false | NULL             | NULL                                   | NULL | IN_PERSON | street-address",
            "Review         | Conference room 4B                     | false | NULL             | NULL                                   | NULL | IN_PERSON | venue-word",
            "Review         | Café Central                           | false | NULL             | NULL                                   | NULL | IN_PERSON | venue-word",
            "Review         | Their office                           | false | NULL             | NULL                                   | NULL | IN_PERSON | venue-word",
            "Coffee         | NULL                                   | false | NULL             | NULL                                   | NULL | IN_PERSON | meal-word",
            "Breakfast with Jane | NULL                              | false | NULL             | NULL                                   | NULL | IN_PERSON | meal-word",
            "Site visit     | NULL                                   | false | NULL             | NULL                                   | NULL | IN_PERSON | visit-word",
            "Review         | Acme HQ Zurich                         | false | NULL             | NULL                                   | NULL | IN_PERSON | venue-word",
            "Review         | Hauptbahnhof Zürich                    | false | NULL             | NULL                                   | NULL | IN_PERSON | location-text",
            // nothing to go on
            "Review         | TBD                                    | false | NULL             | NULL                                   | NULL | UNKNOWN   | no-mode-signal",
            "Review         | NULL                                   | false | NULL             | NULL                                   | NULL | UNKNOWN   | no-mode-signal",
    })
    void everyModeRuleNamesItself(String title, String location, boolean online, String provider, String joinUrl,
                                  String description, Mode mode, String rule) {
        assertThat(ModeRules.classify(event(title, location, online, provider, joinUrl, description)))
                .isEqualTo(new ModeDecision(mode, rule));
    }
}
