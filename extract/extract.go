// Package extract turns a raw source.Item (a web page, scraped plain text or
// a structured record) into a faultline.Document: the main text split into
// paragraphs, the title, the publication date with its provenance, the
// language, and the list of pieces removed as boilerplate.
//
// HTML pages go through go-trafilatura (with go-readability as its fallback
// candidate, and readeck's go-readability as a last resort when trafilatura
// finds too little); plain text is split into paragraphs and its title line
// recognised. Both are then cleaned by the same rules: trailing "popular
// posts" blocks, related-post lists, share prompts, repeated paragraphs,
// bylines and datelines are removed and listed in Document.Removed.
package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime/debug"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/source"
)

// Options tunes Extract.
type Options struct {
	// Date, when non-zero, overrides every other publication date
	// (the CLI's --date flag); PublishedFrom is then "override".
	Date time.Time
	// Now is the reference time used when no publication date is known,
	// and the upper bound for dates read from the text. Zero means the
	// wall clock is not consulted: Reference stays zero when nothing is
	// known and text dates are not bounded.
	Now time.Time
}

// minLanguageRunes is the text length below which the language is not
// guessed: trigram statistics on a few words are noise.
const minLanguageRunes = 40

// Extract reads one item and returns its Document, normalised (every list
// layer non-nil). A failed item (it.Err set), an empty item, an unknown kind
// or a page without main text gives a *faultline.Error naming it.Name.
// Panics inside the HTML libraries are recovered and reported as an
// EINTERNAL error for that item.
func Extract(ctx context.Context, it source.Item, opts Options) (doc *faultline.Document, err error) {
	if it.Err != nil {
		return nil, it.Err
	}
	if err := ctx.Err(); err != nil {
		return nil, faultline.Errorf(faultline.EUNAVAILABLE, "extract %s: cancelled: %w", it.Name, err)
	}
	defer func() {
		if r := recover(); r != nil {
			doc = nil
			err = &faultline.Error{
				Code:    faultline.EINTERNAL,
				Message: fmt.Sprintf("extract %s: the extractor crashed (%v); the item was skipped, please report it with the input attached", it.Name, r),
				Err:     fmt.Errorf("panic: %v\n%s", r, debug.Stack()),
			}
		}
	}()

	var a article
	switch it.Kind {
	case source.KindHTML:
		a, err = fromHTML(it)
	case source.KindText:
		a, err = fromText(it)
	case source.KindRecordText:
		a = fromRecord(it)
	default:
		return nil, faultline.Errorf(faultline.EINVALID,
			"extract %s: unknown item kind %q; expected %q, %q or %q",
			it.Name, it.Kind, source.KindHTML, source.KindText, source.KindRecordText)
	}
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, faultline.Errorf(faultline.EUNAVAILABLE, "extract %s: cancelled: %w", it.Name, err)
	}
	if strings.TrimSpace(a.text) == "" {
		return nil, faultline.Errorf(faultline.EINVALID,
			"extract %s: no article text found; check that the input is an article page or text, not an index page or an empty file",
			it.Name)
	}

	// A title the container states (feed item, JSONL record) is the
	// publisher's own and wins over what the page or text suggests.
	if t := cleanSpaces(it.Title); t != "" {
		a.title = t
	}
	d := &faultline.Document{
		Source:  it.Source,
		Title:   a.title,
		Text:    a.text,
		Removed: a.removed,
	}
	if d.Source.Site == "" {
		d.Source.Site = a.site
	}
	if a.textDate.IsZero() && it.Kind != source.KindRecordText {
		a.textDate = latestTextDate(d.Text, opts.Now)
	}
	d.ID = TextID(d.Text)
	d.Language = detectLanguage(d.Text)
	setPublished(d, it, a, opts)
	d.Normalize()
	return d, nil
}

// article is what a kind-specific reader found, before dates are settled.
type article struct {
	title   string
	text    string
	removed []faultline.Removed
	site    string
	// metaDate is the page-metadata publication date (zero if none).
	metaDate time.Time
	// textDate is a date read from a dateline or the text (zero if none).
	textDate time.Time
}

func fromRecord(it source.Item) article {
	return article{title: strings.TrimSpace(it.Title), text: string(it.Data)}
}

// setPublished fills Published, PublishedFrom and Reference by precedence:
// override, container or page metadata, dateline or text, none.
func setPublished(d *faultline.Document, it source.Item, a article, opts Options) {
	var when time.Time
	switch {
	case !opts.Date.IsZero():
		when, d.PublishedFrom = opts.Date, faultline.PublishedFromOverride
	case !parseItemDate(it.Published).IsZero():
		when, d.PublishedFrom = parseItemDate(it.Published), faultline.PublishedFromMeta
	case !a.metaDate.IsZero():
		when, d.PublishedFrom = a.metaDate, faultline.PublishedFromMeta
	case !a.textDate.IsZero():
		when, d.PublishedFrom = a.textDate, faultline.PublishedFromText
	default:
		d.PublishedFrom = faultline.PublishedFromNone
		d.Reference = opts.Now
		return
	}
	d.Published = when.Format("2006-01-02")
	d.Reference = time.Date(when.Year(), when.Month(), when.Day(), 0, 0, 0, 0, time.UTC)
}

// parseItemDate reads the container's date: YYYY-MM-DD, RFC 3339, or the
// RFC 1123 form of HTTP headers and RSS. Zero when absent or unreadable.
func parseItemDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339, time.RFC3339Nano, time.RFC1123Z, time.RFC1123, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t
		}
	}
	return time.Time{}
}

// TextID is the document id: the first 16 hex digits of the SHA-256 of the
// text lowercased, with whitespace runs collapsed to one space and trimmed,
// so that the same article gives the same id whatever its layout.
func TextID(text string) string {
	sum := sha256.Sum256([]byte(normalizeForID(text)))
	return hex.EncodeToString(sum[:])[:16]
}

func normalizeForID(text string) string {
	return strings.Join(strings.Fields(strings.ToLower(text)), " ")
}

// detectLanguage returns the ISO 639-1 code of text's language, or "" when
// the text is too short to tell or the language has no two-letter code.
func detectLanguage(text string) string {
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < minLanguageRunes {
		return ""
	}
	// A long sample is enough and keeps detection cheap on long pages.
	if len(text) > 4000 {
		cut := 4000
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	return info.Lang.Iso6391()
}

// itemError builds an EINVALID error naming the item.
func itemError(it source.Item, format string, args ...any) *faultline.Error {
	return faultline.Errorf(faultline.EINVALID, "extract %s: %s", it.Name, fmt.Sprintf(format, args...))
}
