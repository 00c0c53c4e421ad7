package timex

import (
	"strconv"
	"strings"
	"time"
)

// mode says how a weekday or a month name without a year is placed
// relative to the reference date.
type mode uint8

const (
	modeCue    mode = iota // by the tense of the sentence: on or before, or on or after with a future cue
	modeForced             // like modeCue, for a bare month with a cue word already checked ("early March")
	modeLast               // strictly before the reference ("last Monday", "last November")
	modeNext               // strictly after the reference ("next Monday", "next March")
	modeThis               // the one in the reference's week, month or year ("this Friday", "this May")
)

// finder matches time expressions in the tokens of one sentence.
type finder struct {
	text   string
	toks   []token
	ref    time.Time // the reference day at midnight UTC
	hasRef bool
}

func (f *finder) lower(i int) string {
	if i < 0 || i >= len(f.toks) {
		return ""
	}
	return f.toks[i].Lower
}

func (f *finder) isKind(i int, k kind) bool { return i >= 0 && i < len(f.toks) && f.toks[i].Kind == k }

// capitalWord returns the lower-cased word at i if it is capitalised.
func (f *finder) capitalWord(i int) string {
	if i < 0 || i >= len(f.toks) || f.toks[i].Kind != kindWord || !f.toks[i].Capital {
		return ""
	}
	return f.toks[i].Lower
}

// run appends the matches in f.toks to out.
func (f *finder) run(out []match) []match {
	for i := 0; i < len(f.toks); {
		end, res, ok := f.core(i)
		if !ok || end <= i || (!res.abs && !f.hasRef) {
			i++
			continue
		}
		first := i
		switch f.lower(i - 1) {
		case "on":
			first = i - 1
		case "in":
			// "in February", but not "in Saturday's protests".
			if _, wd := weekdays[f.lower(i)]; !wd {
				first = i - 1
			}
		case "since":
			if f.hasRef && !res.from.After(f.ref) {
				res = rangeValue(res.from, f.ref)
				first = i - 1
			}
		}
		out = append(out, match{start: f.toks[first].Start, end: f.toks[end-1].End, res: res})
		i = end
	}
	return out
}

// match is one found expression, as byte offsets.
type match struct {
	start, end int
	res        resolved
}

// core tries every rule that can start at token i and returns the end
// token index (exclusive) of the expression.
func (f *finder) core(i int) (int, resolved, bool) {
	t := &f.toks[i]
	switch t.Kind {
	case kindNumber:
		return f.number(i)
	case kindWord:
	default:
		return 0, resolved{}, false
	}
	if t.Capital {
		if mn, ok := months[t.Lower]; ok {
			return f.month(i, mn, modeCue)
		}
		if wd, ok := weekdays[t.Lower]; ok {
			return f.weekday(i, wd, modeCue)
		}
	}
	if _, ok := seasons[t.Lower]; ok {
		return f.seasonYear(i)
	}
	switch t.Lower {
	case "yesterday", "today", "tonight", "tomorrow":
		if !f.hasRef {
			return 0, resolved{}, false
		}
		d := f.ref
		switch t.Lower {
		case "yesterday":
			d = d.AddDate(0, 0, -1)
		case "tomorrow":
			d = d.AddDate(0, 0, 1)
		}
		end := i + 1
		if partOfDay[f.lower(end)] && t.Lower != "tonight" {
			end++
		}
		return end, dayValue(d), true
	case "last", "next", "this", "past", "coming":
		return f.deictic(i, false)
	case "the":
		return f.the(i)
	case "earlier", "later", "early", "late", "mid":
		return f.edge(i)
	case "recent":
		return f.recent(i)
	}
	if strings.HasPrefix(t.Lower, "mid-") {
		return f.midCompound(i)
	}
	if _, ok := numberWords[t.Lower]; ok {
		return f.ago(i)
	}
	if strings.IndexByte(t.Lower, '-') > 0 {
		return f.ago(i) // "twenty-five years ago"
	}
	return 0, resolved{}, false
}

// cueWindow bounds the search for a tense cue, in tokens each side.
const cueWindow = 24

