package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// monthPattern matches an English month name or its common abbreviation.
const monthPattern = `Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?`

var (
	// "March 23, 2017", "Mar. 23 2017", "March 23rd, 2017".
	monthDayYearRe = regexp.MustCompile(`\b(` + monthPattern + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// "23 March 2017", "23rd of March, 2017".
	dayMonthYearRe = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthPattern + `)\.?,?\s+(\d{4})\b`)
	// "2017-03-23".
	isoDateRe = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)

	// A paragraph that is only a date, maybe with a label and a time:
	// "March 23, 2017", "Published: 23 March 2017 10:31 GMT", "Updated March 23, 2017 at 5:02 p.m. ET".
	datelineOnlyRe = regexp.MustCompile(`(?i)^(?:(?:first )?published(?: on)?|posted(?: on)?|updated(?: on)?|last updated(?: on)?|date)?\s*:?\s*` +
		`(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?` +
		`(?:(?:` + monthPattern + `)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:` + monthPattern + `)\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})` +
		`(?:\s*(?:at|,|\||-|–|—|/)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*\.?$`)
)

var monthNumbers = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// validDate builds a date, rejecting impossible ones (February 30) and
// years outside news archives.
func validDate(year int, month time.Month, day int) (time.Time, bool) {
	if year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.Month() != month {
		return time.Time{}, false
	}
	return t, true
}

func monthOf(name string) time.Month {
	if len(name) < 3 {
		return 0
	}
	return monthNumbers[strings.ToLower(name[:3])]
}

// fullDates returns every complete date (day, month and year) in s, in
// order of appearance within each pattern.
func fullDates(s string) []time.Time {
	var out []time.Time
	for _, m := range monthDayYearRe.FindAllStringSubmatch(s, -1) {
		day, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		if t, ok := validDate(year, monthOf(m[1]), day); ok {
			out = append(out, t)
		}
	}
	for _, m := range dayMonthYearRe.FindAllStringSubmatch(s, -1) {
		day, _ := strconv.Atoi(m[1])
		year, _ := strconv.Atoi(m[3])
		if t, ok := validDate(year, monthOf(m[2]), day); ok {
			out = append(out, t)
		}
	}
	for _, m := range isoDateRe.FindAllStringSubmatch(s, -1) {
		year, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		day, _ := strconv.Atoi(m[3])
		if t, ok := validDate(year, time.Month(month), day); ok {
			out = append(out, t)
		}
	}
	return out
}

// firstFullDate returns the earliest-placed complete date in s, or zero.
func firstFullDate(s string) time.Time {
	best, bestAt := time.Time{}, len(s)+1
	for _, re := range []*regexp.Regexp{monthDayYearRe, dayMonthYearRe, isoDateRe} {
		loc := re.FindStringIndex(s)
		if loc == nil || loc[0] >= bestAt {
			continue
		}
		if ds := fullDates(s[loc[0]:loc[1]]); len(ds) > 0 {
			best, bestAt = ds[0], loc[0]
		}
	}
	return best
}

// datelineOnly reports whether p is nothing but a (labelled) date, and the
// date when it is a complete one.
func datelineOnly(p string) (time.Time, bool) {
	if len(p) > 80 || !datelineOnlyRe.MatchString(p) {
		return time.Time{}, false
	}
	return firstFullDate(p), true
}

// latestTextDate returns the latest complete date in text that is not
// after now (when now is non-zero), or zero.
func latestTextDate(text string, now time.Time) time.Time {
	var best time.Time
	limit := now
	if !limit.IsZero() {
		limit = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	for _, d := range fullDates(text) {
		if !limit.IsZero() && d.After(limit) {
			continue
		}
		if d.After(best) {
			best = d
		}
	}
	return best
}
