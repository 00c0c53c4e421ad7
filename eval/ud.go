package eval

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/conllu"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/tag"
)

// UDResult holds the scores of the tagger, lemmatizer and parser on a UD
// CoNLL-U file with gold tokenization. Every syntactic word counts,
// punctuation included, as in the CoNLL 2018 shared task; LAS compares the
// full relation (with subtypes such as nmod:poss).
type UDResult struct {
	File  string  `json:"file"`
	UPOS  float64 `json:"upos"`
	XPOS  float64 `json:"xpos"`
	Lemma float64 `json:"lemma"`
	UAS   float64 `json:"uas"`
	LAS   float64 `json:"las"`
	// LASUniversal ignores relation subtypes (nmod:poss = nmod), as the
	// CoNLL 2018 evaluation script does.
	LASUniversal float64 `json:"las_conll18"`
	Sentences    int     `json:"sentences"`
	Tokens       int     `json:"tokens"`
	TokensPerS   float64 `json:"tokens_per_s"`
	ParseTagged  bool    `json:"parse_on_predicted_tags"`
}

// UD tags (and lemmatizes) the words of the CoNLL-U file at path with
// tagger and parses them with parser on the predicted tags. Either model
// may be nil: a nil tagger leaves upos/xpos/lemma at 0 and gives the
// parser gold tags; a nil parser leaves uas/las at 0. tokens_per_s is the
// throughput of tagging + lemmatizing + parsing on one goroutine.
func UD(ctx context.Context, path string, tagger *tag.Model, parser *parse.Model) (UDResult, error) {
	sents, err := conllu.ReadFile(ctx, path)
	if err != nil {
		return UDResult{}, err
	}
	return UDSentences(ctx, path, sents, tagger, parser)
}

// UDSentences is UD over sentences already read (path names them in the
// result and in errors), e.g. a treebank without some of its documents.
func UDSentences(ctx context.Context, path string, sents []conllu.Sentence, tagger *tag.Model, parser *parse.Model) (UDResult, error) {
	if len(sents) == 0 {
		return UDResult{}, faultline.Errorf(faultline.EINVALID, "eval: %s has no sentences; pass a CoNLL-U file", path)
	}
	res := UDResult{File: path, Sentences: len(sents), ParseTagged: tagger != nil}
	var upos, xpos, lemma, uas, las, lasU int
	var spent time.Duration
	for i, s := range sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return UDResult{}, err
			}
		}
		words := s.Forms()
		up, xp := make([]string, len(words)), make([]string, len(words))
		for j, w := range s.Words {
			up[j], xp[j] = w.UPOS, w.XPOS
		}
		start := time.Now()
		var lemmas []string
		if tagger != nil {
			up, xp = tagger.Tag(words)
			lemmas = make([]string, len(words))
			for j, w := range words {
				lemmas[j] = tagger.Lemma(w, up[j], xp[j])
			}
		}
		var heads []int
		var deps []string
		if parser != nil {
			heads, deps = parser.Parse(words, up, xp)
		}
		spent += time.Since(start)
		for j, w := range s.Words {
			res.Tokens++
			if tagger != nil {
				if up[j] == w.UPOS {
					upos++
				}
				if xp[j] == w.XPOS {
					xpos++
				}
				if lemmas[j] == w.Lemma {
					lemma++
				}
			}
			if parser != nil && heads[j]+1 == w.Head {
				uas++
				if deps[j] == w.Deprel {
					las++
				}
				if universal(deps[j]) == universal(w.Deprel) {
					lasU++
				}
			}
		}
	}
	n := float64(res.Tokens)
	res.UPOS, res.XPOS, res.Lemma = float64(upos)/n, float64(xpos)/n, float64(lemma)/n
	res.UAS, res.LAS, res.LASUniversal = float64(uas)/n, float64(las)/n, float64(lasU)/n
	if spent > 0 {
		res.TokensPerS = n / spent.Seconds()
	}
	return res, nil
}

