package export

import (
	"strings"
	"time"

	"github.com/faultline-news/faultline"
)

// testNow is the injected export time of every test.
var testNow = time.Date(2017, 3, 24, 10, 15, 0, 0, time.UTC)

func ptr(s string) *string { return &s }

// span returns the half-open byte range of the n-th (0-based) occurrence
// of sub in text; it panics when absent, which is a bug in the fixture.
func span(text, sub string, n int) (int, int) {
	from := 0
	for {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			panic("fixture: " + sub + " not in text")
		}
		if n == 0 {
			return from + i, from + i + len(sub)
		}
		n--
		from += i + len(sub)
	}
}

func mention(text, sub string, n int) faultline.Mention {
	s, e := span(text, sub, n)
	return faultline.Mention{Start: s, End: e, Text: sub}
}

func sentence(text, sub string) faultline.Sentence {
	s, e := span(text, sub, 0)
	return faultline.Sentence{Start: s, End: e}
}

// sampleDoc is a hand-built analysed article with three events: one with a
// place and both actors, one hypothetical with a CAMEO code that has a
// leading zero, and one outside the lead paragraph without a target.
func sampleDoc() *faultline.Document {
	text := "A Shi'ite militia aligned with Iran threatened the U.S.-led coalition in Mosul on Monday. " +
		"Jafar al-Hosseini said the militia could consult Baghdad.\n\n" +
		"The United Nations appealed for calm in Nineveh province."
	s1 := "A Shi'ite militia aligned with Iran threatened the U.S.-led coalition in Mosul on Monday."
	s2 := "Jafar al-Hosseini said the militia could consult Baghdad."
	s3 := "The United Nations appealed for calm in Nineveh province."
	d := &faultline.Document{
		Schema:        faultline.SchemaDocument,
		ID:            "d41c0ffee",
		Source:        faultline.Source{URL: "https://www.example-news.com/world/mosul-militia", Site: "example-news.com"},
		Title:         "Shi'ite Militias Could Turn Against US Forces",
		Published:     "2017-03-23",
		PublishedFrom: faultline.PublishedFromMeta,
		Language:      "en",
		Text:          text,
		Sentences:     []faultline.Sentence{sentence(text, s1), sentence(text, s2), sentence(text, s3)},
		Entities: []faultline.Entity{
			{ID: "E1", Name: "Shi'ite militia", Type: faultline.EntityOrg,
				Mentions: []faultline.Mention{mention(text, "A Shi'ite militia aligned with Iran", 0), mention(text, "the militia", 0)},
				Actor:    &faultline.Actor{Code: "IRQMIL", Country: "IRQ", Roles: []string{"MIL", "REB"}}},
			{ID: "E2", Name: "U.S.-led coalition", Type: faultline.EntityOrg,
				Mentions: []faultline.Mention{mention(text, "the U.S.-led coalition", 0)},
				Actor:    &faultline.Actor{Code: "USAMIL", Country: "USA", Roles: []string{"MIL"}}},
			{ID: "E3", Name: "Jafar al-Hosseini", Type: faultline.EntityPerson,
				Mentions: []faultline.Mention{mention(text, "Jafar al-Hosseini", 0)}},
			{ID: "E4", Name: "Baghdad", Type: faultline.EntityGPE,
				Mentions: []faultline.Mention{mention(text, "Baghdad", 0)},
				Actor:    &faultline.Actor{Code: "IRQGOV", Country: "IRQ", Roles: []string{"GOV"}},
				Place:    ptr("P2")},
			{ID: "E5", Name: "United Nations", Type: faultline.EntityOrg,
				Mentions: []faultline.Mention{mention(text, "The United Nations", 0)},
				Actor:    &faultline.Actor{Code: "IGOUNO", Country: "", Roles: []string{"IGO"}}},
			{ID: "E6", Name: "Mosul", Type: faultline.EntityGPE,
				Mentions: []faultline.Mention{mention(text, "Mosul", 0)}, Place: ptr("P1")},
			{ID: "E7", Name: "Nineveh", Type: faultline.EntityGPE,
				Mentions: []faultline.Mention{mention(text, "Nineveh province", 0)}, Place: ptr("P3")},
		},
		Places: []faultline.Place{
			{ID: "P1", Name: "Mosul", Entity: ptr("E6"), Lat: 36.335, Lon: 43.11889, Country: "IQ", Admin1: "Nineveh",
				Kind: "city", GeonamesID: 99072, Confidence: 0.93, Mentions: []faultline.Mention{mention(text, "Mosul", 0)}},
			{ID: "P2", Name: "Baghdad", Entity: ptr("E4"), Lat: 33.34058, Lon: 44.40088, Country: "IQ", Admin1: "Baghdad",
				Kind: "city", GeonamesID: 98182, Confidence: 0.9, Mentions: []faultline.Mention{mention(text, "Baghdad", 0)}},
			{ID: "P3", Name: "Nineveh", Entity: ptr("E7"), Lat: 36.0, Lon: 42.5, Country: "IQ", Admin1: "Nineveh",
				Kind: "admin1", GeonamesID: 94787, Confidence: 0.8, Mentions: []faultline.Mention{mention(text, "Nineveh province", 0)}},
		},
		Events: []faultline.Event{
			{ID: "V1", Source: ptr("E1"), Target: ptr("E2"),
				SourceText: "A Shi'ite militia aligned with Iran", TargetText: "the U.S.-led coalition",
				SourceCode: "IRQMIL", TargetCode: "USAMIL", CAMEO: "138",
				Plover: faultline.Plover{Type: "THREATEN", Mode: "violence", Context: []string{}}, QuadClass: 3, Goldstein: -7,
				Trigger: mention(text, "threatened", 0), Sentence: 0, Date: "2017-03-20", Place: ptr("P1"), Confidence: 0.81},
			{ID: "V2", Source: ptr("E1"), Target: ptr("E4"),
				SourceText: "the militia", TargetText: "Baghdad",
				SourceCode: "IRQMIL", TargetCode: "IRQGOV", CAMEO: "0311",
				Plover: faultline.Plover{Type: "CONSULT", Mode: "", Context: []string{"pro_democracy"}}, QuadClass: 1, Goldstein: 1,
				Trigger: mention(text, "consult", 0), Sentence: 1, Hypothetical: true, ReportedBy: ptr("E3"),
				Date: "", Place: nil, Confidence: 0.55},
			{ID: "V3", Source: ptr("E5"), Target: nil,
				SourceText: "The United Nations", SourceCode: "IGOUNO", CAMEO: "010",
				Plover: faultline.Plover{Type: "", Context: []string{}}, QuadClass: 1, Goldstein: 0,
				Trigger: mention(text, "appealed", 0), Sentence: 2, Date: "2017-03", Place: ptr("P3"), Confidence: 0.7},
		},
	}
	d.Normalize()
	return d
}

