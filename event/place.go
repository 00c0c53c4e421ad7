package event

import "github.com/faultline-news/faultline"

// placeAtFocus gives every event that no place governs the document's
// focus place, as issue 6 asks ("the one that governs its clause, else
// the article's focus place") and as GDELT's action geography does.
func placeAtFocus(doc *faultline.Document) {
	var focus *string
	for i := range doc.Events {
		if doc.Events[i].Place != nil {
			continue
		}
		if focus == nil {
			focus = focusPlace(doc)
			if focus == nil {
				return
			}
		}
		id := *focus
		doc.Events[i].Place = &id
	}
}

// focusPlace returns the id of the place the document is about: the one
// mentioned most, where a city, facility, division or relative place
// counts twice as much as a country (a report from Mosul about Iraq is
// placed in Mosul), and the earlier first mention wins a tie. Nil when
// the document has no place.
func focusPlace(doc *faultline.Document) *string {
	best, bestScore, bestStart := -1, 0, 0
	for i, p := range doc.Places {
		if len(p.Mentions) == 0 {
			continue
		}
		weight := 2
		if p.Kind == "country" || p.Kind == "region" {
			weight = 1
		}
		score := weight * len(p.Mentions)
		start := p.Mentions[0].Start
		for _, m := range p.Mentions {
			start = min(start, m.Start)
		}
		if score > bestScore || score == bestScore && start < bestStart {
			best, bestScore, bestStart = i, score, start
		}
	}
	if best < 0 {
		return nil
	}
	id := doc.Places[best].ID
	return &id
}
