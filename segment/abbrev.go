package segment

// abbrevKind says how an abbreviation that keeps its period behaves at a
// possible sentence end.
type abbrevKind uint8

const (
	abbrevNone abbrevKind = iota
	// abbrevTitle precedes a name or number and never ends a sentence:
	// "Maj.", "Dr.", "St.".
	abbrevTitle
	// abbrevFinal may end a sentence ("Inc.", "U.S.", "a.m."); the
	// splitter ends the sentence when a clear sentence starter follows.
	abbrevFinal
	// abbrevNumber keeps its period only before a number: "No. 3", "pp. 4".
	abbrevNumber
)

// abbreviations lists news abbreviations written with a final period. Keys
// are case-sensitive; dotted acronyms ("U.S.", "a.m.") and single capital
// initials ("J.") are recognised by shape, not by this table.
var abbreviations = map[string]abbrevKind{
	// Titles and ranks.
	"Mr": abbrevTitle, "Mrs": abbrevTitle, "Ms": abbrevTitle, "Messrs": abbrevTitle, "Mmes": abbrevTitle,
	"Dr": abbrevTitle, "Drs": abbrevTitle, "Prof": abbrevTitle, "Gen": abbrevTitle, "Gens": abbrevTitle,
	"Lt": abbrevTitle, "Col": abbrevTitle, "Maj": abbrevTitle, "Capt": abbrevTitle, "Cmdr": abbrevTitle,
	"Cdr": abbrevTitle, "Sgt": abbrevTitle, "Cpl": abbrevTitle, "Pvt": abbrevTitle, "Spc": abbrevTitle,
	"Adm": abbrevTitle, "Brig": abbrevTitle, "Gov": abbrevTitle, "Govs": abbrevTitle, "Sen": abbrevTitle,
	"Sens": abbrevTitle, "Rep": abbrevTitle, "Reps": abbrevTitle, "Rev": abbrevTitle, "Hon": abbrevTitle,
	"Pres": abbrevTitle, "Supt": abbrevTitle, "Insp": abbrevTitle, "Det": abbrevTitle, "Amb": abbrevTitle,
	"Fr": abbrevTitle, "Msgr": abbrevTitle, "Sr": abbrevFinal, "Jr": abbrevFinal, "St": abbrevTitle,
	"Mt": abbrevTitle, "Ft": abbrevTitle, "Sta": abbrevTitle, "Ste": abbrevTitle, "Atty": abbrevTitle,
	"Gov't": abbrevFinal, "vs": abbrevTitle, "Vs": abbrevTitle, "v": abbrevTitle, "cf": abbrevTitle,
	"Sec": abbrevTitle, "Secs": abbrevTitle, "Dep": abbrevTitle, "Asst": abbrevTitle, "Assoc": abbrevTitle,

	// Months (AP style) and days.
	"Jan": abbrevFinal, "Feb": abbrevFinal, "Mar": abbrevFinal, "Apr": abbrevFinal, "Jun": abbrevFinal,
	"Jul": abbrevFinal, "Aug": abbrevFinal, "Sep": abbrevFinal, "Sept": abbrevFinal, "Oct": abbrevFinal,
	"Nov": abbrevFinal, "Dec": abbrevFinal,
	"Mon": abbrevFinal, "Tue": abbrevFinal, "Tues": abbrevFinal, "Wed": abbrevFinal, "Thu": abbrevFinal,
	"Thur": abbrevFinal, "Thurs": abbrevFinal, "Fri": abbrevFinal, "Sat": abbrevFinal,

	// Companies, places, addresses.
	"Inc": abbrevFinal, "Corp": abbrevFinal, "Co": abbrevFinal, "Cos": abbrevFinal, "Ltd": abbrevFinal,
	"Bros": abbrevFinal, "Assn": abbrevFinal, "Dept": abbrevFinal, "Univ": abbrevFinal, "Intl": abbrevFinal,
	"Ave": abbrevFinal, "Blvd": abbrevFinal, "Rd": abbrevFinal, "Hwy": abbrevFinal, "Sq": abbrevFinal,
	"Ln": abbrevFinal, "Pl": abbrevFinal, "Bldg": abbrevFinal, "Est": abbrevFinal, "Mfg": abbrevFinal,
	"Ala": abbrevFinal, "Ariz": abbrevFinal, "Ark": abbrevFinal, "Calif": abbrevFinal, "Colo": abbrevFinal,
	"Conn": abbrevFinal, "Del": abbrevFinal, "Fla": abbrevFinal, "Ga": abbrevFinal, "Ill": abbrevFinal,
	"Ind": abbrevFinal, "Kan": abbrevFinal, "Kans": abbrevFinal, "Ky": abbrevFinal, "La": abbrevFinal,
	"Md": abbrevFinal, "Mass": abbrevFinal, "Mich": abbrevFinal, "Minn": abbrevFinal, "Miss": abbrevFinal,
	"Mo": abbrevFinal, "Mont": abbrevFinal, "Neb": abbrevFinal, "Nev": abbrevFinal, "Okla": abbrevFinal,
	"Ore": abbrevFinal, "Pa": abbrevFinal, "Penn": abbrevFinal, "Tenn": abbrevFinal, "Tex": abbrevFinal,
	"Ont": abbrevFinal, "Que": abbrevFinal, "Alta": abbrevFinal, "Sask": abbrevFinal, "Vt": abbrevFinal, "Va": abbrevFinal, "Wash": abbrevFinal, "Wis": abbrevFinal, "Wyo": abbrevFinal,

	// Latin and other lower-case abbreviations.
	"etc": abbrevFinal, "approx": abbrevFinal, "al": abbrevFinal, "ca": abbrevTitle, "esp": abbrevTitle,
	"incl": abbrevTitle, "viz": abbrevTitle, "min": abbrevFinal, "max": abbrevFinal, "mins": abbrevFinal,
	"hrs": abbrevFinal, "yrs": abbrevFinal, "sq": abbrevTitle, "ft": abbrevFinal, "lbs": abbrevFinal,
	"oz": abbrevFinal, "mph": abbrevFinal,

	// Abbreviations that keep their period only before a number.
	"No": abbrevNumber, "Nos": abbrevNumber, "no": abbrevNumber, "nos": abbrevNumber, "Vol": abbrevNumber,
	"vol": abbrevNumber, "Art": abbrevNumber, "art": abbrevNumber, "p": abbrevNumber, "pp": abbrevNumber,
	"Fig": abbrevNumber, "fig": abbrevNumber, "Ch": abbrevNumber, "ch": abbrevNumber,
	"pop": abbrevNumber, "Nr": abbrevNumber, "nr": abbrevNumber, "Op": abbrevNumber, "op": abbrevNumber, "Ex": abbrevNumber,
}