// sampleDocNoURL is a second article, read from a file (no URL), with one
// event and no places: it exercises citations and empty geography.
func sampleDocNoURL() *faultline.Document {
	text := "Protesters marched in Kyiv against the government."
	d := &faultline.Document{
		Schema:    faultline.SchemaDocument,
		ID:        "a9b8c7",
		Source:    faultline.Source{Path: "corpus/kyiv.txt"},
		Title:     "Kyiv march",
		Published: "2017-03-22T08:00:00Z",
		Language:  "en",
		Text:      text,
		Sentences: []faultline.Sentence{{Start: 0, End: len(text)}},
		Entities: []faultline.Entity{
			{ID: "E1", Name: "Protesters", Type: faultline.EntityNORP,
				Mentions: []faultline.Mention{mention(text, "Protesters", 0)},
				Actor:    &faultline.Actor{Code: "UKROPP", Country: "UKR", Roles: []string{"OPP"}}},
			{ID: "E2", Name: "government", Type: faultline.EntityOrg,
				Mentions: []faultline.Mention{mention(text, "the government", 0)},
				Actor:    &faultline.Actor{Code: "UKRGOV", Country: "UKR", Roles: []string{"GOV"}}},
		},
		Events: []faultline.Event{
			{ID: "V1", Source: ptr("E1"), Target: ptr("E2"), SourceText: "Protesters", TargetText: "the government",
				SourceCode: "UKROPP", TargetCode: "UKRGOV", CAMEO: "141",
				Plover: faultline.Plover{Type: "PROTEST", Mode: "demo"}, QuadClass: 4, Goldstein: -6.5,
				Trigger: mention(text, "marched", 0), Sentence: 0, Confidence: 0.9},
		},
	}
	d.Normalize()
	return d
}

func sampleDocs() []*faultline.Document {
	return []*faultline.Document{sampleDoc(), sampleDocNoURL()}
}
