package extract

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/source"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// minMainTextRunes is the main-text length under which trafilatura's result
// is considered a miss and readeck's readability is tried instead.
const minMainTextRunes = 200

// maxHTMLBytes bounds the page size handed to the HTML parsers; larger
// inputs are refused rather than risking minutes of work on one item.
const maxHTMLBytes = 20 << 20

// trafilaturaOptions are the settings measured best on the Zyte benchmark
// (see eval.Extraction): fallback candidates on, comments left out, the
// balanced focus (Zyte F1 with the rest of this package: balanced 0.9635,
// FavorPrecision 0.9582, FavorRecall 0.9548; Deduplicate changed nothing).
func trafilaturaOptions(pageURL *url.URL) trafilatura.Options {
	return trafilatura.Options{
		OriginalURL:     pageURL,
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
	}
}

func fromHTML(it source.Item) (article, error) {
	if len(it.Data) > maxHTMLBytes {
		return article{}, itemError(it, "page is %d bytes, over the %d-byte limit; split or trim it", len(it.Data), maxHTMLBytes)
	}
	root, err := parseHTML(it.Data)
	if err != nil {
		return article{}, faultline.Errorf(faultline.EINVALID, "extract %s: cannot parse HTML: %w; check that the file is a web page", it.Name, err)
	}
	pageURL := itemURL(it)

	// readeck's readability (a closer port of Readability.js than the
	// go-shiori one trafilatura bundles) serves both as trafilatura's
	// fallback candidate and as the last resort below: with it as the
	// candidate, Zyte F1 went from 0.9635 to 0.9687.
	var rdb readability.Article
	parser := readability.NewParser()
	if art, err := parser.ParseDocument(root, pageURL); err == nil {
		rdb = art
	}
	topts := trafilaturaOptions(pageURL)
	if rdb.Node != nil {
		topts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: rdb.Node}
	}

	var a article
	var paras []string
	res, terr := trafilatura.ExtractDocument(root, topts)
	if terr == nil && res != nil {
		a.title = cleanSpaces(res.Metadata.Title)
		a.site = cleanSpaces(res.Metadata.Sitename)
		if a.site == "" {
			a.site = res.Metadata.Hostname
		}
		if !res.Metadata.Date.IsZero() {
			a.metaDate = res.Metadata.Date
		}
		paras = nodeParagraphs(res.ContentNode)
	}
	if runeLen(paras) < minMainTextRunes {
		if rp := nodeParagraphs(rdb.Node); runeLen(rp) > runeLen(paras) {
			paras = rp
			if a.title == "" {
				a.title = cleanSpaces(rdb.Title())
			}
			if a.site == "" {
				a.site = cleanSpaces(rdb.SiteName())
			}
		}
	}
	if len(paras) == 0 {
		msg := "no main text found"
		if terr != nil {
			msg += " (" + terr.Error() + ")"
		}
		return article{}, itemError(it, "%s; the page may be an index, a paywall or script-rendered", msg)
	}
	if a.metaDate.IsZero() && rdb.Node != nil {
		if t, err := rdb.PublishedTime(); err == nil && !t.IsZero() {
			a.metaDate = t
		}
	}
	if a.site == "" && pageURL != nil {
		a.site = pageURL.Hostname()
	}

	host := ""
	if pageURL != nil {
		host = pageURL.Hostname()
	} else if res != nil {
		host = res.Metadata.Hostname
	}
	a.title = tidyTitle(a.title, a.site, host, paras)
	paras = dropLeadingTitle(paras, a.title, &a.removed)
	c := clean(paras)
	a.text = strings.Join(c.paragraphs, "\n\n")
	a.removed = append(a.removed, c.removed...)
	a.textDate = c.date
	return a, nil
}

// parseHTML decodes the page's charset and parses it. A byte-order mark
// wins; then text that is valid UTF-8 with non-ASCII bytes is read as
// UTF-8 whatever its <meta> says (legacy encodings are almost never valid
// UTF-8, while mislabelled UTF-8 pages are common); else the <meta>
// declaration, else windows-1252, as browsers do.
func parseHTML(data []byte) (*html.Node, error) {
	if enc, _, certain := charset.DetermineEncoding(data, ""); certain {
		return html.Parse(transform.NewReader(bytes.NewReader(data), enc.NewDecoder()))
	}
	if utf8.Valid(data) {
		return html.Parse(bytes.NewReader(data))
	}
	enc, _, _ := charset.DetermineEncoding(data, "")
	// DetermineEncoding reads only the first 1024 bytes; pages that open
	// with long scripts declare their charset further down.
	head := data[:min(len(data), 64<<10)]
	if m := metaCharsetRe.FindSubmatch(head); m != nil {
		if e, _ := charset.Lookup(string(m[1])); e != nil {
			enc = e
		}
	}
	return html.Parse(transform.NewReader(bytes.NewReader(data), enc.NewDecoder()))
}