// sentenceStarters are capitalised words that commonly open a sentence and
// rarely continue a name. After an abbreviation that may end a sentence
// ("U.S.", "Inc."), one of these starts a new sentence; any other capitalised
// word is read as part of a name ("U.S. Army").
var sentenceStarters = map[string]bool{
	"A": true, "An": true, "The": true, "This": true, "That": true, "These": true, "Those": true,
	"It": true, "Its": true, "He": true, "She": true, "They": true, "We": true, "I": true, "You": true,
	"His": true, "Her": true, "Their": true, "Our": true, "My": true, "Your": true, "There": true,
	"Here": true, "In": true, "On": true, "At": true, "For": true, "From": true, "By": true, "With": true,
	"Without": true, "To": true, "Of": true, "As": true, "But": true, "And": true, "Or": true, "So": true,
	"Yet": true, "If": true, "When": true, "While": true, "After": true, "Before": true, "Since": true,
	"Although": true, "Though": true, "Because": true, "However": true, "Meanwhile": true, "Moreover": true,
	"Still": true, "Also": true, "Some": true, "Many": true, "Most": true, "Several": true, "Both": true,
	"All": true, "Each": true, "No": true, "Not": true, "Now": true, "Then": true, "Last": true, "Earlier": true,
	"Later": true, "According": true, "What": true, "Who": true, "Why": true, "How": true, "Where": true,
	"Which": true, "Officials": true, "Such": true, "Other": true, "Another": true, "One": true, "Two": true,
	"Under": true, "During": true, "Despite": true, "Among": true, "Instead": true, "Asked": true,
	"Do": true, "Does": true, "Did": true, "Is": true, "Are": true, "Was": true, "Were": true, "Will": true,
	"Would": true, "Can": true, "Could": true, "Should": true, "Has": true, "Have": true, "Had": true,
	"Let": true, "Please": true, "Thanks": true, "Thank": true, "Yes": true, "Well": true, "Even": true,
	"Just": true, "Only": true, "Over": true, "Until": true, "Unlike": true, "Like": true, "Once": true,
	"Further": true, "Furthermore": true, "Nevertheless": true, "Nonetheless": true, "Indeed": true,
	"Separately": true, "Additionally": true, "Currently": true, "Today": true, "Yesterday": true,
	"Tomorrow": true,
}

