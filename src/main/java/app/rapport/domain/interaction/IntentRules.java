package app.rapport.domain.interaction;

import static app.rapport.domain.interaction.TextFolding.keywords;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Infers what a contact was for from its subject, its thread's first subject, a meeting title and
 * location, with ordered keyword rules: the first rule that fires names itself.
 *
 * <p><b>Which text decides.</b> The fields are tried in this order, and the first one in which a rule
 * fires decides: meeting title, subject, the thread's first subject, meeting location. So a meeting
 * title decides for meetings, and the thread's first subject decides when a reply says nothing
 * ("Re:", "Re: Thanks", "Re: (no subject)" with no other keyword). The rule name is the field and
 * the rule: {@code title-lunch}, {@code subject-proposal}, {@code thread-claim}, {@code location-coffee}.
 * Reply and forward prefixes (Re, Fwd, Fw, AW, WG, TR, RV, SV, VS, Antw, Ref, Enc, also counted as in
 * "Re[2]:"), calendar-response prefixes (Accepted:, Declined:, Invitation:, Updated invitation: ...) and
 * leading [tags] such as [EXTERNAL] are stripped first. Matching is on whole words or word
 * beginnings, case- and accent-insensitive; German, French and Spanish everyday words are included.
 *
 * <p><b>Rule order, and why.</b>
 * <ol>
 *   <li>An auto-reply (out of office) is ADMIN whatever it replies to.</li>
 *   <li>Strong SERVICE words (complaint, problem, claim, support ticket, cancellation): a client with
 *       a problem is not being pitched, so "Problem with the renewal quote" is service.</li>
 *   <li>SALES (contract, proposal, quote and pricing, offer, renewal, upgrade, new product, demo,
 *       opportunity): a pitch stays a pitch when it comes with lunch, so "Lunch to discuss your
 *       renewal" is sales, and "Thanks for the proposal" too.</li>
 *   <li>RELATIONSHIP (review, check-in, planning, anniversary, introduction) before SOCIAL: a
 *       "coffee catch-up" is a relationship touch.</li>
 *   <li>SOCIAL (breakfast, lunch, dinner, coffee, drinks, golf and outings, celebrations, greetings,
 *       condolences).</li>
 *   <li>Weak SERVICE words (question, transfer, change of details): "Question about my statement" is
 *       service, but "Question about pricing" was already sales.</li>
 *   <li>ADMIN paperwork (invoice, payment, documents and KYC, signature, password, statement, tax).</li>
 *   <li>"Thank you" (SOCIAL) after paperwork, so "Thanks for the invoice" is admin.</li>
 *   <li>A bare "review" (RELATIONSHIP), then scheduling words (ADMIN) last: the topic of a meeting
 *       says more than its logistics, so "Reschedule: quarterly review" is relationship and only a
 *       bare "Reschedule our meeting" is admin.</li>
 * </ol>
 * Nothing fired: UNKNOWN with rule {@code no-rule-matched}, an honest answer.
 *
 * <p>Stateless and thread-safe; no regular expressions, a few {@code String.contains} per rule.
 */
public final class IntentRules {
    private IntentRules() {}

    /** The rule name when no rule fires in any field. */
    public static final String NO_RULE_MATCHED = "no-rule-matched";

    private static final IntentDecision UNKNOWN = new IntentDecision(Intent.UNKNOWN, NO_RULE_MATCHED);

    private record Rule(String name, Intent intent, String[] keywords) {}

    private static Rule rule(String name, Intent intent, String... keywords) {
        return new Rule(name, intent, keywords(keywords));
    }

