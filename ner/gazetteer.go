package ner

import (
	"strings"
	"unicode"
)

// The word lists below were written by the faultline team for this package.
// They are deliberately short: they give the statistical model a hint (a
// feature), and they split the trained LOC class into GPE and LOC. They are
// not meant to be complete.

// Gazetteer classes, used as feature values and by the post-processing.
const (
	gazCountry   = "country"
	gazCity      = "city"
	gazRegion    = "region"
	gazDemonym   = "demonym"
	gazReligion  = "religion"
	gazOrgHead   = "orghead"
	gazTitle     = "title"
	gazFirstName = "first"
	gazFacHead   = "fachead"
	gazLocHead   = "lochead"
	gazMonth     = "month"
	gazDay       = "day"
)

const countryNames = `afghanistan|albania|algeria|andorra|angola|antigua|argentina|armenia|australia|austria|azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|herzegovina|botswana|brazil|brunei|bulgaria|burkina|faso|burma|burundi|cambodia|cameroon|canada|chad|chile|china|colombia|comoros|congo|croatia|cuba|cyprus|czechia|denmark|djibouti|dominica|ecuador|egypt|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|kiribati|korea|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|micronesia|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|namibia|nauru|nepal|netherlands|holland|nicaragua|niger|nigeria|norway|oman|pakistan|palau|palestine|panama|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|samoa|senegal|serbia|seychelles|singapore|slovakia|slovenia|somalia|spain|sudan|suriname|swaziland|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad|tobago|tunisia|turkey|turkmenistan|tuvalu|uganda|ukraine|uruguay|uzbekistan|vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe|u.s.|us|usa|u.s.a.|america|britain|u.k.|uk|england|scotland|wales|uae|u.a.e.|drc|somaliland|chechnya|tibet|kurdistan|greenland|puerto|rico|zealand|lanka|arabia|emirates|ivory|coast|timor|verde|cape|salvador|sierra|leone|costa|rica|macedonia|czech|republic|kingdom|states|united`

const cityNames = `kabul|tirana|algiers|luanda|buenos|aires|yerevan|canberra|sydney|melbourne|vienna|baku|manama|dhaka|minsk|brussels|sarajevo|brasilia|rio|sao|paulo|sofia|ouagadougou|phnom|penh|ottawa|toronto|montreal|vancouver|santiago|beijing|shanghai|hong|kong|bogota|havana|nicosia|prague|copenhagen|cairo|alexandria|asmara|tallinn|addis|ababa|helsinki|paris|marseille|lyon|tbilisi|berlin|munich|hamburg|frankfurt|accra|athens|guatemala|conakry|port-au-prince|tegucigalpa|budapest|reykjavik|delhi|mumbai|bombay|kolkata|calcutta|chennai|bangalore|jakarta|tehran|baghdad|basra|mosul|kirkuk|fallujah|ramadi|tikrit|najaf|karbala|erbil|irbil|samarra|baquba|dublin|jerusalem|tel|aviv|haifa|gaza|ramallah|hebron|rome|milan|naples|kingston|tokyo|osaka|amman|astana|almaty|nairobi|mombasa|pyongyang|seoul|pristina|kuwait|bishkek|vientiane|riga|beirut|monrovia|tripoli|benghazi|vilnius|antananarivo|lilongwe|kuala|lumpur|bamako|valletta|nouakchott|mexico|chisinau|ulan|bator|podgorica|rabat|casablanca|maputo|yangon|rangoon|naypyidaw|windhoek|kathmandu|amsterdam|hague|managua|niamey|abuja|lagos|oslo|muscat|islamabad|karachi|lahore|peshawar|quetta|rawalpindi|panama|asuncion|lima|manila|warsaw|lisbon|doha|bucharest|moscow|petersburg|kigali|riyadh|jeddah|mecca|medina|dakar|belgrade|freetown|singapore|bratislava|ljubljana|mogadishu|johannesburg|pretoria|cape|durban|juba|madrid|barcelona|colombo|khartoum|darfur|stockholm|geneva|zurich|bern|damascus|aleppo|homs|raqqa|idlib|taipei|dushanbe|dar|salaam|bangkok|lome|tunis|ankara|istanbul|ashgabat|kampala|kiev|kyiv|kharkiv|odessa|donetsk|luhansk|dubai|abu|dhabi|london|manchester|birmingham|liverpool|edinburgh|glasgow|belfast|washington|york|chicago|los|angeles|houston|boston|atlanta|miami|seattle|detroit|philadelphia|dallas|denver|francisco|diego|orleans|baltimore|montevideo|tashkent|caracas|hanoi|saigon|sanaa|aden|lusaka|harare|kandahar|herat|mazar-i-sharif|jalalabad|helmand|gwadar|srinagar|kashmir|sderot|nablus|jenin|fallouja|benghazi|sirte|misrata|aleppo|kobani|mariupol|crimea|sevastopol|tbilisi|grozny|qayyarah|tal|afar|sinjar`

