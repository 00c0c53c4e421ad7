package source

import (
	"bytes"
	"encoding/json"
	"path"
	"strings"
)

// format is what an input's bytes turned out to be.
type format int

const (
	formatUnknown format = iota
	formatEmpty
	formatBinary
	formatGzip
	formatWARC
	formatFeed
	formatJSONL
	formatHTML
	formatText
	formatJSON // one JSON document, not JSON Lines
)

func (f format) String() string {
	switch f {
	case formatEmpty:
		return "empty"
	case formatBinary:
		return "binary"
	case formatGzip:
		return "gzip"
	case formatWARC:
		return "warc"
	case formatFeed:
		return "feed"
	case formatJSONL:
		return "jsonl"
	case formatHTML:
		return "html"
	case formatText:
		return "text"
	case formatJSON:
		return "json"
	}
	return "unknown"
}

// sniffLen is how many leading bytes detection looks at.
const sniffLen = 64 << 10

// binaryMagic lists leading bytes of common non-text formats.
var binaryMagic = [][]byte{
	[]byte("\x89PNG"), []byte("\xFF\xD8\xFF"), []byte("GIF87a"), []byte("GIF89a"),
	[]byte("%PDF-"), []byte("PK\x03\x04"), []byte("SQLite format 3\x00"),
	[]byte("\x7FELF"), []byte("BZh"), []byte("\xFD7zXZ\x00"), []byte("7z\xBC\xAF\x27\x1C"),
	[]byte("RIFF"), []byte("OggS"), []byte("ID3"), []byte("\x28\xB5\x2F\xFD"),
	[]byte("wOFF"), []byte("wOF2"), []byte("\x00\x00\x01\x00"), []byte("MZ"),
}

// sniff decides the format of an input from its first bytes (head, at most
// sniffLen of them), the name it was given (for tie-breaking only) and the
// HTTP Content-Type when it came from a URL.
func sniff(head []byte, name, contentType string) format {
	if len(head) == 0 {
		return formatEmpty
	}
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		return formatGzip
	}
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return formatWARC
	}
	if bytes.HasPrefix(head, bomUTF16BE) || bytes.HasPrefix(head, bomUTF16LE) {
		if out, ok := decodeUTF16BOM(head); ok {
			if f := sniffText(out, name, contentType); f != formatBinary {
				return f
			}
		}
		return formatText
	}
	if hasBinaryMagic(head) {
		return formatBinary
	}
	if s := bytes.TrimLeft(bytes.TrimPrefix(head, bomUTF8), " \t\r\n"); len(s) > 0 && s[0] == '{' && firstLineIsObject(s) {
		// Valid JSON on the first line: control characters further on are
		// reported line by line by the JSONL reader.
		return formatJSONL
	}
	if looksBinary(head) {
		return formatBinary
	}
	return sniffText(head, name, contentType)
}

// looksBinary reports whether head is not text in any encoding: a known
// binary signature, or more than 1% control characters (NUL included).
// Uniformly random bytes, like compressed or encrypted data, hold about
// 10% control characters; real pages sometimes hold a few stray NULs.
func looksBinary(head []byte) bool {
	if hasBinaryMagic(head) {
		return true
	}
	controls := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F {
			controls++
		}
	}
	if controls*100 > len(head) {
		return true
	}
	return false
}

// hasBinaryMagic reports whether head starts with a known binary signature.
func hasBinaryMagic(head []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(head, m) {
			return true
		}
	}
	return false
}

// sniffText tells text-based formats apart.
func sniffText(head []byte, name, contentType string) format {
	s := bytes.TrimPrefix(head, bomUTF8)
	s = bytes.TrimLeft(s, " \t\r\n\f")
	ext := strings.ToLower(path.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))
	mediaType := strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))

	if len(s) > 0 && s[0] == '{' {
		if isJSONFeed(s) {
			return formatFeed
		}
		if ext == ".jsonl" || ext == ".ndjson" || firstLineIsObject(s) {
			return formatJSONL
		}
	}
	if len(s) > 0 && (s[0] == '{' || s[0] == '[') && (ext == ".json" || len(head) < sniffLen && json.Valid(s)) {
		return formatJSON
	}
	if len(s) > 0 && s[0] == '<' {
		switch rootElement(s) {
		case "rss", "feed", "rdf:rdf", "rdf":
			return formatFeed
		}
		return formatHTML
	}
	switch mediaType {
	case "application/rss+xml", "application/atom+xml", "application/feed+json":
		return formatFeed
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines":
		return formatJSONL
	}
	if containsHTMLMarkup(s) {
		return formatHTML
	}
	return formatText
}

// firstLineIsObject reports whether the first line of s is a JSON object.
// When the line is longer than s (cut by the sniff window), an opening
// {"key": is taken as enough.
func firstLineIsObject(s []byte) bool {
	line, _, complete := bytes.Cut(s, []byte("\n"))
	line = bytes.TrimSpace(line)
	if complete || len(s) < sniffLen {
		var v map[string]json.RawMessage
		return json.Unmarshal(line, &v) == nil
	}
	rest := bytes.TrimLeft(line[1:], " \t")
	return len(rest) > 0 && rest[0] == '"'
}

// isJSONFeed reports whether s starts a JSON Feed (jsonfeed.org) document.
func isJSONFeed(s []byte) bool {
	n := min(len(s), 4096)
	return bytes.Contains(s[:n], []byte("jsonfeed.org/version"))
}

// rootElement returns the lower-cased name of the first element in an XML
// or HTML document, skipping the XML declaration, processing instructions,
// comments and the doctype (which counts as "!doctype").
func rootElement(s []byte) string {
	for len(s) > 0 {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(s, []byte("<?")):
			end := bytes.Index(s, []byte("?>"))
			if end < 0 {
				return ""
			}
			s = s[end+2:]
		case bytes.HasPrefix(s, []byte("<!--")):
			end := bytes.Index(s, []byte("-->"))
			if end < 0 {
				return ""
			}
			s = s[end+3:]
		case len(s) > 2 && s[0] == '<' && s[1] == '!':
			doctype := strings.ToLower(string(s[:min(len(s), 20)]))
			if strings.HasPrefix(doctype, "<!doctype html") {
				return "!doctype"
			}
			end := bytes.IndexByte(s, '>')
			if end < 0 {
				return ""
			}
			s = s[end+1:]
		case len(s) > 1 && s[0] == '<':
			end := 1
			for end < len(s) && end < 64 && !isSpaceOrTagEnd(s[end]) {
				end++
			}
			return strings.ToLower(string(s[1:end]))
		default:
			return ""
		}
	}
	return ""
}

func isSpaceOrTagEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '>' || c == '/'
}

// containsHTMLMarkup reports whether text that does not start with a tag
// still holds the skeleton of an HTML document.
func containsHTMLMarkup(s []byte) bool {
	n := min(len(s), 8192)
	lower := bytes.ToLower(s[:n])
	for _, tag := range []string{"<!doctype html", "<html", "<head>", "<body"} {
		if bytes.Contains(lower, []byte(tag)) {
			return true
		}
	}
	return false
}
