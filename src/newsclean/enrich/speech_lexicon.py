"""Word lists for attributing quotations: reporting verbs, pronouns, titles, given names.

Kept apart from the parsing code so that a language is added by extending sets here.
All entries are lower case; lookups lower-case the token first.
"""

from __future__ import annotations


def _regular(stems: str) -> set[str]:
    """Inflect regular English verbs: stem, +s, +ed, +ing (with the usual e/y rules)."""
    out: set[str] = set()
    for v in stems.split():
        out.add(v)
        if v.endswith("e"):
            out |= {v + "s", v + "d", v[:-1] + "ing"}
        elif v.endswith("y") and v[-2] not in "aeiou":
            out |= {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
        else:
            out |= {v + ("es" if v.endswith(("s", "sh", "ch")) else "s"), v + "ed", v + "ing"}
    return out


EN_VERBS = _regular(
    "add ask answer argue acknowledge admit announce assert agree boast caution claim "
    "complain concede conclude confirm contend continue counter declare deny emphasize "
    "emphasise explain exclaim insist joke lament muse note observe plead post predict "
    "promise quip recall recount remark repeat reply respond retort scoff shout state "
    "stress suggest testify tweet urge vow warn whisper yell wonder mention comment "
    "estimate pledge charge accuse describe reflect reveal report maintain affirm "
    "chide criticize criticise mock write call insist demand dismiss cite liken blast "
    "scold praise laud decry denounce chant rule label brand characterize attack hail "
    "slam pledge proclaim condemn deride lambast fume gush rail complain assure "
    "encourage exhort implore beseech point reiterate tout brag ridicule question signal "
    "opine threaten thank apologize apologise scream laugh sigh beg interject protest "
    "allege speculate propose recommend gloat gripe grumble bemoan deplore "
    "confess clarify elaborate summarize summarise concur lash chime weigh "
    # verbs of communication (after Levin's classes 37.1-37.11): say, complain, advise,
    # manner of speaking
    "blurt convey disclose divulge express crow groan growl holler howl moan mumble "
    "murmur mutter roar shriek snarl stammer wail whine admonish advise instruct rebut "
    "refute contradict dispute sneer taunt tease rebuke reprimand mourn underscore "
    "underline highlight detail outline narrate vouch attest certify aver avow hint imply "
    "reckon guarantee verify reassure inform notify congratulate blame posit theorize "
    "theorise hypothesize"
) | {
    "refer", "refers", "referred", "referring",
    "say", "says", "said", "saying", "tell", "tells", "told", "telling",
    "wrote", "written", "writes", "writing", "admitted", "admitting", "committed",
    "quipped", "quipping", "plead", "pled", "sings", "sang", "slammed", "slamming",
    "put", "puts",
    # stems whose final consonant doubles (_regular does not double it)
    "bragged", "bragging", "rebutted", "rebutting", "averred", "averring",
}
# Drop regular inflections that are mostly nouns or adjectives in running text.
EN_VERBS -= {"post", "posts", "posting", "note", "notes", "call", "calls", "charge",
             "charges", "state", "states", "report", "reports", "counter", "counters",
             "comment", "comments", "answer", "answers", "joke", "jokes", "stress",
             "promise", "promises", "claim", "claims", "estimate", "estimates", "warn",
             "repeat", "mention", "mentions", "reply", "replies", "vow", "vows", "tweet",
             "tweets", "reflect", "continue", "continues", "continuing", "shout", "shouts",
             "wonder", "wonders", "add", "ask", "say", "tell", "write", "describe",
             "observe", "agree", "agreed", "agreeing", "agrees", "muse", "muses",
             "plead", "recall", "recalls", "deny", "denies", "urge", "urges",
             "point", "points", "question", "questions", "signal", "signals", "protest",
             "protests", "laugh", "laughs", "sigh", "sighs", "lash", "lashes", "weigh",
             "weighs", "chime", "chimes", "thank", "thanks", "propose", "beg", "summarize",
             "summarise", "clarify", "groan", "groans", "growl", "growls", "howl", "howls",
             "moan", "moans", "murmur", "murmurs", "roar", "roars", "wail", "wails", "whine",
             "whines", "dispute", "disputes", "detail", "details", "outline", "outlines",
             "highlight", "highlights", "blame", "blames", "hint", "hints", "advise",
             "inform", "express", "tease", "underline"}

# Those inflections still report speech right before a quotation's mark, after their
# subject (`The Times reports: "…"`, `Dunne tweets, "…"`): read as verbs only there.
EN_NOUN_LIKE_VERBS = {
    "post", "posts", "note", "notes", "call", "calls", "state", "states", "report", "reports",
    "counter", "counters", "comment", "comments", "answer", "answers", "joke", "jokes",
    "promise", "promises", "claim", "claims", "warn", "repeat", "mention", "mentions",
    "reply", "replies", "vow", "vows", "tweet", "tweets", "continue", "continues", "shout",
    "shouts", "wonder", "wonders", "add", "ask", "say", "tell", "write", "recall", "recalls",
    "observe", "muse", "muses", "deny", "denies", "urge", "urges", "agree", "agrees",
    "groans", "growls", "howls", "moans", "murmurs", "roars", "wails", "whines", "disputes",
    "details", "outlines", "highlights", "blames", "hints", "points", "questions",
    "signals", "protests", "laughs", "sighs", "thanks", "warns", "adds", "asks", "tells",
}
# Irregular past tenses that often follow a named subject in news prose (`Pence struck a
# softer tone`, `Ruiz took aim at …`): no -ed to show that the word is a verb.
IRREGULAR_PAST = set(
    """
    took gave made went struck held spoke sent got came kept left brought thought felt saw
    knew found drew fought ran won lost led hit stood sat began became broke chose drove
    fell flew forgot hid hung lay meant met paid rode rose sought sold shook shot stuck
    swore swept taught threw told understood woke wore withdrew overcame undertook
    """.split()
)
# A written text speaks after the quotation it holds (`“…,” the statement read.`, `“…,”
# reads the letter`); before one, `read` is mostly the reader's (`You can read “…”`).
EN_POST_VERBS = {"read", "reads"}
# Nouns of speech after a possessive (`Dunne's claim that …“…”`, `her words`): the
# possessor is the speaker of the quotation that follows in the sentence.
SPEECH_NOUNS = {
    "claim", "claims", "statement", "statements", "remark", "remarks", "comment", "comments",
    "words", "assertion", "promise", "warning", "argument", "message", "response", "reply",
    "tweet", "tweets", "post", "description", "accusation", "answer", "quip", "pledge",
    "vow", "insistence", "suggestion", "prediction", "declaration", "admission", "testimony",
    "retort", "question", "complaint", "boast", "charge", "allegation", "announcement",
    "speech", "slogan", "catchphrase", "refrain", "mantra", "call", "plea", "demand",
}
# Words that open a subordinate clause at a sentence's start: a reporting verb in it
# (`While he acknowledged …, Ham noted “…”`) yields to the main clause's.
SUBORDINATORS = {
    "while", "although", "though", "as", "after", "when", "because", "since", "if", "before",
    "once", "despite", "whereas", "until", "unless", "whether", "whenever",
}

DE_VERBS = {
    "sagte", "sagt", "sagten", "sagen", "erklärte", "erklärt", "erklärten", "betonte",
    "betont", "meinte", "meint", "fügte", "ergänzte", "ergänzt", "schrieb", "schreibt",
    "teilte", "warnte", "warnt", "kritisierte", "kritisiert", "forderte", "fordert",
    "räumte", "antwortete", "berichtete", "versicherte", "bekräftigte", "unterstrich",
    "sprach", "zufolge", "laut", "mahnte", "verkündete", "kündigte", "stellte", "hieß",
}
FR_VERBS = {
    "dit", "déclare", "déclaré", "affirme", "affirmé", "explique", "expliqué", "ajoute",
    "ajouté", "souligne", "souligné", "estime", "estimé", "assure", "assuré", "indique",
    "indiqué", "précise", "précisé", "lance", "lancé", "confie", "confié", "insiste",
    "insisté", "rappelle", "rappelé", "répond", "répondu", "poursuit", "poursuivi",
    "écrit", "martèle", "martelé", "prévient", "prévenu", "avertit", "averti", "selon",
    "déclarait", "disait", "affirmait", "expliquait", "ajoutait", "raconte", "raconté",
    "dénonce", "dénoncé", "commente", "commenté", "tranche", "tranché", "juge", "jugé",
}
ES_VERBS = {
    "dijo", "dice", "decía", "dicho", "afirmó", "afirma", "afirmado", "declaró", "declara",
    "declarado", "señaló", "señala", "señalado", "explicó", "explica", "explicado",
    "aseguró", "asegura", "asegurado", "añadió", "añade", "agregó", "agrega", "indicó",
    "indica", "sostuvo", "sostiene", "manifestó", "subrayó", "advirtió", "advierte",
    "insistió", "apuntó", "comentó", "destacó", "destaca", "expresó", "según", "escribió",
    "respondió", "recordó", "reconoció", "admitió", "criticó", "denunció", "precisó",
}
# "so" (de: `„…“, so Brandt`) is only a reporting word after a German-style quote.
DE_POST_ONLY = {"so"}

VERBS_BY_LANG = {"en": EN_VERBS, "de": DE_VERBS, "fr": FR_VERBS, "es": ES_VERBS}
ALL_VERBS = EN_VERBS | DE_VERBS | FR_VERBS | ES_VERBS

# "according to X", "laut X", "selon X", "según X": the source follows the word.
ACCORDING = {"according", "laut", "selon", "según"}
# German postposition: "Merz zufolge" -- the source precedes it.
POSTPOSITION = {"zufolge"}

# Auxiliaries and adverbs that may stand between a subject and its reporting verb.
AUX = {
    "has", "have", "had", "also", "later", "then", "previously", "once", "recently",
    "repeatedly", "publicly", "again", "further", "reportedly", "would", "will", "could",
    "still", "never", "always", "just", "did", "does", "do", "not", "earlier", "often",
    "simply", "is", "was", "are", "were", "been", "being", "be", "bluntly", "flatly",
    "quickly", "a", "ont", "avait", "avaient", "aurait", "ha", "han", "había", "habían", "hat", "haben", "hatte", "zudem",
    "auch", "noch", "bereits",
}

PRONOUN_GENDER = {
    "he": "m", "she": "f", "er": "m", "il": "m", "elle": "f", "él": "m", "ella": "f",
}
# Pronouns that name no single resolvable person: the speaker stays unknown.
OTHER_PRONOUNS = {
    "they", "it", "we", "i", "you", "sie", "es", "wir", "ich", "ils", "elles", "on",
    "nous", "je", "ellos", "ellas", "nosotros", "yo", "this", "that",
}

DETERMINERS = {
    "the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my", "one",
    "another", "some", "several", "many", "two", "three", "der", "die", "das", "ein", "eine",
    "einer", "des", "dem", "den", "le", "la", "les", "un", "une", "ce", "cette", "el", "los",
    "las", "una", "este", "esta",
}

# Honorifics and offices written before a name; "." optional.
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "sen",
    "senator", "rep", "representative", "gov", "governor", "gen", "general", "lt", "col",
    "sgt", "capt", "adm", "president", "vice", "prime", "minister", "secretary", "chancellor",
    "mayor", "judge", "justice", "chief", "speaker", "leader", "pope", "king", "queen",
    "prince", "princess", "ambassador", "commissioner", "director", "attorney", "sheriff",
    "officer", "herr", "frau", "m", "mme", "mlle", "sr", "sra", "don", "doña", "président",
    "présidente", "ministre", "bundeskanzler", "kanzler", "kanzlerin", "präsident",
    "presidente", "ministro", "ministra", "the", "former", "deputy", "state", "foreign",
    "defense", "defence", "interior", "finance", "health", "house", "senate", "majority",
    "minority", "democratic", "republican", "labour", "conservative", "ceo", "cfo", "coo",
    "chairman", "chairwoman", "chair", "founder", "professor", "coach", "manager", "editor",
    "spokesman", "spokeswoman", "retired", "del", "councilman", "councilwoman", "rabbi",
    # roles and offices written before a name (`NASA Administrator Jim Bridenstine`)
    "administrator", "spokesperson", "analyst", "economist", "strategist", "adviser",
    "advisor", "aide", "lawyer", "correspondent", "reporter", "anchor", "host", "author",
    "researcher", "scientist", "geologist", "teacher", "captain", "commander", "agent",
    "inspector", "executive", "head", "co-founder", "principal", "dean", "superintendent",
    "candidate", "nominee", "delegate", "lawmaker", "legislator", "assemblyman",
    "assemblywoman", "congressman", "congresswoman", "councilor", "councillor", "trustee",
    "treasurer", "comptroller", "auditor", "prosecutor", "solicitor", "magistrate",
    "detective", "sergeant", "marshal", "warden", "activist", "organizer", "pastor",
    "bishop", "cardinal", "imam", "premier", "envoy", "negotiator",
}
# Capitalised words that are not given names (parties, nationalities, calendar, places).
NOT_GIVEN = TITLES | {
    "democrat", "democrats", "gop", "american", "british", "german", "french", "spanish",
    "russian", "chinese", "ukrainian", "israeli", "palestinian", "iranian", "indian",
    "italian", "european", "african", "canadian", "mexican", "japanese", "korean",
    "turkish", "syrian", "iraqi", "saudi", "polish", "dutch", "swiss", "austrian", "belgian",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "in", "on", "at", "but", "and", "as", "when", "after",
    "new", "north", "south", "east", "west", "united", "u.s", "us", "uk", "eu", "un", "nato",
    "white", "if", "while", "for", "by", "with", "from", "to", "of", "then", "meanwhile",
    "earlier", "later", "last", "this", "that", "these", "those", "his", "her", "their",
    "it", "he", "she", "they", "we", "i", "a", "an", "according", "asked", "mrs", "mr",
    "según", "selon", "laut", "zufolge", "während", "pendant", "durante", "because", "though",
    "although", "however", "still", "also", "even", "now", "here", "there",
    "under", "during", "before", "since", "so", "yet", "the", "der", "die", "das", "le", "la",
    # countries and regions, which stand before names as adjectives do (`… to Britain Liu …`)
    "america", "britain", "england", "scotland", "wales", "ireland", "france", "germany",
    "spain", "italy", "russia", "china", "japan", "india", "pakistan", "iran", "iraq",
    "israel", "syria", "turkey", "egypt", "ukraine", "poland", "canada", "mexico", "brazil",
    "australia", "korea", "europe", "asia", "africa", "washington", "moscow", "beijing",
    "london", "paris", "berlin", "brussels", "tokyo", "kyiv", "kiev", "taiwan",
    "les", "el", "los", "las", "il", "elle", "er", "sie", "él", "ella", "dear", "said", "says",
}
# Words that mark a capitalised run as an organisation or place, not a person.
ORG_WORDS = {
    "house", "party", "committee", "department", "court", "times", "post", "news",
    "council", "union", "bank", "ministry", "office", "agency", "service", "university",
    "institute", "association", "campaign", "company", "corp", "inc", "group", "network",
    "senate", "congress", "government", "republic", "states", "kingdom", "nations",
    "forces", "army", "police", "fund", "board", "commission", "center", "centre",
    "foundation", "journal", "street", "club", "city", "county", "state", "press",
    "reuters", "associated", "tribune", "herald", "daily", "magazine", "review", "media",
    "television", "radio", "tv", "cnn", "bbc", "fox", "nbc", "abc", "cbs", "msnbc", "npr",
    "school", "college", "hospital", "church", "airport", "project", "program", "report",
    "organization", "organisation", "alliance", "federation", "authority", "trust",
    "coalition", "movement", "caucus", "bureau", "administration", "cabinet", "parliament",
    "assembly", "ltd", "llc", "plc", "ag", "gmbh", "sa", "partners", "capital", "holdings",
    "research", "systems", "securities", "technologies", "labs", "laboratory", "energy",
    "airlines", "studios", "records", "entertainment", "productions", "pictures", "games",
    "motors", "industries", "solutions", "ventures", "financial", "insurance", "museum",
    "library", "gallery", "theater", "theatre", "festival", "league", "team", "conference",
    "summit", "forum", "initiative", "embassy", "consulate", "prosecution", "institution",
    "society", "academy", "observatory", "directorate", "ministries",
    "security", "intelligence", "navy", "guard", "patrol", "exchange", "market", "markets",
}

