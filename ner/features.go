package ner

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is the 64-bit FNV-1a hash of its template
// id and its string values; the model stores hashes only. Changing a
// template id or value changes the hashes: bump modelVersion then.
const (
	fBias = iota + 1
	fWord
	fLower
	fShape
	fPrefix
	fSuffix
	fPrevLower
	fNextLower
	fPrev2Lower
	fNext2Lower
	fShapePrev
	fShapeNext
	fBigramPrev
	fBigramNext
	fGaz
	fGazPrev
	fGazNext
	fGazPrev2
	fGazNext2
	fFirstShape
	fHyphenTail
	fCase
	fCasePrev
	fCaseNext
	fShape3
	fPrevSuffix
	fNextSuffix
	fLen
	fPrevWordShape
	fNextWordShape
	fTitleCase
	fCluster
	fClusterPrev
	fClusterNext
	fClusterCoarse
	fLex
	fLexPrev
	fLexNext
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type hasher uint64

func newHash(template byte) hasher {
	return hasher((fnvOffset ^ uint64(template)) * fnvPrime)
}

func (h hasher) str(s string) hasher {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	// separator so that ("ab","c") and ("a","bc") differ
	x ^= 0xff
	x *= fnvPrime
	return hasher(x)
}

func (h hasher) sum() uint64 { return uint64(h) }

// token holds the per-token values features are built from.
type token struct {
	word, lower, shape string
	gaz                []string
	caseClass          string // from the model's case vocabulary
	// titleCase is set on the first token when most words of the sentence
	// are capitalized (headlines, titles), where capitals mean little.
	titleCase bool
	// cluster is the word's distributional cluster (fine<<8|coarse), with
	// hasCluster false for words outside the clustered vocabulary.
	cluster    uint16
	hasCluster bool
	lex        []string // lexicon matches, see matchLexicons
}

// wordShape maps letters to X/x, digits to d and keeps other characters,
// collapsing runs of the same class: "Iraq" → "Xx", "U.S." → "X.X.",
// "al-Abadi" → "x-Xx", "2017" → "d".
func wordShape(w string) string {
	var b strings.Builder
	var last rune = -1
	n := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			continue
		}
		last = c
		b.WriteRune(c)
		n++
		if n >= 8 {
			break
		}
	}
	return b.String()
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// prepare fills per-token values for a sentence.
func (m *Model) prepare(words []string, toks []token) []token {
	toks = toks[:0]
	for _, w := range words {
		lw := strings.ToLower(w)
		t := token{word: w, lower: lw, shape: wordShape(w), gaz: gazClasses(lw)}
		t.cluster, t.hasCluster = m.clusters[lw]
		if isCapitalized(w) {
			switch m.caseVocab[lw] {
			case caseMostlyLower:
				t.caseClass = "lower-word"
			case caseMostlyCap:
				t.caseClass = "cap-word"
			case caseMixed:
				t.caseClass = "mixed-word"
			default:
				t.caseClass = "unseen"
			}
		}
		toks = append(toks, t)
	}
	matchLexicons(toks)
	caps, letters := 0, 0
	for _, t := range toks {
		if t.shape != "" && (t.shape[0] == 'X' || t.shape[0] == 'x') {
			letters++
			if t.shape[0] == 'X' {
				caps++
			}
		}
	}
	if len(toks) > 0 && letters >= 3 && caps*10 >= letters*7 {
		toks[0].titleCase = true
	}
	return toks
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// keep whole runes
	i := len(s) - n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[i:]
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[:i]
}

const (
	padBefore = "<s>"
	padAfter  = "</s>"
)

