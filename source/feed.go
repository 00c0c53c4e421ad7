package source

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/mmcdole/gofeed"
)

// parseFeed parses an RSS, Atom or JSON feed, turning a panic inside the
// parser into an error.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("feed parser failed: %v", p)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

// readFeed reads a whole feed (bounded by MaxBytes) and emits one item per
// feed entry.
func (r *reader) readFeed(ctx context.Context, in input) error {
	if in.size > r.max {
		return r.failTooBig(in.name, in.src, in.size, "feed")
	}
	data, over, err := readLimited(in.r, r.max)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return r.failRead(in, err)
	}
	if over {
		return r.failTooBig(in.name, in.src, in.size, "feed")
	}
	feed, err := parseFeed(data)
	if err != nil {
		return r.fail(in.name, in.src, faultline.EINVALID, "%s: broken feed: %w; fix the feed or save its articles as HTML files", in.name, err)
	}
	if len(feed.Items) == 0 {
		return r.fail(in.name, in.src, faultline.EINVALID, "%s: feed has no items; nothing to read", in.name)
	}
	feedRef := in.src.URL
	if feedRef == "" {
		feedRef = in.src.Path
	}
	if feedRef == "" {
		feedRef = in.name
	}
	base := feedBase(in.src.URL, feed.Link)
	for i, entry := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if entry == nil {
			continue
		}
		if err := r.emitFeedEntry(ctx, in, feedRef, base, i+1, entry); err != nil {
			return err
		}
	}
	return nil
}

// feedBase is the URL relative item links resolve against: the feed's own
// URL when it was fetched, else the site link the feed states.
func feedBase(fetchedFrom, stated string) *url.URL {
	for _, raw := range []string{fetchedFrom, stated} {
		if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.IsAbs() {
			return u
		}
	}
	return nil
}

func (r *reader) emitFeedEntry(ctx context.Context, in input, feedRef string, base *url.URL, n int, entry *gofeed.Item) error {
	link := strings.TrimSpace(entry.Link)
	if link == "" && len(entry.Links) > 0 {
		link = strings.TrimSpace(entry.Links[0])
	}
	if link != "" && base != nil {
		if u, err := base.Parse(link); err == nil {
			link = u.String()
		}
	}
	src := faultline.Source{URL: link, Site: siteOf(link), Feed: feedRef, Path: in.src.Path}
	name := link
	if name == "" {
		name = fmt.Sprintf("%s#%d", feedRef, n)
	}
	item := Item{
		Name:      name,
		Source:    src,
		Title:     strings.TrimSpace(entry.Title),
		Published: feedDate(entry),
	}

	body := strings.TrimSpace(entry.Content)
	kind := KindHTML
	if body == "" {
		body = strings.TrimSpace(entry.Description)
		if !looksLikeHTML(body) {
			kind = KindRecordText
		}
	}
	body = strings.ToValidUTF8(body, "\uFFFD")

	if r.opts.FollowLinks && isURL(link) {
		page, final, err := r.fetchPage(ctx, link)
		if err == nil {
			item.Kind = KindHTML
			item.Data = page
			item.Source.URL = final
			item.Source.Site = siteOf(final)
			return r.emit(item)
		}
		if err := r.failFetch(ctx, link, src, err); err != nil {
			return err
		}
		// Fall back to what the feed itself carries, if anything.
	}
	if body == "" {
		if r.opts.FollowLinks {
			return nil // the failed fetch was reported just above
		}
		return r.fail(name, src, faultline.EINVALID, "%s: feed item %d of %s has no content; pass --follow-links to fetch its page", name, n, feedRef)
	}
	item.Kind = kind
	if kind == KindHTML {
		item.Data = wrapFragment(body)
	} else {
		item.Data = []byte(body)
	}
	return r.emit(item)
}

// feedDate returns an entry's publication date as RFC 3339, falling back
// to its update date, or the date text as given when it could not be
// parsed.
func feedDate(entry *gofeed.Item) string {
	for _, d := range []struct {
		text   string
		parsed *time.Time
	}{{entry.Published, entry.PublishedParsed}, {entry.Updated, entry.UpdatedParsed}} {
		text := strings.TrimSpace(d.text)
		if text == "" && d.parsed == nil {
			continue
		}
		// Keep the offset the feed states; the parser moves times to UTC.
		for _, layout := range []string{time.RFC3339, time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"} {
			if t, err := time.Parse(layout, text); err == nil {
				return t.Format(time.RFC3339)
			}
		}
		if d.parsed != nil {
			return d.parsed.Format(time.RFC3339)
		}
		return text
	}
	return ""
}

// looksLikeHTML reports whether a feed text field holds markup.
func looksLikeHTML(s string) bool {
	lower := strings.ToLower(s)
	for _, tag := range []string{"<p", "<br", "<div", "<a ", "<img", "<span", "<em>", "<strong", "<b>", "<i>", "<ul", "<ol", "<li", "<h1", "<h2", "<h3", "<blockquote", "<table", "<figure", "&lt;", "&amp;", "&quot;", "&#"} {
		if strings.Contains(lower, tag) {
			return true
		}
	}
	return false
}

// wrapFragment turns a feed's HTML fragment into a minimal UTF-8 document,
// leaving whole documents alone.
func wrapFragment(fragment string) []byte {
	if containsHTMLMarkup([]byte(fragment)) {
		return htmlToUTF8([]byte(fragment), "")
	}
	var b bytes.Buffer
	b.Grow(len(fragment) + 100)
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body><article>\n")
	b.WriteString(fragment)
	b.WriteString("\n</article></body></html>\n")
	return b.Bytes()
}
