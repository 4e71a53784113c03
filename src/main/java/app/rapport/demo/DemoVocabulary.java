package app.rapport.demo;

import java.util.List;

/**
 * The words the demo book is made of: names, companies, places and the subjects a financial adviser and
 * insurance broker actually sees. All invented; any likeness to a real firm is chance. Kept free of the
 * word Rapport never uses for an idle client.
 */
final class DemoVocabulary {
    private DemoVocabulary() {}

    // ---- people -------------------------------------------------------------------------------------

    static final List<String> ANGLO_FIRST = List.of(
            "James", "Oliver", "Harry", "George", "William", "Thomas", "Daniel", "Matthew", "Samuel", "Joseph",
            "David", "Michael", "Richard", "Andrew", "Peter", "Simon", "Mark", "Paul", "Robert", "Edward",
            "Charlotte", "Amelia", "Olivia", "Emily", "Sophie", "Grace", "Lucy", "Hannah", "Isabel", "Rachel",
            "Sarah", "Laura", "Claire", "Helen", "Fiona", "Joanna", "Kate", "Megan", "Alice", "Rebecca",
            "Aisha", "Priyanka", "Marcus", "Nathan", "Declan", "Siobhan", "Chloe", "Zoe", "Imran", "Leah",
            "Gareth", "Bronwen", "Callum", "Eilidh", "Owen", "Martha", "Hugh", "Rosalind", "Felix", "Naomi");

    static final List<String> ANGLO_LAST = List.of(
            "Ashworth", "Bennett", "Blake", "Bradshaw", "Brooks", "Carter", "Chambers", "Clarke", "Coleman", "Cooper",
            "Crawford", "Dawson", "Dixon", "Doyle", "Ellis", "Fairfax", "Fletcher", "Foster", "Gallagher", "Gibson",
            "Gordon", "Graham", "Hale", "Hamilton", "Harding", "Hartley", "Hayes", "Holloway", "Hughes", "Hunter",
            "Jenkins", "Keane", "Kendrick", "Lambert", "Lawrence", "Lindsay", "Lloyd", "Lowe", "Mackenzie", "Marsh",
            "Mason", "McAllister", "Mercer", "Morgan", "Murphy", "Nash", "Norris", "O'Brien", "Osborne", "Palmer",
            "Parry", "Pearce", "Pemberton", "Porter", "Quinn", "Rahman", "Ramsay", "Reeves", "Reid", "Richards",
            "Riley", "Robertson", "Rowe", "Russell", "Sandford", "Saunders", "Shah", "Sheridan", "Sinclair", "Spencer",
            "Stanton", "Sterling", "Stewart", "Sullivan", "Sutton", "Thornton", "Townsend", "Turner", "Vaughan", "Wade",
            "Walsh", "Warren", "Watkins", "Webb", "Wells", "Whitaker", "Wilkinson", "Winslow", "Wood", "Wright",
            "Yates", "Young", "Abbott", "Barker", "Caldwell", "Donovan", "Everett", "Finch", "Garner", "Holt",
            "Ingram", "Jarvis", "Kirby", "Langley", "Maddox", "Newman", "Oakley", "Prescott", "Radcliffe", "Sawyer");

    static final List<String> GERMAN_FIRST = List.of(
            "Lukas", "Felix", "Jonas", "Maximilian", "Tobias", "Stefan", "Matthias", "Andreas", "Jan", "Klaus",
            "Anna", "Lena", "Katharina", "Julia", "Sabine", "Petra", "Miriam", "Johanna", "Carla", "Ulrike");

    static final List<String> GERMAN_LAST = List.of(
            "Becker", "Hoffmann", "Schulz", "Wagner", "Krüger", "Brandt", "Vogel", "Lehmann", "Keller", "Busch",
            "Hartmann", "Zimmermann", "Schröder", "Neumann", "Fuchs", "Engel", "Lorenz", "Sommer", "Winter", "Kessler",
            "Albrecht", "Baumann", "Dietrich", "Graf", "Haas", "Jung", "Kraus", "Lang", "Pohl", "Seidel");