# Role nouns after "the" that refer back to a titled person ("the senator" -> Sen. X Y).
ROLE_TITLES = {
    "senator": {"sen", "senator"},
    "president": {"president", "pres"},
    "governor": {"gov", "governor"},
    "congressman": {"rep", "representative"},
    "congresswoman": {"rep", "representative"},
    "chancellor": {"chancellor"},
    "mayor": {"mayor"},
    "judge": {"judge"},
    "general": {"gen", "general"},
    "secretary": {"secretary"},
    "minister": {"minister"},
    "pope": {"pope"},
}

MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "herr", "m", "sr", "don", "pope"}
FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "frau", "mme",
                 "mlle", "sra", "doña"}

MALE_NAMES = set(
    """
    aaron adam adrian alan albert alex alexander alexei ali andrew andy angel anthony
    antonio arthur barack ben benjamin benny bernie bill bob boris brad brian bruce carl
    carlos charles charlie chris christian christopher chuck colin craig dan daniel dave
    david dennis dick don donald doug douglas ed eddie edward emmanuel eric erik frank
    franz frederick friedrich gary george gerald gordon greg gregory hans harry henry
    hugo ian jack jacques jake james jamie jason javier jean jeb jeff jeffrey jens jeremy
    jerry jim jimmy joe joel johannes john johnny jon jonathan jorge jose josé joseph juan
    julian justin karl keith ken kenneth kevin klaus larry lars leon lindsey louis luis
    marco marcus mario mark martin matt matthew max michael michel miguel mike mitch
    mohammed muhammad nathan nick nicolas olaf oliver olivier omar orrin pablo patrick paul
    pedro peter philip philippe pierre rafael ralph rand raul raúl reince richard rick
    robert roger ron ronald rudy russ ryan sam samuel scott sean sebastian sergei sergio
    stefan stephen steve steven ted thomas tim timothy todd tom tony vladimir walter
    wayne william willie wolfgang xi yuri
    """.split()
)
FEMALE_NAMES = set(
    """
    abigail alexandria alice alicia amanda amy ana andrea angela angelina ann anna anne
    annalena barbara betsy betty camila carla carly carmen caroline catherine chelsea
    christine christina claire claudia cynthia dana debbie deborah diane donna elena
    elizabeth ellen emily emma eva evelyn françoise gabriele hannah heather helen
    hillary ilhan isabel isabella ivana ivanka jane janet jennifer jessica jill joan
    joanna julia julie karen kamala kate katherine kathleen kathy kelly kellyanne kim
    kristen laura lauren linda lisa liz louise lucy madeleine maria marie marine marina
    martha mary megan melania melissa michelle monica nancy natalie nicola nicole nikki
    olivia pamela patricia paula rachel rebecca rosa ruth sandra sara sarah sharon
    sophie stephanie susan suzanne tammy theresa ursula valerie victoria
    wendy
    """.split()
)