// universal strips a relation's subtype: "nmod:poss" -> "nmod".
func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

// UDRawResult holds CoNLL 2018-style F1 scores from raw text: the # text of
// each gold document is segmented by package segment, tagged and parsed,
// and system words are aligned to gold words by character offsets.
type UDRawResult struct {
	File      string  `json:"file"`
	Tokens    float64 `json:"tokens"`
	Sentences float64 `json:"sentences"`
	Words     float64 `json:"words"`
	UPOS      float64 `json:"upos"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"` // relation subtypes ignored, as in CoNLL 2018
	GoldWords int     `json:"gold_words"`
	SysWords  int     `json:"system_words"`
}

// Segmenter is what UDRaw needs from a tokenizer and sentence splitter
// (package segment's Tokenize and Sentences fit).
type Segmenter struct {
	Tokenize  func(text string) []faultline.Token
	Sentences func(text string, toks []faultline.Token) []faultline.Sentence
}

type goldWord struct {
	start, end int // span of the surface token (a multiword token's span for its words)
	mwt        int // index of the word inside its multiword token, -1 if none
	mwtLen     int
	head       int // index into the document's gold words, -1 for root
	upos, rel  string
}

type sysWord struct {
	start, end int
	head       int // index into the document's system words, -1 for root
	upos, rel  string
}

// UDRaw scores tokenization, sentence splitting, tagging and parsing from
// raw text against the CoNLL-U file at path, the way the CoNLL 2018 shared
// task script does: F1 over words aligned by character span. Documents are
// rebuilt from the sentences' # text comments joined by one space
// (paragraph breaks are lost). Approximation: the words of a gold
// multiword token align with the system tokens that exactly tile its span
// when their number matches (the official script aligns them by LCS).
func UDRaw(ctx context.Context, path string, seg Segmenter, tagger *tag.Model, parser *parse.Model) (UDRawResult, error) {
	sents, err := conllu.ReadFile(ctx, path)
	if err != nil {
		return UDRawResult{}, err
	}
	return UDRawSentences(ctx, path, sents, seg, tagger, parser)
}