    static final List<String> FRENCH_FIRST = List.of(
            "Julien", "Antoine", "Mathieu", "Nicolas", "Guillaume", "Camille", "Élodie", "Claire", "Margaux", "Inès");

    static final List<String> FRENCH_LAST = List.of(
            "Lefèvre", "Moreau", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Chevalier", "Garnier",
            "Marchand", "Duval", "Perrin", "Renaud", "Faure");

    static final List<String> SINGAPORE_FIRST = List.of(
            "Wei Ling", "Jun Hao", "Mei Xin", "Kai Wen", "Arjun", "Priya", "Siti", "Farhan", "Rachel", "Marcus",
            "Hui Min", "Daniel", "Nurul", "Vikram", "Grace");

    static final List<String> SINGAPORE_LAST = List.of(
            "Tan", "Lim", "Ng", "Koh", "Goh", "Teo", "Chua", "Ong", "Wong", "Nair", "Menon", "Pillai", "Rahman",
            "Ismail", "Lee", "Chan", "Yeo", "Sim", "Low", "Quek");

    // ---- companies ----------------------------------------------------------------------------------

    static final List<String> COMPANY_WORDS = List.of(
            "Harbour Lane", "Oakridge", "Millbrook", "Kingsway", "Riverside", "Northfield", "Ashdown", "Blackwater",
            "Greystone", "Summit", "Meridian", "Cobalt", "Larkspur", "Willow", "Foxglove", "Redbrick", "Silverline",
            "Thornbury", "Westgate", "Halcyon", "Copperfield", "Hawthorn", "Ironbridge", "Lighthouse", "Orchard",
            "Pinecrest", "Quayside", "Rosewood", "Stonebridge", "Tidewater", "Vantage", "Wren", "Yardley", "Beacon",
            "Cedar", "Drummond", "Elmstead", "Granite", "Highgate", "Juniper", "Marlow", "Fairhaven", "Saltmarsh",
            "Brackenridge", "Calder", "Dunmore", "Eastbrook", "Glenfield");

    static final List<String> COMPANY_TRADES = List.of(
            "Logistics", "Dental Group", "Architects", "Engineering", "Property Holdings", "Bakeries", "Vineyards",
            "Software", "Veterinary Practice", "Joinery", "Construction", "Hotels", "Marine Services", "Brewing Co.",
            "Pharmacy", "Recruitment", "Catering", "Motors", "Physiotherapy", "Landscaping", "Textiles", "Studios",
            "Laboratories", "Freight", "Surveyors", "Interiors", "Optometrists", "Removals");

    static final List<String> GERMAN_COMPANY_WORDS = List.of(
            "Havelblick", "Spreewald", "Lindenhof", "Nordstern", "Rheintal", "Alpenblick", "Seeblick", "Elbufer",
            "Tannenberg", "Sonnenhang", "Mühlental", "Eichenwald");

    static final List<String> GERMAN_COMPANY_TRADES = List.of(
            "Logistik", "Immobilien", "Zahnmedizin", "Maschinenbau", "Bäckerei", "Architekten", "Software", "Brauerei",
            "Druckerei", "Holzbau", "Feinkost", "Medizintechnik");

    // ---- free mail ----------------------------------------------------------------------------------

