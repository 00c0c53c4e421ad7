package timex

import "time"

type monthName struct {
	month time.Month
	abbr  bool // a short form ("Jan", "Sept") that needs a day or year after it
}

var months = map[string]monthName{
	"january": {time.January, false}, "february": {time.February, false}, "march": {time.March, false},
	"april": {time.April, false}, "may": {time.May, false}, "june": {time.June, false},
	"july": {time.July, false}, "august": {time.August, false}, "september": {time.September, false},
	"october": {time.October, false}, "november": {time.November, false}, "december": {time.December, false},
	"jan": {time.January, true}, "feb": {time.February, true}, "mar": {time.March, true},
	"apr": {time.April, true}, "jun": {time.June, true}, "jul": {time.July, true},
	"aug": {time.August, true}, "sep": {time.September, true}, "sept": {time.September, true},
	"oct": {time.October, true}, "nov": {time.November, true}, "dec": {time.December, true},
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// notWeekdayAfter lists words that, after a weekday name, make it part of a
// name rather than a date ("Sunday Times", "Good Friday Agreement").
var notWeekdayAfter = map[string]bool{
	"times": true, "telegraph": true, "mirror": true, "express": true, "herald": true, "post": true,
	"mail": true, "observer": true, "independent": true, "star": true, "people": true, "sport": true,
	"agreement": true, "accord": true, "accords": true, "prayers": true, "school": true,
}

// notWeekdayBefore lists words that, before a weekday name, make it a
// historical name ("Bloody Sunday", "Black Tuesday").
var notWeekdayBefore = map[string]bool{"bloody": true, "black": true, "good": true}

// partOfDay words extend a day expression ("Monday morning", "Tuesday night").
var partOfDay = map[string]bool{
	"morning": true, "afternoon": true, "evening": true, "night": true, "overnight": true, "noon": true,
}

// bareMonthCues are the words after which a month name alone is a date
// ("in February", "until March"); without one, "March" and "May" are
// too often a noun, a verb or a name.
var bareMonthCues = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "from": true, "through": true,
	"during": true, "before": true, "after": true, "of": true, "between": true, "early": true,
	"late": true, "mid": true, "throughout": true, "to": true, "and": false,
}

// mayCues is the shorter list for "May", which is also a name ("Theresa
// May") and a modal verb.
var mayCues = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "during": true, "early": true,
	"late": true, "mid": true, "throughout": true,
}

// yearCues are the words after which a bare four-digit number is a year.
var yearCues = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "of": true, "from": true,
	"to": true, "before": true, "after": true, "during": true, "through": true, "throughout": true,
	"early": true, "late": true, "mid": true, "circa": true, "between": true, "and": true,
	"the": true, "'s": true, "year": true, "spring": true, "summer": true,
	"autumn": true, "fall": true, "winter": true,
}

// strongYearCues make a four-digit number a year whatever follows ("in
// 2015 alone").
var strongYearCues = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "during": true, "before": true,
	"after": true, "through": true, "throughout": true, "circa": true, "early": true, "late": true,
	"mid": true,
}

// notPlural lists words ending in "s" that are not plural nouns, for the
// year test ("of 2015 was").
var notPlural = map[string]bool{
	"this": true, "was": true, "has": true, "does": true, "always": true, "perhaps": true,
	"thus": true, "whereas": true, "towards": true, "unless": true, "besides": true, "becomes": true,
	"remains": true, "marks": true, "sees": true, "saw": true, "seems": true, "looks": true,
}

// notYearBefore lists words after which a four-digit number is a count
// ("about 2000", "$1500").
var notYearBefore = map[string]bool{
	"$": true, "€": true, "£": true, "about": true, "some": true, "over": true, "than": true,
	"nearly": true, "almost": true, "around": true, "approximately": true, "roughly": true,
	"least": true, "of": false, "#": true, "no": true, "number": true,
}

type unit uint8

const (
	unitNone unit = iota
	unitHour
	unitDay
	unitWeek
	unitMonth
	unitYear
	unitDecade
)

var units = map[string]unit{
	"hour": unitHour, "hours": unitHour, "day": unitDay, "days": unitDay, "week": unitWeek,
	"weeks": unitWeek, "month": unitMonth, "months": unitMonth, "year": unitYear, "years": unitYear,
	"decade": unitDecade, "decades": unitDecade,
}

// numberWords are the counts accepted in "two years ago", "the past three
// weeks". "few" and "several" count as three.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"few": 3, "several": 3, "couple": 2,
}

// closingPunct is punctuation after which a four-digit number is taken as
// a year ("... in the spring of 2015.").
var closingPunct = map[string]bool{
	",": true, ".": true, ";": true, ":": true, ")": true, "?": true, "!": true, "—": true, "–": true,
	"\"": true, "”": true, "'": true, "’": true,
}
