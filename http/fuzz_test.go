package http

import (
	"net/url"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
)

// FuzzEventParams feeds arbitrary query strings to the event parameter
// parser: it never panics, and it either fails with an EINVALID error
// naming a parameter or gives a filter whose box and radius are sane.
func FuzzEventParams(f *testing.F) {
	for _, seed := range []string{
		"bbox=28,44,41,53&from=2024-01-01&to=2024-12-31",
		"near=50.45,30.52,100&negated=true",
		"bbox=1,2,3&limit=0",
		"place=UA&place=RU",
		"near=NaN,Inf,-1",
		"limit=99999999999999999999&offset=-1",
		"from=2024-02-30",
		"x=%zz",
		"source=RUS&target=ukr&cell=0.5",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		a := newArgs(q, append(copyParams(eventParams), limitParam(50, maxLimit), offsetParam))
		ef := a.eventFilter()
		a.integer("limit", 50, 1, maxLimit)
		a.integer("offset", 0, 0, 1<<31-1)
		if a.err != nil {
			if faultline.ErrorCode(a.err) != faultline.EINVALID || !strings.Contains(a.err.Error(), "parameter \"") {
				t.Fatalf("error %v", a.err)
			}
			return
		}
		if b := ef.BBox; b != nil && (b[0] > b[2] || b[1] > b[3]) {
			t.Fatalf("accepted box %v", *b)
		}
		if n := ef.Near; n != nil && !(n.Km > 0) {
			t.Fatalf("accepted radius %v", n.Km)
		}
	})
}

// FuzzSplitSnippet checks that highlight spans always slice the plain
// snippet.
func FuzzSplitSnippet(f *testing.F) {
	for _, seed := range []string{"a \x02b\x03 c", "\x02\x02x\x03\x03", "\x03<&>\x02", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text, spans, _ := splitSnippet(s)
		last := 0
		for _, sp := range spans {
			if sp[0] < last || sp[0] > sp[1] || sp[1] > len(text) {
				t.Fatalf("span %v in %q", sp, text)
			}
			last = sp[1]
		}
	})
}

// FuzzAcceptsGzip: any Accept-Encoding header is read without panicking,
// and a header without "gzip" or "*" never selects gzip.
func FuzzAcceptsGzip(f *testing.F) {
	for _, seed := range []string{"gzip", "gzip;q=0", "*;q=0, gzip", "br;q=1.0, gzip;q=0.5", ";;,,=q", "x-gzip; q=NaN"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, h string) {
		l := strings.ToLower(h)
		if acceptsGzip(h) && !strings.Contains(l, "gzip") && !strings.Contains(l, "*") {
			t.Fatalf("%q selects gzip", h)
		}
	})
}
