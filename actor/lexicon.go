package actor

import "strings"

// This file holds the small team-written lexicon the actor stage needs:
// countries with names and demonyms, capitals, well-known organisations with
// their aliases and CAMEO-style codes, titles and the role words that map
// titles and noun phrases to CAMEO roles. Codes follow the CAMEO actor
// scheme (country ISO 3166 alpha-3 code + role codes; IGO/NGO/IMG prefixes
// for international actors). The PETRARCH dictionary reader (package lexicon)
// was not in the tree when this was written, so the stage carries its own.

// country is one row of the country table.
type country struct {
	code      string
	names     []string // proper names, first is canonical
	demonyms  []string // adjectives ("Iraqi")
	plurals   []string // people nouns that stand for the country ("Americans")
	capitals  []string
	ambiguous bool // names that are common words in capitals (none yet)
}

// countryTable lists the countries most often seen in conflict and
// diplomacy news. Format per line: CODE|names,...|demonyms,...|plurals,...|capitals,...
const countryTable = `USA|United States,United States of America,U.S.,US,U.S.A.,USA,America|American,U.S.,US|Americans|Washington
IRQ|Iraq|Iraqi|Iraqis|Baghdad
IRN|Iran,Islamic Republic of Iran|Iranian|Iranians|Tehran
SYR|Syria|Syrian|Syrians|Damascus
TUR|Turkey,Türkiye|Turkish|Turks|Ankara
SAU|Saudi Arabia|Saudi|Saudis|Riyadh
RUS|Russia,Russian Federation|Russian|Russians|Moscow,Kremlin
CHN|China,People's Republic of China|Chinese||Beijing
UKR|Ukraine|Ukrainian|Ukrainians|Kyiv,Kiev
GBR|Britain,United Kingdom,U.K.,UK,Great Britain|British,U.K.|Britons|London
FRA|France|French||Paris
DEU|Germany|German|Germans|Berlin
ISR|Israel|Israeli|Israelis|
PSE|Palestine,Palestinian Territories,West Bank,Gaza|Palestinian|Palestinians|Ramallah
LBN|Lebanon|Lebanese||Beirut
JOR|Jordan|Jordanian|Jordanians|Amman
EGY|Egypt|Egyptian|Egyptians|Cairo
LBY|Libya|Libyan|Libyans|Tripoli
YEM|Yemen|Yemeni|Yemenis|Sanaa
AFG|Afghanistan|Afghan|Afghans|Kabul
PAK|Pakistan|Pakistani|Pakistanis|Islamabad
IND|India|Indian|Indians|New Delhi
KWT|Kuwait|Kuwaiti|Kuwaitis|
QAT|Qatar|Qatari|Qataris|Doha
ARE|United Arab Emirates,UAE|Emirati|Emiratis|Abu Dhabi
BHR|Bahrain|Bahraini|Bahrainis|Manama
OMN|Oman|Omani|Omanis|Muscat
JPN|Japan|Japanese||Tokyo
PRK|North Korea|North Korean|North Koreans|Pyongyang
KOR|South Korea|South Korean|South Koreans|Seoul
CAN|Canada|Canadian|Canadians|Ottawa
MEX|Mexico|Mexican|Mexicans|Mexico City
BRA|Brazil|Brazilian|Brazilians|Brasilia
ITA|Italy|Italian|Italians|Rome
ESP|Spain|Spanish||Madrid
POL|Poland|Polish|Poles|Warsaw
GRC|Greece|Greek|Greeks|Athens
NGA|Nigeria|Nigerian|Nigerians|Abuja
SOM|Somalia|Somali|Somalis|Mogadishu
SDN|Sudan|Sudanese||Khartoum
SSD|South Sudan|South Sudanese||Juba
ETH|Ethiopia|Ethiopian|Ethiopians|Addis Ababa
KEN|Kenya|Kenyan|Kenyans|Nairobi
MLI|Mali|Malian|Malians|Bamako
COD|Democratic Republic of Congo,DR Congo,DRC|Congolese||Kinshasa
ZAF|South Africa|South African|South Africans|Pretoria
VEN|Venezuela|Venezuelan|Venezuelans|Caracas
COL|Colombia|Colombian|Colombians|Bogota
CUB|Cuba|Cuban|Cubans|Havana
AUS|Australia|Australian|Australians|Canberra
IDN|Indonesia|Indonesian|Indonesians|Jakarta
PHL|Philippines|Philippine,Filipino|Filipinos|Manila
MMR|Myanmar,Burma|Burmese||Naypyidaw
BLR|Belarus|Belarusian|Belarusians|Minsk
GEO|Georgia|Georgian|Georgians|Tbilisi
ARM|Armenia|Armenian|Armenians|Yerevan
AZE|Azerbaijan|Azerbaijani|Azerbaijanis|Baku
KAZ|Kazakhstan|Kazakh|Kazakhs|Astana
TWN|Taiwan|Taiwanese||Taipei
VNM|Vietnam|Vietnamese||Hanoi
DZA|Algeria|Algerian|Algerians|Algiers
MAR|Morocco|Moroccan|Moroccans|Rabat
TUN|Tunisia|Tunisian|Tunisians|Tunis
NLD|Netherlands|Dutch||Amsterdam
BEL|Belgium|Belgian|Belgians|Brussels
SWE|Sweden|Swedish|Swedes|Stockholm
NOR|Norway|Norwegian|Norwegians|Oslo
`

