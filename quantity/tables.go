package quantity

// modifiers qualify a number ("more than 9,000"), longest first so that
// "no more than" wins over "more than".
var modifiers = [][]string{
	{"no", "more", "than"}, {"no", "fewer", "than"}, {"not", "more", "than"}, {"as", "many", "as"},
	{"as", "few", "as"}, {"as", "much", "as"}, {"more", "than"}, {"fewer", "than"}, {"less", "than"},
	{"at", "least"}, {"at", "most"}, {"up", "to"}, {"close", "to"}, {"just", "over"}, {"just", "under"},
	{"well", "over"}, {"upwards", "of"}, {"an", "estimated"}, {"over"}, {"about"}, {"around"},
	{"nearly"}, {"almost"}, {"some"}, {"roughly"}, {"approximately"}, {"estimated"}, {"under"},
	{"between"}, {"only"}, {"exactly"}, {"just"}, {"circa"}, {"~"},
}

// smallNumbers are the number words below one hundred (the tens included).
var smallNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// scales multiply the number before them ("1.2 million", "two thousand").
var scales = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mln": 1e6, "bln": 1e9, "mn": 1e6, "bn": 1e9,
}

// vague are the plural numerals ("dozens of", "thousands"); the value is
// the lower bound.
var vague = map[string]float64{
	"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 1e6, "billions": 1e9,
}

