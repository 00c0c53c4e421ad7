package export_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/export"
)

// A store streams documents through a Documents iterator; here a slice.
func ExampleWrite() {
	src, tgt, place := "E1", "E2", "P1"
	text := "Protesters marched against the government in Kyiv."
	doc := &faultline.Document{
		ID: "doc1", Published: "2024-02-24", Text: text,
		Source:    faultline.Source{URL: "https://news.example/kyiv"},
		Sentences: []faultline.Sentence{{Start: 0, End: len(text)}},
		Entities: []faultline.Entity{
			{ID: src, Name: "Protesters", Actor: &faultline.Actor{Code: "UKROPP", Country: "UKR", Roles: []string{"OPP"}}},
			{ID: tgt, Name: "government", Actor: &faultline.Actor{Code: "UKRGOV", Country: "UKR", Roles: []string{"GOV"}}},
		},
		Places: []faultline.Place{{ID: place, Name: "Kyiv", Lat: 50.45, Lon: 30.52, Country: "UA", Kind: "city"}},
		Events: []faultline.Event{{ID: "V1", Source: &src, Target: &tgt, SourceCode: "UKROPP", TargetCode: "UKRGOV",
			CAMEO: "141", QuadClass: 4, Goldstein: -6.5, Place: &place, Confidence: 0.9}},
	}
	now := time.Date(2024, 2, 24, 12, 0, 0, 0, time.UTC) // the ingest time, injected
	err := export.Write(context.Background(), os.Stdout, export.FormatCSV,
		export.DocumentList([]*faultline.Document{doc}), export.Options{Now: now})
	fmt.Println(err)
	// Output:
	// event_id,document_id,date,source_name,source_code,target_name,target_code,cameo,plover_type,plover_mode,quad_class,goldstein,place_name,place_lat,place_lon,place_country,confidence,negated,hypothetical,sentence,trigger,url
	// V1,doc1,2024-02-24,Protesters,UKROPP,government,UKRGOV,141,,,4,-6.5,Kyiv,50.45,30.52,UA,0.9,false,false,Protesters marched against the government in Kyiv.,,https://news.example/kyiv
	// <nil>
}