// organisation is a well-known organisation with its aliases and code.
type organisation struct {
	names   []string // first is canonical
	typ     string
	code    string
	country string
	roles   []string
	// caseSensitive names match only as written (IS, UN).
	caseSensitive []string
}

// orgTable: canonical|aliases,...|case-sensitive aliases,...|type|code|country|roles
const orgTable = `Islamic State|Islamic State of Iraq and the Levant,Islamic State of Iraq and Syria,Islamic State group,Daesh,Daash|IS,ISIS,ISIL|ORG|IMGMUSISI||
Popular Mobilization Forces|Popular Mobilization Units,Popular Mobilisation Forces,Popular Mobilisation Units,Popular Mobilization Committee,Hashd al-Shaabi,al-Hashd al-Shaabi|PMF,PMU|ORG|IRQUAF|IRQ|UAF
Human Rights Watch||HRW|ORG|NGOHRI||NGO,HRI
Amnesty International|||ORG|NGOHRI||NGO,HRI
International Committee of the Red Cross|Red Cross|ICRC|ORG|NGOHLHIRC||NGO
United Nations||UN,U.N.|ORG|IGOUNO||IGO
UN Security Council|United Nations Security Council,U.N. Security Council|UNSC|ORG|IGOUNO||IGO
North Atlantic Treaty Organization||NATO|ORG|IGOWSTNAT||IGO
European Union||EU,E.U.|ORG|IGOEUREEC||IGO
Arab League|||ORG|IGOARBARL||IGO
African Union||AU|ORG|IGOAFRAFU||IGO
Pentagon|Department of Defense,Defense Department|DoD|ORG|USAMIL|USA|MIL
White House|||ORG|USAGOV|USA|GOV
State Department|Department of State|DOS|ORG|USAGOV|USA|GOV
Central Intelligence Agency||CIA|ORG|USASPY|USA|SPY
Federal Bureau of Investigation||FBI|ORG|USACOP|USA|COP
Congress|U.S. Congress|GOP|ORG|USALEG|USA|LEG
Kremlin|||ORG|RUSGOV|RUS|GOV
Islamic Revolutionary Guard Corps|Revolutionary Guards,Revolutionary Guard|IRGC|ORG|IRNMIL|IRN|MIL
Islamic Republic News Agency||IRNA|ORG|IRNMED|IRN|MED
Voice of America||VOA|ORG|USAMED|USA|MED
Hezbollah|Hizbollah,Hizbullah|||LBNREB|LBN|REB
Hamas|||ORG|PSEREB|PSE|REB
Taliban|||ORG|AFGREB|AFG|REB
al-Qaeda|al-Qaida,al Qaeda,Al Qaeda,al-Qa'ida|AQ|ORG|IMGMUSAQ||
Kurdistan Workers' Party|Kurdistan Workers Party|PKK|ORG|TURREB|TUR|REB
Syrian Democratic Forces||SDF|ORG|SYRREB|SYR|REB
Reuters|||ORG|MED||MED
Associated Press||AP|ORG|USAMED|USA|MED
Agence France-Presse||AFP|ORG|FRAMED|FRA|MED
`

