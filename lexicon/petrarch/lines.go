// Package petrarch reads event-coding dictionaries in the PETRARCH/TABARI
// formats (verb patterns, actors, agents, discards) into Go structures with
// fast lookup. Phrases are stored lowercased; codes uppercased. Malformed
// lines never stop a read: they become Warnings naming file and line.
//
// The formats follow the documentation of PETRARCH and PETRARCH2
// (openeventdata/petrarch2, PETRreader.py docstrings) and the files in
// ../shared/eval/cameo; the code here is our own.
package petrarch

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
)

// Warning is a line that could not be read or was read with a guess.
type Warning struct {
	File    string
	Line    int
	Message string
}

func (w Warning) String() string { return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Message) }

// maxLine bounds one dictionary line; longer lines are cut with a warning.
const maxLine = 1 << 20

// sourceLine is one logical line with its 1-based number, comments removed.
type sourceLine struct {
	n       int
	text    string // comment-free, trimmed right
	comment string // text after a '#' comment marker, trimmed
}

// readLines splits r into comment-free lines: XML comments (<!-- -->, also
// over several lines), lines starting with '#', and trailing "# ..." or
// " #..." comments are removed (any '#' starts a comment, as in PETRARCH);
// blank lines are dropped.
func readLines(r io.Reader, file string, emit func(sourceLine)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	n := 0
	inXML := false
	for sc.Scan() {
		n++
		raw := sc.Text()
		if !utf8.ValidString(raw) {
			raw = strings.ToValidUTF8(raw, "\uFFFD")
		}
		raw = strings.TrimPrefix(raw, "\uFEFF")
		line := raw
		// XML comments, possibly spanning lines.
		for {
			if inXML {
				end := strings.Index(line, "-->")
				if end < 0 {
					line = ""
					break
				}
				line = line[end+3:]
				inXML = false
				continue
			}
			start := strings.Index(line, "<!--")
			if start < 0 {
				break
			}
			rest := line[start+4:]
			end := strings.Index(rest, "-->")
			if end < 0 {
				line = line[:start]
				inXML = true
				break
			}
			line = line[:start] + " " + rest[end+3:]
		}
		if strings.HasPrefix(strings.TrimSpace(line), "<!") { // other markup lines
			continue
		}
		comment := ""
		if i := strings.IndexByte(line, '#'); i >= 0 {
			comment = strings.TrimSpace(line[i+1:])
			line = line[:i]
		}
		line = strings.TrimRight(line, " \t\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		emit(sourceLine{n: n, text: line, comment: comment})
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return faultline.Errorf(faultline.EINVALID, "%s: line %d is longer than %d bytes; is this a PETRARCH dictionary? %w", file, n+1, maxLine, err)
		}
		return faultline.Errorf(faultline.EINVALID, "reading %s after line %d: %w", file, n, err)
	}
	return nil
}

// Normalize returns the lookup form of a word: lowercase, with typographic
// apostrophes and dashes folded to ASCII. Phrases in every dictionary are
// stored in this form; callers may pass tokens as they appear in text.
func Normalize(word string) string {
	ascii := true
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return word
	}
	var b strings.Builder
	b.Grow(len(word))
	for _, r := range word {
		switch r {
		case '\u2018', '\u2019', '\u02BC', '`':
			r = '\''
		case '\u2010', '\u2011', '\u2012', '\u2013':
			r = '-'
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		} else if r >= utf8.RuneSelf {
			r = []rune(strings.ToLower(string(r)))[0]
		}
		b.WriteRune(r)
	}
	return b.String()
}

// splitPhrase turns a dictionary phrase ("UNITED_STATES_", "HAMAS WING")
// into normalized words; '_' and blanks both separate words.
func splitPhrase(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	for i := range f {
		f[i] = Normalize(f[i])
	}
	return f
}
