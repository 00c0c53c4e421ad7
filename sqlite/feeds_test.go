package sqlite

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/faultline-news/faultline/source"
	"github.com/faultline-news/faultline/watch"
)

func TestFeedState(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	const feed = "https://news.example/feed.xml"
	st, err := s.FeedState(ctx, feed)
	if err != nil || st != (watch.FeedState{URL: feed}) {
		t.Fatalf("unknown feed: %+v, %v", st, err)
	}
	want := watch.FeedState{URL: feed, ETag: `"abc"`, LastModified: "Mon, 05 Jan 2026 10:00:00 GMT",
		LastPolled: time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC), LastError: "HTTP 503", Failures: 2}
	if err := s.SetFeedState(ctx, want); err != nil {
		t.Fatal(err)
	}
	want.Failures, want.LastError = 0, ""
	if err := s.SetFeedState(ctx, want); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for i := range 1200 { // more than one lookup chunk
		keys = append(keys, fmt.Sprintf("https://news.example/story/%d", i))
	}
	if err := s.MarkItemsSeen(ctx, feed, keys[:700]); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkItemsSeen(ctx, feed, keys[650:800]); err != nil { // overlaps
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.FeedState(ctx, feed)
	if err != nil || got != want {
		t.Errorf("after reopen: %+v, %v; want %+v", got, err, want)
	}
	seen, err := s.SeenItems(ctx, feed, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 800 || !seen[keys[0]] || !seen[keys[799]] || seen[keys[800]] {
		t.Errorf("seen %d keys", len(seen))
	}
	if other, _ := s.SeenItems(ctx, "https://other.example/rss", keys); len(other) != 0 {
		t.Errorf("another feed sees %d keys", len(other))
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 1 || feeds[0] != want {
		t.Errorf("Feeds: %+v, %v", feeds, err)
	}
}

// TestStoreRemembersFeedItemsAcrossRestarts polls a feed with the store as
// watch.State, reopens the store, and polls again: the items are not
// offered twice and the validators are sent.
func TestStoreRemembersFeedItemsAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	version := 0
	var ifNoneMatch string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ifNoneMatch = r.Header.Get("If-None-Match")
		version++ // a new ETag each time: the server ignores validators
		w.Header().Set("ETag", fmt.Sprintf(`"v%d"`, version))
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://news.example/1</link><description>First story text.</description></item>
<item><title>Two</title><link>https://news.example/2</link><description>Second story text.</description></item>
</channel></rss>`)
	}))
	defer srv.Close()
	feed := srv.URL + "/rss"
	s, path := openTemp(t)
	var got []string
	ingest := func(_ context.Context, items []source.Item) error {
		for _, it := range items {
			got = append(got, it.Source.URL)
		}
		return nil
	}
	if r := watch.Poll(ctx, feed, watch.Options{State: s}, ingest); r.Err != nil || r.New != 2 {
		t.Fatalf("first poll: %+v", r)
	}
	s.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r := watch.Poll(ctx, feed, watch.Options{State: s}, ingest); r.Err != nil || r.New != 0 || r.Items != 2 {
		t.Fatalf("poll after reopen: %+v", r)
	}
	if ifNoneMatch != `"v1"` {
		t.Errorf("If-None-Match after reopen: %q", ifNoneMatch)
	}
	if len(got) != 2 {
		t.Errorf("ingested %v", got)
	}
}