// features appends the feature hashes of token i to buf.
func (m *Model) features(toks []token, i int, buf []uint64) []uint64 {
	t := &toks[i]
	get := func(j int) (string, string) {
		if j < 0 {
			return padBefore, padBefore
		}
		if j >= len(toks) {
			return padAfter, padAfter
		}
		return toks[j].lower, toks[j].shape
	}
	pl, ps := get(i - 1)
	nl, ns := get(i + 1)
	p2l, _ := get(i - 2)
	n2l, _ := get(i + 2)

	buf = append(buf,
		newHash(fBias).sum(),
		newHash(fWord).str(t.word).sum(),
		newHash(fLower).str(t.lower).sum(),
		newHash(fShape).str(t.shape).sum(),
		newHash(fPrevLower).str(pl).sum(),
		newHash(fNextLower).str(nl).sum(),
		newHash(fPrev2Lower).str(p2l).sum(),
		newHash(fNext2Lower).str(n2l).sum(),
		newHash(fShapePrev).str(ps).str(t.shape).sum(),
		newHash(fShapeNext).str(t.shape).str(ns).sum(),
		newHash(fBigramPrev).str(pl).str(t.lower).sum(),
		newHash(fBigramNext).str(t.lower).str(nl).sum(),
		newHash(fShape3).str(ps).str(t.shape).str(ns).sum(),
		newHash(fCase).str(t.caseClass).str(t.shape).sum(),
	)
	for n := 1; n <= 4; n++ {
		if n <= 3 {
			buf = append(buf, newHash(fPrefix).str(prefix(t.lower, n)).sum())
		}
		buf = append(buf, newHash(fSuffix).str(suffix(t.lower, n)).sum())
	}
	if i > 0 {
		buf = append(buf, newHash(fPrevSuffix).str(suffix(toks[i-1].lower, 3)).sum(),
			newHash(fCasePrev).str(toks[i-1].caseClass).sum())
	} else {
		buf = append(buf, newHash(fFirstShape).str(t.shape).str(t.caseClass).sum())
	}
	if i+1 < len(toks) {
		buf = append(buf, newHash(fNextSuffix).str(suffix(toks[i+1].lower, 3)).sum(),
			newHash(fCaseNext).str(toks[i+1].caseClass).sum())
	}
	for _, g := range t.gaz {
		buf = append(buf, newHash(fGaz).str(g).sum(), newHash(fGaz).str(g).str(t.shape).sum())
	}
	gazAt := func(j int, tmpl byte) {
		if j < 0 || j >= len(toks) {
			return
		}
		for _, g := range toks[j].gaz {
			buf = append(buf, newHash(tmpl).str(g).sum())
		}
	}
	gazAt(i-1, fGazPrev)
	gazAt(i+1, fGazNext)
	gazAt(i-2, fGazPrev2)
	gazAt(i+2, fGazNext2)
	if k := strings.LastIndexByte(t.lower, '-'); k > 0 && k < len(t.lower)-1 {
		buf = append(buf, newHash(fHyphenTail).str(t.lower[k+1:]).sum(),
			newHash(fHyphenTail).str("head").str(t.lower[:k]).sum())
	}
	buf = append(buf,
		newHash(fPrevWordShape).str(pl).str(t.shape).sum(),
		newHash(fNextWordShape).str(t.shape).str(nl).sum(),
	)
	clusterAt := func(j int) string {
		if j < 0 || j >= len(toks) {
			return "pad"
		}
		if !toks[j].hasCluster {
			return "none"
		}
		return strconv.Itoa(int(toks[j].cluster >> 8))
	}
	if len(m.clusters) > 0 {
		c := clusterAt(i)
		coarse := "none"
		if t.hasCluster {
			coarse = strconv.Itoa(int(t.cluster & 0xff))
		}
		buf = append(buf,
			newHash(fCluster).str(c).sum(),
			newHash(fCluster).str(c).str(t.shape).sum(),
			newHash(fClusterCoarse).str(coarse).str(t.shape).sum(),
			newHash(fClusterPrev).str(clusterAt(i-1)).sum(),
			newHash(fClusterNext).str(clusterAt(i+1)).sum(),
		)
	}
	for _, l := range t.lex {
		buf = append(buf, newHash(fLex).str(l).sum(), newHash(fLex).str(l).str(t.shape).sum())
	}
	if i > 0 {
		for _, l := range toks[i-1].lex {
			buf = append(buf, newHash(fLexPrev).str(l).sum())
		}
	}
	if i+1 < len(toks) {
		for _, l := range toks[i+1].lex {
			buf = append(buf, newHash(fLexNext).str(l).sum())
		}
	}
	if toks[0].titleCase {
		buf = append(buf, newHash(fTitleCase).str(t.shape).sum())
	}
	l := len(t.word)
	if l > 6 {
		l = 6
	}
	buf = append(buf, newHash(fLen).str(string(rune('0'+l))).sum())
	return buf
}
