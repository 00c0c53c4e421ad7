// Package quantity finds numbers in news text and what they count:
// "more than 9,000 U.S. and coalition forces" is the value 9000 with the
// modifier "more than" and the unit "forces".
//
// Numbers are read from digits ("9,000", "3.5", "1.2 million", "$5
// billion", "5%") and from words ("two", "twenty-five", "a dozen", "two
// hundred thousand", "half a million"). Plural numerals are vague
// quantities whose Value is the lower bound and whose Modifier is the
// phrase itself: "dozens of" 12, "scores of" 20, "hundreds of" 100,
// "thousands of" 1000, "tens of thousands of" 10000, "hundreds of
// thousands of" 100000, "millions of" 1e6 (or without "of": "thousands").
//
// Modifier is one of the hedges before the number, lower-cased: "more
// than", "over", "about", "around", "nearly", "almost", "at least", "up
// to", "some", "roughly", "fewer than", "less than", "approximately", "as
// many as", "between" ("between 20 and 30 people" is 20), ... or "".
//
// Unit is what the number counts: the head noun of the phrase after it,
// found by skipping proper-name and other capitalised modifiers, adjectives
// and coordinated modifiers up to the first plural noun ("9,000 U.S. and
// coalition forces" → "forces"), or a known collective or mass noun
// ("militia", "people", "police", "km"); without one, the last lower-case
// word before a stop word or punctuation ("one common enemy" → "enemy"), or
// "" when there is none ("killed 40 in Mosul"). A sum of money has the ISO
// 4217 code of its sign as Unit ("$5 billion" → 5e9 "USD"), a percentage
// "percent" ("5%", "5 percent"), "10-day" the unit "day".
//
// Text and Start/End cover the modifier and the number with its scale
// word, currency sign and percent sign ("more than 9,000", "$5 billion",
// "dozens of", "5%"), not the unit words: the output-format example does
// the same.
//
// Not quantities: dates and years (anything the timex package finds, and
// bare years 1000-2100 that count nothing), times of day ("10:30", "5
// p.m."), ordinals ("23rd", "second"), phone numbers and other digit groups
// ("555-1234", "+44 20 7946"), identifiers ("Resolution 2334", "F-16",
// "G20"), and "one" without a counted noun ("one of the aims", "no one").
package quantity

import (
	"context"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/timex"
)

// Tagger is the quantity stage. It has no state and is safe for concurrent
// use.
type Tagger struct{}

// New returns the quantity stage: Name "quantity", Requires [sentences],
// Assigns [quantities].
func New() faultline.Stage { return Tagger{} }

// Name implements faultline.Stage.
func (Tagger) Name() string { return "quantity" }

// Requires implements faultline.Stage.
func (Tagger) Requires() []faultline.Layer { return []faultline.Layer{faultline.LayerSentences} }

// Assigns implements faultline.Stage.
func (Tagger) Assigns() []faultline.Layer { return []faultline.Layer{faultline.LayerQuantities} }

// Process fills doc.Quantities from doc.Text, sentence by sentence (the
// whole text is one sentence when doc.Sentences is empty). It replaces what
// was in doc.Quantities.
func (Tagger) Process(ctx context.Context, doc *faultline.Document) error {
	if doc == nil {
		return faultline.Errorf(faultline.EINVALID, "quantity: nil document; pass a document with its text set")
	}
	qs, err := FindContext(ctx, doc.Text, doc.Sentences)
	if err != nil {
		return err
	}
	doc.Quantities = qs
	return nil
}

// Find returns the quantities of text in order. sentences may be nil: the
// whole text is then one sentence. Spans outside text are skipped.
func Find(text string, sentences []faultline.Sentence) []faultline.Quantity {
	qs, _ := FindContext(context.Background(), text, sentences)
	return qs
}

// spanRef is any reference date: timex is only asked where the dates are,
// and a zero reference would hide relative ones ("two years ago").
var spanRef = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// FindContext is Find with cancellation, checked between sentences.
func FindContext(ctx context.Context, text string, sentences []faultline.Sentence) ([]faultline.Quantity, error) {
	if len(sentences) == 0 {
		sentences = []faultline.Sentence{{Start: 0, End: len(text)}}
	}
	dates, err := timex.FindContext(ctx, text, sentences, spanRef)
	if err != nil {
		return nil, err
	}
	var out []faultline.Quantity
	var toks []token
	last := 0
	for k, s := range sentences {
		if k%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		toks = scan(text, s.Start, s.End, toks[:0])
		f := finder{text: text, toks: toks, dates: dates}
		for _, m := range f.run() {
			if m.start < last {
				continue
			}
			out = append(out, faultline.Quantity{
				Text: text[m.start:m.end], Start: m.start, End: m.end,
				Value: m.value, Modifier: m.modifier, Unit: m.unit,
			})
			last = m.end
		}
	}
	return out, nil
}

