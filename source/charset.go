package source

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF16LE = []byte{0xFF, 0xFE}
)

// decodeUTF16BOM decodes data that starts with a UTF-16 byte-order mark.
// ok is false when data has no such mark.
func decodeUTF16BOM(data []byte) (out []byte, ok bool) {
	if !bytes.HasPrefix(data, bomUTF16BE) && !bytes.HasPrefix(data, bomUTF16LE) {
		return nil, false
	}
	dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
	out, err := dec.Bytes(data)
	if err != nil {
		return nil, false
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), true
}

// decodeMixed keeps every valid UTF-8 sequence of data and reads each byte
// that is not part of one as Windows-1252 (a superset of Latin-1). It copes
// with Latin-1 text mislabelled as UTF-8 and with UTF-8 text holding a few
// stray Latin-1 bytes alike.
func decodeMixed(data []byte) []byte {
	out := make([]byte, 0, len(data)+len(data)/8)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(data[i]))
			i++
			continue
		}
		out = append(out, data[i:i+size]...)
		i += size
	}
	return out
}

// decodeWith converts data from enc to UTF-8, replacing what cannot be
// decoded. It falls back to decodeMixed when the decoder fails.
func decodeWith(enc encoding.Encoding, data []byte) []byte {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return decodeMixed(data)
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD"))
}

// isLatinFamily reports whether an encoding name means "Latin-1 or close
// enough that decodeMixed handles it".
func isLatinFamily(name string) bool {
	switch strings.ToLower(name) {
	case "utf-8", "utf8", "windows-1252", "iso-8859-1", "iso-8859-15", "latin1", "us-ascii", "ascii":
		return true
	}
	return false
}

// guessEncoding asks a statistical detector about bytes that are not valid
// UTF-8 and carry no declaration. It returns nil unless the detector is
// reasonably confident of an encoding outside the Latin-1 family.
func guessEncoding(data []byte) encoding.Encoding {
	sample := data
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	res, err := chardet.NewTextDetector().DetectBest(sample)
	if err != nil || res == nil || res.Confidence < 50 || isLatinFamily(res.Charset) {
		return nil
	}
	enc, _ := charset.Lookup(res.Charset)
	return enc
}

// textToUTF8 turns a plain-text file into valid UTF-8: a UTF-8 BOM is
// dropped, UTF-16 with a BOM is decoded, valid UTF-8 is kept as is, and
// anything else is decoded as the detected single- or multi-byte encoding,
// Windows-1252 by default.
func textToUTF8(data []byte) []byte {
	if out, ok := decodeUTF16BOM(data); ok {
		return out
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(data) {
		return data
	}
	if enc := guessEncoding(data); enc != nil {
		return decodeWith(enc, data)
	}
	return decodeMixed(data)
}

// charsetLabels returns the byte ranges of the encoding labels declared in
// head: in meta elements (charset=..., or a content type with a charset
// parameter) and in a leading XML declaration.
func charsetLabels(head []byte) [][2]int {
	var spans [][2]int
	lower := bytes.ToLower(head)
	if t := bytes.TrimLeft(lower, " \t\r\n"); bytes.HasPrefix(t, []byte("<?xml")) {
		offset := len(lower) - len(t)
		if end := bytes.Index(t, []byte("?>")); end > 0 {
			if span, ok := labelAfter(t[:end], "encoding"); ok {
				spans = append(spans, [2]int{offset + span[0], offset + span[1]})
			}
		}
	}
	for from := 0; ; {
		i := bytes.Index(lower[from:], []byte("<meta"))
		if i < 0 {
			break
		}
		start := from + i
		end := bytes.IndexByte(lower[start:], '>')
		if end < 0 {
			break
		}
		end += start
		if span, ok := labelAfter(lower[start:end], "charset"); ok {
			spans = append(spans, [2]int{start + span[0], start + span[1]})
		}
		from = end
	}
	return spans
}

// labelAfter finds key, optional spaces, '=', an optional quote, and the
// label that follows in tag, returning the label's range.
func labelAfter(tag []byte, key string) ([2]int, bool) {
	for from := 0; ; {
		i := bytes.Index(tag[from:], []byte(key))
		if i < 0 {
			return [2]int{}, false
		}
		j := from + i + len(key)
		from = j
		for j < len(tag) && isLabelSpace(tag[j]) {
			j++
		}
		if j >= len(tag) || tag[j] != '=' {
			continue
		}
		j++
		for j < len(tag) && (isLabelSpace(tag[j]) || tag[j] == '"' || tag[j] == '\'') {
			j++
		}
		k := j
		for k < len(tag) && isLabelByte(tag[k]) {
			k++
		}
		if k > j {
			return [2]int{j, k}, true
		}
	}
}

func isLabelSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isLabelByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':'
}

// declaredCharset returns the first encoding label declared in the head of
// an HTML document (meta charset, http-equiv content type, XML declaration).
func declaredCharset(head []byte) string {
	spans := charsetLabels(head)
	if len(spans) == 0 {
		return ""
	}
	return string(head[spans[0][0]:spans[0][1]])
}

// rewriteDeclarations replaces every declared encoding label in the first
// 64 KB of an HTML document by utf-8, so that a downstream parser that
// honours the declaration reads the converted bytes correctly.
func rewriteDeclarations(data []byte) []byte {
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	var out []byte
	last := 0
	for _, span := range charsetLabels(head) {
		if strings.EqualFold(string(data[span[0]:span[1]]), "utf-8") {
			continue
		}
		out = append(out, data[last:span[0]]...)
		out = append(out, "utf-8"...)
		last = span[1]
	}
	if out == nil {
		return data
	}
	return append(out, data[last:]...)
}

// htmlToUTF8 turns an HTML document into valid UTF-8 whatever its bytes
// and declarations say. contentType is the HTTP Content-Type header when
// there is one. Bytes that are valid UTF-8 are trusted over a declaration
// of another encoding; bytes that are not are decoded with the declared
// encoding, or, when the declaration says UTF-8 or Latin-1 or nothing,
// byte by byte with Windows-1252 for the invalid bytes. Declarations are
// rewritten to utf-8 afterwards.
func htmlToUTF8(data []byte, contentType string) []byte {
	if out, ok := decodeUTF16BOM(data); ok {
		return rewriteDeclarations(out)
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(data) {
		return rewriteDeclarations(data)
	}
	head := data
	if len(head) > 16<<10 {
		head = head[:16<<10]
	}
	enc, name, certain := charset.DetermineEncoding(head, contentType)
	if !certain {
		if label := declaredCharset(head); label != "" {
			if e, n := charset.Lookup(label); e != nil {
				enc, name = e, n
			}
		} else if e := guessEncoding(data); e != nil {
			enc, name = e, "detected"
		}
	}
	var out []byte
	if enc == nil || isLatinFamily(name) {
		out = decodeMixed(data)
	} else {
		out = decodeWith(enc, data)
	}
	return rewriteDeclarations(out)
}
