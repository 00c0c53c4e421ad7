package tmpeval

import (
	"fmt"

	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// QuotesResult is the attribution score printed by `faultline eval quotes
// --json`. Metrics are fractions in [0,1].
type QuotesResult struct {
	// QuoteF1 is the F1 of predicted quote spans against gold contents.
	QuoteF1        float64 `json:"quote_f1"`
	QuotePrecision float64 `json:"quote_precision"`
	QuoteRecall    float64 `json:"quote_recall"`
	// SpeakerAccuracy is, of the gold contents found, the share whose
	// predicted speaker is the gold source.
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	// Direct: gold contents that begin and end with quotation marks and
	// predicted quotes with Direct set.
	Direct QuotesBreakdown `json:"direct"`
	// All: every gold attribution with a content and every predicted quote.
	All         QuotesBreakdown `json:"all"`
	Records     int             `json:"records"`
	Compartment string          `json:"compartment"`
	Tokens      int             `json:"tokens"`
	TokensPerS  float64         `json:"tokens_per_s"`
	Matching    string          `json:"matching"`
}

// QuotesBreakdown holds the counts and scores of one subset.
type QuotesBreakdown struct {
	Gold            int     `json:"gold"`
	Predicted       int     `json:"predicted"`
	Matched         int     `json:"matched"`
	Precision       float64 `json:"precision"`
	Recall          float64 `json:"recall"`
	F1              float64 `json:"f1"`
	SpeakerCorrect  int     `json:"speaker_correct"`
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
}

// QuotesMatching describes how quotes are matched and speakers judged.
const QuotesMatching = "a predicted quote matches a gold content when their character overlap is at least half " +
	"of the shorter span (one-to-one, largest overlap first); the speaker is right when the predicted speaker " +
	"phrase (nearest occurrence of speaker_text) or any mention of the speaker entity overlaps a gold source " +
	"span, or when both name the same head word"

type polnearRecord struct {
	ID              string `json:"id"`
	Compartment     string `json:"compartment"`
	PublicationDate string `json:"publication_date"`
	Text            string `json:"text"`
	Attributions    []struct {
		Source  []polnearPart `json:"source"`
		Cue     []polnearPart `json:"cue"`
		Content []polnearPart `json:"content"`
	} `json:"attributions"`
}

type polnearPart struct {
	Spans [][2]int `json:"spans"`
	Text  string   `json:"text"`
}

type goldQuote struct {
	spans   [][2]int // byte offsets
	length  int
	source  [][2]int
	srcText string
	direct  bool
}

// Quotes scores the quote stages on a PolNeAR-shaped JSONL file: every
// record of compartment (every record when compartment is ""), each run
// through stages (the whole chain: segment ... quote) with the record's
// publication date as reference.
func Quotes(ctx context.Context, path, compartment string, stages []faultline.Stage) (QuotesResult, error) {
	res := QuotesResult{Compartment: compartment, Matching: QuotesMatching}
	f, err := os.Open(path)
	if err != nil {
		return res, faultline.Errorf(faultline.ENOTFOUND, "eval quotes: cannot open %s (pass --data with a PolNeAR-shaped .jsonl file): %w", path, err)
	}
	defer f.Close()
	rd := bufio.NewReaderSize(f, 1<<20)
	var all, direct counts
	seen := map[string]bool{}
	start := time.Now()
	line := 0
	for {
		if err := ctx.Err(); err != nil {
			return res, faultline.Errorf(faultline.EUNAVAILABLE, "eval quotes: %s: %w", path, err)
		}
		b, rerr := rd.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			line++
			var rec polnearRecord
			if err := json.Unmarshal(b, &rec); err != nil {
				return res, faultline.Errorf(faultline.EINVALID, "eval quotes: %s line %d is not a PolNeAR JSON record (%v); check the file format", path, line, err)
			}
			seen[rec.Compartment] = true
			if compartment == "" || rec.Compartment == compartment {
				toks, err := scoreRecord(ctx, rec, stages, &all, &direct)
				if err != nil {
					return res, faultline.Errorf(faultline.EINTERNAL, "eval quotes: %s record %q: %w", path, rec.ID, err)
				}
				res.Records++
				res.Tokens += toks
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return res, faultline.Errorf(faultline.EINTERNAL, "eval quotes: reading %s: %w", path, rerr)
		}
	}
	if res.Records == 0 {
		var names []string
		for k := range seen {
			names = append(names, k)
		}
		sort.Strings(names)
		return res, faultline.Errorf(faultline.ENOTFOUND, "eval quotes: %s has no records in compartment %q (compartments: %s)", path, compartment, strings.Join(names, ", "))
	}
	res.All = all.breakdown()
	res.Direct = direct.breakdown()
	res.QuoteF1, res.QuotePrecision, res.QuoteRecall = res.All.F1, res.All.Precision, res.All.Recall
	res.SpeakerAccuracy = res.All.SpeakerAccuracy
	if s := time.Since(start).Seconds(); s > 0 {
		res.TokensPerS = float64(res.Tokens) / s
	}
	return res, nil
}

type counts struct{ gold, pred, matched, speaker int }

func (c counts) breakdown() QuotesBreakdown {
	b := QuotesBreakdown{Gold: c.gold, Predicted: c.pred, Matched: c.matched, SpeakerCorrect: c.speaker}
	if c.pred > 0 {
		b.Precision = float64(c.matched) / float64(c.pred)
	}
	if c.gold > 0 {
		b.Recall = float64(c.matched) / float64(c.gold)
	}
	if b.Precision+b.Recall > 0 {
		b.F1 = 2 * b.Precision * b.Recall / (b.Precision + b.Recall)
	}
	if c.matched > 0 {
		b.SpeakerAccuracy = float64(c.speaker) / float64(c.matched)
	}
	return b
}

// runeToByte maps character offsets (code points, as in PolNeAR) to byte
// offsets of text.
func runeToByte(text string) []int {
	idx := make([]int, 0, len(text)+1)
	for i := range text {
		idx = append(idx, i)
	}
	return append(idx, len(text))
}

func convertSpans(spans [][2]int, idx []int) [][2]int {
	var out [][2]int
	for _, s := range spans {
		a, b := s[0], s[1]
		if a < 0 || b < a || b >= len(idx) {
			continue
		}
		out = append(out, [2]int{idx[a], idx[b]})
	}
	return out
}

func scoreRecord(ctx context.Context, rec polnearRecord, stages []faultline.Stage, all, direct *counts) (int, error) {
	doc := &faultline.Document{ID: rec.ID, Text: rec.Text}
	if t, err := time.Parse("2006-01-02", rec.PublicationDate); err == nil {
		doc.Reference = t
	}
	for _, s := range stages {
		if err := s.Process(ctx, doc); err != nil {
			var fe *faultline.Error
			if errors.As(err, &fe) && fe.Code == faultline.EUNAVAILABLE {
				return 0, err
			}
			return 0, faultline.Errorf(faultline.EINTERNAL, "stage %s: %w", s.Name(), err)
		}
	}
	idx := runeToByte(rec.Text)
	var golds []goldQuote
	for _, a := range rec.Attributions {
		var g goldQuote
		var content strings.Builder
		for _, p := range a.Content {
			g.spans = append(g.spans, convertSpans(p.Spans, idx)...)
			content.WriteString(p.Text)
		}
		if len(g.spans) == 0 {
			continue
		}
		for _, s := range g.spans {
			g.length += s[1] - s[0]
		}
		for _, p := range a.Source {
			g.source = append(g.source, convertSpans(p.Spans, idx)...)
			g.srcText += p.Text + " "
		}
		g.direct = isDirectContent(content.String())
		golds = append(golds, g)
	}
	entMentions := map[string][]faultline.Mention{}
	for _, e := range doc.Entities {
		entMentions[e.ID] = e.Mentions
	}
	type pair struct{ g, p, ov int }
	var pairs []pair
	for gi, g := range golds {
		for pi, q := range doc.Quotes {
			ov := 0
			for _, s := range g.spans {
				ov += overlapLen(s[0], s[1], q.Start, q.End)
			}
			short := g.length
			if l := q.End - q.Start; l < short {
				short = l
			}
			if ov > 0 && 2*ov >= short {
				pairs = append(pairs, pair{gi, pi, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].ov > pairs[j].ov })
	gUsed := make([]bool, len(golds))
	pUsed := make([]bool, len(doc.Quotes))
	for _, g := range golds {
		all.gold++
		if g.direct {
			direct.gold++
		}
	}
	for _, q := range doc.Quotes {
		all.pred++
		if q.Direct {
			direct.pred++
		}
	}
	for _, pr := range pairs {
		if gUsed[pr.g] || pUsed[pr.p] {
			continue
		}
		gUsed[pr.g], pUsed[pr.p] = true, true
		g, q := golds[pr.g], doc.Quotes[pr.p]
		ok := speakerRight(doc.Text, g, q, entMentions)
		if !ok && g.direct && debugOut != nil {
			ctxs := q.Start - 150
			if ctxs < 0 {
				ctxs = 0
			}
			ctxe := q.End + 150
			if ctxe > len(doc.Text) {
				ctxe = len(doc.Text)
			}
			sp := ""
			if q.Speaker != nil {
				sp = *q.Speaker
			}
			fmt.Fprintf(debugOut, "GOLD=%q PRED=%q(%s) cue=%q\n   %q\n\n", g.srcText, q.SpeakerText, sp, q.Cue, doc.Text[ctxs:ctxe])
		}
		all.matched++
		if ok {
			all.speaker++
		}
		if g.direct {
			direct.matched++
			if ok {
				direct.speaker++
			}
		}
	}
	return len(doc.Tokens), nil
}

func overlapLen(a, b, c, d int) int {
	lo, hi := a, b
	if c > lo {
		lo = c
	}
	if d < hi {
		hi = d
	}
	if hi > lo {
		return hi - lo
	}
	return 0
}

// isDirectContent reports whether a gold content begins and ends with
// quotation marks (after trimming spaces and final punctuation).
func isDirectContent(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".,;:!? ")
	if s == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return (first == '"' || first == '“') && (last == '"' || last == '”')
}

func speakerRight(text string, g goldQuote, q faultline.Quote, ments map[string][]faultline.Mention) bool {
	if len(g.source) == 0 || q.SpeakerText == "" && q.Speaker == nil {
		return false
	}
	if q.Speaker != nil {
		for _, m := range ments[*q.Speaker] {
			for _, s := range g.source {
				if overlapLen(s[0], s[1], m.Start, m.End) > 0 {
					return true
				}
			}
		}
	}
	if q.SpeakerText != "" {
		if a, b, ok := nearest(text, q.SpeakerText, q.Start, q.End); ok {
			for _, s := range g.source {
				if overlapLen(s[0], s[1], a, b) > 0 {
					return true
				}
			}
		}
		if h := headWord(q.SpeakerText); h != "" && h == headWord(g.srcText) {
			return true
		}
	}
	return false
}

// nearest finds the occurrence of sub closest to [qs, qe).
func nearest(text, sub string, qs, qe int) (int, int, bool) {
	best, bestDist := -1, 0
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			break
		}
		i += from
		d := 0
		switch {
		case i >= qe:
			d = i - qe
		case i+len(sub) <= qs:
			d = qs - (i + len(sub))
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
		from = i + 1
	}
	if best < 0 {
		return 0, 0, false
	}
	return best, best + len(sub), true
}

// headWord is the last word of a phrase, lower-cased, without a possessive.
func headWord(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’' })
	for i := len(f) - 1; i >= 0; i-- {
		w := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(f[i], "'s"), "’s"))
		w = strings.Trim(w, "'’-")
		if w != "" {
			return w
		}
	}
	return ""
}

var debugOut io.Writer
