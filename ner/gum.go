package ner

import (
	"bufio"
	"context"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/conllu"
)

// FormatGUM is CoNLL-U with GUM's Entity= coreference brackets in MISC.
const FormatGUM Format = "gum"

type gumOpen struct {
	id, etype, identity string
	start               int
}

type gumMention struct {
	start, end      int // token indices, end exclusive
	etype, identity string
}

// ReadGUM reads named entities from GUM CoNLL-U: mentions of type person,
// organization or place are turned into PER, ORG and LOC name spans when
// they have a name (their Wikification identity found in their tokens, or
// a run of proper nouns holding the mention's syntactic head). Nested
// names keep the outer one. Documents of the non-commercial genres are
// skipped (conllu.GUMNonCommercial).
func ReadGUM(ctx context.Context, r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	var out []Sentence
	var words, upos []string
	var heads []int
	var mentions []gumMention
	var open []gumOpen
	skipDoc := false
	docID := ""
	sentID := ""
	line := 0
	flush := func() {
		if len(words) > 0 && !skipDoc {
			out = append(out, Sentence{ID: sentID, Doc: docID, Words: words, Spans: gumNames(words, upos, heads, mentions)})
		}
		words, upos, heads, mentions, open = nil, nil, nil, nil, open[:0]
	}
	for sc.Scan() {
		line++
		if line%8192 == 0 && ctx.Err() != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: reading %s: %w", name, ctx.Err())
		}
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(text, "#") {
			if id, ok := strings.CutPrefix(text, "# newdoc id = "); ok {
				skipDoc = conllu.GUMNonCommercial(id)
				docID = strings.TrimSpace(id)
			}
			if id, ok := strings.CutPrefix(text, "# sent_id = "); ok {
				sentID = strings.TrimSpace(id)
			}
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 10 {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: %s line %d: want 10 CoNLL-U columns, got %d", name, line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // multiword token range or empty node
		}
		idx := len(words)
		words = append(words, cols[1])
		upos = append(upos, cols[3])
		h, err := strconv.Atoi(cols[6])
		if err != nil {
			h = 0
		}
		heads = append(heads, h-1) // 0-based, -1 root
		for _, f := range strings.Split(cols[9], "|") {
			ent, ok := strings.CutPrefix(f, "Entity=")
			if !ok {
				continue
			}
			for i := 0; i < len(ent); {
				switch {
				case ent[i] == '(':
					j := i + 1
					for j < len(ent) && ent[j] != '(' && ent[j] != ')' {
						j++
					}
					parts := strings.SplitN(ent[i+1:j], "-", 8)
					o := gumOpen{id: parts[0], start: idx}
					if len(parts) > 1 {
						o.etype = parts[1]
					}
					if len(parts) == 8 {
						o.identity = parts[7]
					}
					if j < len(ent) && ent[j] == ')' {
						mentions = append(mentions, gumMention{idx, idx + 1, o.etype, o.identity})
						j++
					} else {
						open = append(open, o)
					}
					i = j
				case ent[i] >= '0' && ent[i] <= '9':
					j := i
					for j < len(ent) && ent[j] != ')' && ent[j] != '(' {
						j++
					}
					id := ent[i:j]
					for k := len(open) - 1; k >= 0; k-- {
						if open[k].id == id {
							o := open[k]
							mentions = append(mentions, gumMention{o.start, idx + 1, o.etype, o.identity})
							open = append(open[:k], open[k+1:]...)
							break
						}
					}
					if j < len(ent) && ent[j] == ')' {
						j++
					}
					i = j
				default:
					i++
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "ner: reading %s near line %d: %w", name, line, err)
	}
	flush()
	return out, nil
}

func gumNames(words, upos []string, heads []int, mentions []gumMention) []Span {
	var cands []Span
	for _, m := range mentions {
		label := ""
		switch m.etype {
		case "person":
			label = "PER"
		case "organization":
			label = "ORG"
		case "place":
			label = "LOC"
		default:
			continue
		}
		if m.end > len(words) {
			continue
		}
		if sp, ok := identitySpan(words, m); ok {
			sp.Label = label
			cands = append(cands, sp)
			continue
		}
		head := -1
		for i := m.start; i < m.end; i++ {
			if heads[i] < m.start || heads[i] >= m.end {
				head = i
				break
			}
		}
		if head < 0 || upos[head] != "PROPN" {
			continue
		}
		a, b := head, head+1
		for a > m.start && (upos[a-1] == "PROPN" || (words[a-1] == "-" && a-2 >= m.start && upos[a-2] == "PROPN")) {
			a--
		}
		for b < m.end && (upos[b] == "PROPN" || ((words[b] == "-" || words[b] == "of" || words[b] == "&") && b+1 < m.end && upos[b+1] == "PROPN")) {
			b++
		}
		cands = append(cands, Span{Start: a, End: b, Label: label})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].End-cands[i].Start, cands[j].End-cands[j].Start
		if li != lj {
			return li > lj
		}
		return cands[i].Start < cands[j].Start
	})
	taken := make([]bool, len(words))
	var out []Span
	for _, c := range cands {
		free := true
		for i := c.Start; i < c.End; i++ {
			if taken[i] {
				free = false
			}
		}
		if !free {
			continue
		}
		for i := c.Start; i < c.End; i++ {
			taken[i] = true
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// identitySpan finds the mention's Wikification name among its tokens.
func identitySpan(words []string, m gumMention) (Span, bool) {
	if m.identity == "" {
		return Span{}, false
	}
	id, err := url.PathUnescape(m.identity)
	if err != nil {
		id = m.identity
	}
	if k := strings.Index(id, "_("); k > 0 {
		id = id[:k]
	}
	if k := strings.Index(id, ","); k > 0 {
		id = id[:k]
	}
	want := strings.ToLower(strings.ReplaceAll(id, "_", ""))
	if want == "" {
		return Span{}, false
	}
	for a := m.start; a < m.end; a++ {
		var b strings.Builder
		for e := a; e < m.end; e++ {
			b.WriteString(strings.ToLower(words[e]))
			got := b.String()
			if got == want {
				return Span{Start: a, End: e + 1}, true
			}
			if !strings.HasPrefix(want, got) {
				break
			}
		}
	}
	return Span{}, false
}