// future reports whether the tense cue nearest to token i in the sentence
// points to the future ("will", "is due to", "plans to", "next").
func (f *finder) future(i int) bool { return f.nearestCue(i) == 2 }

// pastNear reports whether the nearest tense cue to i is a past one.
func (f *finder) pastNear(i int) bool { return f.nearestCue(i) == 1 }

// nearestCue returns the cue (see cue) nearest to token i, searching
// outwards up to cueWindow tokens and not past a sentence end; on a tie the
// earlier one wins.
func (f *finder) nearestCue(i int) int {
	left, right := true, true
	for d := 1; d <= cueWindow && (left || right); d++ {
		if left {
			if j := i - d; j < 0 || isSentenceEnd(f.lower(j)) {
				left = false
			} else if c := f.cue(j); c != 0 {
				return c
			}
		}
		if right {
			if j := i + d; j >= len(f.toks) || isSentenceEnd(f.lower(j)) {
				right = false
			} else if c := f.cue(j); c != 0 {
				return c
			}
		}
	}
	return 0
}

func isSentenceEnd(s string) bool { return s == "." || s == "?" || s == "!" || s == "\n" }

// cue returns 2 for a future cue at j, 1 for a past cue, 0 for none.
func (f *finder) cue(j int) int {
	t := &f.toks[j]
	if t.Kind != kindWord {
		return 0
	}
	w := t.Lower
	switch w {
	case "will", "shall", "upcoming", "tomorrow", "won't", "won’t", "next", "'ll":
		return 2
	case "due", "expected", "set", "plans", "plan", "planning", "going", "intends", "intend", "scheduled", "slated", "aims":
		if n := f.lower(j + 1); n == "to" || n == "for" {
			return 2
		}
		if w == "scheduled" || w == "slated" {
			return 2
		}
		if w == "expected" {
			return 1
		}
		return 0
	case "said", "told", "was", "were", "had", "did", "ago", "yesterday", "last", "earlier":
		return 1
	}
	if strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") {
		return 2
	}
	if len(w) >= 5 && strings.HasSuffix(w, "ed") {
		switch f.lower(j - 1) {
		case "be", "being", "is", "are", "am", "to", "get", "gets":
			return 0 // a passive or infinitive: the auxiliary carries the tense
		}
		return 1
	}
	return 0
}

// placeWeekday places a weekday relative to the reference by mode and tense.
func (f *finder) placeWeekday(i int, wd time.Weekday, m mode) time.Time {
	switch m {
	case modeLast:
		return weekdayOnOrBefore(f.ref.AddDate(0, 0, -1), wd)
	case modeNext:
		return weekdayOnOrAfter(f.ref.AddDate(0, 0, 1), wd)
	}
	if f.future(i) {
		return weekdayOnOrAfter(f.ref, wd)
	}
	return weekdayOnOrBefore(f.ref, wd)
}

func (f *finder) weekday(i int, wd time.Weekday, m mode) (int, resolved, bool) {
	if m == modeCue {
		if notWeekdayBefore[f.capitalWord(i-1)] || notWeekdayAfter[f.capitalWord(i+1)] {
			return 0, resolved{}, false
		}
		// "Monday, March 20, 2017" and "Monday, 20 March": the written date wins.
		if f.lower(i+1) == "," {
			if mn, ok := months[f.capitalWord(i+2)]; ok {
				if end, res, ok := f.month(i+2, mn, modeCue); ok && res.grain == GrainDay {
					return end, res, true
				}
			} else if f.isKind(i+2, kindNumber) {
				if end, res, ok := f.number(i + 2); ok && res.grain == GrainDay {
					return end, res, true
				}
			}
		}
	}
	if !f.hasRef {
		return 0, resolved{}, false
	}
	end := i + 1
	if partOfDay[f.lower(end)] {
		end++
	}
	return end, dayValue(f.placeWeekday(i, wd, m)), true
}

// dayNumber parses a day of the month: "23", "23rd", or a span "20-21".
func dayNumber(s string) (d1, d2 int, ok bool) {
	if a, b, found := strings.Cut(s, "-"); found {
		x, ok1 := dayNumberOne(a)
		y, ok2 := dayNumberOne(b)
		if !ok1 || !ok2 || y <= x {
			return 0, 0, false
		}
		return x, y, true
	}
	d, ok := dayNumberOne(s)
	return d, d, ok
}

