// Package timex finds date expressions in news text and resolves them
// against the document's reference date (its publication date).
//
// It is a hand-written scanner: the text of each sentence is cut into
// words, numbers and punctuation, and a small set of rules keyed on the
// first word of an expression ("last", "March", "Monday", "2015", "the",
// "recent", "two" in "two years ago", ...) matches and resolves it. No
// regular expressions and no date library, so it is fast (see the
// benchmarks) and predictable.
//
// Values (faultline.Time.Value) by grain:
//
//	day    "2017-03-20"             "on Monday", "March 23, 2017", "yesterday", "Tuesday night"
//	week   "2017-W12" (ISO week)    "this week", "last week", "two weeks ago", "earlier this week"
//	month  "2016-11"                "last November", "in February", "March 2017", "earlier this month"
//	year   "2015"                   "in 2015", "two years ago", "last year", "late last year", "mid-2016"
//	range  "2017-03-16/2017-03-23"  "in recent days", "the past two weeks", "since January", "the 1990s"
//
// Ranges are ISO 8601 intervals of two days, both ends included; "since X"
// runs from the first day of X to the reference. A decade ("the 1990s",
// "the '90s") is the range "1990-01-01/1999-12-31". Seasons ("last summer",
// "the spring of 2015") are northern-hemisphere meteorological ranges
// (summer is June-August; winter runs from December into the next year).
//
// Placement rules, for a reference date R:
//   - A weekday ("on Monday", "Monday's attack") is the most recent such day
//     on or before R, unless the tense cue nearest to it in the sentence is a
//     future one (will, shall, 'll, is due to, plans to, is expected to,
//     scheduled, next, upcoming): then the first such day on or after R.
//     "last Monday" is strictly before R, "next Monday" strictly after.
//   - A month alone ("in February") is the most recent such month not after
//     R's month, or with a future cue the first not before it. "last
//     November" is strictly before R's month, "next March" strictly after.
//     A month alone needs a cue word before it (in, since, until, by, early,
//     late, ...; "May" accepts fewer) so that "Long March", "March" the verb
//     and "Theresa May" are not dates.
//   - A day without a year ("March 23") takes the year that puts it closest
//     to R.
//   - "last week" is the ISO week before R's; "the last week" and "the past
//     week" are the seven days up to R.
//   - "in recent days|weeks|months|years" is 7 days, 4 weeks, 3 months or 5
//     years up to R.
//
// A bare four-digit number is a year only after a cue word (in, since, by,
// of, the, ...) or before closing punctuation, so "2000 troops" is not a
// year. The span includes a directly preceding "on", "in" or "since"
// ("on Monday", "in February", "since January").
//
// Expressions that need the reference date are skipped when
// Document.Reference is zero; written-out dates are still found.
package timex

import (
	"context"
	"strconv"
	"time"

	"github.com/faultline-news/faultline"
)

// Tagger is the timex stage. It has no state and is safe for concurrent use.
type Tagger struct{}

// New returns the timex stage: Name "timex", Requires [sentences], Assigns
// [times].
func New() faultline.Stage { return Tagger{} }

// Name implements faultline.Stage.
func (Tagger) Name() string { return "timex" }

// Requires implements faultline.Stage.
func (Tagger) Requires() []faultline.Layer { return []faultline.Layer{faultline.LayerSentences} }

// Assigns implements faultline.Stage.
func (Tagger) Assigns() []faultline.Layer { return []faultline.Layer{faultline.LayerTimes} }

// Process fills doc.Times from doc.Text, sentence by sentence (the whole
// text is one sentence when doc.Sentences is empty), resolved against
// doc.Reference. It replaces what was in doc.Times.
func (Tagger) Process(ctx context.Context, doc *faultline.Document) error {
	if doc == nil {
		return faultline.Errorf(faultline.EINVALID, "timex: nil document; pass a document with its text set")
	}
	times, err := FindContext(ctx, doc.Text, doc.Sentences, doc.Reference)
	if err != nil {
		return err
	}
	doc.Times = times
	return nil
}

// Find returns the date expressions of text in order, resolved against ref
// (a zero ref skips relative expressions). sentences may be nil: the whole
// text is then one sentence. Spans that fall outside text are skipped.
func Find(text string, sentences []faultline.Sentence, ref time.Time) []faultline.Time {
	times, _ := FindContext(context.Background(), text, sentences, ref)
	return times
}

// FindContext is Find with cancellation, checked between sentences.
func FindContext(ctx context.Context, text string, sentences []faultline.Sentence, ref time.Time) ([]faultline.Time, error) {
	matches, err := findMatches(ctx, text, sentences, ref)
	if err != nil {
		return nil, err
	}
	times := make([]faultline.Time, 0, len(matches))
	for _, m := range matches {
		times = append(times, faultline.Time{
			Text: text[m.start:m.end], Start: m.start, End: m.end, Value: m.res.value, Grain: m.res.grain,
		})
	}
	return times, nil
}

func findMatches(ctx context.Context, text string, sentences []faultline.Sentence, ref time.Time) ([]match, error) {
	f := finder{text: text}
	if !ref.IsZero() {
		f.ref, f.hasRef = dayOf(ref), true
	}
	var toks []token
	var out []match
	if len(sentences) == 0 {
		sentences = []faultline.Sentence{{Start: 0, End: len(text)}}
	}
	last := 0 // matches must not overlap if sentences do
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
		f.toks = toks
		n := len(out)
		out = f.run(out)
		kept := out[:n]
		for _, m := range out[n:] {
			if m.start >= last {
				kept = append(kept, m)
				last = m.end
			}
		}
		out = kept
	}
	return out, nil
}

// PublicationDate returns the latest full date (day, month and year all
// written out, as in "March 23, 2017", "23 March 2017" or "2017-03-23")
// mentioned in text, for use as a publication date when the metadata has
// none. It reports false when there is no such date.
func PublicationDate(text string) (time.Time, bool) {
	matches, _ := findMatches(context.Background(), text, nil, time.Time{})
	var best time.Time
	found := false
	for _, m := range matches {
		if !m.res.abs || m.res.grain != GrainDay {
			continue
		}
		t, ok := parseDay(m.res.value)
		if ok && (!found || t.After(best)) {
			best, found = t, true
		}
	}
	return best, found
}

func parseDay(s string) (time.Time, bool) {
	if len(s) != 10 {
		return time.Time{}, false
	}
	y, err1 := strconv.Atoi(s[0:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil || !validDay(y, m, d) {
		return time.Time{}, false
	}
	return date(y, time.Month(m), d), true
}
