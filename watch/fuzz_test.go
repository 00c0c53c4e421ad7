package watch

import (
	"context"
	"testing"

	"github.com/faultline-news/faultline/source"
)

// FuzzParse feeds arbitrary bytes to the feed parsing step: it must return
// items or an error, never panic.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>/a</link><description>x</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><link href="https://e.org/a"/><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>`,
		`{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","url":"https://e.org/1","content_text":"x"}]}`,
		`<rss><channel></channel></rss>`, `<html><body>no</body></html>`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		items, err := parse(context.Background(), "https://feeds.example/rss", body, source.Options{})
		if err != nil {
			return
		}
		for _, it := range items {
			if it.Source.Feed != "https://feeds.example/rss" {
				t.Fatalf("item %s: feed %q", it.Name, it.Source.Feed)
			}
		}
	})
}
