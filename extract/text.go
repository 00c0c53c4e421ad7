package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/faultline-news/faultline/source"
)

// maxTitleRunes is the longest first line still taken for a headline.
const maxTitleRunes = 200

func fromText(it source.Item) (article, error) {
	if !utf8.Valid(it.Data) {
		return article{}, itemError(it, "text is not valid UTF-8; convert it to UTF-8 first (e.g. iconv -t UTF-8)")
	}
	text := strings.ReplaceAll(string(it.Data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = cleanSpaces(l)
	}

	var a article
	// Skip leading blank lines.
	start := 0
	for start < len(lines) && lines[start] == "" {
		start++
	}
	lines = lines[start:]

	if t := cleanSpaces(it.Title); t != "" {
		a.title = t
		if len(lines) > 0 && normalizeForID(lines[0]) == normalizeForID(t) {
			lines = lines[1:]
		}
	} else if len(lines) > 0 && looksLikeHeadline(lines) {
		a.title = lines[0]
		lines = lines[1:]
	}

	paras := textParagraphs(lines)
	c := clean(paras)
	a.text = strings.Join(c.paragraphs, "\n\n")
	a.removed = c.removed
	a.textDate = c.date
	return a, nil
}

// looksLikeHeadline says whether lines[0] is a title: short, not ending
// like a sentence, and followed by a blank line (or nothing).
func looksLikeHeadline(lines []string) bool {
	first := lines[0]
	if first == "" || utf8.RuneCountInString(first) > maxTitleRunes {
		return false
	}
	if len(lines) > 1 && lines[1] != "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(first)
	switch last {
	case '.', ',', ';', ':':
		return false
	}
	// Two sentences ("Did you discuss Aleppo? Were there any agreements?")
	// make a paragraph, not a headline.
	twoSentences := strings.Contains(first, "? ") || strings.Contains(first, "! ") ||
		(strings.Contains(first, ". ") && !abbreviationOnly(first))
	if twoSentences {
		return false
	}
	return len(lines) > 1
}

// textParagraphs turns lines into paragraphs. Usually each non-blank line is
// a paragraph; when the text is hard-wrapped (blank lines between blocks of
// lines of similar, moderate width), the lines of a block are joined.
func textParagraphs(lines []string) []string {
	if isHardWrapped(lines) {
		var paras []string
		var cur []string
		for _, l := range lines {
			if l == "" {
				if len(cur) > 0 {
					paras = append(paras, strings.Join(cur, " "))
					cur = cur[:0]
				}
				continue
			}
			cur = append(cur, l)
		}
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
		}
		return paras
	}
	paras := make([]string, 0, len(lines))
	for _, l := range lines {
		if l != "" {
			paras = append(paras, l)
		}
	}
	return paras
}

// isHardWrapped detects text wrapped at a fixed width (mail, some wires):
// at least 6 lines, blank lines present, most lines 40–100 characters and
// none much longer.
func isHardWrapped(lines []string) bool {
	var lens []int
	blank := 0
	for _, l := range lines {
		if l == "" {
			blank++
			continue
		}
		lens = append(lens, utf8.RuneCountInString(l))
	}
	if len(lens) < 6 || blank == 0 {
		return false
	}
	sort.Ints(lens)
	if lens[len(lens)-1] > 110 {
		return false
	}
	median := lens[len(lens)/2]
	// Blocks of several lines each: more lines than blank separators.
	return median >= 40 && len(lens) > 2*blank
}

// abbreviationOnly says whether every ". " in s follows a short
// abbreviation or initial ("U.S. Forces", "Gen. Smith", "J. Doe").
func abbreviationOnly(s string) bool {
	for rest := s; ; {
		i := strings.Index(rest, ". ")
		if i < 0 {
			return true
		}
		word := rest[:i]
		if j := strings.LastIndexAny(word, " \t"); j >= 0 {
			word = word[j+1:]
		}
		if utf8.RuneCountInString(strings.ReplaceAll(word, ".", "")) > 3 {
			return false
		}
		rest = rest[i+2:]
	}
}