// finder reads the quantities in the tokens of one sentence.
type finder struct {
	text  string
	toks  []token
	dates []faultline.Time // sorted, non-overlapping
	found []match
}

type match struct {
	start, end int
	value      float64
	modifier   string
	unit       string
}

func (f *finder) lower(i int) string {
	if i < 0 || i >= len(f.toks) {
		return ""
	}
	return f.toks[i].Lower
}

func (f *finder) isKind(i int, k kind) bool { return i >= 0 && i < len(f.toks) && f.toks[i].Kind == k }

// adjacent reports whether tokens i and i+1 touch (no space between).
func (f *finder) adjacent(i int) bool {
	return i >= 0 && i+1 < len(f.toks) && f.toks[i].End == f.toks[i+1].Start
}

// inDate reports whether token i lies inside a date expression.
func (f *finder) inDate(i int) bool {
	t := &f.toks[i]
	// binary search for the first date ending after t.start
	lo, hi := 0, len(f.dates)
	for lo < hi {
		mid := (lo + hi) / 2
		if f.dates[mid].End <= t.Start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo < len(f.dates) && f.dates[lo].Start < t.End
}

// run returns the quantities of the sentence in order.
func (f *finder) run() []match {
	f.found = f.found[:0]
	for i := 0; i < len(f.toks); {
		if m, end, ok := f.at(i); ok {
			f.found = append(f.found, m)
			i = end
			continue
		}
		i++
	}
	return f.found
}

// at reads a quantity starting at token i: an optional modifier, then a
// number phrase, then the unit.
func (f *finder) at(i int) (match, int, bool) {
	t := &f.toks[i]
	if t.Kind == kindPunct {
		if _, ok := currencies[t.Lower]; !ok && t.Lower != "~" {
			return match{}, 0, false
		}
	}
	modifier := ""
	j := i
	for _, mod := range modifiers {
		if f.wordsAt(i, mod) {
			modifier = strings.Join(mod, " ")
			j = i + len(mod)
			break
		}
	}
	n, ok := f.number(j)
	if !ok {
		return match{}, 0, false
	}
	if n.ranged && modifier == "" {
		modifier = "between" // "20-30 people"
	}
	if n.modifier != "" {
		// A plural numeral is its own modifier ("dozens of"), even after a
		// hedge ("about dozens of").
		modifier = n.modifier
	}
	end := n.end
	// "between 20 and 30 people"
	if modifier == "between" && f.lower(end) == "and" {
		if n2, ok := f.number(end + 1); ok && n2.modifier == "" {
			end = n2.end
			n.unitFrom = n2.unitFrom
			if n.unit == "" {
				n.unit = n2.unit
			}
		} else {
			return match{}, 0, false
		}
	} else if modifier == "between" && !n.ranged {
		return match{}, 0, false
	}
	unit := n.unit
	if unit == "" {
		unit = f.head(n.unitFrom, n.value)
	}
	if n.needsUnit && unit == "" {
		return match{}, 0, false
	}
	if n.yearLike && modifier == "" && !isPluralNoun(unit) && !massNouns[unit] {
		return match{}, 0, false // "a 2008 raid", "in 2008"
	}
	return match{
		start: f.toks[i].Start, end: f.toks[end-1].End,
		value: n.value, modifier: modifier, unit: unit,
	}, end, true
}

func (f *finder) wordsAt(i int, words []string) bool {
	if i+len(words) > len(f.toks) {
		return false
	}
	for k, w := range words {
		if f.toks[i+k].Lower != w {
			return false
		}
	}
	return true
}

// numberPhrase is a number read at some token: its value, the token after
// it (end), where its unit phrase starts, and what the unit test needs.
type numberPhrase struct {
	value     float64
	end       int    // token after the number phrase (scale word, "%", "of" included)
	unitFrom  int    // token where the counted noun phrase starts
	unit      string // set when the number fixes it ("$" → USD, "%" → percent)
	modifier  string // for plural numerals: "dozens of"
	needsUnit bool   // number words count only with a counted noun
	yearLike  bool   // a bare 1000-2100
	ranged    bool   // "20-30"
}

// number reads a number phrase at token j.
func (f *finder) number(j int) (numberPhrase, bool) {
	if j >= len(f.toks) || f.inDate(j) {
		return numberPhrase{}, false
	}
	t := &f.toks[j]
	switch t.Kind {
	case kindPunct:
		code, ok := currencies[t.Lower]
		if !ok || !f.adjacent(j) || !f.isKind(j+1, kindNumber) {
			return numberPhrase{}, false
		}
		n, ok := f.digits(j+1, true)
		if !ok {
			return numberPhrase{}, false
		}
		n.unit = code
		return n, true
	case kindNumber:
		return f.digits(j, false)
	}
	// "US$5"
	if t.Lower == "us" && f.adjacent(j) && f.lower(j+1) == "$" && f.adjacent(j+1) && f.isKind(j+2, kindNumber) {
		n, ok := f.digits(j+2, true)
		if ok {
			n.unit = "USD"
		}
		return n, ok
	}
	return f.words(j)
}

// digits reads a number written in digits at token j, with its scale word
// and percent sign. money says a currency sign came before it.
func (f *finder) digits(j int, money bool) (numberPhrase, bool) {
	t := &f.toks[j]
	s := t.Lower
	// Glued to a word or a sign before it: "#5", "+44", "F-16" (scanned as
	// one word anyway).
	if j > 0 && f.adjacent(j-1) && !money {
		switch p := f.lower(j - 1); p {
		case "(", "\"", "“", "'", "‘", "~":
		default:
			return numberPhrase{}, false
		}
	}
	if !money && j > 0 && f.identifier(j-1) {
		return numberPhrase{}, false
	}
	// A run of numbers is a phone number or a code: "20 7946 0958".
	if f.isKind(j+1, kindNumber) || (j > 0 && f.isKind(j-1, kindNumber)) {
		return numberPhrase{}, false
	}
	if strings.ContainsAny(s, ":/") {
		return numberPhrase{}, false
	}
	digits := s
	for k := 0; k < len(s); k++ {
		if c := s[k]; (c >= 'a' && c <= 'z') || c == '-' {
			digits = s[:k]
			break
		}
	}
	suffix := s[len(digits):]
	n := numberPhrase{end: j + 1, unitFrom: j + 1}
	// "35–40 wild birds"
	if suffix == "" && (f.lower(j+1) == "–" || f.lower(j+1) == "-") && f.adjacent(j) && f.adjacent(j+1) && f.isKind(j+2, kindNumber) {
		x, ok1 := parseDigits(digits)
		y, ok2 := parseDigits(f.lower(j + 2))
		if ok1 && ok2 && x < y {
			return numberPhrase{value: x, end: j + 3, unitFrom: j + 3, ranged: true}, true
		}
		return numberPhrase{}, false
	}
	if strings.HasPrefix(suffix, "-") {
		// "20-30 people"
		a, b, _ := strings.Cut(s, "-")
		x, ok1 := parseDigits(a)
		y, ok2 := parseDigits(b)
		longest := len(a)
		if len(a) <= 2 {
			longest++ // "5-10", "20-100"
		}
		if !ok1 || !ok2 || !(x < y) || strings.HasPrefix(b, "0") || len(b) > longest || !f.isKind(j+1, kindWord) || f.toks[j+1].Capital {
			return numberPhrase{}, false
		}
		n.value, n.ranged = x, true
		return n, true
	}
	v, ok := parseDigits(digits)
	if !ok {
		return numberPhrase{}, false
	}
	n.value = v
	switch {
	case suffix == "":
	case money && suffixScales[suffix] != 0:
		n.value = scaled(n.value, suffixScales[suffix])
		return n, true
	case suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "s" || timeSuffixes[suffix]:
		return numberPhrase{}, false
	default:
		n.unit = suffix // "5km", "40mm"
		return n, true
	}
	// Times of day: "5 p.m.", "1400 GMT".
	if timeSuffixes[f.lower(j+1)] {
		return numberPhrase{}, false
	}
	k := j + 1
	if sc, ok := scales[f.lower(k)]; ok {
		n.value = scaled(n.value, sc)
		k++
		if sc2, ok := scales[f.lower(k)]; ok && sc2 > sc { // "2 hundred thousand"
			n.value = scaled(n.value, sc2)
			k++
		}
	} else if f.lower(k) == "dozen" {
		n.value *= 12
		k++
	}
	n.end, n.unitFrom = k, k
	switch w := f.lower(k); {
	case w == "%" && f.adjacent(k-1):
		n.end, n.unitFrom, n.unit = k+1, k+1, "percent"
	case w == "percent" || w == "pct" || (w == "per" && f.lower(k+1) == "cent"):
		n.unit = "percent"
	case w == "-" && f.adjacent(k-1) && f.adjacent(k) && f.isKind(k+1, kindWord):
		// "10-day", "15-year-old"
		n.unit = f.lower(k + 1)
	}
	if k == j+1 && !money && !strings.ContainsAny(digits, ",.") {
		if y, err := strconv.Atoi(digits); err == nil && y >= 1000 && y <= 2100 {
			n.yearLike = true
		}
	}
	return n, true
}

// scaled multiplies v by a scale of a hundred or more and rounds away the
// float error of decimal fractions: 8.2 million is 8200000, not
// 8199999.999999999.
func scaled(v, scale float64) float64 {
	r := v * scale
	if rounded := math.Round(r*1000) / 1000; !math.IsInf(rounded, 0) {
		return rounded
	}
	return r
}

// identifier reports whether the word at i makes the number after it a
// name or index: "Resolution 2334", "Flight 17", "Windows 10".
func (f *finder) identifier(i int) bool {
	t := &f.toks[i]
	if identifierWords[t.Lower] {
		return true
	}
	// A capitalised word inside the sentence ("Apollo 11", "Article 5"),
	// but not "U.S." and the like, which are often modifiers of the count
	// ("the U.S. 450") only by accident of word order.
	if t.Kind != kindWord || !t.Capital || i == 0 || strings.Contains(t.Lower, ".") || stopWords[t.Lower] || f.inDate(i) {
		return false
	}
	if _, isMod := modifierWord[t.Lower]; isMod {
		return false
	}
	switch f.lower(i - 1) {
	case ".", "!", "?", "\"", "“", "”", ":", ";", "(", "—", "–", "-":
		return false // the first word of a sentence or clause
	}
	return true
}

// modifierWord holds the words that may end a modifier, so a capitalised
// one at the start of a sentence ("About 450") is not an identifier.
var modifierWord = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, mod := range modifiers {
		m[mod[len(mod)-1]] = struct{}{}
	}
	return m
}()