const regionNames = `africa|asia|europe|antarctica|oceania|middle|east|west|north|south|gulf|persian|arabian|mediterranean|caribbean|balkans|caucasus|sahara|sahel|pacific|atlantic|indian|ocean|sea|river|mountains|valley|desert|peninsula|strait|island|islands|bay|lake|nile|euphrates|tigris|himalayas|alps|amazon|horn|latin|siberia|scandinavia|levant|sinai|golan|heights|kurdistan|punjab|sindh|balochistan|baluchistan|waziristan|gaza|strip|bank|anbar|nineveh|diyala|salahuddin|kurdistan|province|region`

const demonyms = `afghan|afghans|albanian|algerian|american|americans|angolan|argentine|argentinian|armenian|armenians|australian|australians|austrian|azerbaijani|azeri|bahraini|bangladeshi|belarusian|belgian|bolivian|bosnian|brazilian|british|briton|britons|bulgarian|burmese|burundian|cambodian|cameroonian|canadian|canadians|chadian|chilean|chinese|colombian|congolese|croatian|cuban|cubans|cypriot|czech|danish|dutch|ecuadorian|egyptian|egyptians|emirati|english|eritrean|estonian|ethiopian|european|europeans|filipino|finnish|french|georgian|german|germans|ghanaian|greek|guatemalan|guinean|haitian|honduran|hungarian|icelandic|indian|indians|indonesian|iranian|iranians|iraqi|iraqis|irish|israeli|israelis|italian|ivorian|jamaican|japanese|jordanian|kazakh|kenyan|korean|koreans|kosovar|kuwaiti|kyrgyz|lao|latvian|lebanese|liberian|libyan|libyans|lithuanian|macedonian|malagasy|malawian|malaysian|malian|maltese|mauritanian|mexican|mexicans|moldovan|mongolian|montenegrin|moroccan|mozambican|namibian|nepalese|nepali|nicaraguan|nigerian|nigerien|norwegian|omani|pakistani|pakistanis|palestinian|palestinians|panamanian|paraguayan|peruvian|polish|portuguese|qatari|romanian|russian|russians|rwandan|saudi|saudis|scottish|senegalese|serb|serbs|serbian|sierra|singaporean|slovak|slovenian|somali|somalis|spanish|sri|sudanese|swedish|swiss|syrian|syrians|taiwanese|tajik|tanzanian|thai|tunisian|turkish|turk|turks|turkmen|ugandan|ukrainian|ukrainians|uruguayan|uzbek|venezuelan|vietnamese|welsh|yemeni|yemenis|zambian|zimbabwean|african|africans|asian|asians|arab|arabs|arabic|western|westerners|eastern|latino|latinos|hispanic|kurd|kurds|kurdish|pashtun|pashtuns|baluch|tamil|tamils|sinhalese|hutu|tutsi|uighur|uighurs|uyghur|uyghurs|chechen|chechens|persian|yazidi|yazidis|turkoman|turkmens|druze|bedouin|berber|soviet|israeli-palestinian`

const religionWords = `sunni|sunnis|shiite|shiites|shi'ite|shi'ites|shia|shias|shi'a|muslim|muslims|moslem|moslems|islamic|islamist|islamists|christian|christians|catholic|catholics|protestant|protestants|orthodox|jewish|jews|jew|hindu|hindus|buddhist|buddhists|sikh|sikhs|coptic|copts|evangelical|evangelicals|alawite|alawites|salafi|salafis|wahhabi|mormon|mormons|anglican|zionist|jihadist|jihadists|sufi`