    static final List<String> FREE_MAIL_UK = List.of("gmail.com", "outlook.com", "btinternet.com", "hotmail.co.uk", "icloud.com", "yahoo.co.uk");
    static final List<String> FREE_MAIL_US = List.of("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "aol.com");
    static final List<String> FREE_MAIL_DE = List.of("gmail.com", "gmx.de", "web.de", "t-online.de", "outlook.de");
    static final List<String> FREE_MAIL_FR = List.of("gmail.com", "orange.fr", "outlook.fr", "free.fr");
    static final List<String> FREE_MAIL_SG = List.of("gmail.com", "singnet.com.sg", "outlook.com", "yahoo.com.sg");
    static final List<String> FREE_MAIL_AU = List.of("gmail.com", "bigpond.com", "outlook.com", "icloud.com");

    // ---- places -------------------------------------------------------------------------------------

    /** Where the owner meets for lunch or dinner, by the zone of the city. */
    static List<String> restaurants(String zone) {
        switch (zone) {
            case "Europe/Berlin": return List.of("Lindenhof Brasserie, Friedrichstraße 104, Berlin",
                    "Restaurant Spreeblick, Schiffbauerdamm 8, Berlin", "Zum Goldenen Hirsch, Gendarmenmarkt 3, Berlin");
            case "America/New_York": return List.of("Hartwell's Grill, 212 West 44th Street, New York",
                    "The Larchmont Room, 57 Park Avenue South, New York", "Ferro & Vine, 88 Greenwich Street, New York");
            case "America/Chicago": return List.of("Lakeshore Chop House, 310 North Clark Street, Chicago",
                    "The Wabash Table, 19 East Adams Street, Chicago");
            case "America/Los_Angeles": return List.of("Canyon Room, 1120 Ocean Avenue, Santa Monica",
                    "Olive & Ember, 640 South Grand Avenue, Los Angeles");
            case "Asia/Singapore": return List.of("The Straits Kitchen, 12 Marina View, Singapore",
                    "Jade Pavilion, 5 Raffles Place, Singapore");
            case "Australia/Sydney": return List.of("Harbourside Grill, 7 Circular Quay West, Sydney",
                    "The Paddington Larder, 88 Oxford Street, Sydney");
            case "Europe/Paris": return List.of("Brasserie Lumière, 14 rue Montorgueil, Paris",
                    "Le Petit Verger, 3 place des Vosges, Paris");
            default: return List.of("The Wharf Kitchen, 12 Narrow Street, London E14",
                    "Bellamy & Rowe Brasserie, 18 Bruton Place, London W1", "The Gilded Fox, 41 Fleet Street, London EC4",
                    "Hollis Dining Rooms, 9 St John Street, London EC1", "The Lamb & Lantern, 27 Borough High Street, London SE1");
        }
    }

    /** Where the owner meets for coffee, by the zone of the city. */
    static List<String> cafes(String zone) {
        switch (zone) {
            case "Europe/Berlin": return List.of("Café Kranzler Eck, Kurfürstendamm 18, Berlin", "Röstwerk Café, Torstraße 61, Berlin");
            case "America/New_York": return List.of("Bluestone Coffee, 140 Broadway, New York", "Corner Cup Café, 9 Bleecker Street, New York");
            case "America/Chicago": return List.of("Loop Roasters, 22 West Madison Street, Chicago");
            case "America/Los_Angeles": return List.of("Sunset Bean Café, 8401 Sunset Boulevard, West Hollywood");
            case "Asia/Singapore": return List.of("Kopi Corner, 21 Telok Ayer Street, Singapore");
            case "Australia/Sydney": return List.of("The Grounds Café, 3 Bridge Street, Sydney");
            case "Europe/Paris": return List.of("Café des Arts, 22 rue de Buci, Paris");
            default: return List.of("Fernhill Coffee, 3 Cheapside, London EC2", "The Copper Kettle Café, 55 Bishopsgate, London EC2",
                    "Monmouth & Co Coffee, 2 Park Street, London SE1", "Café Rosa, 14 Marylebone High Street, London W1");
        }
    }

    static final String OWNER_OFFICE = "Whitfield Advisory, 4 Mercer Yard, London EC2A 4NE";
    static final List<String> OWNER_ROOMS = List.of("Meeting room 1, Mercer Yard", "Board room, Mercer Yard");

    static final List<String> STREETS = List.of("High Street", "Station Road", "Church Lane", "Mill Road", "Park Avenue",
            "King Street", "Queen's Road", "Victoria Road", "The Green", "Market Place", "Bridge Street", "Chapel Lane");

    static final List<String> TOWNS_UK = List.of("Richmond", "Guildford", "St Albans", "Sevenoaks", "Islington", "Wimbledon",
            "Harrogate", "Cheltenham", "Bath", "Winchester", "Hampstead", "Clapham");

    // ---- subjects -----------------------------------------------------------------------------------
    // Placeholders: {first} the client's first name, {company} the company, {year}, {next} next year,
    // {yy} next year's last two digits, {q} the quarter just ended, {month} month name, {n} a number,
    // {line} an insurance line or financial product.

    static final List<String> COMPANY_LINES = List.of("commercial property", "fleet", "cyber", "professional indemnity",
            "employers' liability", "public liability", "directors' and officers'", "marine cargo", "business interruption",
            "key-person", "group health");

    static final List<String> PRIVATE_PRODUCTS = List.of("pension consolidation", "income protection", "life cover",
            "home and contents cover", "portfolio rebalancing", "estate planning", "school fees plan", "ISA top-up",
            "critical illness cover", "annuity options");

    static final List<String> SALES_OWNER_PRIVATE = List.of(
            "Proposal: {line}", "Proposal: {line} for {year}", "Options for this year's ISA allowance",
            "Income protection quote", "Life cover: revised quote", "Follow-up on the {line} proposal",
            "Estate planning proposal", "Renewal of your home insurance", "An idea for your {line}");
    static final List<String> SALES_OWNER_COMPANY = List.of(
            "Proposal: {line} cover renewal", "Quote for {line} insurance", "Renewal terms for {year}/{yy}",
            "Revised proposal: {line} cover", "Upgrade options for your {line} policy", "Group pension scheme proposal",
            "Proposal: commercial property cover renewal", "Renewal quote: {line}");
    static final List<String> SALES_CLIENT = List.of(
            "Could you quote for a new van?", "Interested in the fund you mentioned", "Quote request: {line}",
            "Can we look at our renewal early?", "Thinking about more life cover", "Pricing for a second site");

    static final List<String> SERVICE_CLIENT_PRIVATE = List.of(
            "Question about my statement", "Change of address", "Claim update: water damage in the kitchen",
            "Can't log in to the portal", "Transfer from my old pension", "Missing policy documents",
            "Query on the latest valuation", "Withdrawal request", "Problem with the direct debit",
            "Lost my policy number", "Car insurance claim after the accident");
    static final List<String> SERVICE_CLIENT_COMPANY = List.of(
            "Claim {n}: update from the loss adjuster", "Question about the fleet schedule", "Adding a vehicle to the policy",
            "Certificate of insurance for a tender", "Issue with the direct debit", "New starter for the health scheme",
            "Break-in at the warehouse: how do we claim?", "Query on the premium instalments", "Urgent: flood damage at {street}");
    static final List<String> SERVICE_OWNER = List.of(
            "Your claim: next steps", "Update on your transfer", "Policy documents attached", "Valuation as requested",
            "Re-issued certificate of insurance", "Your new policy number");

    static final List<String> RELATIONSHIP_OWNER = List.of(
            "Checking in", "How are things?", "Catching up after the summer", "Any changes on your side?",
            "How did the move go?", "Thinking of you this week", "A quick hello from Dana", "Checking in before year end");
    static final List<String> RELATIONSHIP_OWNER_COMPANY = List.of(
            "How are things at {company}?", "Checking in before year end", "Catching up after the summer",
            "Any changes to the business?", "How is the new financial year going?");
    static final List<String> RELATIONSHIP_CLIENT = List.of(
            "Quick update from our side", "News from {company}", "We've moved offices", "Some family news",
            "Catching up", "Good to see you last week");

    static final List<String> SOCIAL_OWNER = List.of(
            "Coffee next week?", "Lunch on Thursday?", "Congratulations on the new office!",
            "Great to see you at the golf day", "Thank you for lunch", "Congratulations on the anniversary",
            "Tickets for the charity dinner", "Congratulations on the new arrival!");
    static final List<String> SOCIAL_CLIENT = List.of(
            "Thank you for the flowers", "Thanks for lunch!", "Photos from the golf day", "Coffee soon?",
            "Thank you for the card", "Drinks on Friday?");

    static final List<String> ADMIN_OWNER = List.of(
            "Invoice {year}-{n}", "Updated terms of business", "Your annual fee statement {year}",
            "Proof of address for our records", "Direct debit mandate", "Tax certificate {year}",
            "Documents to sign for the transfer", "Your data protection notice");
    static final List<String> ADMIN_CLIENT = List.of(
            "Signed KYC documents", "Proof of address attached", "Remittance advice: invoice {year}-{n}",
            "Signed forms for the transfer", "Updated bank details", "Signed letter of authority");

    // ---- meetings -----------------------------------------------------------------------------------

    static final List<String> REVIEW_TITLES_PRIVATE = List.of("Q{q} portfolio review", "Q{q} review with {first}");
    static final List<String> REVIEW_TITLES_COMPANY = List.of("Q{q} account review", "{company}: Q{q} review");
    static final List<String> SALES_MEETINGS = List.of("Renewal discussion: {line} cover", "Proposal walkthrough: {line}",
            "Renewal negotiation: {line} policy", "Quote review: {line}");
    static final List<String> SALES_MEETINGS_PRIVATE = List.of("Proposal walkthrough: {line}", "Discussing the {line} proposal");
    static final List<String> SERVICE_MEETINGS = List.of("Call re: claim {n}", "Statement query call", "Claim call with the loss adjuster",
            "Call about the transfer");
    static final List<String> ADMIN_MEETINGS = List.of("Signing the transfer documents", "KYC documents: signing", "Document signing");
    static final List<String> CATCH_UP_TITLES = List.of("Catch-up", "{first} / Dana", "Catch-up with {first}");

    // ---- manual logs --------------------------------------------------------------------------------

    static final List<String> CALL_OUT = List.of("Call: check-in", "Call about the renewal", "Returned {first}'s call",
            "Call to follow up the review", "Call about the claim");
    static final List<String> CALL_IN = List.of("{first} called about the statement", "Incoming call: claim question",
            "{first} rang to say thanks", "{first} called about the direct debit");
    static final List<String> LETTERS = List.of("Annual statement cover letter", "Handwritten thank-you note",
            "Letter confirming the new policy", "Welcome pack by post", "Condolence card");
    static final List<String> VISITS = List.of("Home visit to sign documents", "Visit to the new office", "Site visit: risk survey",
            "Visit with the annual review pack");

    // ---- everything that is not client contact ----------------------------------------------------

    static final List<String> INTERNAL_SUBJECTS = List.of(
            "Pipeline for next week", "Compliance training due Friday", "Holiday cover in {month}",
            "Can you look over the {company} file?", "Team lunch on Friday", "Office closed on Monday",
            "Q{q} targets", "CRM clean-up", "New claims process", "Renewals due next month", "IT: laptop upgrades",
            "Fee review for {year}", "Draft suitability report", "File review findings", "Parking at Mercer Yard");

    static final List<String> STRANGER_SUBJECTS = List.of(
            "Partnership opportunity", "Introduction: referral partner", "Your speaking slot at the conference",
            "Quick question", "Exclusive leads for financial advisers", "Recruiting for your team?",
            "Invitation: networking breakfast", "Would you be open to a chat?", "Your listing in the adviser directory");
    static final List<String> OWNER_TO_STRANGER_SUBJECTS = List.of(
            "Introduction: Dana Whitfield", "Referral: tax adviser for a client", "Following up from the networking breakfast",
            "Solicitor for a probate question", "Mortgage broker recommendation");

    static final List<String> NEWSLETTER_HEADLINES = List.of(
            "Rates on hold again", "What the budget means for pensions", "Cyber claims keep rising", "ISA season checklist",
            "Flood cover after the winter storms", "Property market steadies", "Inheritance tax: the new thresholds",
            "Insurers tighten terms for warehouses", "Five questions to ask at renewal", "Markets in a nervous week",
            "The adviser's guide to the new consumer duty", "Why premiums are up this year");

    static final List<String> COMPANY_NOTIFICATIONS = List.of(
            "Remittance advice for invoice {year}-{n}", "Purchase order PO-{n} issued", "Supplier portal: please confirm your bank details",
            "Your password for the supplier portal expires soon", "New document shared with you", "Payment run completed");
}