    private static final List<Rule> RULES = List.of(
            rule("out-of-office", Intent.ADMIN, "out of office", "out of the office", "ooo", "automatic reply",
                    "auto reply", "autoreply", "auto response", "away from the office", "abwesenheit*", "abwesend",
                    "automatische antwort", "reponse automatique", "absence du bureau", "fuera de la oficina",
                    "respuesta automatica"),

            rule("complaint", Intent.SERVICE, "complain*", "dissatisfied", "unhappy with", "disappointed", "beschwerde*",
                    "reklamation*", "reclamation*", "reclamacion*", "queja*"),
            rule("problem", Intent.SERVICE, "problem*", "issue", "issues", "error*", "not working", "does not work",
                    "doesn t work", "broken", "outage", "bug", "bugs", "went wrong", "incorrect", "failed", "failure",
                    "fehler*", "storung*", "probleme*", "problema*", "incidencia*"),
            rule("claim", Intent.SERVICE, "claim*", "schaden*", "sinistre*", "siniestro*", "accident*", "damage*",
                    "theft", "stolen", "water leak"),
            rule("support", Intent.SERVICE, "ticket", "support", "helpdesk", "help desk", "service request",
                    "incident*", "troubleshoot*", "case number", "kundendienst", "soporte"),
            rule("cancellation", Intent.SERVICE, "cancellation*", "cancel my policy", "cancel my account",
                    "cancel my contract", "cancel my subscription", "cancel my membership", "terminate my",
                    "termination", "close my account", "kundigung*", "resiliation*", "cancelacion*"),

            rule("contract", Intent.SALES, "contract*", "contrat*", "vertrag*", "vertrage*", "engagement letter",
                    "terms of engagement"),
            rule("proposal", Intent.SALES, "proposal*", "proposition*", "angebot*", "sonderangebot*", "propuesta*",
                    "offre*", "devis", "presupuesto*", "cotizacion*", "kostenvoranschlag*", "pitch"),
            rule("quote", Intent.SALES, "quote", "quotes", "quotation*", "pricing", "price*", "fee proposal",
                    "fee schedule", "rate card", "cost estimate", "preis*", "tarif*", "precio*"),
            rule("offer", Intent.SALES, "offer", "offers", "offering*", "special offer", "exclusive offer", "promo",
                    "discount*", "deal", "deals", "limited time", "oferta*", "rabatt*", "remise", "descuento*"),
            rule("renewal", Intent.SALES, "renew*", "expiring", "renouvel*", "renovacion*", "verlangerung*"),
            rule("upgrade", Intent.SALES, "upgrade*", "upsell*", "cross sell*", "additional cover*", "more coverage",
                    "top up"),
            rule("new-product", Intent.SALES, "new product*", "new fund*", "new service*", "new offering*",
                    "launch*", "neues produkt", "neue produkte", "nouveau produit", "nuevo producto"),
            rule("demo", Intent.SALES, "demo", "demos", "demonstration*", "product tour", "free trial", "webinar*"),
            rule("opportunity", Intent.SALES, "opportunit*", "oportunidad*", "investment idea*", "idea for you",
                    "ideas for you", "sales meeting", "sales call", "sales pitch"),

            rule("review", Intent.RELATIONSHIP, "quarterly review", "annual review", "yearly review",
                    "semi annual review", "mid year review", "portfolio review", "account review", "policy review",
                    "plan review", "business review", "financial review", "qbr", "review meeting", "review call",
                    "jahresgesprach*", "jahresgesprache*", "bilan annuel", "revue annuelle", "revision anual"),
            rule("check-in", Intent.RELATIONSHIP, "check in", "checking in", "checkin", "touch base", "touching base",
                    "catch up", "catchup", "catching up", "keep in touch", "keeping in touch", "stay in touch",
                    "long time no", "how are you", "how are things", "how have you been", "how s it going",
                    "hope you are well", "hope you re well", "wie geht*", "comment allez", "comment vas",
                    "como estas", "como esta", "que tal"),
            rule("planning", Intent.RELATIONSHIP, "planning*", "financial plan", "retirement plan*", "estate plan*",
                    "strategy meeting", "strategy session", "goals", "planung*", "planification", "planificacion"),
            rule("anniversary", Intent.RELATIONSHIP, "anniversar*", "jahrestag*", "jubilaum*", "years together",
                    "years with us"),
            rule("introduction", Intent.RELATIONSHIP, "introduction*", "intro", "meet the team", "introducing",
                    "nice to meet you", "great to meet you", "good to meet you", "referral*", "kennenlernen"),

            rule("breakfast", Intent.SOCIAL, "breakfast*", "brunch*", "fruhstuck*", "petit dejeuner", "desayuno*"),
            rule("lunch", Intent.SOCIAL, "lunch*", "mittagessen", "dejeuner", "almuerzo*"),
            rule("dinner", Intent.SOCIAL, "dinner*", "supper", "abendessen", "diner", "cena"),
            rule("coffee", Intent.SOCIAL, "coffee*", "cafe", "kaffee*", "espresso", "cappuccino", "tea"),
            rule("drinks", Intent.SOCIAL, "drinks", "a drink", "beer*", "bier", "wine*", "cocktail*", "happy hour",
                    "apero*", "aperitif*", "afterwork"),
            rule("golf", Intent.SOCIAL, "golf*"),
            rule("outing", Intent.SOCIAL, "tennis", "concert*", "theatre", "theater", "opera", "ballet", "museum*",
                    "ski", "skiing", "sailing", "regatta", "football", "soccer", "baseball", "basketball", "hockey",
                    "rugby", "cricket", "the game", "tickets for", "konzert*", "partido"),
            rule("celebration", Intent.SOCIAL, "birthday*", "bday", "geburtstag*", "anniversaire", "cumpleanos",
                    "congratulat*", "congrats", "gratulation*", "gratuliere*", "gluckwunsch*", "gluckwunsche*",
                    "felicitation*", "felicidades", "enhorabuena", "well done", "wedding*", "new baby",
                    "summer party", "garden party", "retirement party", "celebrat*", "farewell*"),
            rule("greetings", Intent.SOCIAL, "greeting*", "christmas", "xmas", "new year", "happy holiday*",
                    "holiday greeting*", "holiday season", "holiday card*", "thanksgiving", "easter", "hanukkah",
                    "chanukah", "diwali", "eid", "ramadan", "weihnacht*", "frohe*", "guten rutsch", "neujahr*",
                    "joyeux", "bonne annee", "meilleurs voeux", "navidad", "feliz*", "best wishes",
                    "warm wishes"),
            rule("condolences", Intent.SOCIAL, "condolence*", "sympathy", "get well", "thinking of you", "beileid",
                    "gute besserung", "pesame*"),

            rule("question", Intent.SERVICE, "question*", "query", "queries", "enquiry", "inquiry", "need help",
                    "can you help", "help with", "request for information", "frage*", "pregunta*", "duda*"),
            rule("transfer", Intent.SERVICE, "transfer*", "wire", "withdraw*", "payout", "rollover", "rebalanc*",
                    "uberweisung*", "virement*", "transferencia*"),
            rule("change-of-details", Intent.SERVICE, "change of address", "address change", "new address",
                    "change of details", "update my details", "update details", "change my", "update my",
                    "name change", "change of name", "bank details", "beneficiar*", "adressanderung*", "umzug",
                    "changement d adresse", "cambio de direccion"),

            rule("invoice", Intent.ADMIN, "invoice*", "billing", "your bill", "the bill", "bill for", "amount due",
                    "payment due", "remittance", "credit note", "rechnung*", "gutschrift*", "facture*", "factura*"),
            rule("payment", Intent.ADMIN, "receipt*", "payment*", "paid", "order confirmation",
                    "purchase confirmation", "quittung*", "beleg", "recu", "recibo*", "zahlung*", "paiement*", "pago*"),
            rule("documents", Intent.ADMIN, "kyc", "know your customer", "document*", "paperwork", "form", "forms",
                    "id copy", "proof of address", "proof of identity", "passport", "aml", "compliance",
                    "due diligence", "account opening", "application form", "onboarding", "unterlagen", "dokument*",
                    "justificatif*", "pieces justificatives", "documento*"),
            rule("signature", Intent.ADMIN, "signature*", "sign", "signed", "please sign", "e sign*", "esign*",
                    "docusign", "adobe sign", "unterschrift*", "unterschreiben", "firmar"),
            rule("password", Intent.ADMIN, "password*", "passcode", "login", "log in", "2fa", "two factor",
                    "verification code", "passwort*", "mot de passe", "contrasena*"),
            rule("statement", Intent.ADMIN, "statement*", "e statement*", "kontoauszug*", "depotauszug*", "releve*",
                    "extracto*", "estado de cuenta", "valuation", "quarterly report", "annual report",
                    "performance report"),
            rule("tax", Intent.ADMIN, "tax", "taxes", "taxation", "steuer*", "impot*", "impuesto*", "1099", "w9"),

            rule("thank-you", Intent.SOCIAL, "thank*", "thx", "danke*", "vielen dank", "merci", "gracias",
                    "appreciat*", "grateful", "gratitude"),

            rule("review-word", Intent.RELATIONSHIP, "review", "reviews"),
            rule("scheduling", Intent.ADMIN, "reschedul*", "schedul*", "meeting request", "appointment*",
                    "availability", "available times", "calendar", "invitation", "invite", "confirm*", "postpone*",
                    "new time", "time change", "termin", "termine", "terminvereinbarung", "verschieb*",
                    "rendez vous", "rdv", "cita", "doodle", "calendly"));

