// Package source turns the user's inputs (files, directories, stdin, http(s)
// URLs) into raw items ready for extraction. Container formats are detected
// by content, not only by extension: gzip, RSS/Atom feeds, WARC, and JSONL
// records are opened and each article inside becomes its own Item.
package source

import "github.com/faultline-news/faultline"

// Kind says how an Item's Data is to be read.
type Kind string

const (
	// KindHTML is a web page.
	KindHTML Kind = "html"
	// KindText is plain text as scraped: the first line may be the title,
	// and boilerplate may remain to be cleaned.
	KindText Kind = "text"
	// KindRecordText is the text of a structured record (a JSONL {id,text}
	// record, a feed item's content given as text): kept byte for byte.
	KindRecordText Kind = "record-text"
)

// Item is one raw article to extract, or one input that failed.
type Item struct {
	// Name identifies the item in messages: a path, a URL, "path:line" for
	// a JSONL record, "path#record-id" for a WARC record.
	Name string
	// Source is copied to the Document.
	Source faultline.Source
	Kind   Kind
	Data   []byte
	// Title and Published come from the container (feed item, JSONL record,
	// HTTP headers) when it states them; Published is YYYY-MM-DD or RFC 3339.
	Title     string
	Published string
	// Err is set when this input could not be read; Data is then empty.
	// It is a *faultline.Error whose message names the input and the remedy.
	Err error
}