// currencies maps a currency sign to its ISO 4217 code, the Unit of a sum
// of money.
var currencies = map[string]string{"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}

// suffixScales are the scales glued to a sum of money ("$5bn", "£3m").
var suffixScales = map[string]float64{"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}

// timeSuffixes after a number make it a time of day, not a quantity.
var timeSuffixes = map[string]bool{
	"a.m.": true, "p.m.": true, "am": true, "pm": true, "gmt": true, "utc": true, "o'clock": true,
	"o’clock": true, "hrs": true, "hgmt": true, "edt": true, "est": true, "bst": true, "cet": true,
}

// identifierWords before a number make it a name or an index, not a count
// ("Resolution 2334", "Article 5", "Flight 17").
var identifierWords = map[string]bool{
	"article": true, "resolution": true, "no": true, "no.": true, "number": true, "flight": true,
	"route": true, "highway": true, "chapter": true, "section": true, "room": true, "page": true,
	"paragraph": true, "item": true, "level": true, "phase": true, "category": true, "grade": true,
	"episode": true, "season": true, "vol": true, "volume": true, "part": true, "act": true,
	"clause": true, "amendment": true, "annex": true, "protocol": true, "channel": true,
	"platform": true, "gate": true, "terminal": true, "camp": true, "block": true, "sector": true,
	"unit": true, "brigade": true, "division": true, "battalion": true, "corps": true, "regiment": true,
	"squadron": true, "fleet": true, "line": true, "bus": true, "road": true,
	"street": true, "avenue": true, "district": true, "zone": true, "ward": true, "tier": true,
	"stage": true, "round": true, "game": true, "match": true,
	"top": true, "#": true, "+": true, "version": true, "model": true, "type": true,
	"covid": true, "covid-": true, "aged": true, "age": true, "ages": true, "rank": true, "ranked": true,
	"minus": true, "plus": true, "score": true, "scored": true,
}

// notOnePrev lists words after which "one" is a pronoun ("no one", "the
// one who").
var notOnePrev = map[string]bool{
	"no": true, "any": true, "every": true, "each": true, "the": true, "this": true, "that": true,
	"which": true, "someone": true, "anyone": true, "only": true, "last": true, "next": true,
	"another": true, "such": true, "little": true, "big": true, "new": true, "old": true,
	"number": true,
}

// measureNouns are singular units taken as the unit right after a number
// ("a 72 hour ban", "one week").
var measureNouns = map[string]bool{
	"hour": true, "day": true, "week": true, "month": true, "year": true, "minute": true,
	"mile": true, "kilometre": true, "kilometer": true, "meter": true, "metre": true, "foot": true,
	"inch": true, "ton": true, "tonne": true, "degree": true, "acre": true, "hectare": true,
	"dollar": true, "point": true, "percent": true, "km": true, "kg": true, "man": true,
	"person": true, "member": true, "nation": true, "country": true, "state": true, "party": true,
}

// stopWords end the noun phrase after a number.
var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "from": true, "with": true,
	"by": true, "as": true, "than": true, "who": true, "whom": true, "which": true, "whose": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"have": true, "has": true, "had": true, "will": true, "would": true, "could": true, "should": true,
	"may": true, "might": true, "can": true, "must": true, "do": true, "does": true, "did": true,
	"not": true, "it": true, "they": true, "he": true, "she": true, "we": true, "you": true, "i": true,
	"their": true, "its": true, "his": true, "her": true, "our": true, "your": true, "my": true,
	"them": true, "him": true, "us": true, "me": true, "into": true, "during": true, "since": true,
	"after": true, "before": true, "across": true, "over": true, "under": true, "near": true,
	"around": true, "about": true, "between": true, "among": true, "against": true, "including": true,
	"such": true, "while": true, "when": true, "where": true, "if": true, "but": true, "so": true,
	"because": true, "each": true, "every": true, "all": true, "more": true, "less": true, "up": true,
	"down": true, "out": true, "says": true, "said": true, "say": true, "per": true, "ago": true,
	"later": true, "earlier": true, "north": true, "south": true, "east": true, "west": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true, "away": true,
	"there": true, "here": true, "also": true, "then": true, "still": true, "now": true, "only": true,
	"mostly": true, "both": true, "either": true, "neither": true, "via": true,
	"through": true, "until": true, "within": true, "without": true, "toward": true, "towards": true,
	"inside": true, "outside": true, "behind": true, "beyond": true, "along": true, "amid": true,
	"despite": true, "like": true, "unlike": true, "whether": true, "what": true, "how": true,
	"why": true, "again": true, "already": true, "just": true, "even": true, "yet": true, "ever": true,
	"never": true, "very": true, "too": true, "most": true, "least": true, "some": true, "many": true,
	"few": true, "other": true, "another": true, "own": true, "same": true, "throughout": true,
}

// notPlural are words ending in "s" that are not plural nouns.
var notPlural = map[string]bool{
	"this": true, "was": true, "has": true, "does": true, "is": true, "as": true, "its": true,
	"his": true, "us": true, "thus": true, "always": true, "perhaps": true, "whereas": true,
	"towards": true, "unless": true, "besides": true, "less": true, "across": true, "various": true,
	"numerous": true, "serious": true, "previous": true, "famous": true, "dangerous": true,
	"anonymous": true, "religious": true, "indigenous": true, "nervous": true, "obvious": true,
	"autonomous": true, "enormous": true, "tremendous": true, "continuous": true, "jealous": true,
	"gas": true, "bus": true, "virus": true, "status": true, "census": true, "bonus": true,
	"focus": true, "campus": true, "consensus": true, "crisis": true, "basis": true, "analysis": true,
	"thesis": true, "emphasis": true, "diagnosis": true, "chaos": true, "ethos": true, "bias": true,
	"alias": true, "canvas": true, "atlas": true, "lens": true,
}

// massNouns count as the unit even though they do not end in "s".
var massNouns = map[string]bool{
	"people": true, "children": true, "men": true, "women": true, "police": true, "militia": true,
	"personnel": true, "staff": true, "infantry": true, "cavalry": true, "artillery": true,
	"livestock": true, "cattle": true, "sheep": true, "fish": true, "feet": true, "teeth": true,
	"geese": true, "mice": true, "crew": true, "aircraft": true, "ammunition": true, "equipment": true,
	"percent": true, "km": true, "kg": true, "mph": true, "mm": true, "cm": true, "ha": true,
	"troops": true, "youth": true, "clergy": true, "deer": true,
	"offspring": true, "spacecraft": true, "watercraft": true, "hovercraft": true, "swine": true,
	"poultry": true, "kilometres": true, "metres": true, "tonnes": true, "tons": true, "barrels": true,
	"militiamen": true, "gunmen": true, "policemen": true, "servicemen": true, "firemen": true,
	"fishermen": true, "tribesmen": true, "countrymen": true, "congressmen": true, "riflemen": true,
	"kilograms": true, "pounds": true, "dollars": true, "euros": true, "yuan": true, "yen": true,
	"rupees": true, "refugees": true, "civilians": true,
}

// premodifiers are nouns that often modify the counted noun after them
// ("police officers", "crew members", "weapons inspectors").
var premodifiers = map[string]bool{
	"police": true, "crew": true, "staff": true, "militia": true, "poultry": true, "security": true,
	"weapons": true, "arms": true, "explosives": true, "girls": true, "boys": true, "sports": true,
	"rights": true, "drugs": true, "news": true, "customs": true, "aid": true, "relief": true,
	"border": true, "army": true, "cabinet": true, "party": true, "opposition": true, "government": true,
	"election": true, "health": true, "peace": true, "rescue": true, "emergency": true,
}
