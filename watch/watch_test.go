package watch

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/source"
)

// feedServer serves an RSS feed of the current entries, with an ETag and
// Last-Modified, answering 304 to matching conditional requests, and an
// HTML page per entry. It counts requests per path.
type feedServer struct {
	mu       sync.Mutex
	entries  []int // entry numbers, newest first
	version  int
	fail     int // answer this many next feed requests with 500
	hits     map[string]int
	lastReq  http.Header
	srv      *httptest.Server
	hangFeed chan struct{} // when set, feed requests wait on it
}

func newFeedServer(t *testing.T, entries ...int) *feedServer {
	fs := &feedServer{entries: entries, hits: map[string]int{}}
	fs.srv = httptest.NewServer(http.HandlerFunc(fs.serve))
	t.Cleanup(fs.srv.Close)
	return fs
}

func (fs *feedServer) serve(w http.ResponseWriter, r *http.Request) {
	fs.mu.Lock()
	fs.hits[r.URL.Path]++
	hang := fs.hangFeed
	fs.mu.Unlock()
	if r.URL.Path != "/feed.xml" {
		fmt.Fprintf(w, "<!DOCTYPE html><html><head><title>Page %s</title></head><body><article><h1>Page %s</h1><p>%s</p></article></body></html>",
			r.URL.Path, r.URL.Path, strings.Repeat("The ministers met in Geneva and agreed to talk again. ", 8))
		return
	}
	if hang != nil {
		select {
		case <-hang:
		case <-r.Context().Done():
			return
		}
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.lastReq = r.Header.Clone()
	if fs.fail > 0 {
		fs.fail--
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	etag := fmt.Sprintf(`"v%d"`, fs.version)
	modified := time.Date(2026, 1, 1, 0, 0, fs.version, 0, time.UTC).Format(http.TimeFormat)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", modified)
	w.Header().Set("Content-Type", "application/rss+xml")
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title><link>` + fs.srv.URL + `/</link>`)
	for _, n := range fs.entries {
		fmt.Fprintf(&b, `<item><title>Story %d</title><link>%s/story/%d</link><guid>story-%d</guid><pubDate>Mon, 05 Jan 2026 10:00:00 +0000</pubDate><description>&lt;p&gt;Story %d text about talks in Geneva.&lt;/p&gt;</description></item>`,
			n, fs.srv.URL, n, n, n)
	}
	b.WriteString(`</channel></rss>`)
	w.Write([]byte(b.String()))
}

func (fs *feedServer) set(f func(fs *feedServer)) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f(fs)
}

func (fs *feedServer) count(path string) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.hits[path]
}

// collector is an ingest function that records the items it gets.
type collector struct {
	mu    sync.Mutex
	items []source.Item
	calls int
	fail  error
}

func (c *collector) ingest(_ context.Context, items []source.Item) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	if c.fail != nil {
		return c.fail
	}
	c.items = append(c.items, items...)
	return nil
}

func (c *collector) urls() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, it := range c.items {
		out = append(out, it.Source.URL)
	}
	return out
}

func TestPollConditionalGetAndNoRefetch(t *testing.T) {
	ctx := context.Background()
	for _, follow := range []bool{false, true} {
		t.Run(fmt.Sprintf("follow=%v", follow), func(t *testing.T) {
			fs := newFeedServer(t, 2, 1)
			feed := fs.srv.URL + "/feed.xml"
			opts := Options{State: NewMemoryState(), Source: source.Options{FollowLinks: follow}}
			var c collector

			steps := []struct {
				name        string
				change      func(*feedServer)
				notModified bool
				newItems    int
			}{
				{"first poll takes all", nil, false, 2},
				{"unchanged feed answers 304", nil, true, 0},
				{"new entry: only it", func(fs *feedServer) { fs.entries = []int{3, 2, 1}; fs.version++ }, false, 1},
				{"same entries under a new ETag: nothing new", func(fs *feedServer) { fs.version++ }, false, 0},
			}
			for _, st := range steps {
				if st.change != nil {
					fs.set(st.change)
				}
				r := Poll(ctx, feed, opts, c.ingest)
				if r.Err != nil {
					t.Fatalf("%s: %v", st.name, r.Err)
				}
				if r.NotModified != st.notModified || r.New != st.newItems {
					t.Errorf("%s: NotModified %v New %d, want %v %d", st.name, r.NotModified, r.New, st.notModified, st.newItems)
				}
			}
			fs.mu.Lock()
			inm, ims := fs.lastReq.Get("If-None-Match"), fs.lastReq.Get("If-Modified-Since")
			fs.mu.Unlock()
			if inm == "" || ims == "" {
				t.Errorf("conditional headers not sent: If-None-Match %q If-Modified-Since %q", inm, ims)
			}
			got := c.urls()
			want := []string{fs.srv.URL + "/story/2", fs.srv.URL + "/story/1", fs.srv.URL + "/story/3"}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("ingested %v, want %v", got, want)
			}
			for _, it := range c.items {
				if it.Err != nil || it.Source.Feed != feed || len(it.Data) == 0 {
					t.Errorf("item %s: err %v feed %q data %d bytes", it.Name, it.Err, it.Source.Feed, len(it.Data))
				}
				if follow && it.Kind != source.KindHTML {
					t.Errorf("item %s: kind %s", it.Name, it.Kind)
				}
			}
			for _, n := range []int{1, 2, 3} {
				wantHits := 0
				if follow {
					wantHits = 1
				}
				if h := fs.count(fmt.Sprintf("/story/%d", n)); h != wantHits {
					t.Errorf("/story/%d fetched %d times, want %d", n, h, wantHits)
				}
			}
		})
	}
}

func TestPollFailuresAndIngestErrors(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t, 1)
	feed := fs.srv.URL + "/feed.xml"
	state := NewMemoryState()
	opts := Options{State: state}
	var c collector

	fs.set(func(fs *feedServer) { fs.fail = 2 })
	for i := 1; i <= 2; i++ {
		r := Poll(ctx, feed, opts, c.ingest)
		if faultline.ErrorCode(r.Err) != faultline.EUNAVAILABLE {
			t.Fatalf("poll %d: %v, want EUNAVAILABLE", i, r.Err)
		}
		st, _ := state.FeedState(ctx, feed)
		if st.Failures != i || st.LastError == "" {
			t.Errorf("after failure %d: %+v", i, st)
		}
	}
	// The ingest fails: nothing is marked seen, the validators are not kept.
	c.fail = errors.New("disk full")
	if r := Poll(ctx, feed, opts, c.ingest); r.Err == nil || !strings.Contains(r.Err.Error(), "disk full") {
		t.Fatalf("poll with failing ingest: %v", r.Err)
	}
	if st, _ := state.FeedState(ctx, feed); st.ETag != "" || st.Failures != 3 {
		t.Errorf("after failed ingest: %+v", st)
	}
	c.fail = nil
	if r := Poll(ctx, feed, opts, c.ingest); r.Err != nil || r.New != 1 {
		t.Fatalf("recovery poll: %+v", r)
	}
	if st, _ := state.FeedState(ctx, feed); st.Failures != 0 || st.LastError != "" || st.ETag == "" {
		t.Errorf("after success: %+v", st)
	}
}

func TestPollRejects(t *testing.T) {
	ctx := context.Background()
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><body><p>not a feed</p></body></html>")
	}))
	defer page.Close()
	var c collector
	for _, tt := range []struct {
		feed, code string
	}{
		{"ftp://example.org/feed", faultline.EINVALID},
		{"not a url", faultline.EINVALID},
		{page.URL + "/", faultline.EINVALID},
	} {
		if r := Poll(ctx, tt.feed, Options{}, c.ingest); faultline.ErrorCode(r.Err) != tt.code {
			t.Errorf("Poll(%q): %v, want %s", tt.feed, r.Err, tt.code)
		}
	}
}

func TestNextDelay(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	every := time.Minute
	tests := []struct {
		failures int
		max      time.Duration
		lo, hi   time.Duration
	}{
		{0, 0, 54 * time.Second, 66 * time.Second},
		{1, 0, 30 * time.Second, time.Minute},
		{2, 0, time.Minute, 2 * time.Minute},
		{5, 0, 8 * time.Minute, 16 * time.Minute},
		{30, 0, DefaultMaxBackoff / 2, DefaultMaxBackoff},
		{30, 10 * time.Minute, 5 * time.Minute, 10 * time.Minute},
	}
	for _, tt := range tests {
		for range 200 {
			if d := nextDelay(every, tt.failures, tt.max, rng); d < tt.lo || d > tt.hi {
				t.Fatalf("nextDelay(%v, %d, %v) = %v, want within [%v, %v]", every, tt.failures, tt.max, d, tt.lo, tt.hi)
			}
		}
	}
}

func TestWatchBacksOffAndRecovers(t *testing.T) {
	fs := newFeedServer(t, 1, 2)
	fs.set(func(fs *feedServer) { fs.fail = 3 })
	feed := fs.srv.URL + "/feed.xml"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var results []PollResult
	var c collector
	opts := Options{Report: func(r PollResult) {
		mu.Lock()
		results = append(results, r)
		n := len(results)
		mu.Unlock()
		if n == 5 {
			cancel()
		}
	}}
	done := make(chan error, 1)
	go func() { done <- Watch(ctx, []string{feed}, 5*time.Millisecond, opts, c.ingest) }()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Watch: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Watch did not stop")
	}
	mu.Lock()
	defer mu.Unlock()
	// Three failures with growing waits (drawn in [d/2, d] for d = 5, 10,
	// 20 ms), then a success with all items, then a 304.
	for i, r := range results[:3] {
		if r.Err == nil {
			t.Fatalf("poll %d: no error", i)
		}
		hi := 5 * time.Millisecond << i
		if r.Next < hi/2 || r.Next > hi {
			t.Errorf("poll %d: next wait %v, want within [%v, %v]", i, r.Next, hi/2, hi)
		}
	}
	if r := results[3]; r.Err != nil || r.New != 2 {
		t.Errorf("poll 3: %+v", r)
	}
	if r := results[4]; r.Err != nil || !r.NotModified {
		t.Errorf("poll 4: %+v", r)
	}
}

func TestWatchCancelDuringFetch(t *testing.T) {
	fs := newFeedServer(t, 1)
	hang := make(chan struct{})
	defer close(hang)
	fs.set(func(fs *feedServer) { fs.hangFeed = hang })
	ctx, cancel := context.WithCancel(context.Background())
	var c collector
	done := make(chan error, 1)
	go func() { done <- Watch(ctx, []string{fs.srv.URL + "/feed.xml"}, time.Hour, Options{}, c.ingest) }()
	for fs.count("/feed.xml") == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Watch: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Watch did not return after cancellation")
	}
	if c.calls != 0 {
		t.Errorf("ingest called %d times", c.calls)
	}
}

func TestWatchRejects(t *testing.T) {
	var c collector
	for _, tt := range []struct {
		feeds []string
		every time.Duration
	}{
		{nil, time.Minute}, {[]string{"http://example.org/feed"}, 0}, {[]string{"file:///etc/passwd"}, time.Minute},
	} {
		if err := Watch(context.Background(), tt.feeds, tt.every, Options{}, c.ingest); faultline.ErrorCode(err) != faultline.EINVALID {
			t.Errorf("Watch(%v, %v): %v, want EINVALID", tt.feeds, tt.every, err)
		}
	}
}

// A feed that never answers is given up after the client's timeout, the
// poll fails as unavailable (to be retried with backoff), and the next
// poll of the recovered feed works.
func TestPollTimesOutOnAHungFeed(t *testing.T) {
	ctx := context.Background()
	fs := newFeedServer(t, 1, 2)
	hang := make(chan struct{})
	fs.set(func(fs *feedServer) { fs.hangFeed = hang })
	feed := fs.srv.URL + "/feed.xml"
	state := NewMemoryState()
	opts := Options{State: state, Source: source.Options{Timeout: 200 * time.Millisecond}}
	var c collector
	r := Poll(ctx, feed, opts, c.ingest)
	if faultline.ErrorCode(r.Err) != faultline.EUNAVAILABLE || !strings.Contains(r.Err.Error(), "backoff") {
		t.Fatalf("hung feed: %v, want EUNAVAILABLE and a retry with backoff", r.Err)
	}
	if st, _ := state.FeedState(ctx, feed); st.Failures != 1 {
		t.Errorf("after the timeout: %+v", st)
	}
	fs.set(func(fs *feedServer) { fs.hangFeed = nil })
	close(hang)
	if r := Poll(ctx, feed, opts, c.ingest); r.Err != nil || r.New != 2 {
		t.Fatalf("after recovery: %+v", r)
	}
}
