package segment_test

import (
	"fmt"

	"github.com/faultline-news/faultline/segment"
)

func ExampleSegment() {
	text := "U.S. officials say there won't be a hasty withdrawal. “We will target them,” he said."
	sents, toks := segment.Segment(text)
	for _, s := range sents {
		for _, t := range toks[s.TokenStart:s.TokenEnd] {
			fmt.Printf("[%s]", text[t.Start:t.End])
		}
		fmt.Println()
	}
	// Output:
	// [U.S.][officials][say][there][wo][n't][be][a][hasty][withdrawal][.]
	// [“][We][will][target][them][,][”][he][said][.]
}
