package segment_test

import (
	"testing"

	"github.com/faultline-news/faultline/segment"
)

// FuzzSegment feeds arbitrary bytes (invalid UTF-8 included) to both
// segmenters and checks that they do not panic and keep every invariant.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"",
		"U.S. officials say there won't be a hasty withdrawal.",
		"“If American forces refrain,” he said. “We will.”",
		"Marine Maj. Adrian J.T. Rankine-Galloway said the U.S.-led coalition's $5bn plan...",
		"See https://example.org/a_(b)). Mail me@x.org. O'Neill's 80's Shi'ite",
		"no.\n\nYes?!\u2029x\u200b\ufeff…—--''``",
		"\xff\xfe.\xe2\x80 U.S\xc2.\xe2\x80\x99s n\xe2\x80\x99t",
		"a.b.c.d. 1,2,3 4:5 6/7 8-9 A&B e-mail 853-7906",
	} {
		f.Add(s)
	}
	split := segment.NewSegmenter(segment.Options{SplitHyphens: true})
	f.Fuzz(func(t *testing.T, text string) {
		toks := segment.Tokenize(text)
		checkInvariants(t, text, toks, segment.Sentences(text, toks))
		toks = split.Tokenize(text)
		checkInvariants(t, text, toks, split.Sentences(text, toks))
	})
}
