package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// ASCII character classes, looked up by byte.
const (
	classSpace uint8 = 1 << iota
	classLetter
	classDigit
	classUpper
	classLower
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for _, c := range " \t\n\r\v\f" {
		t[c] = classSpace
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLetter | classLower
		t[c-'a'+'A'] = classLetter | classUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	return t
}()

// byteClass returns the class of an ASCII byte, 0 for any other byte.
func byteClass(c byte) uint8 {
	if c < utf8.RuneSelf {
		return asciiClass[c]
	}
	return 0
}

// isSeparator reports whether r separates tokens without being part of
// one: whitespace, and invisible format characters (zero-width space,
// direction marks, byte order mark, word joiner) that would otherwise make
// tokens of their own.
func isSeparator(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&classSpace != 0
	}
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2064,
		r >= 0x2066 && r <= 0x2069, r == 0xFEFF:
		return true
	}
	return unicode.IsSpace(r)
}

// isWordRune reports whether r can be part of a word: a letter, digit or
// combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&(classLetter|classDigit) != 0
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&classLetter != 0
	}
	return r != utf8.RuneError && unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&classDigit != 0
	}
	return unicode.IsDigit(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&classUpper != 0
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&classLower != 0
	}
	return unicode.IsLower(r)
}

// runeAt decodes the rune at text[i:end]; it returns (RuneError, 0) at end.
func runeAt(text string, i, end int) (rune, int) {
	if i >= end {
		return utf8.RuneError, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:end])
}

// Tokenize splits text into tokens. Every token's text[Start:End] is
// non-empty and free of whitespace, tokens are in order and do not overlap,
// and every byte of text that is neither whitespace nor an invisible format
// character (zero-width space, direction mark, BOM) belongs to one token.
func (s *Segmenter) Tokenize(text string) []faultline.Token {
	toks := make([]faultline.Token, 0, len(text)/5+1)
	n := len(text)
	for i := 0; i < n; {
		r, size := runeAt(text, i, n)
		if isSeparator(r) {
			i += size
			continue
		}
		j := i + size
		for j < n {
			r, size = runeAt(text, j, n)
			if isSeparator(r) {
				break
			}
			j += size
		}
		toks = s.splitChunk(toks, text, i, j)
		i = j
	}
	for k := range toks {
		toks[k].SpaceAfter = k+1 == len(toks) || toks[k+1].Start > toks[k].End
	}
	return toks
}

func appendToken(toks []faultline.Token, start, end int) []faultline.Token {
	return append(toks, faultline.Token{Start: start, End: end, Head: -1})
}

// splitChunk tokenizes text[a:b], a run without whitespace.
func (s *Segmenter) splitChunk(toks []faultline.Token, text string, a, b int) []faultline.Token {
	hasAt := strings.IndexByte(text[a:b], '@') >= 0
	for i := a; i < b; {
		r, size := runeAt(text, i, b)
		if isWordRune(r) {
			if e := urlEnd(text, i, b, hasAt); e > i {
				toks = appendToken(toks, i, e)
				i = e
				continue
			}
			j := s.scanWord(text, i, b)
			j = attachPeriod(text, i, j, b)
			toks = appendWord(toks, text, i, j)
			i = j
			continue
		}
		j := punctEnd(text, i, b, r, size)
		if e := possessiveAfterPeriod(text, a, i, b); e > i {
			j = e
		}
		toks = appendToken(toks, i, j)
		i = j
	}
	return toks
}

// possessiveAfterPeriod returns the end of a possessive "'s" at text[i]
// that follows an abbreviation's period ("the U.S.'s role", "Acme Inc.'s"),
// or i. Other possessives are split off their word by appendWord.
func possessiveAfterPeriod(text string, a, i, b int) int {
	if i == a || text[i-1] != '.' {
		return i
	}
	alen := apostropheAt(text, i, b)
	if alen == 0 || i+alen >= b || (text[i+alen]|0x20) != 's' {
		return i
	}
	e := i + alen + 1
	if r, _ := runeAt(text, e, b); e < b && isWordRune(r) {
		return i
	}
	return e
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case;
// prefix must be lower case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[k] {
			return false
		}
	}
	return true
}

