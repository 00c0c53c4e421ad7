package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/source"
)

func TestSharedSampleText(t *testing.T) {
	path := filepath.Join(sharedDir(t), "samples", "000_e9c81a236e9288db.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("sample not available: %v", err)
	}
	it := source.Item{Name: path, Kind: source.KindText, Data: data, Source: faultline.Source{Path: path}}
	doc, err := Extract(context.Background(), it, Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Shi'ite Militias Could Turn Against US Forces After IS Leaves Mosul"; doc.Title != want {
		t.Errorf("title = %q, want %q", doc.Title, want)
	}
	for _, bad := range []string{
		"Popular posts from this blog",
		"Pak off FATF Grey List",
		"The chances of nuclear use are minimal",
		"3 Pakistanis among 7 terrorists",
	} {
		if strings.Contains(doc.Text, bad) {
			t.Errorf("text still holds boilerplate %q", bad)
		}
		if !removedHas(doc.Removed, faultline.RemovedBoilerplate, bad) {
			t.Errorf("removed does not list %q as boilerplate", bad)
		}
	}
	caption := "Displaced Iraqi men, fleeing fighting between Iraqi security forces and Islamic State militants, wait for a security check before being transferred to a camp on the western side of Mosul, Iraq, March 23, 2017."
	if n := strings.Count(doc.Text, caption); n != 1 {
		t.Errorf("caption appears %d times in text, want 1", n)
	}
	if !removedHas(doc.Removed, faultline.RemovedDuplicateParagraph, caption) {
		t.Errorf("second caption not listed as a removed duplicate: %+v", doc.Removed)
	}
	if len(doc.Removed) != 5 {
		t.Errorf("removed %d pieces, want 5 (4 boilerplate, 1 duplicate): %+v", len(doc.Removed), doc.Removed)
	}
	for _, keep := range []string{"\n\nUS advisers\n\n", "\n\nCommon enemy\n\n", "\n\nIraqi leadership\n\n"} {
		if !strings.Contains(doc.Text, keep) {
			t.Errorf("subheading %q is not its own paragraph", strings.TrimSpace(keep))
		}
	}
	if !strings.HasPrefix(doc.Text, "As Iraqi forces come closer") {
		t.Errorf("text starts %q", doc.Text[:40])
	}
	if strings.Contains(doc.Text, "\n\n\n") || strings.Contains(doc.Text, "\n    ") {
		t.Error("text has empty paragraphs or indentation")
	}
	if doc.Published != "2017-03-23" || doc.PublishedFrom != faultline.PublishedFromText {
		t.Errorf("published = %q from %q, want 2017-03-23 from text", doc.Published, doc.PublishedFrom)
	}
	if doc.Language != "en" {
		t.Errorf("language = %q, want en", doc.Language)
	}
	if len(doc.ID) != 16 {
		t.Errorf("id = %q, want 16 hex digits", doc.ID)
	}
}

func removedHas(removed []faultline.Removed, kind, substr string) bool {
	for _, r := range removed {
		if r.Kind == kind && strings.Contains(r.Text, substr) {
			return true
		}
	}
	return false
}