const orgHeads = `ministry|party|council|army|forces|force|watch|agency|institute|units|unit|committee|commission|organization|organisation|association|union|league|front|movement|brigade|brigades|battalion|corps|navy|command|department|bureau|office|court|parliament|congress|senate|assembly|government|administration|bank|fund|foundation|group|company|corporation|corp|corp.|inc|inc.|ltd|ltd.|co|co.|university|college|school|academy|center|centre|service|services|authority|federation|alliance|coalition|guard|guards|police|militia|network|news|press|times|post|journal|television|radio|tv|airlines|airways|church|society|club|team|board|secretariat|cabinet|directorate|mission|red|crescent|cross|nations|fc|jazeera|reuters`

const titleWords = `mr|mr.|mrs|mrs.|ms|ms.|dr|dr.|president|presidents|vice|prime|minister|ministers|secretary|general|gen|gen.|lt|lt.|col|col.|maj|maj.|sgt|sgt.|capt|capt.|cpl|cpl.|adm|adm.|admiral|colonel|major|captain|lieutenant|sergeant|commander|senator|sen|sen.|rep|rep.|representative|governor|gov|gov.|ambassador|envoy|chancellor|king|queen|prince|princess|pope|sheikh|shaikh|sheik|ayatollah|imam|cleric|rev|rev.|reverend|bishop|archbishop|cardinal|father|sir|lord|lady|judge|justice|mayor|chairman|chairwoman|chief|spokesman|spokeswoman|spokesperson|director|leader|emperor|premier|foreign|defense|defence|interior|finance|state|deputy|acting|former|speaker|attorney|first|ex|marine|army|detective|officer|professor|prof|prof.|st|st.|saint|mullah|emir|crown|dalai|lama`

const firstNames = `john|james|robert|michael|william|david|richard|joseph|thomas|charles|christopher|daniel|matthew|anthony|mark|donald|steven|paul|andrew|joshua|kenneth|kevin|brian|george|timothy|ronald|edward|jason|jeffrey|ryan|jacob|gary|nicholas|eric|jonathan|stephen|larry|justin|scott|brandon|benjamin|samuel|gregory|frank|alexander|raymond|patrick|jack|dennis|jerry|tyler|aaron|jose|adam|henry|nathan|douglas|zachary|peter|kyle|walter|ethan|jeremy|harold|keith|christian|roger|noah|gerald|carl|terry|sean|austin|arthur|lawrence|jesse|dylan|bryan|joe|jordan|billy|bruce|albert|willie|gabriel|logan|alan|juan|wayne|roy|ralph|randy|eugene|vincent|russell|elijah|louis|bobby|philip|johnny|mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|nancy|lisa|betty|margaret|sandra|ashley|kimberly|emily|donna|michelle|dorothy|carol|amanda|melissa|deborah|stephanie|rebecca|sharon|laura|cynthia|kathleen|amy|shirley|angela|helen|anna|brenda|pamela|nicole|emma|samantha|katherine|christine|debra|rachel|catherine|carolyn|janet|ruth|maria|heather|diane|virginia|julie|joyce|victoria|olivia|kelly|christina|lauren|joan|evelyn|judith|megan|cheryl|andrea|hannah|martha|jacqueline|frances|gloria|ann|teresa|kathryn|sara|janice|jean|alice|madison|doris|abigail|julia|judy|grace|denise|amber|marilyn|beverly|danielle|theresa|sophia|marie|diana|brittany|natalie|isabella|charlotte|rose|alexis|kayla|hillary|barack|condoleezza|kofi|ban|vladimir|dmitry|sergei|sergey|viktor|yulia|angela|nicolas|francois|jacques|emmanuel|gordon|tony|boris|theresa|silvio|gerhard|helmut|recep|tayyip|bashar|hafez|saddam|hosni|muammar|moammar|mahmoud|ahmed|ahmad|mohammed|mohammad|muhammad|mohamed|ali|hassan|hussein|hussain|abdullah|abdul|abu|omar|osama|ayman|khalid|khaled|ibrahim|ismail|yusuf|youssef|mustafa|haider|nouri|jalal|masoud|massoud|ayad|iyad|jafar|hamid|hamad|salman|fahd|faisal|nawaz|pervez|asif|imran|benazir|yousuf|shinzo|junichiro|xi|hu|wen|jiang|kim|moon|park|lee|narendra|manmohan|sonia|rahul|atal|fidel|raul|hugo|nicolas|evo|luiz|inacio|dilma|jair|felipe|enrique|andres|alvaro|juan|carlos|pedro|luis|jorge|miguel|fernando|ricardo|ehud|ariel|benjamin|yitzhak|shimon|tzipi|yasser|ismail|khaled|salam|nabil|saeb|hamid|ashraf|hamid|mullah|jalaluddin|sirajuddin|gulbuddin|nelson|jacob|thabo|cyril|robert|morgan|paul|yoweri|uhuru|raila|mwai|goodluck|muhammadu|olusegun|umaru|ellen|kim|jong|un|il|sung`