// UDRawSentences is UDRaw over sentences already read (path names them in
// the result).
func UDRawSentences(ctx context.Context, path string, sents []conllu.Sentence, seg Segmenter, tagger *tag.Model, parser *parse.Model) (UDRawResult, error) {
	if tagger == nil || parser == nil || seg.Tokenize == nil || seg.Sentences == nil {
		return UDRawResult{}, faultline.Errorf(faultline.EINVALID, "eval: UDRaw needs a segmenter, a tagger and a parser")
	}
	res := UDRawResult{File: path}
	var goldToks, sysToks, tokMatch, goldSents, sysSents, sentMatch int
	var wordMatch, uposOK, uasOK, lasOK int
	for _, doc := range splitDocs(sents) {
		if err := ctx.Err(); err != nil {
			return UDRawResult{}, err
		}
		text, gold, goldTokSpans, goldSentSpans := goldDoc(doc)
		goldToks += len(goldTokSpans)
		goldSents += len(goldSentSpans)
		res.GoldWords += len(gold)

		toks := seg.Tokenize(text)
		sys := make([]sysWord, 0, len(toks))
		sysSentSpans := map[[2]int]bool{}
		for _, s := range seg.Sentences(text, toks) {
			a, b := max(0, s.TokenStart), min(len(toks), s.TokenEnd)
			if b <= a {
				continue
			}
			sysSentSpans[[2]int{toks[a].Start, toks[b-1].End}] = true
			words := make([]string, b-a)
			for i := range words {
				words[i] = text[toks[a+i].Start:toks[a+i].End]
			}
			up, xp := tagger.Tag(words)
			heads, deps := parser.Parse(words, up, xp)
			base := len(sys)
			for i := range words {
				h := -1
				if heads[i] >= 0 {
					h = base + heads[i]
				}
				sys = append(sys, sysWord{start: toks[a+i].Start, end: toks[a+i].End, head: h, upos: up[i], rel: deps[i]})
			}
		}
		sysToks += len(toks)
		sysSents += len(sysSentSpans)
		res.SysWords += len(sys)
		for sp := range goldSentSpans {
			if sysSentSpans[sp] {
				sentMatch++
			}
		}
		sysBySpan := map[[2]int]int{}
		for i, w := range sys {
			sysBySpan[[2]int{w.start, w.end}] = i
		}
		for sp := range goldTokSpans {
			if _, ok := sysBySpan[sp]; ok {
				tokMatch++
			}
		}
		// align: gold word index -> system word index
		align := make([]int, len(gold))
		for i := range align {
			align[i] = -1
		}
		for i := 0; i < len(gold); i++ {
			g := gold[i]
			if g.mwt < 0 {
				if j, ok := sysBySpan[[2]int{g.start, g.end}]; ok {
					align[i] = j
				}
				continue
			}
			if g.mwt != 0 {
				continue
			}
			// system words tiling [g.start, g.end) exactly
			var inside []int
			pos := g.start
			for j, w := range sys {
				if w.start >= g.start && w.end <= g.end && w.start == pos {
					inside = append(inside, j)
					pos = w.end
				}
			}
			if len(inside) == g.mwtLen && pos == g.end {
				for k, j := range inside {
					align[i+k] = j
				}
			}
		}
		sysToGold := make(map[int]int, len(align))
		for i, j := range align {
			if j >= 0 {
				sysToGold[j] = i
			}
		}
		for i, j := range align {
			if j < 0 {
				continue
			}
			g, w := gold[i], sys[j]
			wordMatch++
			if g.upos == w.upos {
				uposOK++
			}
			headOK := false
			if w.head < 0 {
				headOK = g.head < 0
			} else if gi, ok := sysToGold[w.head]; ok {
				headOK = gi == g.head
			}
			if headOK {
				uasOK++
				if universal(g.rel) == universal(w.rel) {
					lasOK++
				}
			}
		}
	}
	f1 := func(match, gold, sys int) float64 {
		if gold+sys == 0 {
			return 0
		}
		return 2 * float64(match) / float64(gold+sys)
	}
	res.Tokens = f1(tokMatch, goldToks, sysToks)
	res.Sentences = f1(sentMatch, goldSents, sysSents)
	res.Words = f1(wordMatch, res.GoldWords, res.SysWords)
	res.UPOS = f1(uposOK, res.GoldWords, res.SysWords)
	res.UAS = f1(uasOK, res.GoldWords, res.SysWords)
	res.LAS = f1(lasOK, res.GoldWords, res.SysWords)
	return res, nil
}

// splitDocs groups sentences into documents at "# newdoc" comments.
func splitDocs(sents []conllu.Sentence) [][]conllu.Sentence {
	var docs [][]conllu.Sentence
	for i, s := range sents {
		newdoc := i == 0
		for _, c := range s.Comments {
			if strings.HasPrefix(c, "newdoc") {
				newdoc = true
			}
		}
		if newdoc || len(docs) == 0 {
			docs = append(docs, nil)
		}
		docs[len(docs)-1] = append(docs[len(docs)-1], s)
	}
	return docs
}

