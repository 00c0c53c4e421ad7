// Package watch polls RSS, Atom and JSON feeds politely and hands the new
// items to an ingest function: conditional GET (ETag, Last-Modified),
// timeouts, per-feed exponential backoff with jitter on errors, and a
// memory of the items already handed over so that nothing is fetched twice.
// The memory lives behind the State interface, which the store implements
// (package sqlite), so it survives restarts.
package watch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/source"
	"github.com/mmcdole/gofeed"
)

// FeedState is what is remembered of one feed between polls.
type FeedState struct {
	URL string
	// ETag and LastModified are the validators of the last full response,
	// sent back as If-None-Match and If-Modified-Since.
	ETag, LastModified string
	// LastPolled is when the feed was last polled, successfully or not.
	LastPolled time.Time
	// LastError is the message of the last failed poll, "" after a success.
	LastError string
	// Failures counts consecutive failed polls; it sets the backoff.
	Failures int
}

// State remembers feeds and the items already ingested from them.
// Implementations must be safe for concurrent use.
type State interface {
	// FeedState returns what is known of the feed, or a FeedState with
	// only URL set for a feed never polled.
	FeedState(ctx context.Context, feed string) (FeedState, error)
	SetFeedState(ctx context.Context, st FeedState) error
	// SeenItems returns which of keys were marked seen for feed.
	SeenItems(ctx context.Context, feed string, keys []string) (map[string]bool, error)
	MarkItemsSeen(ctx context.Context, feed string, keys []string) error
}

// Options configures Watch and Poll. The zero value is ready to use.
type Options struct {
	// Source configures fetching and parsing: HTTPClient (or
	// ConnectTimeout and Timeout), UserAgent, MaxBytes, and FollowLinks
	// to fetch each new item's page instead of the feed's own content.
	Source source.Options
	// State remembers validators and seen items; nil keeps them in memory
	// for the life of the call.
	State State
	// MaxBackoff caps the wait after repeated failures; zero means
	// DefaultMaxBackoff.
	MaxBackoff time.Duration
	// Report, when set, is called after every poll (from the feed's
	// goroutine; calls for different feeds may be concurrent).
	Report func(PollResult)
}

// DefaultMaxBackoff is the longest wait between polls of a failing feed.
const DefaultMaxBackoff = 6 * time.Hour

// PollResult says what one poll of a feed did.
type PollResult struct {
	Feed string
	// NotModified is true when the server answered 304.
	NotModified bool
	// Items is the number of entries in the feed, New the number handed
	// to ingest.
	Items, New int
	// Err is why the poll failed; nil on success.
	Err error
	// Next is how long Watch waits before polling the feed again.
	Next time.Duration
}