func dayNumberOne(s string) (int, bool) {
	digits := s
	for _, suffix := range [...]string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suffix) {
			digits = s[:len(s)-2]
			break
		}
	}
	if len(digits) == 0 || len(digits) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || n > 31 {
		return 0, false
	}
	return n, true
}

// year4 parses a four-digit year between 1000 and 2999.
func year4(s string) (int, bool) {
	if len(s) != 4 || s[0] < '1' || s[0] > '2' {
		return 0, false
	}
	n := 0
	for k := 0; k < 4; k++ {
		if !isASCIIDigit(s[k]) {
			return 0, false
		}
		n = n*10 + int(s[k]-'0')
	}
	return n, true
}

// dayResult builds a day (or a day span) with an explicit or inferred year.
func (f *finder) dayResult(year int, hasYear bool, m time.Month, d1, d2 int) (resolved, bool) {
	if !hasYear {
		if !f.hasRef {
			return resolved{}, false
		}
		// The year closest to the reference: "Dec. 28" in a January article is last year's.
		best, found := time.Time{}, false
		for y := f.ref.Year() - 1; y <= f.ref.Year()+1; y++ {
			if !validDay(y, int(m), d1) {
				continue
			}
			t := date(y, m, d1)
			if !found || absDuration(t.Sub(f.ref)) < absDuration(best.Sub(f.ref)) {
				best, found = t, true
			}
		}
		if !found {
			return resolved{}, false
		}
		year = best.Year()
	}
	if !validDay(year, int(m), d1) || !validDay(year, int(m), d2) {
		return resolved{}, false
	}
	var res resolved
	if d2 != d1 {
		res = rangeValue(date(year, m, d1), date(year, m, d2))
	} else {
		res = dayValue(date(year, m, d1))
	}
	res.abs = hasYear
	return res, true
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// month matches expressions that start with a month name at i.
func (f *finder) month(i int, mn monthName, m mode) (int, resolved, bool) {
	j := i + 1
	if mn.abbr && f.lower(j) == "." {
		j++
	}
	if f.isKind(j, kindNumber) {
		s := f.toks[j].Lower
		if d1, d2, ok := dayNumber(s); ok {
			end := j + 1
			k := end
			if f.lower(k) == "," {
				k++
			}
			if y, ok := year4(f.lower(k)); ok && f.isKind(k, kindNumber) {
				res, ok := f.dayResult(y, true, mn.month, d1, d2)
				return k + 1, res, ok
			}
			res, ok := f.dayResult(0, false, mn.month, d1, d2)
			return end, res, ok
		}
		if y, ok := year4(s); ok {
			res := monthValue(y, mn.month)
			res.abs = true
			return j + 1, res, true
		}
	}
	// "December, 2005", "August of 2008"
	if w := f.lower(j); (w == "," || w == "of") && f.isKind(j+1, kindNumber) {
		if y, ok := year4(f.lower(j + 1)); ok && y >= 1900 && y <= 2099 {
			res := monthValue(y, mn.month)
			res.abs = true
			return j + 2, res, true
		}
	}
	// "July of this year", "August of last year"
	if f.lower(j) == "of" && f.lower(j+2) == "year" && f.hasRef && !mn.abbr {
		switch f.lower(j + 1) {
		case "this":
			return j + 3, monthValue(f.ref.Year(), mn.month), true
		case "last":
			return j + 3, monthValue(f.ref.Year()-1, mn.month), true
		case "next":
			return j + 3, monthValue(f.ref.Year()+1, mn.month), true
		}
	}
	if mn.abbr {
		return 0, resolved{}, false
	}
	if mn.month == time.May && f.capitalWord(i+1) == "day" {
		return 0, resolved{}, false // "May Day" is a holiday, not the month
	}
	// "between March and May 2010": the year written after the second month.
	switch f.lower(i + 1) {
	case "and", "to", "through", "until", "till", "or", "-", "–", "—":
		if mn2, ok := months[f.capitalWord(i+2)]; ok && !mn2.abbr && f.isKind(i+3, kindNumber) {
			if y, ok := year4(f.lower(i + 3)); ok {
				if mn.month > mn2.month {
					y--
				}
				res := monthValue(y, mn.month)
				res.abs = true
				return i + 1, res, true
			}
		}
	}
	if m == modeCue {
		prev := f.lower(i - 1)
		cues := bareMonthCues
		if mn.month == time.May {
			cues = mayCues
			if f.lower(i+1) == "'s" {
				return 0, resolved{}, false
			}
		}
		if !cues[prev] {
			return 0, resolved{}, false
		}
	}
	if !f.hasRef {
		return 0, resolved{}, false
	}
	ry, rm := f.ref.Year(), f.ref.Month()
	y := ry
	switch m {
	case modeLast:
		if mn.month >= rm {
			y--
		}
	case modeNext:
		if mn.month <= rm {
			y++
		}
	case modeThis:
	default:
		if f.future(i) {
			if mn.month < rm {
				y++
			}
		} else if mn.month > rm {
			y--
		}
	}
	return i + 1, monthValue(y, mn.month), true
}

// deictic matches "last|next|this|past|coming" + unit, month or weekday.
// After "the", "last" and "next" mean a stretch ending or starting at the
// reference: "the last week" is a range, "last week" the previous ISO week.
func (f *finder) deictic(i int, afterThe bool) (int, resolved, bool) {
	if !f.hasRef {
		return 0, resolved{}, false
	}
	w := f.lower(i)
	n := i + 1
	if !afterThe {
		m := modeThis
		switch w {
		case "last":
			m = modeLast
		case "next":
			m = modeNext
		}
		if w == "last" || w == "next" || w == "this" {
			if mn, ok := months[f.capitalWord(n)]; ok && !mn.abbr {
				return f.month(n, mn, m)
			}
			if wd, ok := weekdays[f.capitalWord(n)]; ok {
				if m == modeThis {
					m = modeCue
				}
				end, res, ok := f.weekday(n, wd, m)
				return end, res, ok
			}
		}
	}
	if afterThe {
		switch w {
		case "last":
			w = "past"
		case "next":
			w = "coming"
		}
	}
	ref := f.ref
	if start, ok := seasons[f.lower(n)]; ok && (w == "last" || w == "this" || w == "next") {
		return n + 1, seasonValue(ref, start, w), true
	}
	switch f.lower(n) {
	case "week":
		switch w {
		case "this":
			return n + 1, weekValue(ref), true
		case "last":
			return n + 1, weekValue(ref.AddDate(0, 0, -7)), true
		case "next":
			return n + 1, weekValue(ref.AddDate(0, 0, 7)), true
		case "past":
			return n + 1, rangeValue(ref.AddDate(0, 0, -7), ref), true
		case "coming":
			return n + 1, rangeValue(ref, ref.AddDate(0, 0, 7)), true
		}
	case "month":
		switch w {
		case "this":
			return n + 1, monthValue(ref.Year(), ref.Month()), true
		case "last":
			return n + 1, monthValue(ref.Year(), ref.Month()-1), true
		case "next":
			return n + 1, monthValue(ref.Year(), ref.Month()+1), true
		case "past":
			return n + 1, rangeValue(addMonths(ref, -1), ref), true
		case "coming":
			return n + 1, rangeValue(ref, addMonths(ref, 1)), true
		}
	case "year":
		switch w {
		case "this":
			return n + 1, yearValue(ref.Year()), true
		case "last":
			return n + 1, yearValue(ref.Year() - 1), true
		case "next":
			return n + 1, yearValue(ref.Year() + 1), true
		case "past":
			return n + 1, rangeValue(addMonths(ref, -12), ref), true
		case "coming":
			return n + 1, rangeValue(ref, addMonths(ref, 12)), true
		}
	case "decade":
		switch w {
		case "past":
			return n + 1, rangeValue(addMonths(ref, -120), ref), true
		case "coming":
			return n + 1, rangeValue(ref, addMonths(ref, 120)), true
		}
	case "weekend":
		var sat time.Time
		switch w {
		case "last", "past":
			sat = weekdayOnOrBefore(ref.AddDate(0, 0, -1), time.Saturday)
		case "next", "coming":
			sat = weekdayOnOrAfter(ref.AddDate(0, 0, 1), time.Saturday)
		case "this":
			if ref.Weekday() == time.Sunday {
				sat = ref.AddDate(0, 0, -1)
			} else if f.future(i) || ref.Weekday() != time.Saturday && !f.pastNear(i) {
				sat = weekdayOnOrAfter(ref, time.Saturday)
			} else {
				sat = weekdayOnOrBefore(ref, time.Saturday)
			}
		}
		if !sat.IsZero() {
			return n + 1, rangeValue(sat, sat.AddDate(0, 0, 1)), true
		}
	case "night":
		if w == "last" {
			return n + 1, dayValue(ref.AddDate(0, 0, -1)), true
		}
	case "morning", "afternoon", "evening":
		if w == "this" {
			return n + 1, dayValue(ref), true
		}
	}
	if w == "past" || w == "coming" {
		// "the past days", "the coming weeks": as "recent", forwards or backwards.
		if span, ok := vagueSpan(ref, f.lower(n), w == "coming"); ok {
			return n + 1, span, true
		}
	}
	if w == "past" || w == "last" || w == "coming" || w == "next" {
		count, k, ok := f.count(n)
		if !ok || count <= 0 || count > 1000 {
			return 0, resolved{}, false
		}
		u := units[f.lower(k)]
		if u == unitNone {
			return 0, resolved{}, false
		}
		sign := -1
		if w == "coming" || w == "next" {
			sign = 1
		}
		other := shift(ref, u, sign*count)
		return k + 1, rangeValue(other, ref), true
	}
	return 0, resolved{}, false
}

// shift moves ref by n units.
func shift(ref time.Time, u unit, n int) time.Time {
	switch u {
	case unitHour:
		days := (abs(n) + 23) / 24
		if n < 0 {
			days = -days
		}
		return ref.AddDate(0, 0, days)
	case unitDay:
		return ref.AddDate(0, 0, n)
	case unitWeek:
		return ref.AddDate(0, 0, 7*n)
	case unitMonth:
		return addMonths(ref, n)
	case unitYear:
		return addMonths(ref, 12*n)
	case unitDecade:
		return addMonths(ref, 120*n)
	}
	return ref
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// count reads a small count at i: "two", "a", "a few", "a couple of",
// "twenty-five", "3". It returns the count and the index after it.
func (f *finder) count(i int) (int, int, bool) {
	if i >= len(f.toks) {
		return 0, 0, false
	}
	t := &f.toks[i]
	if t.Kind == kindNumber {
		if len(t.Lower) > 4 {
			return 0, 0, false
		}
		n, err := strconv.Atoi(t.Lower)
		if err != nil {
			return 0, 0, false
		}
		return n, i + 1, true
	}
	if t.Kind != kindWord {
		return 0, 0, false
	}
	w := t.Lower
	if w == "a" || w == "an" {
		switch f.lower(i + 1) {
		case "few":
			return 3, i + 2, true
		case "couple":
			if f.lower(i+2) == "of" {
				return 2, i + 3, true
			}
			return 2, i + 2, true
		}
		return 1, i + 1, true
	}
	if w == "couple" {
		return 0, 0, false
	}
	if n, ok := numberWords[w]; ok {
		return n, i + 1, true
	}
	if tens, ones, found := strings.Cut(w, "-"); found {
		a, ok1 := numberWords[tens]
		b, ok2 := numberWords[ones]
		if ok1 && ok2 && a >= 20 && a%10 == 0 && b >= 1 && b <= 9 {
			return a + b, i + 1, true
		}
	}
	return 0, 0, false
}

// ago matches "<count> <unit> ago".
func (f *finder) ago(i int) (int, resolved, bool) {
	if !f.hasRef {
		return 0, resolved{}, false
	}
	n, k, ok := f.count(i)
	if !ok || n <= 0 || n > 1000 {
		return 0, resolved{}, false
	}
	u := units[f.lower(k)]
	if u == unitNone || f.lower(k+1) != "ago" {
		return 0, resolved{}, false
	}
	t := shift(f.ref, u, -n)
	switch u {
	case unitHour, unitDay:
		return k + 2, dayValue(t), true
	case unitWeek:
		return k + 2, weekValue(t), true
	case unitMonth:
		return k + 2, monthValue(t.Year(), t.Month()), true
	}
	return k + 2, yearValue(t.Year()), true
}

// the matches "the past two weeks", "the coming days", "the 1990s".
func (f *finder) the(i int) (int, resolved, bool) {
	n := i + 1
	if _, ok := seasons[f.lower(n)]; ok {
		return f.seasonYear(n)
	}
	switch f.lower(n) {
	case "past", "last", "coming", "next":
		return f.deictic(n, true)
	default:
		// "the 1990s", "the 1990's"
		if f.isKind(n, kindNumber) {
			if end, res, ok := f.number(n); ok && res.grain == GrainRange && res.from.Year()%10 == 0 && res.value == decadeValue(res.from.Year()).value {
				return end, res, true
			}
		}
	case "'", "’":
		// "the '90s"
		if f.isKind(n+1, kindNumber) {
			s := f.lower(n + 1)
			if len(s) == 3 && s[2] == 's' && s[1] == '0' && isASCIIDigit(s[0]) && f.hasRef {
				d := int(s[0]-'0') * 10
				century := f.ref.Year() / 100 * 100
				if century+d > f.ref.Year() {
					century -= 100
				}
				return n + 2, decadeValue(century + d), true
			}
		}
	}
	return 0, resolved{}, false
}

func decadeValue(y int) resolved {
	res := rangeValue(date(y, 1, 1), date(y+9, 12, 31))
	res.abs = true
	return res
}

// edge matches "earlier this month", "late last year", "early March",
// "mid 2016".
func (f *finder) edge(i int) (int, resolved, bool) {
	n := i + 1
	switch f.lower(n) {
	case "this", "last", "next":
		end, res, ok := f.deictic(n, false)
		if ok && (res.grain == GrainWeek || res.grain == GrainMonth || res.grain == GrainYear) {
			return end, res, true
		}
		return 0, resolved{}, false
	}
	if w := f.lower(i); w == "earlier" || w == "later" {
		return 0, resolved{}, false
	}
	if mn, ok := months[f.capitalWord(n)]; ok && !mn.abbr {
		return f.month(n, mn, modeForced)
	}
	if f.isKind(n, kindNumber) {
		if y, ok := year4(f.lower(n)); ok {
			res := yearValue(y)
			res.abs = true
			return n + 1, res, true
		}
	}
	return 0, resolved{}, false
}

// midCompound matches "mid-March", "mid-2016", "mid-1990s".
func (f *finder) midCompound(i int) (int, resolved, bool) {
	t := &f.toks[i]
	rest := t.Lower[len("mid-"):]
	if mn, ok := months[rest]; ok && !mn.abbr {
		if !f.hasRef {
			return 0, resolved{}, false
		}
		// Place the month as if it stood alone, then check for a year.
		if f.isKind(i+1, kindNumber) {
			if y, ok := year4(f.lower(i + 1)); ok {
				res := monthValue(y, mn.month)
				res.abs = true
				return i + 2, res, true
			}
		}
		ry, rm := f.ref.Year(), f.ref.Month()
		y := ry
		if f.future(i) {
			if mn.month < rm {
				y++
			}
		} else if mn.month > rm {
			y--
		}
		return i + 1, monthValue(y, mn.month), true
	}
	if y, ok := year4(rest); ok {
		res := yearValue(y)
		res.abs = true
		return i + 1, res, true
	}
	if len(rest) == 5 && rest[4] == 's' {
		if y, ok := year4(rest[:4]); ok && y%10 == 0 {
			return i + 1, decadeValue(y), true
		}
	}
	return 0, resolved{}, false
}

// recent matches "recent days|weeks|months|years" as a range ending at the
// reference: 7 days, 4 weeks, 3 months, 5 years.
func (f *finder) recent(i int) (int, resolved, bool) {
	if !f.hasRef {
		return 0, resolved{}, false
	}
	if span, ok := vagueSpan(f.ref, f.lower(i+1), false); ok {
		return i + 2, span, true
	}
	return 0, resolved{}, false
}

// vagueSpan is the range meant by "recent days", "the coming weeks": 7 days,
// 4 weeks, 3 months or 5 years before (or after) ref.
func vagueSpan(ref time.Time, plural string, forward bool) (resolved, bool) {
	sign := -1
	if forward {
		sign = 1
	}
	var other time.Time
	switch plural {
	case "days":
		other = ref.AddDate(0, 0, 7*sign)
	case "weeks":
		other = ref.AddDate(0, 0, 28*sign)
	case "months":
		other = addMonths(ref, 3*sign)
	case "years":
		other = addMonths(ref, 60*sign)
	default:
		return resolved{}, false
	}
	return rangeValue(other, ref), true
}

// number matches expressions that start with a number: ISO dates, "23
// March 2017", years, decades, "3 days ago".
func (f *finder) number(i int) (int, resolved, bool) {
	s := f.toks[i].Lower
	if strings.IndexByte(s, '-') > 0 {
		return isoNumber(s, i)
	}
	if strings.IndexByte(s, '/') > 0 {
		return slashDate(s, i)
	}
	if strings.ContainsAny(s, ",.:") {
		return 0, resolved{}, false
	}
	digits := s
	for k := 0; k < len(s); k++ {
		if !isASCIIDigit(s[k]) {
			digits = s[:k]
			break
		}
	}
	suffix := s[len(digits):]
	if suffix == "s" && len(digits) == 4 && digits[3] == '0' {
		if y, ok := year4(digits); ok {
			return i + 1, decadeValue(y), true
		}
	}
	if d, ok := dayNumberOne(s); ok {
		k := i + 1
		if f.lower(k) == "of" {
			k++
		}
		if mn, ok := months[f.capitalWord(k)]; ok {
			end := k + 1
			if mn.abbr && f.lower(end) == "." {
				end++
			}
			if y, ok := year4(f.lower(end)); ok && f.isKind(end, kindNumber) {
				res, ok := f.dayResult(y, true, mn.month, d, d)
				return end + 1, res, ok
			}
			res, ok := f.dayResult(0, false, mn.month, d, d)
			return k + 1, res, ok
		}
	}
	if suffix != "" {
		return 0, resolved{}, false
	}
	if y, ok := year4(digits); ok && y <= 2099 {
		if f.lower(i+1) == "'s" && y%10 == 0 {
			return i + 2, decadeValue(y), true
		}
		// "1998–2001"
		if dash := f.lower(i + 1); (dash == "–" || dash == "—") && f.isKind(i+2, kindNumber) &&
			f.toks[i+1].Start == f.toks[i].End && f.toks[i+2].Start == f.toks[i+1].End {
			if y2, ok := year4(f.lower(i + 2)); ok && y2 > y && y2 <= 2099 {
				res := rangeValue(date(y, 1, 1), date(y2, 12, 31))
				res.abs = true
				return i + 3, res, true
			}
		}
		if f.yearContext(i, y) {
			res := yearValue(y)
			res.abs = true
			return i + 1, res, true
		}
		return 0, resolved{}, false
	}
	return f.ago(i)
}

// yearContext reports whether the four-digit number y at i reads as a
// year: after a cue word, or (from 1900 on) before closing punctuation.
func (f *finder) yearContext(i, y int) bool {
	prev := f.lower(i - 1)
	if notYearBefore[prev] {
		return false
	}
	if f.lower(i+1) == "%" || f.lower(i+1) == "percent" {
		return false
	}
	if prev == "the" {
		// "the 2016 election", but not "the 2000 troops".
		next := f.lower(i + 1)
		return !(f.isKind(i+1, kindWord) && strings.HasSuffix(next, "s") && !f.toks[i+1].Capital)
	}
	if strongYearCues[prev] {
		return true
	}
	if next := f.lower(i + 1); f.isKind(i+1, kindWord) && !f.toks[i+1].Capital && len(next) >= 4 &&
		strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ss") && !notPlural[next] {
		return false // "and 2000 leaflets"
	}
	if yearCues[prev] {
		return true
	}
	if y < 1900 {
		return false
	}
	return i+1 >= len(f.toks) || closingPunct[f.lower(i+1)]
}

// isoNumber reads "2017-03-23", "2017-03" and "2014-2016".
func isoNumber(s string, i int) (int, resolved, bool) {
	parts := strings.Split(s, "-")
	switch len(parts) {
	case 3:
		y, ok := year4(parts[0])
		if !ok || len(parts[1]) != 2 || len(parts[2]) != 2 {
			break
		}
		m, err1 := strconv.Atoi(parts[1])
		d, err2 := strconv.Atoi(parts[2])
		if err1 != nil || err2 != nil || !validDay(y, m, d) {
			break
		}
		res := dayValue(date(y, time.Month(m), d))
		res.abs = true
		return i + 1, res, true
	case 2:
		y1, ok1 := year4(parts[0])
		if !ok1 || y1 < 1900 || y1 > 2099 {
			break
		}
		if y2, ok2 := year4(parts[1]); ok2 && y2 > y1 && y2 <= 2099 {
			res := rangeValue(date(y1, 1, 1), date(y2, 12, 31))
			res.abs = true
			return i + 1, res, true
		}
		if len(parts[1]) == 2 {
			m, err := strconv.Atoi(parts[1])
			if err == nil && m >= 1 && m <= 12 {
				res := monthValue(y1, time.Month(m))
				res.abs = true
				return i + 1, res, true
			}
		}
	}
	return 0, resolved{}, false
}

// slashDate reads numeric dates with a four-digit year when the order of
// day and month is unambiguous ("23/03/2017", "3/23/2017"); "3/4/2017" is
// left alone.
func slashDate(s string, i int) (int, resolved, bool) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 {
		return 0, resolved{}, false
	}
	y, ok := year4(parts[2])
	a, err1 := strconv.Atoi(parts[0])
	b, err2 := strconv.Atoi(parts[1])
	if !ok || err1 != nil || err2 != nil {
		return 0, resolved{}, false
	}
	var m, d int
	switch {
	case a == b:
		m, d = a, b
	case a > 12 && b <= 12:
		m, d = b, a
	case b > 12 && a <= 12:
		m, d = a, b
	default:
		return 0, resolved{}, false
	}
	if !validDay(y, m, d) {
		return 0, resolved{}, false
	}
	res := dayValue(date(y, time.Month(m), d))
	res.abs = true
	return i + 1, res, true
}