// bound prefixes that the UD English treebanks keep attached to the
// following word even though they split other hyphenated words.
var hyphenPrefixes = map[string]bool{
	"e": true, "E": true, "co": true, "Co": true, "re": true, "Re": true, "pre": true, "Pre": true,
	"non": true, "Non": true, "mid": true, "Mid": true, "anti": true, "Anti": true, "multi": true,
	"Multi": true, "inter": true, "Inter": true, "extra": true, "Extra": true, "ex": true, "Ex": true,
	"un": true, "Un": true, "pro": true, "Pro": true, "post": true, "counter": true,
	"Counter": true, "wi": true, "Wi": true, "semi": true, "Semi": true,
	"sub": true, "Sub": true, "neo": true, "Neo": true, "bi": true, "Bi": true, "tri": true,
	"over": true, "under": true, "vice": true, "Vice": true, "trans": true, "Trans": true, "de": true,
	"intra": true, "ultra": true, "Ultra": true, "mega": true, "micro": true, "mini": true, "pseudo": true,
	"quasi": true, "socio": true, "cyber": true, "geo": true, "euro": true, "Euro": true, "pan": true,
	"Pan": true,
}

// topLevelDomains lets "voanews.com" stay one token; the list is short on
// purpose, since "end.The" must still split.
var topLevelDomains = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "mil": true, "int": true,
	"io": true, "info": true, "biz": true, "tv": true, "uk": true, "eu": true, "co": true, "us": true,
	"ru": true, "de": true, "fr": true, "cn": true, "in": true, "ir": true, "iq": true, "il": true,
	"ca": true, "au": true, "jp": true, "ly": true, "me": true, "news": true,
	"htm": true, "html": true, "pdf": true, "php": true, "asp": true, "aspx": true, "doc": true, "docx": true, "xls": true, "xlsx": true, "txt": true, "ppt": true, "zip": true, "jpg": true, "png": true,
}

// unitSuffixes are written straight after a number ("$221bn", "10am",
// "5km"); the UD treebanks split them off the number.
var unitSuffixes = map[string]bool{
	"bn": true, "mn": true, "m": true, "k": true, "b": true, "tn": true, "km": true, "kg": true,
	"mm": true, "cm": true, "ml": true, "g": true, "am": true, "pm": true, "mph": true, "kph": true,
	"kmh": true, "lb": true, "lbs": true, "ft": true, "mi": true, "h": true, "hr": true, "hrs": true,
	"min": true, "mins": true, "sec": true, "GB": true, "MB": true, "TB": true, "kB": true, "KB": true,
	"kW": true, "MW": true, "GW": true, "kWh": true, "MWh": true, "GWh": true, "M": true, "B": true,
	"K": true, "bln": true, "mln": true, "trn": true,
}