// Watch polls every feed now and then every interval until ctx is done,
// each feed in its own goroutine, calling ingest with the items not seen
// before (items whose Err is set included, so that the caller can report
// them). A failing poll, or a failing ingest, is retried after an
// exponential backoff with jitter, capped at MaxBackoff; the items of a
// failed ingest are offered again. Watch returns ctx.Err() when ctx is
// done, or an EINVALID error when a feed is not an http(s) URL.
func Watch(ctx context.Context, feeds []string, every time.Duration, opts Options, ingest func(context.Context, []source.Item) error) error {
	if every <= 0 {
		return faultline.Errorf(faultline.EINVALID, "watch: interval %v: give a positive interval, for example 15m", every)
	}
	if len(feeds) == 0 {
		return faultline.Errorf(faultline.EINVALID, "watch: no feed URLs given")
	}
	for _, f := range feeds {
		if err := checkURL(f); err != nil {
			return err
		}
	}
	if opts.State == nil {
		opts.State = NewMemoryState()
	}
	opts.Source.HTTPClient = client(opts.Source)
	var wg sync.WaitGroup
	for _, feed := range feeds {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
			for {
				r := Poll(ctx, feed, opts, ingest)
				failures := 0
				if r.Err != nil {
					if ctx.Err() != nil {
						return
					}
					if st, err := opts.State.FeedState(ctx, feed); err == nil {
						failures = st.Failures
					} else {
						failures = 1
					}
				}
				r.Next = nextDelay(every, failures, opts.MaxBackoff, rng)
				if opts.Report != nil {
					opts.Report(r)
				}
				t := time.NewTimer(r.Next)
				select {
				case <-ctx.Done():
					t.Stop()
					return
				case <-t.C:
				}
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// nextDelay is the wait before the next poll: every after a success, with
// ±10% jitter so that feeds polled together drift apart; after n
// consecutive failures every×2^(n-1), capped at maxBackoff, drawn between
// half and all of it ("equal jitter").
func nextDelay(every time.Duration, failures int, maxBackoff time.Duration, rng *rand.Rand) time.Duration {
	if maxBackoff <= 0 {
		maxBackoff = DefaultMaxBackoff
	}
	if failures <= 0 {
		jitter := time.Duration(rng.Int64N(int64(every)/5+1)) - every/10
		return max(time.Millisecond, every+jitter)
	}
	d := every
	for i := 1; i < failures && d < maxBackoff; i++ {
		d *= 2
	}
	d = min(d, max(maxBackoff, every))
	return d/2 + time.Duration(rng.Int64N(int64(d/2)+1))
}

func checkURL(feed string) error {
	u, err := url.Parse(feed)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return faultline.Errorf(faultline.EINVALID, "watch %q: not an http(s) feed URL; give the address of an RSS, Atom or JSON feed", feed)
	}
	return nil
}

func client(o source.Options) *http.Client {
	if o.HTTPClient != nil {
		return o.HTTPClient
	}
	return source.NewHTTPClient(o.ConnectTimeout, o.Timeout)
}

// Poll polls feed once: a conditional GET, then ingest with the items not
// seen before, then the state updated (validators, failure count, seen
// items). It returns what it did; PollResult.Err is set when the poll or
// the ingest failed, and then no item is marked seen.
func Poll(ctx context.Context, feed string, opts Options, ingest func(context.Context, []source.Item) error) PollResult {
	r := PollResult{Feed: feed}
	if err := checkURL(feed); err != nil {
		r.Err = err
		return r
	}
	if opts.State == nil {
		opts.State = NewMemoryState()
	}
	st, err := opts.State.FeedState(ctx, feed)
	if err != nil {
		r.Err = err
		return r
	}
	st.URL = feed
	st.LastPolled = time.Now().UTC()
	r.Err = poll(ctx, &st, opts, ingest, &r)
	if r.Err != nil {
		st.Failures++
		st.LastError = r.Err.Error()
	} else {
		st.Failures = 0
		st.LastError = ""
	}
	if ctx.Err() == nil {
		if err := opts.State.SetFeedState(ctx, st); err != nil && r.Err == nil {
			r.Err = err
		}
	}
	return r
}

func poll(ctx context.Context, st *FeedState, opts Options, ingest func(context.Context, []source.Item) error, r *PollResult) error {
	body, notModified, etag, lastModified, err := fetch(ctx, st, opts.Source)
	if err != nil {
		return err
	}
	if notModified {
		r.NotModified = true
		return nil
	}
	items, err := parse(ctx, st.URL, body, opts.Source)
	if err != nil {
		return err
	}
	r.Items = len(items)
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = itemKey(it)
	}
	seen, err := opts.State.SeenItems(ctx, st.URL, keys)
	if err != nil {
		return err
	}
	var fresh []source.Item
	var freshKeys []string
	inBatch := map[string]bool{}
	for i, it := range items {
		k := keys[i]
		if seen[k] || inBatch[k] {
			continue
		}
		inBatch[k] = true
		if opts.Source.FollowLinks && it.Source.URL != "" {
			it = followLink(ctx, st.URL, it, opts.Source)
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		fresh = append(fresh, it)
		freshKeys = append(freshKeys, k)
	}
	if len(fresh) > 0 {
		if err := ingest(ctx, fresh); err != nil {
			return fmt.Errorf("watch %s: ingest of %d new items failed: %w", st.URL, len(fresh), err)
		}
	}
	r.New = len(fresh)
	// Items whose page could not be fetched now are tried again next time.
	var done []string
	for i, it := range fresh {
		if it.Err == nil || faultline.ErrorCode(it.Err) != faultline.EUNAVAILABLE {
			done = append(done, freshKeys[i])
		}
	}
	if len(done) > 0 {
		if err := opts.State.MarkItemsSeen(ctx, st.URL, done); err != nil {
			return err
		}
	}
	// Validators are kept only once the items they cover were ingested.
	st.ETag, st.LastModified = etag, lastModified
	return nil
}

// itemKey identifies a feed item across polls: its link, else its title
// and date.
func itemKey(it source.Item) string {
	if it.Source.URL != "" {
		return it.Source.URL
	}
	return "title:" + it.Title + "|" + it.Published
}

// fetch makes the conditional GET. It returns the body of a 200 response,
// or notModified for a 304.
func fetch(ctx context.Context, st *FeedState, o source.Options) (body []byte, notModified bool, etag, lastModified string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, st.URL, nil)
	if err != nil {
		return nil, false, "", "", faultline.Errorf(faultline.EINVALID, "watch %s: bad URL: %w", st.URL, err)
	}
	ua := o.UserAgent
	if ua == "" {
		ua = source.DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
	if st.ETag != "" {
		req.Header.Set("If-None-Match", st.ETag)
	}
	if st.LastModified != "" {
		req.Header.Set("If-Modified-Since", st.LastModified)
	}
	resp, err := client(o).Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, false, "", "", ctx.Err()
		}
		return nil, false, "", "", faultline.Errorf(faultline.EUNAVAILABLE, "watch %s: %w; will retry with backoff", st.URL, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return nil, true, st.ETag, st.LastModified, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		msg := "watch " + st.URL + ": HTTP " + resp.Status
		if ra := resp.Header.Get("Retry-After"); ra != "" {
			if secs, err := strconv.Atoi(strings.TrimSpace(ra)); err == nil {
				msg += fmt.Sprintf(" (retry after %ds)", secs)
			}
		}
		code := faultline.EUNAVAILABLE
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone {
			code = faultline.ENOTFOUND
		}
		return nil, false, "", "", faultline.Errorf(code, "%s; will retry with backoff", msg)
	}
	limit := o.MaxBytes
	if limit <= 0 {
		limit = source.DefaultMaxBytes
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		if ctx.Err() != nil {
			return nil, false, "", "", ctx.Err()
		}
		return nil, false, "", "", faultline.Errorf(faultline.EUNAVAILABLE, "watch %s: reading the response: %w", st.URL, err)
	}
	if int64(len(body)) > limit {
		return nil, false, "", "", faultline.Errorf(faultline.EINVALID, "watch %s: feed larger than %d bytes; raise the size limit", st.URL, limit)
	}
	return body, false, resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), nil
}