// urlEnd returns the end of a URL or e-mail address starting at i, or i
// when none starts there.
func urlEnd(text string, i, b int, hasAt bool) int {
	rest := text[i:b]
	c := rest[0] | 0x20
	isURL := false
	switch c {
	case 'h':
		isURL = hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://")
	case 'f':
		isURL = hasPrefixFold(rest, "ftp://")
	case 'w':
		isURL = hasPrefixFold(rest, "www.") && len(rest) > 4 && isWordRune(rune(rest[4]))
	}
	if !isURL {
		if hasAt {
			return emailEnd(text, i, b)
		}
		return i
	}
	e := b
	for k := i; k < b; k++ {
		ch := text[k]
		if ch == '"' || ch == '<' || ch == '>' {
			e = k
			break
		}
		// Curly quotes and guillemets end a URL written in running text.
		if ch == 0xE2 && k+2 < b && text[k+1] == 0x80 && (text[k+2] == 0x9C || text[k+2] == 0x9D || text[k+2] == 0x98 || text[k+2] == 0x99) {
			e = k
			break
		}
	}
	return trimURLTail(text, i, e)
}

// trimURLTail drops sentence punctuation that follows a URL, keeping a
// closing bracket that matches an opening one inside it.
func trimURLTail(text string, i, e int) int {
	u := text[i:e]
	parens := strings.Count(u, "(") - strings.Count(u, ")")
	brackets := strings.Count(u, "[") - strings.Count(u, "]")
	for e > i {
		switch text[e-1] {
		case '.', ',', ';', ':', '!', '?', '\'':
			e--
			continue
		case ')':
			if parens < 0 {
				parens++
				e--
				continue
			}
		case ']':
			if brackets < 0 {
				brackets++
				e--
				continue
			}
		}
		break
	}
	return e
}

// emailEnd returns the end of an e-mail address starting at i, or i.
func emailEnd(text string, i, b int) int {
	// Lengths are bounded (RFC 5321 allows 64 bytes of local part and 255
	// of domain) so that a long chunk cannot make the scan quadratic.
	k := i
	for k < b && k-i <= 64 && isEmailLocal(text[k]) {
		k++
	}
	if k == i || k >= b || text[k] != '@' {
		return i
	}
	k++
	domStart := k
	lastDot := -1
	for k < b && k-domStart < 255 {
		ch := text[k]
		if ch < utf8.RuneSelf && (asciiClass[ch]&(classLetter|classDigit) != 0 || ch == '-') {
			k++
			continue
		}
		if ch == '.' && k+1 < b && k > domStart && text[k-1] != '.' {
			lastDot = k
			k++
			continue
		}
		break
	}
	for k > domStart && (text[k-1] == '.' || text[k-1] == '-') {
		k--
	}
	if lastDot < 0 || lastDot >= k-1 {
		return i
	}
	for p := lastDot + 1; p < k; p++ {
		if asciiClass[text[p]]&classLetter == 0 {
			return i
		}
	}
	return k
}

func isEmailLocal(c byte) bool {
	if c < utf8.RuneSelf && asciiClass[c]&(classLetter|classDigit) != 0 {
		return true
	}
	switch c {
	case '.', '_', '%', '+', '-':
		return true
	}
	return false
}

// apostropheAt returns the length of the apostrophe (' or ’) that starts
// text[j:b], or 0.
func apostropheAt(text string, j, b int) int {
	if j < b && text[j] == '\'' {
		return 1
	}
	if j+2 < b && text[j] == 0xE2 && text[j+1] == 0x80 && text[j+2] == 0x99 {
		return 3
	}
	return 0
}

