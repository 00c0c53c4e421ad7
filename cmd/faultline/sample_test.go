package main

import (
	"strings"
	"testing"

	"github.com/faultline-news/faultline/internal/sharedtest"
)

// TestSampleArticle runs the whole pipeline on the shared sample (a blog's
// repost of a VOA report) and checks the foundation's promises: the title,
// no trace of the blog's "Popular posts" list, the caption once, every
// removal listed, and valid spans in every layer.
func TestSampleArticle(t *testing.T) {
	samplePath := sharedtest.Path(t, "samples/000_e9c81a236e9288db.txt")
	code, out, stderr := run(t, "analyze", "--date", "2017-03-23", "--tokens", samplePath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	docs := decodeDocs(t, out)
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	d := docs[0]
	checkSpans(t, d)
	if len(d.Errors) > 0 {
		t.Errorf("stage errors: %+v", d.Errors)
	}
	if want := "Shi'ite Militias Could Turn Against US Forces After IS Leaves Mosul"; d.Title != want {
		t.Errorf("title = %q, want %q", d.Title, want)
	}
	if d.Published != "2017-03-23" || d.PublishedFrom != "override" {
		t.Errorf("published = %q (%s)", d.Published, d.PublishedFrom)
	}
	for _, junk := range []string{"Popular posts from this blog", "FATF Grey List", "DB Venkatesh Varma", "Kashmir Valley"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("text still holds %q", junk)
		}
	}
	caption := "Displaced Iraqi men, fleeing fighting between Iraqi security forces and Islamic State militants"
	if n := strings.Count(d.Text, caption); n != 1 {
		t.Errorf("caption appears %d times in text, want 1", n)
	}
	kinds := map[string]int{}
	for _, r := range d.Removed {
		kinds[r.Kind]++
	}
	if kinds["boilerplate"] != 4 || kinds["duplicate-paragraph"] != 1 {
		t.Errorf("removed = %+v, want the 4 'Popular posts' lines and the repeated caption", d.Removed)
	}
	if len(d.Sentences) < 30 || len(d.Tokens) < 900 {
		t.Errorf("%d sentences, %d tokens: too few", len(d.Sentences), len(d.Tokens))
	}
	for _, tk := range d.Tokens {
		if tk.POS == "" || tk.Dep == "" {
			t.Fatalf("token %q at %d has no POS or dependency", d.Text[tk.Start:tk.End], tk.Start)
		}
	}
}