// roleWords maps lower-case words in titles and noun phrases to CAMEO roles.
var roleWords = map[string]string{
	"president": "GOV", "prime": "GOV", "minister": "GOV", "ministry": "GOV", "government": "GOV",
	"governments": "GOV", "official": "GOV", "officials": "GOV", "secretary": "GOV", "chancellor": "GOV",
	"king": "GOV", "queen": "GOV", "emir": "GOV", "cabinet": "GOV", "governor": "GOV", "mayor": "GOV",
	"administration": "GOV", "diplomat": "GOV", "diplomats": "GOV", "ambassador": "GOV", "envoy": "GOV",
	"spokesman": "", "spokeswoman": "", "spokesperson": "",
	"military": "MIL", "army": "MIL", "forces": "MIL", "troops": "MIL", "soldiers": "MIL", "soldier": "MIL",
	"commander": "MIL", "general": "MIL", "gen.": "MIL", "maj.": "MIL", "major": "MIL", "col.": "MIL",
	"colonel": "MIL", "lt.": "MIL", "capt.": "MIL", "sgt.": "MIL", "adm.": "MIL", "admiral": "MIL",
	"marine": "MIL", "marines": "MIL", "navy": "MIL", "air force": "MIL", "militia": "MIL", "militias": "MIL",
	"militiamen": "MIL", "paramilitary": "MIL", "advisers": "MIL", "brigade": "MIL", "defense": "MIL",
	"police": "COP", "policeman": "COP", "policemen": "COP", "officer": "COP",
	"rebel": "REB", "rebels": "REB", "insurgents": "REB", "insurgent": "REB", "militants": "REB", "militant": "REB",
	"opposition": "OPP", "dissident": "OPP", "dissidents": "OPP", "protesters": "OPP", "protester": "OPP",
	"parliament": "LEG", "lawmaker": "LEG", "lawmakers": "LEG", "senator": "LEG", "legislature": "LEG",
	"congress": "LEG", "sen.": "LEG", "rep.": "LEG", "mp": "LEG", "legislator": "LEG",
	"court": "JUD", "judge": "JUD", "judges": "JUD", "prosecutor": "JUD", "justice": "JUD",
	"journalist": "MED", "journalists": "MED", "agency": "", "newspaper": "MED", "reporter": "MED",
	"news": "MED", "media": "MED", "television": "MED",
	"civilians": "CVL", "civilian": "CVL", "residents": "CVL", "villagers": "CVL", "refugees": "REF",
	"business": "BUS", "company": "BUS", "firm": "BUS", "businessman": "BUS",
	"cleric": "REL", "imam": "REL", "church": "REL", "ayatollah": "REL", "bishop": "REL",
	"intelligence": "SPY", "spy": "SPY",
	"university": "EDU", "institute": "EDU", "professor": "EDU", "scholar": "EDU",
	"fighters": "UAF", "gunmen": "UAF",
}

// titleWords are words that may stand before a person's name as a title.
var titleWords = map[string]bool{
	"president": true, "prime": true, "minister": true, "foreign": true, "defense": true, "interior": true,
	"secretary": true, "state": true, "gen.": true, "general": true, "maj.": true, "major": true, "col.": true,
	"colonel": true, "lt.": true, "capt.": true, "captain": true, "sgt.": true, "adm.": true, "admiral": true,
	"marine": true, "army": true, "sen.": true, "senator": true, "rep.": true, "gov.": true, "governor": true,
	"king": true, "queen": true, "prince": true, "emir": true, "sheikh": true, "ayatollah": true,
	"chancellor": true, "mayor": true, "ambassador": true, "envoy": true, "spokesman": true,
	"spokeswoman": true, "commander": true, "chief": true, "deputy": true, "vice": true, "supreme": true,
	"leader": true, "cleric": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true, "judge": true,
	"justice": true, "pope": true, "first": true, "lady": true, "speaker": true, "attorney": true,
	"lieutenant": true, "sergeant": true, "brig.": true, "field": true, "marshal": true, "cmdr.": true,
}