// scanWord returns the end of the word starting at i: letters, digits and
// marks, joined by the inner punctuation that belongs to words ("U.S",
// "9,000", "3.5", "al-Hosseini", "Shi'ite", "10:30", "AT&T").
func (s *Segmenter) scanWord(text string, i, b int) int {
	j := i
	segStart := i     // start of the current dot-separated segment
	hyphStart := i    // start of the current hyphen-separated part
	allSingle := true // every finished dot segment is one letter
	var prev rune
	for j < b {
		r, size := runeAt(text, j, b)
		if isWordRune(r) {
			prev = r
			j += size
			continue
		}
		next, _ := runeAt(text, j+size, b)
		joined := false
		switch r {
		case '.':
			seg := text[segStart:j]
			single := isSingleLetter(seg)
			switch {
			case isDigit(prev) && isDigit(next):
				joined = true
			case single && isWordRune(next):
				joined = true
			case isPhD(seg, text, j, b):
				joined = true
			case isLower(next) && isTopLevelDomain(text, j+1, b):
				joined = true
			case next == '-' && !s.opts.SplitHyphens && single && allSingle && segStart > i:
				// "U.S.-led": keep the acronym's period and the hyphen.
				if r2, _ := runeAt(text, j+2, b); isWordRune(r2) {
					j += 2
					segStart, hyphStart = j, j
					allSingle = false
					continue
				}
			}
			if joined {
				allSingle = allSingle && single
				j += size
				segStart = j
				continue
			}
		case ',':
			joined = isDigit(prev) && isDigit(next)
		case '-', '\u2010', '\u2011':
			if isWordRune(prev) && isWordRune(next) {
				if !s.opts.SplitHyphens {
					joined = true
				} else {
					part := text[hyphStart:j]
					joined = hyphenPrefixes[part] || isSingleLetter(part) ||
						(isDigit(prev) && isDigit(next) && isPhonePart(part, text[j+size:b]))
				}
			}
			if joined {
				j += size
				hyphStart = j
				continue
			}
		case '\'', '\u2019':
			joined = isWordRune(prev) && isLetter(next)
		case ':', '/':
			joined = isDigit(prev) && isDigit(next)
		case '&':
			joined = isUpper(prev) && isUpper(next)
		case '_':
			joined = isWordRune(next)
		}
		if !joined {
			break
		}
		j += size
	}
	return j
}

// isPhonePart reports whether part, the digits before a hyphen, and rest,
// the text after it, look like a telephone number ("853-7906",
// "212-428-1181"), which UD keeps whole while it splits ranges ("2013-2014").
func isPhonePart(part, rest string) bool {
	if len(part) != 3 || !allDigits(part) {
		return false
	}
	n := 0
	for n < len(rest) && '0' <= rest[n] && rest[n] <= '9' {
		n++
	}
	return n == 4 || (n == 3 && n < len(rest) && rest[n] == '-')
}

func allDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return s != ""
}

// isPhD reports whether the period at text[j] sits inside a degree written
// like "Ph.D." or "Ed.D.": a two-letter capitalised part, the period, one
// capital letter and a period.
func isPhD(seg, text string, j, b int) bool {
	return len(seg) == 2 && byteClass(seg[0])&classUpper != 0 && byteClass(seg[1])&classLower != 0 &&
		j+2 < b && byteClass(text[j+1])&classUpper != 0 && text[j+2] == '.'
}

func isSingleLetter(s string) bool {
	if s == "" {
		return false
	}
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && isLetter(r)
}

// isTopLevelDomain reports whether text[k:] starts with a known top-level
// domain or file extension followed by a non-letter ("voanews.com").
func isTopLevelDomain(text string, k, b int) bool {
	e := k
	for e < b && e-k < 5 && text[e] < utf8.RuneSelf && asciiClass[text[e]]&classLower != 0 {
		e++
	}
	if e == k || (e < b && isLetter(rune(text[e]))) {
		return false
	}
	return topLevelDomains[text[k:e]]
}

// attachPeriod extends the word text[i:j] over a following period when the
// word is an abbreviation: a dotted acronym ("U.S", "a.m"), a capital
// initial ("J"), or a listed abbreviation ("Maj", "Inc", "No" before a
// number).
func attachPeriod(text string, i, j, b int) int {
	if j >= b || text[j] != '.' || (j+1 < b && text[j+1] == '.') {
		return j
	}
	w := text[i:j]
	if isDottedAcronym(w) || isInitial(w) {
		return j + 1
	}
	switch abbreviations[w] {
	case abbrevTitle, abbrevFinal:
		return j + 1
	case abbrevNumber:
		k := j + 1
		for k < len(text) && k-j <= 4 && text[k] == ' ' {
			k++
		}
		if k > j+1 && k < len(text) && byteClass(text[k])&classDigit != 0 {
			return j + 1
		}
	}
	return j
}