const facHeads = `airfield|airport|airbase|base|bridge|dam|prison|jail|stadium|hospital|mosque|church|temple|cathedral|palace|embassy|consulate|refinery|port|harbor|harbour|station|camp|checkpoint|crossing|highway|road|street|square|building|tower|plant|reactor|mine|pipeline|canal|tunnel|hotel|market|compound|complex|museum|monument|memorial|academy|headquarters|barracks|fort|zone`

const locHeads = `river|sea|ocean|gulf|bay|lake|mountain|mountains|mount|valley|desert|island|islands|peninsula|strait|coast|region|province|plain|plains|basin|delta|forest|canyon|channel|cape`

const monthNames = `january|february|march|april|may|june|july|august|september|october|november|december|jan.|feb.|mar.|apr.|jun.|jul.|aug.|sep.|sept.|oct.|nov.|dec.`

const dayNames = `monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow`

// gazetteer maps a lower-cased word to its classes.
var gazetteer = buildGazetteer()

// multiword GPE names checked against whole spans (lower-cased, space-joined).
var gpeNames = map[string]bool{}

func buildGazetteer() map[string][]string {
	g := map[string][]string{}
	add := func(list, class string) {
		for _, w := range strings.Split(list, "|") {
			w = strings.TrimSpace(w)
			if w == "" {
				continue
			}
			have := false
			for _, c := range g[w] {
				if c == class {
					have = true
				}
			}
			if !have {
				g[w] = append(g[w], class)
			}
		}
	}
	add(countryNames, gazCountry)
	add(cityNames, gazCity)
	add(regionNames, gazRegion)
	add(demonyms, gazDemonym)
	add(religionWords, gazReligion)
	add(orgHeads, gazOrgHead)
	add(titleWords, gazTitle)
	add(firstNames, gazFirstName)
	add(facHeads, gazFacHead)
	add(locHeads, gazLocHead)
	add(monthNames, gazMonth)
	add(dayNames, gazDay)
	return g
}

func init() {
	for _, n := range []string{
		"united states", "united kingdom", "united arab emirates", "south korea", "north korea",
		"new zealand", "sri lanka", "saudi arabia", "south africa", "south sudan", "ivory coast",
		"east timor", "cape verde", "el salvador", "sierra leone", "costa rica", "czech republic",
		"central african republic", "dominican republic", "democratic republic of congo",
		"democratic republic of the congo", "bosnia and herzegovina", "burkina faso", "puerto rico",
		"hong kong", "new york", "new delhi", "los angeles", "san francisco", "tel aviv",
		"abu dhabi", "kuala lumpur", "buenos aires", "mexico city", "guatemala city", "panama city",
		"kuwait city", "sao paulo", "rio de janeiro", "addis ababa", "phnom penh", "dar es salaam",
		"st. petersburg", "the netherlands", "the philippines", "the united states", "washington d.c.",
		"gaza strip", "west bank", "united states of america", "soviet union", "papua new guinea",
	} {
		gpeNames[n] = true
	}
}