// metaCharsetRe finds <meta charset="x"> or <meta http-equiv=... content="...; charset=x">.
var metaCharsetRe = regexp.MustCompile(`(?i)<meta\s[^>]*charset\s*=\s*["']?([a-z0-9_.:-]+)`)

func itemURL(it source.Item) *url.URL {
	raw := it.Source.URL
	if raw == "" && (strings.HasPrefix(it.Name, "http://") || strings.HasPrefix(it.Name, "https://")) {
		raw = it.Name
	}
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

// dropLeadingTitle removes the headline when the extractor kept it as the
// first paragraph: it is already Document.Title.
func dropLeadingTitle(paras []string, title string, removed *[]faultline.Removed) []string {
	if title == "" || len(paras) == 0 {
		return paras
	}
	key := normalizeForID(title)
	for i := 0; i < len(paras) && i < 2; i++ {
		if normalizeForID(paras[i]) == key {
			*removed = append(*removed, faultline.Removed{Kind: faultline.RemovedDuplicateParagraph, Text: paras[i]})
			return append(paras[:i:i], paras[i+1:]...)
		}
	}
	return paras
}

func runeLen(paras []string) int {
	n := 0
	for _, p := range paras {
		n += utf8.RuneCountInString(p)
	}
	return n
}

// blockTags start and end a paragraph; everything else is inline.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true,
	"header": true, "footer": true, "aside": true, "nav": true, "body": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "pre": true, "figure": true, "figcaption": true,
	"table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true,
	"caption": true, "hr": true, "br": true, "address": true, "details": true,
	"summary": true, "form": true, "fieldset": true, "center": true,
	// go-trafilatura's internal names, should any survive conversion.
	"head": true, "list": true, "item": true, "quote": true, "lb": true,
	"row": true,
}

// skipTags hold no readable text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "iframe": true, "object": true, "select": true,
	"button": true, "textarea": true,
}

// nodeParagraphs flattens an extracted content tree into paragraphs: each
// block element (paragraph, heading, list item, quote, table row, line
// break) ends the current paragraph; whitespace inside one is collapsed.
func nodeParagraphs(n *html.Node) []string {
	if n == nil {
		return nil
	}
	var w paragraphWriter
	w.walk(n)
	w.flush()
	return w.paras
}

type paragraphWriter struct {
	paras []string
	cur   strings.Builder
}

func (w *paragraphWriter) flush() {
	if p := cleanSpaces(w.cur.String()); p != "" {
		w.paras = append(w.paras, p)
	}
	w.cur.Reset()
}

func (w *paragraphWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		tag := strings.ToLower(n.Data)
		if skipTags[tag] {
			return
		}
		block := blockTags[tag]
		if block {
			w.flush()
		}
		if tag == "td" || tag == "th" || tag == "cell" {
			w.cur.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		if block {
			w.flush()
		} else if tag == "td" || tag == "th" || tag == "cell" || tag == "img" {
			w.cur.WriteByte(' ')
		}
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
	}
}

// cleanSpaces collapses whitespace runs (including no-break spaces) to one
// space, drops soft hyphens and zero-width characters, and trims.
func cleanSpaces(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff':
			continue
		case r == utf8.RuneError:
			continue
		case isSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2007', '\u202f', '\u2028', '\u2029', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// titleSeparators split a page title into the headline and the site name
// ("Headline | Site", "Site - Headline").
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " › ", " » ", " :: ", " // "}

// tidyTitle drops the site name from a page title: when a part of the
// title is the first or second extracted paragraph (the page's headline),
// that part is the title; otherwise parts naming the site or host go.
func tidyTitle(title, site, host string, paras []string) string {
	var parts []string
	for _, sep := range titleSeparators {
		if strings.Contains(title, sep) {
			parts = strings.Split(title, sep)
			break
		}
	}
	if len(parts) < 2 {
		return title
	}
	for i := 0; i < len(paras) && i < 2; i++ {
		key := normalizeForID(paras[i])
		for _, p := range parts {
			if normalizeForID(p) == key {
				return strings.TrimSpace(p)
			}
		}
	}
	siteKey := normalizeForID(site)
	hostKey := strings.TrimPrefix(strings.ToLower(host), "www.")
	var kept []string
	for _, p := range parts {
		k := normalizeForID(p)
		if k == "" || (siteKey != "" && k == siteKey) || (hostKey != "" && (k == hostKey || strings.TrimPrefix(k, "www.") == hostKey)) {
			continue
		}
		kept = append(kept, strings.TrimSpace(p))
	}
	if len(kept) == 0 || len(kept) == len(parts) {
		return title
	}
	return strings.Join(kept, separatorIn(title))
}

// separatorIn returns the first title separator found in title.
func separatorIn(title string) string {
	for _, sep := range titleSeparators {
		if strings.Contains(title, sep) {
			return sep
		}
	}
	return " "
}
