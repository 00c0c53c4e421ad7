package conllu

import (
	"context"
	"strings"
)

// gumNonCommercial lists the GUM genres whose texts are licensed for
// non-commercial use only (CC BY-NC-SA, or Reddit's terms), per GUM's
// source LICENSE.txt: essay, fiction, letter, podcast, whow (wikiHow) and
// reddit. Models faultline ships must not be trained on them.
var gumNonCommercial = map[string]bool{"essay": true, "fiction": true, "letter": true, "podcast": true, "whow": true, "reddit": true}

// GUMNonCommercial reports whether docID, a GUM document id of the form
// GUM_<genre>_<name> (its "# newdoc id" comment), is of a genre licensed
// for non-commercial use only. Ids of other corpora give false.
func GUMNonCommercial(docID string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(docID), "GUM_")
	if !ok {
		return false
	}
	genre, _, _ := strings.Cut(rest, "_")
	return gumNonCommercial[genre]
}

// DocID returns the value of the sentence's "# newdoc id" comment, or ""
// when the sentence does not start a document.
func (s *Sentence) DocID() string { v, _ := s.Comment("newdoc id"); return v }

// WithoutNonCommercialGUM returns sents without the sentences of GUM
// documents of non-commercial genres (see GUMNonCommercial). A document
// runs from its "# newdoc id" comment to the next one; sentences of other
// corpora are kept. The result shares the kept sentences' storage.
func WithoutNonCommercialGUM(sents []Sentence) []Sentence {
	out := make([]Sentence, 0, len(sents))
	skip := false
	for i := range sents {
		if id := sents[i].DocID(); id != "" {
			skip = GUMNonCommercial(id)
		}
		if !skip {
			out = append(out, sents[i])
		}
	}
	return out
}

// ReadPermissiveFiles reads and concatenates CoNLL-U files like ReadFiles,
// dropping from each file the GUM documents of non-commercial genres
// (WithoutNonCommercialGUM). Training on faultline's shipped models reads
// its treebanks through it.
func ReadPermissiveFiles(ctx context.Context, paths ...string) ([]Sentence, error) {
	var out []Sentence
	for _, p := range paths {
		s, err := ReadFile(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, WithoutNonCommercialGUM(s)...)
	}
	return out, nil
}