    /** Leading "xx:" markers that say nothing about the content: reply, forward, calendar responses. */
    private static final Set<String> PREFIXES = Set.of(
            "re", "fw", "fwd", "aw", "wg", "tr", "rv", "sv", "vs", "antw", "antwort", "ref", "enc", "doorst", "wtr",
            "res", "r", "odp", "accepted", "declined", "tentative", "tentatively accepted", "canceled",
            "cancelled", "invitation", "updated invitation", "updated invitation with note", "new time proposed",
            "new event", "updated event", "zugesagt", "abgesagt", "mit vorbehalt angenommen", "einladung",
            "aktualisierte einladung", "accepte", "accept\u00e9", "refuse", "refus\u00e9", "annule",
            "annul\u00e9", "aceptado", "rechazado", "cancelado", "invitaci\u00f3n", "invitacion");

    /**
     * Classifies a contact. Any argument may be null (subjects can be switched off; emails have no
     * title or location; meetings have no subject).
     */
    public static IntentDecision classify(String subject, String threadFirstSubject, String meetingTitle, String location) {
        IntentDecision d = classifyField("title", meetingTitle);
        if (d != null) return d;
        d = classifyField("subject", subject);
        if (d != null) return d;
        d = classifyField("thread", threadFirstSubject);
        if (d != null) return d;
        d = classifyField("location", location);
        return d != null ? d : UNKNOWN;
    }