// isDottedAcronym reports whether w is letters separated by single periods
// with every part one letter long: "U.S", "a.m", "J.T", "e.g"; or a degree
// like "Ph.D".
func isDottedAcronym(w string) bool {
	if len(w) == 4 && w[2] == '.' && isPhD(w[:2], w+".", 2, 5) {
		return true
	}
	dots := 0
	for k := 0; k < len(w); {
		r, size := utf8.DecodeRuneInString(w[k:])
		if !isLetter(r) {
			return false
		}
		k += size
		if k < len(w) {
			if w[k] != '.' {
				return false
			}
			dots++
			k++
		}
	}
	return dots > 0
}

// isInitial reports whether w is a single capital letter.
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && isUpper(r)
}

// appendWord appends the word text[a:b], split into a host and a clitic
// when it ends in one ("do" "n't", "Iraq" "'s", "you" "'ve").
func appendWord(toks []faultline.Token, text string, a, b int) []faultline.Token {
	if k := unitStart(text[a:b]); k > 0 {
		toks = appendToken(toks, a, a+k)
		return appendToken(toks, a+k, b)
	}
	if k := cliticStart(text[a:b]); k > 0 {
		toks = appendToken(toks, a, a+k)
		return appendToken(toks, a+k, b)
	}
	return appendToken(toks, a, b)
}

// unitStart returns the offset of a unit written straight after a number
// ("221bn", "10am"), or 0.
func unitStart(w string) int {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0
	}
	k := 0
	for k < len(w) && (('0' <= w[k] && w[k] <= '9') || w[k] == '.' || w[k] == ',') {
		k++
	}
	if k == len(w) || w[k-1] < '0' || w[k-1] > '9' {
		return 0
	}
	if unitSuffixes[w[k:]] {
		return k
	}
	return 0
}

// cliticStart returns the byte offset in w where a clitic starts, or 0.
func cliticStart(w string) int {
	n := len(w)
	if n < 3 {
		return 0
	}
	// Find the last apostrophe within the final four bytes of suffix.
	for p := n - 2; p >= 1 && p >= n-6; p-- {
		alen := apostropheAt(w, p, n)
		if alen == 0 {
			continue
		}
		suf := w[p+alen:]
		switch {
		case len(suf) == 1 && (suf[0]|0x20) == 't':
			if p >= 2 && (w[p-1]|0x20) == 'n' {
				return p - 1
			}
			return 0
		case len(suf) == 1 && ((suf[0]|0x20) == 's' || (suf[0]|0x20) == 'd' || (suf[0]|0x20) == 'm'):
			if allDigits(w[:p]) {
				return 0 // "the 80's", "78's" stay whole, as in UD
			}
			return p
		case len(suf) == 2:
			l := string([]byte{suf[0] | 0x20, suf[1] | 0x20})
			if l == "ll" || l == "re" || l == "ve" {
				return p
			}
			return 0
		default:
			return 0
		}
	}
	switch n {
	case 5:
		if strings.EqualFold(w, "gonna") || strings.EqualFold(w, "wanna") || strings.EqualFold(w, "gotta") {
			return 3
		}
	case 6:
		if strings.EqualFold(w, "cannot") {
			return 3
		}
	}
	return 0
}

// punctEnd returns the end of the punctuation or symbol token starting at
// text[i] with rune r of the given size. Runs of periods ("..."), hyphens
// ("--"), ?/! ("?!"), backquotes and two apostrophes ("”") are one token;
// anything else is one rune.
func punctEnd(text string, i, b int, r rune, size int) int {
	switch r {
	case '.', '-', '=', '*', '_', '~', '`':
		j := i + 1
		for j < b && text[j] == byte(r) {
			j++
		}
		return j
	case '?', '!':
		j := i + 1
		for j < b && (text[j] == '?' || text[j] == '!') {
			j++
		}
		return j
	case '\'':
		if i+1 < b && text[i+1] == '\'' {
			return i + 2
		}
	case '#', '@':
		// Hashtags and handles: "#MeToo", "@UN".
		j := i + 1
		if j < b && byteClass(text[j])&classLetter != 0 {
			for j < b && text[j] < utf8.RuneSelf && (asciiClass[text[j]]&(classLetter|classDigit) != 0 || text[j] == '_') {
				j++
			}
			return j
		}
	case '—', '–', '…':
		j := i + size
		for j+size <= b && text[j:j+size] == text[i:i+size] {
			j += size
		}
		return j
	}
	return i + size
}
