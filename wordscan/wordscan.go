// Package wordscan splits news text into words, numbers and punctuation
// marks with byte offsets, lower-cased forms and capitalisation: the shared
// first step of the rule-based recognizers (timex, quantity). It is faster
// and simpler than the full UD tokenizer in package segment, which it does
// not replace.
package wordscan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a scanned Token.
type Kind uint8

const (
	Word   Kind = iota // letters, with internal hyphens/apostrophes ("mid-March", "Shi'ite") and abbreviation periods ("U.S.")
	Number             // starts with a digit: "2017", "9,000", "2017-03-23", "23rd", "1990s"
	Punct              // any other single rune, and the clitic "'s"
)

// Token is one scanned word, number or punctuation mark of the text.
type Token struct {
	Start, End int
	Kind       Kind
	Lower      string // lower-cased text
	Capital    bool   // the first rune is upper case
}

// IsApostrophe reports whether r is a straight or curly apostrophe.
func IsApostrophe(r rune) bool { return r == '\'' || r == '’' }

// IsWordRune reports whether r can be part of a word: a letter, digit or combining mark.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// IsASCIIDigit reports whether b is 0-9.
func IsASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// RuneAt decodes the rune at i, or returns utf8.RuneError and 0 at or after end.
func RuneAt(text string, i, end int) (rune, int) {
	if i >= end {
		return utf8.RuneError, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:end])
}

// Scan appends the tokens of text[start:end] to toks. It never splits a
// UTF-8 sequence, so every Token's text is text[tok.start:tok.end].
func Scan(text string, start, end int, toks []Token) []Token {
	i := start
	for i < end {
		r, size := RuneAt(text, i, end)
		switch {
		case unicode.IsSpace(r):
			i += size
			continue
		case r < utf8.RuneSelf && IsASCIIDigit(byte(r)):
			j := ScanNumber(text, i, end)
			toks = append(toks, Token{Start: i, End: j, Kind: Number, Lower: strings.ToLower(text[i:j])})
			i = j
		case unicode.IsLetter(r):
			j := ScanWord(text, i, end)
			toks = append(toks, Token{Start: i, End: j, Kind: Word, Lower: strings.ToLower(text[i:j]), Capital: unicode.IsUpper(r)})
			i = j
		case IsApostrophe(r):
			// The clitic "'s" ("Monday's", "1990's") is a Token of its own.
			if r2, s2 := RuneAt(text, i+size, end); r2 == 's' || r2 == 'S' {
				if r3, _ := RuneAt(text, i+size+s2, end); !IsWordRune(r3) {
					toks = append(toks, Token{Start: i, End: i + size + s2, Kind: Punct, Lower: "'s"})
					i += size + s2
					continue
				}
			}
			toks = append(toks, Token{Start: i, End: i + size, Kind: Punct, Lower: text[i : i+size]})
			i += size
		default:
			toks = append(toks, Token{Start: i, End: i + size, Kind: Punct, Lower: text[i : i+size]})
			i += size
		}
	}
	return toks
}

// ScanNumber returns the end of the number starting at i: digits with
// internal ",.:-/" between digits, then any letters directly attached
// ("23rd", "1990s", "5bn").
func ScanNumber(text string, i, end int) int {
	j := i
	for j < end {
		c := text[j]
		if IsASCIIDigit(c) {
			j++
			continue
		}
		if (c == ',' || c == '.' || c == ':' || c == '-' || c == '/') && j+1 < end && IsASCIIDigit(text[j+1]) && j > i {
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

// ScanWord returns the end of the word starting at i.
func ScanWord(text string, i, end int) int {
	j := i
	segment := 0 // runes since the word start or the last internal period
	dotted := false
	for j < end {
		r, size := RuneAt(text, j, end)
		if IsWordRune(r) {
			j += size
			segment++
			continue
		}
		next, nsize := RuneAt(text, j+size, end)
		switch {
		case r == '-' && IsWordRune(next):
			j += size
			segment = 0
			continue
		case IsApostrophe(r) && unicode.IsLetter(next):
			if next == 's' || next == 'S' {
				if after, _ := RuneAt(text, j+size+nsize, end); !IsWordRune(after) {
					return j // leave the clitic "'s" to its own Token
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