// goldDoc rebuilds a document's text from its sentences' # text and
// locates every gold surface token in it. Tokens whose form cannot be
// found get an empty span at the cursor (they never align).
func goldDoc(doc []conllu.Sentence) (text string, words []goldWord, tokSpans, sentSpans map[[2]int]bool) {
	var b strings.Builder
	tokSpans, sentSpans = map[[2]int]bool{}, map[[2]int]bool{}
	for si, s := range doc {
		if si > 0 {
			b.WriteByte(' ')
		}
		base := b.Len()
		st := s.Text()
		if st == "" {
			st = strings.Join(s.Forms(), " ")
		}
		b.WriteString(st)
		cursor := 0
		find := func(form string) (int, int) {
			k := strings.Index(st[cursor:], form)
			if form == "" || k < 0 || strings.TrimSpace(st[cursor:cursor+k]) != "" {
				return base + cursor, base + cursor
			}
			start := cursor + k
			cursor = start + len(form)
			return base + start, base + cursor
		}
		first := len(words)
		mi := 0
		sentStart, sentEnd := -1, -1
		for wi := 0; wi < len(s.Words); wi++ {
			w := s.Words[wi]
			if mi < len(s.MultiWords) && s.MultiWords[mi].Start == w.ID {
				m := s.MultiWords[mi]
				mi++
				a, e := find(m.Form)
				n := m.End - m.Start + 1
				for k := 0; k < n && wi+k < len(s.Words); k++ {
					x := s.Words[wi+k]
					words = append(words, goldWord{start: a, end: e, mwt: k, mwtLen: n, head: goldHead(first, x.Head), upos: x.UPOS, rel: x.Deprel})
				}
				wi += n - 1
				if e > a {
					tokSpans[[2]int{a, e}] = true
				}
				sentStart, sentEnd = spanExtend(sentStart, sentEnd, a, e)
				continue
			}
			a, e := find(w.Form)
			words = append(words, goldWord{start: a, end: e, mwt: -1, head: goldHead(first, w.Head), upos: w.UPOS, rel: w.Deprel})
			if e > a {
				tokSpans[[2]int{a, e}] = true
			}
			sentStart, sentEnd = spanExtend(sentStart, sentEnd, a, e)
		}
		if sentEnd > sentStart {
			sentSpans[[2]int{sentStart, sentEnd}] = true
		}
	}
	return b.String(), words, tokSpans, sentSpans
}

func goldHead(first, head int) int {
	if head <= 0 {
		return -1
	}
	return first + head - 1
}

func spanExtend(s, e, a, b int) (int, int) {
	if b <= a {
		return s, e
	}
	if s < 0 {
		return a, b
	}
	return s, b
}

// UDScores scores tagger (and parser, when not nil) on each CoNLL-U file
// with gold tokens, GUM's non-commercial documents left out
// (conllu.ReadPermissiveFiles), for a model's meta file. Scores are keyed
// by the file's base name: upos, xpos, lemma, tokens, tokens_per_s, and
// with a parser uas, las, las_conll18; with a parser and a segmenter,
// "<name> (raw text)" holds the UDRaw F1s.
func UDScores(ctx context.Context, files []string, seg Segmenter, tagger *tag.Model, parser *parse.Model) (map[string]map[string]float64, error) {
	out := map[string]map[string]float64{}
	for _, p := range files {
		sents, err := conllu.ReadPermissiveFiles(ctx, p)
		if err != nil {
			return nil, err
		}
		r, err := UDSentences(ctx, p, sents, tagger, parser)
		if err != nil {
			return nil, err
		}
		name := filepath.Base(p)
		sc := map[string]float64{"upos": r.UPOS, "xpos": r.XPOS, "lemma": r.Lemma, "tokens": float64(r.Tokens), "tokens_per_s": r.TokensPerS}
		if parser != nil {
			sc["uas"], sc["las"], sc["las_conll18"] = r.UAS, r.LAS, r.LASUniversal
		}
		out[name] = sc
		if parser == nil || seg.Tokenize == nil {
			continue
		}
		raw, err := UDRawSentences(ctx, p, sents, seg, tagger, parser)
		if err != nil {
			return nil, err
		}
		out[name+" (raw text)"] = map[string]float64{"tokens_f1": raw.Tokens, "sentences_f1": raw.Sentences,
			"words_f1": raw.Words, "upos_f1": raw.UPOS, "uas_f1": raw.UAS, "las_f1": raw.LAS}
	}
	return out, nil
}
