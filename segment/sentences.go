package segment

import (
	"strings"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// Sentences groups toks, the tokens of text in order, into sentences. A
// sentence ends:
//   - at a line break between two tokens (paragraphs, headings, list items),
//     unless a single line break wraps a sentence: after a word or comma
//     and before a lower-case word;
//   - after "." unless a lower-case word or inner punctuation follows;
//   - after "?", "!" or a run of them unless a lower-case word follows
//     (“Why?” he asked);
//   - after an ellipsis when a capitalised word or a quote follows;
//   - after an abbreviation that can end a sentence ("U.S.", "Inc.") when a
//     clear sentence starter follows ("The", "He", an opening quote);
//     titles and initials ("Maj.", "J.") never end one.
//
// Closing quotes and brackets written right after the final punctuation
// (.” or .") belong to the sentence they close.
func (s *Segmenter) Sentences(text string, toks []faultline.Token) []faultline.Sentence {
	if len(toks) == 0 {
		return []faultline.Sentence{}
	}
	sents := make([]faultline.Sentence, 0, len(toks)/20+1)
	first := 0
	for i := 0; i < len(toks); i++ {
		last := i
		end := false
		if i+1 < len(toks) && hasLineBreak(text[toks[i].End:toks[i+1].Start]) {
			end = !isWrappedLine(text, toks[i], toks[i+1])
		} else if kind := terminalKind(text, toks[i]); kind != notTerminal {
			last = absorbClosers(text, toks, i)
			for {
				c := citationEnd(text, toks, last+1)
				if c < 0 {
					break
				}
				last = c
			}
			switch {
			case last+1 >= len(toks):
				end = true
			case hasLineBreak(text[toks[last].End:toks[last+1].Start]):
				end = true
			default:
				end = startsSentence(text, toks, i, last, kind)
			}
		}
		if end {
			sents = append(sents, sentence(toks, first, last+1))
			first = last + 1
			i = last
		}
	}
	if first < len(toks) {
		sents = append(sents, sentence(toks, first, len(toks)))
	}
	return sents
}

func sentence(toks []faultline.Token, from, to int) faultline.Sentence {
	return faultline.Sentence{Start: toks[from].Start, End: toks[to-1].End, TokenStart: from, TokenEnd: to}
}

// isWrappedLine reports whether the line break between a and b only wraps
// a sentence: a single line break (no blank line) after a word or comma,
// before a lower-case word ("the U.S.-led\ncoalition conducted"). Hard-
// wrapped plain text has these; a paragraph or heading almost never ends
// that way.
func isWrappedLine(text string, a, b faultline.Token) bool {
	gap := text[a.End:b.Start]
	breaks := 0
	for k := 0; k < len(gap); k++ {
		if gap[k] == '\n' {
			breaks++
		} else if gap[k] != ' ' && gap[k] != '\t' && gap[k] != '\r' {
			return false
		}
	}
	if breaks != 1 {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[b.Start:b.End])
	if !isLower(next) {
		return false
	}
	w := text[a.Start:a.End]
	last, _ := utf8.DecodeLastRuneInString(w)
	return w == "," || (isWordRune(last) && terminalKind(text, a) == notTerminal)
}

// hasLineBreak reports whether the whitespace gap contains a line break.
func hasLineBreak(gap string) bool {
	for k := 0; k < len(gap); k++ {
		switch gap[k] {
		case '\n', '\r', '\v', '\f':
			return true
		case 0xC2: // U+0085 next line
			if k+1 < len(gap) && gap[k+1] == 0x85 {
				return true
			}
		case 0xE2: // U+2028 line separator, U+2029 paragraph separator
			if k+2 < len(gap) && gap[k+1] == 0x80 && (gap[k+2] == 0xA8 || gap[k+2] == 0xA9) {
				return true
			}
		}
	}
	return false
}

// Kinds of sentence-final tokens.
type terminal uint8

const (
	notTerminal terminal = iota
	terminalPeriod
	terminalQuestion // ? ! and runs of them
	terminalEllipsis
	terminalAbbrev // an abbreviation that may end a sentence: "U.S.", "Inc."
)

func terminalKind(text string, t faultline.Token) terminal {
	w := text[t.Start:t.End]
	switch w[len(w)-1] {
	case '.':
		if len(w) == 1 {
			return terminalPeriod
		}
		if w[0] == '.' {
			return terminalEllipsis
		}
		stem := w[:len(w)-1]
		if isInitial(stem) {
			return notTerminal
		}
		if isDottedAcronym(stem) {
			return terminalAbbrev
		}
		switch abbreviations[stem] {
		case abbrevFinal:
			return terminalAbbrev
		case abbrevTitle, abbrevNumber:
			return notTerminal
		}
		return notTerminal
	case '?', '!':
		return terminalQuestion
	case 0xA6: // … is E2 80 A6
		if strings.HasPrefix(w, "…") {
			return terminalEllipsis
		}
	}
	return notTerminal
}

// absorbClosers returns the index of the last token of the sentence that
// ends at toks[i]: closing quotes and brackets written without a space
// after the final punctuation belong to it, and so does more final
// punctuation ("service.?", "Hospitality.!").
func absorbClosers(text string, toks []faultline.Token, i int) int {
	for i+1 < len(toks) && toks[i+1].Start == toks[i].End {
		next := toks[i+1]
		if !isCloser(text[next.Start:next.End]) && terminalKind(text, next) != terminalPeriod &&
			terminalKind(text, next) != terminalQuestion && terminalKind(text, next) != terminalEllipsis {
			break
		}
		i++
	}
	return i
}

func isCloser(w string) bool {
	switch w {
	case "\"", "”", "’", "'", "''", ")", "]", "}", "»", "›":
		return true
	}
	return false
}

func isOpener(w string) bool {
	switch w {
	case "\"", "“", "‘", "'", "``", "`", "(", "[", "{", "«", "‹", "„":
		return true
	}
	return false
}

// startsSentence decides whether toks[k], which follows a sentence-final
// token of the given kind, opens a new sentence.
func startsSentence(text string, toks []faultline.Token, i, last int, kind terminal) bool {
	k := last + 1
	w := text[toks[k].Start:toks[k].End]
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case isLower(r):
		// “Why?” he asked. A closing quote before a lower-case word keeps
		// the sentence going; so does an abbreviation. A bare period or
		// question mark before a lower-case word still ends the sentence
		// in informal text ("nice sarcasm. that's fine").
		if kind == terminalAbbrev || kind == terminalEllipsis || last > i {
			return false
		}
		return true //LS
	case isUpper(r):
		if kind == terminalAbbrev {
			return sentenceStarters[w]
		}
		return true
	case isDigit(r):
		return kind == terminalPeriod || kind == terminalQuestion
	case isOpener(w):
		// "at 7:00 p.m. (NZDT)": a bracket after an abbreviation goes on
		// with the sentence; a quote after one opens the next.
		return kind != terminalAbbrev || (w != "(" && w != "[" && w != "{")
	case isWordRune(r):
		// Letters without case (CJK, Arabic, ...).
		return kind != terminalAbbrev
	}
	switch w {
	case ",", ";", ":", ")", "]", "}", "%", "-", "--", "—", "–", ".", "…", "...":
		return false
	}
	return kind == terminalPeriod || kind == terminalQuestion
}

// citationEnd returns the index of the "]" closing a reference mark such as
// "[21]" or "[1 - 3]" that starts at toks[k], or -1. A reference mark after
// the final punctuation belongs to the sentence it annotates.
func citationEnd(text string, toks []faultline.Token, k int) int {
	if k >= len(toks) || text[toks[k].Start:toks[k].End] != "[" {
		return -1
	}
	for j := k + 1; j < len(toks) && j <= k+8; j++ {
		w := text[toks[j].Start:toks[j].End]
		switch {
		case w == "]":
			if j == k+1 {
				return -1
			}
			return j
		case w == "," || w == "-" || w == "–" || allDigits(w):
		default:
			return -1
		}
	}
	return -1
}
