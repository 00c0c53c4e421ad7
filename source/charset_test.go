package source

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// encodeAs converts s from UTF-8 to the encoding of enc.
func encodeAs(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHTMLToUTF8(t *testing.T) {
	sjis := encodeAs(t, japanese.ShiftJIS, "<html><head><meta charset=\"shift_jis\"></head><body><p>東京で会談</p></body></html>")
	cp1251 := encodeAs(t, charmap.Windows1251, "<html><head><meta charset=\"windows-1251\"></head><body><p>Переговоры в Москве</p></body></html>")
	utf16 := encodeAs(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "<html><body><p>Wörter</p></body></html>")
	tests := []struct {
		name        string
		in          []byte
		contentType string
		want        string
		lacks       string
	}{
		{"valid utf-8 kept", []byte("<p>Genève</p>"), "", "<p>Genève</p>", ""},
		{"utf-8 bom dropped", []byte("\xEF\xBB\xBF<p>x</p>"), "", "<p>x</p>", "\uFEFF"},
		{"utf-8 bytes, header says latin1", []byte("<p>Genève</p>"), "text/html; charset=iso-8859-1", "<p>Genève</p>", ""},
		{"latin1 bytes, header says latin1", []byte("<p>Gen\xe8ve</p>"), "text/html; charset=iso-8859-1", "<p>Genève</p>", ""},
		{"latin1 bytes, no declaration", []byte("<p>Gen\xe8ve \x93quoted\x94</p>"), "", "<p>Genève “quoted”</p>", ""},
		{"latin1 bytes, meta says utf-8", []byte("<meta charset=utf-8><p>Gen\xe8ve</p>"), "", "<p>Genève</p>", ""},
		{"mostly utf-8 with a stray latin1 byte", []byte("<p>Genève and Z\xfcrich</p>"), "", "Genève and Zürich", ""},
		{"shift_jis declared", sjis, "", "東京で会談", "shift_jis"},
		{"windows-1251 declared", cp1251, "", "Переговоры в Москве", "windows-1251"},
		{"windows-1251 declared late in the head", append([]byte("<html><head>"+strings.Repeat("<!-- padding -->", 80)), cp1251[6:]...), "", "Переговоры в Москве", ""},
		{"utf-16 with bom", utf16, "", "<p>Wörter</p>", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := htmlToUTF8(tc.in, tc.contentType)
			if !utf8.Valid(got) {
				t.Fatalf("result is not valid UTF-8: %q", got)
			}
			if !bytes.Contains(got, []byte(tc.want)) {
				t.Errorf("htmlToUTF8 = %q, want it to contain %q", got, tc.want)
			}
			if tc.lacks != "" && bytes.Contains(got, []byte(tc.lacks)) {
				t.Errorf("htmlToUTF8 = %q, still contains %q", got, tc.lacks)
			}
		})
	}
}

func TestTextToUTF8(t *testing.T) {
	cp1251 := encodeAs(t, charmap.Windows1251, strings.Repeat("Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе. ", 5))
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8 kept", []byte("Zürich\n"), "Zürich\n"},
		{"windows-1252", []byte("Z\xfcrich \x96 Gen\xe8ve"), "Zürich – Genève"},
		{"windows-1251 detected", cp1251, "Министр иностранных дел"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := textToUTF8(tc.in)
			if !utf8.Valid(got) || !bytes.Contains(got, []byte(tc.want)) {
				t.Errorf("textToUTF8 = %q, want it to contain %q", got, tc.want)
			}
		})
	}
}

func TestRewriteDeclarations(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, `<meta http-equiv="Content-Type" content="text/html; charset=utf-8">`},
		{`<META CHARSET='Windows-1252'><p>x</p>`, `<META CHARSET='utf-8'><p>x</p>`},
		{` <?xml version="1.0" encoding="ISO-8859-1"?><html><meta charset = "koi8-r">`, ` <?xml version="1.0" encoding="utf-8"?><html><meta charset = "utf-8">`},
		{`<meta name="description" content="the charset is latin1"><meta charset="UTF-8">`, `<meta name="description" content="the charset is latin1"><meta charset="UTF-8">`},
		{`<p>charset=latin1 outside a meta element</p>`, `<p>charset=latin1 outside a meta element</p>`},
		{`<meta charset=`, `<meta charset=`},
	}
	for _, tc := range tests {
		if got := string(rewriteDeclarations([]byte(tc.in))); got != tc.want {
			t.Errorf("rewriteDeclarations(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
