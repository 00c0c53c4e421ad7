package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	h := Handler()
	tests := []struct {
		method, path string
		status       int
		typ          string
		contains     string
	}{
		{"GET", "/", 200, "text/html", `<script src="app.js"`},
		{"GET", "/index.html", 200, "text/html", "faultline"},
		{"GET", "/app.js", 200, "javascript", "function"},
		{"GET", "/style.css", 200, "text/css", "{"},
		{"GET", "/vendor/countries-110m.json", 200, "json", `"Topology"`},
		{"GET", "/vendor/topojson-client.min.js", 200, "javascript", "topojson"},
		{"GET", "/event/V1", 200, "text/html", "faultline"},
		{"GET", "/../web.go", 404, "text/plain", "not found"},
		{"GET", "/favicon.ico", 404, "text/plain", "not found"},
		{"GET", "/vendor", 200, "text/html", "faultline"},
		{"POST", "/", 405, "text/plain", "read-only"},
	}
	for _, tc := range tests {
		t.Run(tc.method+tc.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.Contains(ct, tc.typ) {
				t.Errorf("Content-Type %q, want %q in it", ct, tc.typ)
			}
			if body := rec.Body.String(); !strings.Contains(body, tc.contains) {
				t.Errorf("body lacks %q: %.200s", tc.contains, body)
			}
		})
	}
}

func TestHandlerHead(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/app.js", nil))
	if rec.Code != 200 || rec.Body.Len() != 0 {
		t.Fatalf("HEAD: status %d, %d body bytes", rec.Code, rec.Body.Len())
	}
}

func TestHandlerRevalidates(t *testing.T) {
	h := Handler()
	for _, path := range []string{"/", "/app.js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		etag := rec.Header().Get("ETag")
		if etag == "" || rec.Header().Get("Cache-Control") != "no-cache" {
			t.Fatalf("%s: ETag %q, Cache-Control %q", path, etag, rec.Header().Get("Cache-Control"))
		}
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("If-None-Match", etag)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotModified {
			t.Errorf("%s with If-None-Match: status %d, want 304", path, rec.Code)
		}
	}
}

// FuzzHandler sends arbitrary paths: every answer is the page, a file, a
// redirect or a client error, never a panic or a file outside static/.
func FuzzHandler(f *testing.F) {
	for _, s := range []string{"/", "/app.js", "/vendor/", "/../web.go", "/%2e%2e/web.go", "//x", "/a/b/c"} {
		f.Add(s)
	}
	h := Handler()
	f.Fuzz(func(t *testing.T, p string) {
		req, err := http.NewRequest(http.MethodGet, "http://x/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Path = "/" + strings.TrimPrefix(p, "/")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 301, 400, 404:
		default:
			t.Fatalf("%q: status %d", req.URL.Path, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "package web") {
			t.Fatalf("%q: served Go source", req.URL.Path)
		}
	})
}
