package app.rapport.domain.client;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.domain.client.AddressMatch.Kind;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityMatcherTest {
    private static final MatchingPolicy POLICY = new MatchingPolicy(
            Set.of("Anna.Berg@Brightwealth.example", "anna.berg@gmail.com"),
            Set.of("brightwealth.example"),
            MatchingPolicy.DEFAULT_FREE_MAIL_DOMAINS);

    private static final List<Client> CLIENTS = List.of(
            client(10, Identity.email("jane.doe@acme.example"), Identity.domain("acme.example")),
            client(11, Identity.email("bob.smith@gmail.com"), Identity.domain("gmail.com")),
            client(12, Identity.email("partner@brightwealth.example"), Identity.domain("brightwealth.example")),
            client(13, Identity.domain("uk.acme.example")),
            client(20, Identity.domain("globex.example")),
            client(14, Identity.domain("globex.example")),
            client(15, Identity.domain("co.uk"), Identity.domain("eu.brightwealth.example")));

    private final IdentityMatcher matcher = new IdentityMatcher(POLICY, CLIENTS);

    static Client client(long id, Identity... identities) {
        return new Client(id, 1, "Client " + id, ClientKind.COMPANY, "B", null, ZoneId.of("UTC"), null, null, List.of(identities));
    }

    @ParameterizedTest(name = "{0} is {1} {2} by {3}")
    @CsvSource({
            // explicit addresses win over everything, after normalisation
            "jane.doe@acme.example,              CLIENT,    10, explicit-address",
            "Jane.Doe+newsletter@ACME.example,   CLIENT,    10, explicit-address",
            "'\"Jane Doe\" <jane.doe@acme.example>', CLIENT, 10, explicit-address",
            "b.o.b.smith@googlemail.com,         CLIENT,    11, explicit-address",
            "partner@brightwealth.example,       CLIENT,    12, explicit-address",
            // the user and colleagues
            "anna.berg@brightwealth.example,     OWNER,      0, owner-address",
            "annaberg+work@gmail.com,            OWNER,      0, owner-address",
            "tom@brightwealth.example,           COLLEAGUE,  0, colleague-domain",
            "tom@eu.brightwealth.example,        COLLEAGUE,  0, colleague-domain",
            // company domains, including subdomains; the most specific domain wins
            "someone@acme.example,               CLIENT,    10, company-domain",
            "someone@mail.acme.example,          CLIENT,    10, company-domain",
            "someone@uk.acme.example,            CLIENT,    13, company-domain",
            "someone@london.uk.acme.example,     CLIENT,    13, company-domain",
            "someone@globex.example,             CLIENT,    14, company-domain",
            // free-mail, public-suffix and owner domains never identify a company
            "stranger@gmail.com,                 UNKNOWN,    0, no-match",
            "stranger@bank.co.uk,                UNKNOWN,    0, no-match",
            "stranger@acme.example.org,          UNKNOWN,    0, no-match",
            "stranger@example,                   UNKNOWN,    0, no-match",
            "not an address,                     UNKNOWN,    0, not-an-address",
            "'',                                 UNKNOWN,    0, not-an-address",
            "@acme.example,                      UNKNOWN,    0, not-an-address",
    })
    void everyMatchingRuleNamesItself(String address, Kind kind, long clientId, String rule) {
        assertThat(matcher.match(address)).isEqualTo(new AddressMatch(kind, clientId, rule));
    }

    @Test
    void freeMailDomainNeverMatchesACompany() {
        IdentityMatcher m = new IdentityMatcher(POLICY, List.of(client(1, Identity.domain("gmail.com")),
                client(2, Identity.domain("Outlook.com"))));
        assertThat(m.match("anyone@gmail.com").kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(m.match("anyone@outlook.com").kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void ownerDomainIdentityOfAClientIsIgnoredButItsExplicitAddressWins() {
        assertThat(matcher.match("other@brightwealth.example").kind()).isEqualTo(Kind.COLLEAGUE);
        assertThat(matcher.match("partner@brightwealth.example").clientId()).isEqualTo(12);
    }

    @Test
    void twoClientsClaimingOneDomainGiveTheLowestIdWhateverTheOrder() {
        List<Client> reversed = new ArrayList<>(CLIENTS);
        java.util.Collections.reverse(reversed);
        assertThat(new IdentityMatcher(POLICY, reversed).match("x@globex.example").clientId()).isEqualTo(14);
        assertThat(matcher.match("x@globex.example").clientId()).isEqualTo(14);
    }

    @Test
    void twoClientsClaimingOneAddressGiveTheLowestId() {
        IdentityMatcher m = new IdentityMatcher(POLICY, List.of(client(7, Identity.email("shared@home.example")),
                client(3, Identity.email("Shared@home.example"))));
        assertThat(m.match("shared@home.example").clientId()).isEqualTo(3);
    }

    @Test
    void ownerWritingFromFreeMailHasNoColleaguesThere() {
        MatchingPolicy gmailUser = MatchingPolicy.forOwner(List.of("Solo.Advisor@gmail.com"));
        assertThat(gmailUser.ownerDomains()).isEmpty();
        IdentityMatcher m = new IdentityMatcher(gmailUser, List.of());
        assertThat(m.match("soloadvisor@gmail.com").kind()).isEqualTo(Kind.OWNER);
        assertThat(m.match("someone@gmail.com").kind()).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void policyNormalisesItsValues() {
        MatchingPolicy p = new MatchingPolicy(Set.of(" Me+x@Firm.Example "), Set.of("@Firm.Example.", "gmail.com"),
                Set.of("GMAIL.com"));
        assertThat(p.ownerAddresses()).containsExactly("me@firm.example");
        assertThat(p.ownerDomains()).containsExactly("firm.example");
        assertThat(p.freeMailDomains()).containsExactly("gmail.com");
        assertThat(new MatchingPolicy(null, null, null).freeMailDomains()).isEqualTo(MatchingPolicy.DEFAULT_FREE_MAIL_DOMAINS);
    }
}