// parseDigits parses "9,000", "3.5", "1,234.5".
func parseDigits(s string) (float64, bool) {
	if s == "" || s[len(s)-1] == ',' || s[len(s)-1] == '.' {
		return 0, false
	}
	clean := strings.ReplaceAll(s, ",", "")
	if strings.Count(clean, ".") > 1 {
		return 0, false
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// words reads a number written in words at token j: "two", "twenty-five",
// "a dozen", "two hundred thousand", "half a million", or a plural numeral
// ("dozens of", "tens of thousands of").
func (f *finder) words(j int) (numberPhrase, bool) {
	w := f.lower(j)
	if n, ok := f.plural(j); ok {
		return n, true
	}
	if w == "half" && (f.lower(j+1) == "a" || f.lower(j+1) == "an") {
		if sc, ok := scales[f.lower(j+2)]; ok && sc >= 1e3 {
			return numberPhrase{value: sc / 2, end: j + 3, unitFrom: j + 3}, true
		}
		return numberPhrase{}, false
	}
	total, current := 0.0, 0.0
	seen := false // a numeral word was read
	k := j
	for ; k < len(f.toks) && f.toks[k].Kind == kindWord; k++ {
		w := f.toks[k].Lower
		if v, ok := smallNumbers[w]; ok {
			if seen && current != 0 && math.Mod(current, 100) != 0 && !(math.Mod(current, 10) == 0 && v < 10) {
				break // "two three" is not one number
			}
			current += v
			seen = true
			continue
		}
		if tens, ones, found := strings.Cut(w, "-"); found {
			a, ok1 := smallNumbers[tens]
			b, ok2 := smallNumbers[ones]
			if ok1 && ok2 && a >= 20 && math.Mod(a, 10) == 0 && b >= 1 && b <= 9 {
				if seen && math.Mod(current, 100) != 0 {
					break
				}
				current += a + b
				seen = true
				continue
			}
			break
		}
		if (w == "a" || w == "an") && k == j {
			n := f.lower(k + 1)
			if _, ok := scales[n]; ok || n == "dozen" {
				current = 1
				continue
			}
			break
		}
		if w == "dozen" && (seen || k > j) {
			if current == 0 {
				current = 1
			}
			current *= 12
			seen = true
			continue
		}
		if sc, ok := scales[w]; ok && (seen || k > j) && len(w) > 3 {
			if current == 0 {
				current = 1
			}
			if sc == 100 {
				current *= sc
			} else {
				total += current * sc
				current = 0
			}
			seen = true
			continue
		}
		if w == "and" && seen && k+1 < len(f.toks) {
			if _, ok := smallNumbers[f.lower(k+1)]; ok && total+current >= 100 {
				continue
			}
		}
		break
	}
	if !seen {
		return numberPhrase{}, false
	}
	if j > 0 && f.identifier(j-1) {
		return numberPhrase{}, false // "BBC Three", "Apollo Eleven"
	}
	if f.lower(k-1) == "and" {
		k--
	}
	n := numberPhrase{value: total + current, end: k, unitFrom: k, needsUnit: true}
	// "one" is a count only before a counted noun, never after "no", "the", ...
	if k == j+1 && w == "one" && notOnePrev[f.lower(j-1)] {
		return numberPhrase{}, false
	}
	if k == j+1 && w == "one" && f.lower(k) == "another" {
		return numberPhrase{}, false
	}
	// "two of the soldiers": the unit is after "of the".
	if f.lower(k) == "of" && w != "one" {
		u := k + 1
		switch f.lower(u) {
		case "the", "these", "those", "its", "their", "his", "her", "our":
			u++
		}
		n.unitFrom = u
	}
	if f.lower(k) == "percent" || (f.lower(k) == "per" && f.lower(k+1) == "cent") {
		n.unit = "percent"
	}
	return n, true
}

// plural reads a plural numeral: "dozens of", "thousands", "tens of
// thousands of", "hundreds of millions of".
func (f *finder) plural(j int) (numberPhrase, bool) {
	w := f.lower(j)
	var v float64
	k := j + 1
	switch {
	case w == "tens" || w == "hundreds":
		base := 10.0
		if w == "hundreds" {
			base = 100
		}
		if f.lower(k) == "of" {
			if big, ok := vague[f.lower(k+1)]; ok && big >= 1000 {
				v = base * big
				k += 2
				break
			}
		}
		if w == "tens" {
			return numberPhrase{}, false
		}
		v = base
	default:
		var ok bool
		if v, ok = vague[w]; !ok {
			return numberPhrase{}, false
		}
	}
	if f.lower(k) == "of" {
		k++
	}
	var words []string
	for i := j; i < k; i++ {
		words = append(words, f.toks[i].Lower)
	}
	return numberPhrase{value: v, end: k, unitFrom: k, modifier: strings.Join(words, " ")}, true
}

// head returns the counted noun of the phrase starting at token k (see the
// package comment), or "".
func (f *finder) head(k int, value float64) string {
	fallback, capitalPlural := "", ""
	conjoined := false
	for i := k; i < len(f.toks) && i < k+8; i++ {
		t := &f.toks[i]
		if t.Kind != kindWord {
			if t.Lower == "," && conjoined {
				continue
			}
			break
		}
		w := t.Lower
		if w == "and" || w == "or" || w == "&" {
			conjoined = true
			continue
		}
		if stopWords[w] || timeSuffixes[w] {
			break
		}
		if t.Capital {
			// A proper-name modifier ("U.S.", "Shi'ite", "Iraqi"), or a
			// plural demonym or name that is the head itself ("3
			// Pakistanis", "10 different Churches").
			if !strings.Contains(w, ".") && isPluralNoun(w) {
				capitalPlural = w
				fallback = ""
			}
			continue
		}
		if isPluralNoun(w) || massNouns[w] {
			// A noun compound ends at its last noun: "weapons smugglers",
			// "police officers", "one police officer". Only known
			// premodifiers extend, so "countries continues" stays put.
			for premodifiers[w] && i+1 < len(f.toks) && f.isKind(i+1, kindWord) && !f.toks[i+1].Capital {
				next := f.toks[i+1].Lower
				if stopWords[next] || !nounLike(next) || (value != 1 && !isPluralNoun(next) && !massNouns[next]) {
					break
				}
				i++
				w = next
			}
			return w
		}
		if i == k && measureNouns[w] {
			return w // "72 hour", "one week"
		}
		if fallback != "" && strings.HasSuffix(w, "ed") {
			break // "one strike destroyed"
		}
		if value == 1 && !conjoined && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ly") {
			fallback = w
			continue
		}
		if !conjoined && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ly") {
			fallback = w
		}
	}
	if fallback == "" {
		return capitalPlural
	}
	return fallback
}

// nounLike reports whether a lower-case word may be a noun: not a
// participle, gerund or adverb by its ending.
func nounLike(w string) bool {
	return !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ly") && len(w) > 2
}

// isPluralNoun guesses whether a lower-case word is a plural noun.
func isPluralNoun(w string) bool {
	if len(w) < 3 || notPlural[w] {
		return false
	}
	if strings.HasSuffix(w, "men") && len(w) > 4 {
		return true
	}
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "'s") ||
		strings.HasSuffix(w, "us") || strings.HasSuffix(w, "sis") {
		return false
	}
	return true
}