    private static IntentDecision classifyField(String field, String text) {
        if (text == null || text.isBlank()) return null;
        String folded = TextFolding.fold(baseSubject(text));
        if (folded.length() <= 1) return null;
        for (Rule r : RULES) {
            if (TextFolding.containsAny(folded, r.keywords())) {
                return new IntentDecision(r.intent(), field + "-" + r.name());
            }
        }
        return null;
    }

    /**
     * The subject without leading reply, forward and calendar-response prefixes and [tags]:
     * "RE: AW: [EXTERNAL] Fwd: Proposal" gives "Proposal". Never null for a non-null input.
     */
    public static String baseSubject(String subject) {
        String s = subject.strip();
        for (int guard = 0; guard < 20 && !s.isEmpty(); guard++) {
            char first = s.charAt(0);
            if (first == '[') {
                int close = s.indexOf(']');
                if (close < 0) break;
                s = s.substring(close + 1).strip();
                continue;
            }
            int colon = s.indexOf(':');
            if (colon <= 0 || colon > 40) break;
            String head = s.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            head = stripCounter(head);
            if (!PREFIXES.contains(head)) break;
            s = s.substring(colon + 1).strip();
        }
        return s;
    }

    /** "re[2]", "re(3)", "re^2", "re2" become "re". */
    private static String stripCounter(String head) {
        int end = head.length();
        while (end > 0) {
            char c = head.charAt(end - 1);
            if (Character.isDigit(c) || c == ']' || c == ')' || c == '^' || c == ' ') end--;
            else if (c == '[' || c == '(') {
                end--;
                break;
            } else break;
        }
        return end == head.length() ? head : head.substring(0, end).strip();
    }

    /**
     * The rule without its field: "title-lunch" gives "lunch", "no-rule-matched" stays. Useful for
     * wording an explanation.
     */
    public static String ruleKeyword(String rule) {
        if (rule == null) return "";
        int dash = rule.indexOf('-');
        if (dash > 0) {
            String field = rule.substring(0, dash);
            if (field.equals("title") || field.equals("subject") || field.equals("thread") || field.equals("location")) {
                return rule.substring(dash + 1);
            }
        }
        return rule;
    }
}
