package app.rapport.domain.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentRulesTest {

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @CsvSource(delimiter = '|', value = {
            // sales
            "Proposal for your 2025 pension plan            | SALES        | subject-proposal",
            "RE: AW: [EXTERNAL] Fwd: Your quote              | SALES        | subject-quote",
            "Updated pricing for the premium tier           | SALES        | subject-quote",
            "Special offer for existing clients             | SALES        | subject-offer",
            "Your home insurance renewal                    | SALES        | subject-renewal",
            "Upgrade to the family plan?                    | SALES        | subject-upgrade",
            "New product: sustainable income fund           | SALES        | subject-new-product",
            "Demo of the new portal                         | SALES        | subject-demo",
            "An opportunity worth a look                    | SALES        | subject-opportunity",
            "Contract for signature                         | SALES        | subject-contract",
            "Angebot Hausratversicherung                    | SALES        | subject-proposal",
            "Devis assurance habitation                     | SALES        | subject-proposal",
            "Propuesta de inversión                         | SALES        | subject-proposal",
            // ordering: a pitch over lunch is a pitch; thanks for a proposal is about the proposal
            "Lunch to discuss your renewal                  | SALES        | subject-renewal",
            "Thanks for the proposal                        | SALES        | subject-proposal",
            "Question about pricing                         | SALES        | subject-quote",
            // service
            "Problem with my online access                  | SERVICE      | subject-problem",
            "Problem with the renewal quote                 | SERVICE      | subject-problem",
            "Claim for water damage                         | SERVICE      | subject-claim",
            "Schadenmeldung Wasserschaden                   | SERVICE      | subject-claim",
            "Support ticket 4711                            | SERVICE      | subject-support",
            "Complaint about the fees                       | SERVICE      | subject-complaint",
            "Question about my statement                    | SERVICE      | subject-question",
            "Transfer to my new bank                        | SERVICE      | subject-transfer",
            "Change of address                              | SERVICE      | subject-change-of-details",
            "Kündigung meiner Police                        | SERVICE      | subject-cancellation",
            // relationship
            "Quarterly review                               | RELATIONSHIP | subject-review",
            "Annual portfolio review                        | RELATIONSHIP | subject-review",
            "Quarterly review over lunch                    | RELATIONSHIP | subject-review",
            "Just checking in                               | RELATIONSHIP | subject-check-in",
            "Coffee catch-up?                               | RELATIONSHIP | subject-check-in",
            "How are you?                                   | RELATIONSHIP | subject-check-in",
            "Retirement planning meeting                    | RELATIONSHIP | subject-planning",
            "Happy 10-year anniversary with us              | RELATIONSHIP | subject-anniversary",
            "Wie geht es Ihnen?                             | RELATIONSHIP | subject-check-in",
            // social
            "Lunch next week?                               | SOCIAL       | subject-lunch",
            "Coffee on Friday                               | SOCIAL       | subject-coffee",
            "Dinner at Luigi's                              | SOCIAL       | subject-dinner",
            "Drinks after work                              | SOCIAL       | subject-drinks",
            "Golf on Saturday?                              | SOCIAL       | subject-golf",
            "Happy birthday!                                | SOCIAL       | subject-celebration",
            "Congratulations on your promotion              | SOCIAL       | subject-celebration",
            "Season's greetings                             | SOCIAL       | subject-greetings",
            "Frohe Weihnachten                              | SOCIAL       | subject-greetings",
            "Reschedule our lunch                           | SOCIAL       | subject-lunch",
            "Thank you!                                     | SOCIAL       | subject-thank-you",
            "Joyeux anniversaire                            | SOCIAL       | subject-celebration",
            "Café?                                          | SOCIAL       | subject-coffee",
            // admin
            "Invoice 2025-113                               | ADMIN        | subject-invoice",
            "WG: Rechnung März                              | ADMIN        | subject-invoice",
            "Thanks for the invoice                         | ADMIN        | subject-invoice",
            "Receipt for your payment                       | ADMIN        | subject-payment",
            "KYC documents needed                           | ADMIN        | subject-documents",
            "Signature required                             | ADMIN        | subject-signature",
            "Your statement is available                    | ADMIN        | subject-statement",
            "Password reset                                 | ADMIN        | subject-password",
            "Out of office: Re: Proposal                    | ADMIN        | subject-out-of-office",
            "Automatic reply: Quarterly review              | ADMIN        | subject-out-of-office",
            "Reschedule our meeting                         | ADMIN        | subject-scheduling",
            "Rescheduled: Quarterly review                  | RELATIONSHIP | subject-review",
            "Accepted: Quarterly review                     | RELATIONSHIP | subject-review",
            "Tax documents 2024                             | ADMIN        | subject-documents",
            // nothing to go on
            "Meeting                                        | UNKNOWN      | no-rule-matched",
            "Re:                                            | UNKNOWN      | no-rule-matched",
            "Hello                                          | UNKNOWN      | no-rule-matched",
            "Call with Noel                                 | UNKNOWN      | no-rule-matched",
    })
    void subjectsAreClassifiedByTheFirstRuleThatFires(String subject, Intent intent, String rule) {
        assertThat(IntentRules.classify(subject, null, null, null)).isEqualTo(new IntentDecision(intent, rule));
    }

    @ParameterizedTest(name = "subject {0} / thread {1} / title {2} / location {3} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // the thread's first subject decides when the reply says nothing
            "Re:                  | Proposal for 2025  | NULL                 | NULL           | SALES        | thread-proposal",
            "RE: RE: ok           | Claim 12345        | NULL                 | NULL           | SERVICE      | thread-claim",
            "(no subject)         | Lunch?             | NULL                 | NULL           | SOCIAL       | thread-lunch",
            "Re: Thanks           | Your renewal quote | NULL                 | NULL           | SOCIAL       | subject-thank-you",
            "NULL                 | NULL               | NULL                 | NULL           | UNKNOWN      | no-rule-matched",
            // a meeting title decides for meetings, the location only when the title says nothing
            "NULL                 | NULL               | Quarterly review     | Café Central   | RELATIONSHIP | title-review",
            "NULL                 | NULL               | Jane / Anna          | Café Central   | SOCIAL       | location-coffee",
            "NULL                 | NULL               | Jane / Anna          | Room 4.12      | UNKNOWN      | no-rule-matched",
            "NULL                 | NULL               | Invitation: Lunch @ Mon 3 Mar | NULL  | SOCIAL       | title-lunch",
    })
    void theRightFieldDecides(String subject, String thread, String title, String location, Intent intent, String rule) {
        assertThat(IntentRules.classify(subject, thread, title, location)).isEqualTo(new IntentDecision(intent, rule));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "RE: AW: [EXTERNAL] Fwd: Proposal   | Proposal",
            "Re[2]: Re(3): Lunch                | Lunch",
            "WG: TR: RV: SV: Quote              | Quote",
            "Updated invitation: Review         | Review",
            "Re: Meeting: agenda                | Meeting: agenda",
            "[Ticket #42] Help                  | Help",
    })
    void prefixesAndTagsAreStripped(String subject, String base) {
        assertThat(IntentRules.baseSubject(subject)).isEqualTo(base);
    }

    @Test
    void ruleKeywordDropsTheField() {
        assertThat(IntentRules.ruleKeyword("title-lunch")).isEqualTo("lunch");
        assertThat(IntentRules.ruleKeyword("subject-check-in")).isEqualTo("check-in");
        assertThat(IntentRules.ruleKeyword("no-rule-matched")).isEqualTo("no-rule-matched");
    }
}
