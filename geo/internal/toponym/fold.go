// Package toponym folds place names to the lookup keys shared by the
// gazetteer generator and the resolver: lower case, no accents, no
// punctuation, and looser variant keys for transliterations.
package toponym

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// letterMap spells out letters that do not decompose into a base letter
// plus combining marks.
var letterMap = map[rune]string{
	'ß': "ss", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th",
	'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'ŀ': "l", 'ſ': "s",
}

// Fold returns the primary key of a name: NFD-decomposed, combining marks
// and apostrophe-like signs (ʿ ʾ ' ’ ‘ `) dropped, letters lower-cased,
// every other run of non-letters and non-digits turned into one space.
// It returns "" when nothing is left.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʿ' || r == 'ʾ' || r == 'ʼ' || r == 'ʻ' || r == '´':
			continue
		case r == '.':
			// "St." and "U.S." keep their letters together.
			continue
		}
		if m, ok := letterMap[r]; ok {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(m)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// articles are the Arabic definite article in its common romanisations,
// including the sun-letter assimilations (ad-, an-, ar-, as-, ash-, at-, az-).
var articles = []string{"al ", "el ", "ad ", "an ", "ar ", "as ", "ash ", "at ", "az ", "ath "}

// StripArticle removes a leading Arabic article from a folded name:
// "al qayyarah" → "qayyarah". Other names come back unchanged.
func StripArticle(folded string) string {
	for _, a := range articles {
		if strings.HasPrefix(folded, a) && len(folded) > len(a)+2 {
			return folded[len(a):]
		}
	}
	return folded
}

// Skeleton is the loosest key: the article stripped, spaces removed,
// doubled letters collapsed and a final silent "h" dropped, so that
// "Qayyarah", "Al Qayyara" and "Qayara" share "qayara".
func Skeleton(folded string) string {
	s := StripArticle(folded)
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for _, r := range s {
		if r == ' ' || r == '-' {
			continue
		}
		if r == prev {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	out := b.String()
	if len(out) > 4 && strings.HasSuffix(out, "h") {
		out = out[:len(out)-1]
	}
	return out
}

// Latin reports whether a folded key is made of ASCII letters, digits and
// spaces only (names in other scripts are not indexed).
func Latin(folded string) bool {
	if folded == "" {
		return false
	}
	for i := 0; i < len(folded); i++ {
		c := folded[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
			return false
		}
	}
	return utf8.ValidString(folded)
}