// seasons maps a (northern-hemisphere, meteorological) season to its first
// month. Winter runs from December into the next year.
var seasons = map[string]time.Month{
	"spring": time.March, "summer": time.June, "autumn": time.September, "fall": time.September,
	"winter": time.December,
}

func seasonRange(y int, start time.Month) resolved {
	from := date(y, start, 1)
	return rangeValue(from, addMonths(from, 3).AddDate(0, 0, -1))
}

// seasonValue resolves "last|this|next <season>": the last one over before
// ref, the one of ref's year (for winter, the one ref is in or the coming
// one), or the first one starting after ref.
func seasonValue(ref time.Time, start time.Month, which string) resolved {
	y := ref.Year()
	switch which {
	case "last":
		for !addMonths(date(y, start, 1), 3).AddDate(0, 0, -1).Before(ref) {
			y--
		}
	case "next":
		for !date(y, start, 1).After(ref) {
			y++
		}
	default:
		if start == time.December && ref.Month() <= time.February {
			y--
		}
	}
	return seasonRange(y, start)
}

// seasonYear matches "<season> [of] YYYY" at i: "summer 2016", "the spring
// of 2015".
func (f *finder) seasonYear(i int) (int, resolved, bool) {
	k := i + 1
	if f.lower(k) == "of" {
		k++
	}
	if !f.isKind(k, kindNumber) {
		return 0, resolved{}, false
	}
	y, ok := year4(f.lower(k))
	if !ok {
		return 0, resolved{}, false
	}
	res := seasonRange(y, seasons[f.lower(i)])
	res.abs = true
	return k + 1, res, true
}
