package source

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/faultline-news/faultline"
)

// isURL reports whether an input names an http(s) URL.
func isURL(s string) bool {
	lower := strings.ToLower(s)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// siteOf returns the host name of an absolute URL, lower-cased and without
// port, or "" when raw is not an absolute URL.
func siteOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// fetchError is an HTTP exchange that did not give a usable body.
type fetchError struct {
	code   string
	reason string
	err    error
}

func (e *fetchError) Error() string { return e.reason }
func (e *fetchError) Unwrap() error { return e.err }

// get starts a GET request for rawURL and returns the response when its
// status is 2xx. The caller closes the body.
func (r *reader) get(ctx context.Context, rawURL string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, &fetchError{code: faultline.EINVALID, reason: "bad URL: " + err.Error(), err: err}
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
	resp, err := r.client.Do(req)
	if err != nil {
		reason := err.Error()
		var uerr *url.Error
		if errors.As(err, &uerr) {
			reason = uerr.Err.Error()
			if uerr.Timeout() {
				reason = "timed out: " + reason
			}
		}
		return nil, &fetchError{code: faultline.EUNAVAILABLE, reason: reason, err: err}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		resp.Body.Close()
		code := faultline.EUNAVAILABLE
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone {
			code = faultline.ENOTFOUND
		}
		return nil, &fetchError{code: code, reason: "HTTP " + resp.Status}
	}
	return resp, nil
}

// failFetch emits the error item for a URL that could not be fetched.
func (r *reader) failFetch(ctx context.Context, name string, src faultline.Source, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	code := faultline.EUNAVAILABLE
	var ferr *fetchError
	if errors.As(err, &ferr) {
		code = ferr.code
	}
	return r.fail(name, src, code, "%s: cannot fetch: %w; check the address or your network", name, err)
}

// readURL fetches one URL and reads the body like a file, choosing the
// format from the bytes and the Content-Type.
func (r *reader) readURL(ctx context.Context, rawURL string) error {
	r.stats.Inputs++
	src := faultline.Source{URL: rawURL, Site: siteOf(rawURL)}
	resp, err := r.get(ctx, rawURL)
	if err != nil {
		return r.failFetch(ctx, rawURL, src, err)
	}
	defer resp.Body.Close()
	if final := resp.Request.URL.String(); final != "" {
		src.URL = final
		src.Site = siteOf(final)
	}
	size := int64(-1)
	if resp.ContentLength >= 0 && !resp.Uncompressed {
		size = resp.ContentLength
	}
	in := input{
		name:        rawURL,
		src:         src,
		r:           bufio.NewReaderSize(ctxReader{ctx, resp.Body}, sniffLen),
		size:        size,
		contentType: resp.Header.Get("Content-Type"),
	}
	return r.readStream(ctx, in)
}

// fetchPage downloads the page behind a feed item's link. It returns the
// page as UTF-8 HTML and the URL it was finally served from.
func (r *reader) fetchPage(ctx context.Context, link string) (data []byte, final string, err error) {
	resp, err := r.get(ctx, link)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	final = resp.Request.URL.String()
	data, over, err := readLimited(ctxReader{ctx, resp.Body}, r.max)
	if err != nil {
		return nil, "", &fetchError{code: faultline.EUNAVAILABLE, reason: "reading the body failed: " + err.Error(), err: err}
	}
	if over {
		return nil, "", &fetchError{code: faultline.EINVALID, reason: fmt.Sprintf("page is over the %s limit for one document", formatSize(r.max))}
	}
	switch sniff(data[:min(len(data), sniffLen)], link, resp.Header.Get("Content-Type")) {
	case formatHTML, formatText:
	default:
		return nil, "", &fetchError{code: faultline.EINVALID, reason: "the link does not lead to an HTML page"}
	}
	return htmlToUTF8(data, resp.Header.Get("Content-Type")), final, nil
}
