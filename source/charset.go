package source

import (
	"bytes"
	"regexp"
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

// metaCharset finds charset declarations in meta elements and the XML
// declaration; submatch 1 is the encoding label.
var metaCharset = regexp.MustCompile(`(?is)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)|^\s*<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)`)

// declaredCharset returns the first encoding label declared in the head of
// an HTML document (meta charset, http-equiv content type, XML declaration).
func declaredCharset(head []byte) string {
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return ""
	}
	if len(m[1]) > 0 {
		return string(m[1])
	}
	return string(m[2])
}

// rewriteDeclarations replaces every declared encoding label in the first
// 64 KB of an HTML document by utf-8, so that a downstream parser that
// honours the declaration reads the converted bytes correctly.
func rewriteDeclarations(data []byte) []byte {
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	matches := metaCharset.FindAllSubmatchIndex(head, -1)
	if len(matches) == 0 {
		return data
	}
	var out []byte
	last := 0
	for _, m := range matches {
		start, end := m[2], m[3]
		if start < 0 {
			start, end = m[4], m[5]
		}
		if start < 0 || strings.EqualFold(string(data[start:end]), "utf-8") {
			continue
		}
		out = append(out, data[last:start]...)
		out = append(out, "utf-8"...)
		last = end
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