// honorifics are title words that are not reported as titles.
var honorifics = map[string]bool{"mr.": true, "mrs.": true, "ms.": true, "dr.": true}

// lexicon holds the tables parsed into lookup maps.
type lexicon struct {
	countries []country
	// byName maps a lower-cased country name, demonym or plural to its index.
	byName map[string]int
	// kind of the byName entry: 'n' name, 'd' demonym, 'p' plural, 'c' capital.
	kind  map[string]byte
	orgs  []organisation
	names *trie // known multiword names (orgs and countries)
}

// trieEntry is what a known name resolves to.
type trieEntry struct {
	org     int // index into orgs, or -1
	country int // index into countries, or -1
	kind    byte
	exact   string // non-empty: the token sequence must match case-sensitively
}

var defaultLexicon = buildLexicon()

func buildLexicon() *lexicon {
	lx := &lexicon{byName: map[string]int{}, kind: map[string]byte{}, names: newTrie()}
	for _, line := range strings.Split(strings.TrimSpace(countryTable), "\n") {
		f := strings.Split(line, "|")
		for len(f) < 5 {
			f = append(f, "")
		}
		c := country{code: f[0], names: splitList(f[1]), demonyms: splitList(f[2]), plurals: splitList(f[3]), capitals: splitList(f[4])}
		i := len(lx.countries)
		lx.countries = append(lx.countries, c)
		add := func(list []string, k byte) {
			for _, n := range list {
				key := strings.ToLower(n)
				if _, ok := lx.byName[key]; !ok {
					lx.byName[key] = i
					lx.kind[key] = k
				}
				exact := ""
				if isAllCaps(n) {
					exact = n
				}
				lx.names.add(n, trieEntry{org: -1, country: i, kind: k, exact: exact})
			}
		}
		add(c.names, 'n')
		add(c.demonyms, 'd')
		add(c.plurals, 'p')
		add(c.capitals, 'c')
	}
	for _, line := range strings.Split(strings.TrimSpace(orgTable), "\n") {
		f := strings.Split(line, "|")
		for len(f) < 7 {
			f = append(f, "")
		}
		o := organisation{names: append([]string{f[0]}, splitList(f[1])...), caseSensitive: splitList(f[2]),
			typ: f[3], code: f[4], country: f[5], roles: splitList(f[6])}
		if o.typ == "" {
			o.typ = "ORG"
		}
		i := len(lx.orgs)
		lx.orgs = append(lx.orgs, o)
		for _, n := range o.names {
			lx.names.add(n, trieEntry{org: i, country: -1})
		}
		for _, n := range o.caseSensitive {
			lx.names.add(n, trieEntry{org: i, country: -1, exact: n})
		}
	}
	return lx
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters > 0
}

// trie matches known names over token sequences (lower-cased words).
type trie struct {
	next    map[string]*trie
	entries []trieEntry
}

func newTrie() *trie { return &trie{} }

func (t *trie) add(name string, e trieEntry) {
	n := t
	for _, w := range nameWords(name) {
		if n.next == nil {
			n.next = map[string]*trie{}
		}
		c := n.next[w]
		if c == nil {
			c = &trie{}
			n.next[w] = c
		}
		n = c
	}
	n.entries = append(n.entries, e)
}

// nameWords splits a lexicon name the way the segmenter splits text: on
// spaces, with a final possessive or punctuation left as is.
func nameWords(name string) []string {
	f := strings.Fields(strings.ToLower(name))
	return f
}