// gazClasses returns the classes of a word (lower-cased lookup); nil when none.
func gazClasses(lower string) []string {
	return gazetteer[lower]
}

func hasClass(lower, class string) bool {
	for _, c := range gazetteer[lower] {
		if c == class {
			return true
		}
	}
	return false
}

// isGPEName reports whether a LOC-class span names a country, city or other
// political unit, per the lists above.
func isGPEName(words []string) bool {
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = strings.ToLower(w)
	}
	joined := strings.Join(lw, " ")
	if gpeNames[joined] {
		return true
	}
	if len(words) == 1 {
		return hasClass(lw[0], gazCountry) || hasClass(lw[0], gazCity)
	}
	// "Iraq 's" never reaches here; multiword spans: all words country/city names.
	for _, w := range lw {
		if !(hasClass(w, gazCountry) || hasClass(w, gazCity)) {
			return false
		}
	}
	return true
}

// isDemonym reports whether a single word is a nationality, religious or
// ethnic group word (NORP).
func isDemonym(lower string) bool {
	return hasClass(lower, gazDemonym) || hasClass(lower, gazReligion)
}

// knownOrgs are organisations that news about conflict and diplomacy names
// often; refine labels them ORG when the model misses them.
const knownOrgs = `islamic state|isis|isil|al-qaida|al-qaeda|al qaeda|taliban|taleban|hezbollah|hamas|fatah|boko haram|al-shabab|al-shabaab|muslim brotherhood|popular mobilization units|popular mobilization forces|popular mobilisation units|popular mobilisation forces|human rights watch|amnesty international|red cross|red crescent|international committee of the red cross|united nations|u.n.|nato|european union|african union|arab league|world bank|international monetary fund|imf|world health organization|security council|u.n. security council|opec|asean|pkk|kurdistan workers party|peshmerga|syrian democratic forces|free syrian army|nusra front|jabhat al-nusra|lashkar-e-taiba|revolutionary guards|islamic revolutionary guard corps|irgc|mossad|cia|fbi|kgb|fsb|interpol|reuters|associated press|agence france-presse|voice of america|voa|bbc|cnn|al jazeera|pentagon|kremlin|houthis|houthi rebels|janjaweed|hurras al-din|hayat tahrir al-sham|wagner group|hts`

var knownOrgSet = func() *phraseSet {
	ps := &phraseSet{byFirst: map[string][][]string{}}
	for _, n := range strings.Split(knownOrgs, "|") {
		toks := roughTokens(n)
		if len(toks) > 0 {
			ps.byFirst[toks[0]] = append(ps.byFirst[toks[0]], toks[1:])
		}
	}
	return ps
}()

// knownOrgAcronyms are matched with their exact case, and only when the
// words around are not written in capitals (a headline's "IS" is a verb).
var knownOrgAcronyms = map[string]bool{
	"IS": true, "ISIS": true, "ISIL": true, "PMF": true, "PMU": true, "SDF": true, "YPG": true,
	"PKK": true, "NATO": true, "UN": true, "EU": true, "IAEA": true, "UNHCR": true, "UNICEF": true,
	"OPEC": true, "ASEAN": true, "ECOWAS": true, "AMISOM": true, "MONUSCO": true, "UNAMA": true,
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// matchKnownOrg returns the length of the longest known organisation name
// starting at words[i] (case-insensitive, capitalized first word), or 0.
func matchKnownOrg(words []string, i int) int {
	if !isCapitalized(words[i]) {
		return 0
	}
	if knownOrgAcronyms[words[i]] {
		if (i > 0 && isAllCaps(words[i-1])) || (i+1 < len(words) && isAllCaps(words[i+1])) {
			return 0
		}
		return 1
	}
	best := 0
	for _, rest := range knownOrgSet.byFirst[strings.ToLower(words[i])] {
		if 1+len(rest) <= best || i+1+len(rest) > len(words) {
			continue
		}
		ok := true
		for k, w := range rest {
			if strings.ToLower(words[i+1+k]) != w {
				ok = false
				break
			}
		}
		if ok {
			best = 1 + len(rest)
		}
	}
	return best
}
