package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline-news/faultline/tag/perceptron"
)

// tokenInfo holds the hashed atoms of one word, computed once per sentence.
type tokenInfo struct {
	raw, lower, shape uint64
	suf               [4]uint64 // suffixes of length 1..4 (lowercased)
	pre               [3]uint64 // prefixes of length 1..3 (lowercased)
	flags             uint64
}

var (
	hStart = perceptron.Hash("<s>")
	hEnd   = perceptron.Hash("</s>")
)

// shapeOf maps "Obama" to "Xx", "2016" to "d", "U.S." to "X.X.", keeping
// runs of one character class as one symbol (at most 6 symbols).
func shapeOf(w string) string {
	var b strings.Builder
	var last rune
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
		if c != last {
			b.WriteRune(c)
			last = c
			n++
			if n >= 6 {
				break
			}
		}
	}
	return b.String()
}

func suffix(w string, n int) string {
	if utf8.RuneCountInString(w) <= n {
		return w
	}
	i := len(w)
	for k := 0; k < n; k++ {
		_, sz := utf8.DecodeLastRuneInString(w[:i])
		i -= sz
	}
	return w[i:]
}

func prefix(w string, n int) string {
	i := 0
	for k := 0; k < n && i < len(w); k++ {
		_, sz := utf8.DecodeRuneInString(w[i:])
		i += sz
	}
	return w[:i]
}

func infoOf(w string) tokenInfo {
	lw := strings.ToLower(w)
	ti := tokenInfo{raw: perceptron.Hash(w), lower: perceptron.Hash(lw), shape: perceptron.Hash(shapeOf(w))}
	for k := 0; k < 4; k++ {
		ti.suf[k] = perceptron.Hash(suffix(lw, k+1))
	}
	for k := 0; k < 3; k++ {
		ti.pre[k] = perceptron.Hash(prefix(lw, k+1))
	}
	var f uint64
	if strings.ContainsRune(w, '-') {
		f |= 1
	}
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		f |= 2
	}
	if strings.IndexFunc(w, unicode.IsUpper) >= 0 {
		f |= 4
	}
	if w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsUpper(r) && unicode.IsLetter(r) }) < 0 {
		f |= 8
	}
	ti.flags = f
	return ti
}

func infos(words []string) []tokenInfo {
	out := make([]tokenInfo, len(words))
	for i, w := range words {
		out[i] = infoOf(w)
	}
	return out
}

func feat(t uint64, vals ...uint64) uint64 {
	h := perceptron.Mix(0, t)
	for _, v := range vals {
		h = perceptron.Mix(h, v)
	}
	return h
}

// features appends the features of word i given the classes already
// predicted for the words before it (prev) and, in the second pass, the
// first-pass classes of all words (next; nil in the first pass).
func features(dst []uint64, ti []tokenInfo, i int, prev []int, next []int) []uint64 {
	at := func(j int) (uint64, uint64, uint64) {
		if j < 0 {
			return hStart, hStart, hStart
		}
		if j >= len(ti) {
			return hEnd, hEnd, hEnd
		}
		return ti[j].lower, ti[j].suf[2], ti[j].shape
	}
	tagAt := func(j int) uint64 {
		if j < 0 {
			return 1 << 40
		}
		return uint64(prev[j]) + 1
	}
	nextAt := func(j int) uint64 {
		if j >= len(ti) {
			return 1 << 40
		}
		return uint64(next[j]) + 1
	}
	w := ti[i]
	wm1, sm1, shm1 := at(i - 1)
	wm2, _, _ := at(i - 2)
	wp1, sp1, shp1 := at(i + 1)
	wp2, _, _ := at(i + 2)
	t1, t2 := tagAt(i-1), tagAt(i-2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	dst = append(dst,
		feat(0),
		feat(1, w.lower),
		feat(2, w.raw),
		feat(3, w.suf[0]), feat(4, w.suf[1]), feat(5, w.suf[2]), feat(6, w.suf[3]),
		feat(7, w.pre[0]), feat(8, w.pre[1]), feat(9, w.pre[2]),
		feat(10, w.shape),
		feat(11, wm1), feat(12, wm2), feat(13, wp1), feat(14, wp2),
		feat(15, sm1), feat(16, sp1),
		feat(17, t1), feat(18, t2), feat(19, t1, t2),
		feat(20, t1, w.lower), feat(21, wm1, w.lower), feat(22, w.lower, wp1),
		feat(23, shp1), feat(24, shm1), feat(25, first, w.shape),
		feat(26, t1, w.suf[2]), feat(27, w.flags), feat(28, wm1, wp1),
	)
	if next != nil {
		n1, n2 := nextAt(i+1), nextAt(i+2)
		dst = append(dst,
			feat(40, n1), feat(41, n1, n2), feat(42, t1, n1), feat(43, n1, w.lower),
			feat(44, n1, w.suf[2]), feat(45, uint64(next[i])),
		)
	}
	return dst
}
