package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind classifies a scanned token.
type kind uint8

const (
	kindWord   kind = iota // letters, with internal hyphens/apostrophes ("mid-March", "Shi'ite") and abbreviation periods ("U.S.")
	kindNumber             // starts with a digit: "2017", "9,000", "2017-03-23", "23rd", "1990s"
	kindPunct              // any other single rune, and the clitic "'s"
)

// token is one scanned word, number or punctuation mark of the text.
type token struct {
	start, end int
	kind       kind
	lower      string // lower-cased text
	capital    bool   // the first rune is upper case
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// runeAt decodes the rune at i, or returns utf8.RuneError and 0 at or after end.
func runeAt(text string, i, end int) (rune, int) {
	if i >= end {
		return utf8.RuneError, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:end])
}

// scan appends the tokens of text[start:end] to toks. It never splits a
// UTF-8 sequence, so every token's text is text[tok.start:tok.end].
func scan(text string, start, end int, toks []token) []token {
	i := start
	for i < end {
		r, size := runeAt(text, i, end)
		switch {
		case unicode.IsSpace(r):
			i += size
			continue
		case r < utf8.RuneSelf && isASCIIDigit(byte(r)):
			j := scanNumber(text, i, end)
			toks = append(toks, token{start: i, end: j, kind: kindNumber, lower: strings.ToLower(text[i:j])})
			i = j
		case unicode.IsLetter(r):
			j := scanWord(text, i, end)
			toks = append(toks, token{start: i, end: j, kind: kindWord, lower: strings.ToLower(text[i:j]), capital: unicode.IsUpper(r)})
			i = j
		case isApostrophe(r):
			// The clitic "'s" ("Monday's", "1990's") is a token of its own.
			if r2, s2 := runeAt(text, i+size, end); r2 == 's' || r2 == 'S' {
				if r3, _ := runeAt(text, i+size+s2, end); !isWordRune(r3) {
					toks = append(toks, token{start: i, end: i + size + s2, kind: kindPunct, lower: "'s"})
					i += size + s2
					continue
				}
			}
			toks = append(toks, token{start: i, end: i + size, kind: kindPunct, lower: text[i : i+size]})
			i += size
		default:
			toks = append(toks, token{start: i, end: i + size, kind: kindPunct, lower: text[i : i+size]})
			i += size
		}
	}
	return toks
}

// scanNumber returns the end of the number starting at i: digits with
// internal ",.:-/" between digits, then any letters directly attached
// ("23rd", "1990s", "5bn").
func scanNumber(text string, i, end int) int {
	j := i
	for j < end {
		c := text[j]
		if isASCIIDigit(c) {
			j++
			continue
		}
		if (c == ',' || c == '.' || c == ':' || c == '-' || c == '/') && j+1 < end && isASCIIDigit(text[j+1]) && j > i {
			j++
			continue
		}
		break
	}
	for j < end {
		c := text[j]
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
			j++
			continue
		}
		break
	}
	return j
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i, end int) int {
	j := i
	segment := 0 // runes since the word start or the last internal period
	dotted := false
	for j < end {
		r, size := runeAt(text, j, end)
		if isWordRune(r) {
			j += size
			segment++
			continue
		}
		next, nsize := runeAt(text, j+size, end)
		switch {
		case r == '-' && isWordRune(next):
			j += size
			segment = 0
			continue
		case isApostrophe(r) && unicode.IsLetter(next):
			if next == 's' || next == 'S' {
				if after, _ := runeAt(text, j+size+nsize, end); !isWordRune(after) {
					return j // leave the clitic "'s" to its own token
				}
			}
			j += size
			segment = 0
			continue
		case r == '.' && segment == 1 && unicode.IsLetter(next):
			j += size
			segment = 0
			dotted = true
			continue
		case r == '.' && dotted && segment == 1:
			return j + size // the final period of "U.S."
		}
		break
	}
	return j
}