// parse turns a feed body into items with package source (as if read
// from standard input), marking each as coming from feed.
func parse(ctx context.Context, feed string, body []byte, o source.Options) ([]source.Item, error) {
	if gofeed.DetectFeedType(bytes.NewReader(body)) == gofeed.FeedTypeUnknown {
		return nil, faultline.Errorf(faultline.EINVALID, "watch %s: the response is not an RSS, Atom or JSON feed; give the feed's URL, not the site's", feed)
	}
	if n, err := countEntries(body); err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "watch %s: broken feed: %w", feed, err)
	} else if n == 0 {
		return nil, nil // an empty feed is not an error
	}
	o.FollowLinks = false
	o.Stdin = bytes.NewReader(body)
	o.Stats = nil
	var items []source.Item
	err := source.Read(ctx, []string{"-"}, o, func(it source.Item) error {
		it.Source.Feed = feed
		if it.Source.Path == "stdin" {
			it.Source.Path = ""
		}
		if strings.HasPrefix(it.Name, "stdin#") {
			it.Name = feed + strings.TrimPrefix(it.Name, "stdin")
		}
		items = append(items, it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A feed that source could not read at all comes back as one error
	// item for the whole input.
	if len(items) == 1 && items[0].Err != nil && items[0].Source.URL == "" && items[0].Title == "" {
		return nil, fmt.Errorf("watch %s: %w", feed, items[0].Err)
	}
	return items, nil
}

// countEntries parses the feed to count its entries, turning a parser
// panic into an error.
func countEntries(body []byte) (n int, err error) {
	defer func() {
		if p := recover(); p != nil {
			n, err = 0, fmt.Errorf("feed parser failed: %v", p)
		}
	}()
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	return len(f.Items), nil
}

// followLink fetches the page behind a feed item. When the page cannot be
// fetched the feed's own content is kept if it has any, else the error
// item is returned.
func followLink(ctx context.Context, feed string, it source.Item, o source.Options) source.Item {
	o.FollowLinks = false
	o.Stats = nil
	var page *source.Item
	source.Read(ctx, []string{it.Source.URL}, o, func(p source.Item) error {
		if page == nil {
			page = &p
		}
		return nil
	})
	if page == nil {
		return it
	}
	if page.Err != nil {
		if it.Err == nil && len(it.Data) > 0 {
			return it
		}
		page.Source.Feed = feed
		return *page
	}
	p := *page
	p.Source.Feed = feed
	if p.Title == "" {
		p.Title = it.Title
	}
	if p.Published == "" {
		p.Published = it.Published
	}
	return p
}

// MemoryState is a State kept in memory.
type MemoryState struct {
	mu    sync.Mutex
	feeds map[string]FeedState
	seen  map[string]map[string]bool
}

// NewMemoryState returns an empty in-memory State.
func NewMemoryState() *MemoryState {
	return &MemoryState{feeds: map[string]FeedState{}, seen: map[string]map[string]bool{}}
}

func (m *MemoryState) FeedState(_ context.Context, feed string) (FeedState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.feeds[feed]
	if !ok {
		st.URL = feed
	}
	return st, nil
}

func (m *MemoryState) SetFeedState(_ context.Context, st FeedState) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feeds[st.URL] = st
	return nil
}

func (m *MemoryState) SeenItems(_ context.Context, feed string, keys []string) (map[string]bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]bool{}
	for _, k := range keys {
		if m.seen[feed][k] {
			out[k] = true
		}
	}
	return out, nil
}

func (m *MemoryState) MarkItemsSeen(_ context.Context, feed string, keys []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen[feed] == nil {
		m.seen[feed] = map[string]bool{}
	}
	for _, k := range keys {
		m.seen[feed][k] = true
	}
	return nil
}

var _ State = (*MemoryState)(nil)
