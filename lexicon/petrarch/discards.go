package petrarch

import (
	"io"
	"strings"
)

// Discard is a phrase whose presence drops a sentence (or, with Story, the
// whole story) from event coding: sports results, film awards and the like.
type Discard struct {
	Phrase string // normalized words joined by spaces
	Story  bool   // written with a leading '+': discard the whole story
	File   string
	Line   int
}

// DiscardList holds discard phrases indexed for matching over tokens.
type DiscardList struct {
	Discards []*Discard
	Warnings []Warning
	phrases  trie[*Discard]
}

// NewDiscardList returns an empty list.
func NewDiscardList() *DiscardList { return &DiscardList{} }

// Read adds the phrases of one discard file: one phrase per line, '+' in
// front for story-level discards.
func (d *DiscardList) Read(r io.Reader, file string) error {
	return readLines(r, file, func(l sourceLine) {
		text := strings.TrimSpace(l.text)
		story := strings.HasPrefix(text, "+")
		if story {
			text = text[1:]
		}
		words := splitPhrase(text)
		if len(words) == 0 {
			d.Warnings = append(d.Warnings, Warning{File: file, Line: l.n, Message: "empty discard phrase; skipped"})
			return
		}
		x := &Discard{Phrase: strings.Join(words, " "), Story: story, File: file, Line: l.n}
		d.Discards = append(d.Discards, x)
		d.phrases.insert(words, x)
	})
}

// Match returns the longest discard phrase starting at tokens[start].
func (d *DiscardList) Match(tokens []string, start int) (*Discard, int, bool) {
	if d == nil || start < 0 || start >= len(tokens) {
		return nil, 0, false
	}
	x, n := d.phrases.longest(tokens, start)
	return x, n, n > 0
}

// Find returns the first discard phrase found anywhere in tokens.
func (d *DiscardList) Find(tokens []string) (*Discard, bool) {
	for i := range tokens {
		if x, _, ok := d.Match(tokens, i); ok {
			return x, true
		}
	}
	return nil, false
}
