// Package web is the browser page of faultline serve: a map of events
// coloured by QuadClass, a timeline of event counts by PLOVER type with
// brushing, an event list, an article view with every layer highlighted
// inline, and search. The page is plain HTML, CSS and JavaScript embedded
// in the binary, with its few third-party files (country outlines and a
// TopoJSON decoder) under static/vendor/, so it works offline.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var files embed.FS

// Handler serves the page and its assets; every other path without a file
// extension gets the page itself, so that links into the page reload
// cleanly, and missing files get 404. It is
// meant as the Static handler of the API server, which keeps /api/.
func Handler() http.Handler {
	root, err := fs.Sub(files, "static")
	if err != nil {
		panic(err) // the embedded tree always has static/
	}
	page, err := fs.ReadFile(root, "index.html")
	if err != nil {
		panic(err) // the embedded tree always has the page
	}
	etags, err := hashFiles(root)
	if err != nil {
		panic(err) // reading the embedded tree cannot fail
	}
	fileServer := http.FileServerFS(root)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed; the page is read-only", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if st, err := fs.Stat(root, name); err != nil || st.IsDir() {
			if path.Ext(name) != "" {
				// a missing asset, not a page address
				http.NotFound(w, r)
				return
			}
			name = "index.html"
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'")
		// Browsers revalidate every file and get 304 while it is unchanged,
		// so a new binary's page never runs with an old script.
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("ETag", etags[name])
		if name == "index.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(page))
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + name
		fileServer.ServeHTTP(w, r2)
	})
}

// hashFiles gives every file of root a strong ETag from its content.
func hashFiles(root fs.FS) (map[string]string, error) {
	etags := map[string]string{}
	err := fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		etags[name] = `"` + hex.EncodeToString(sum[:12]) + `"`
		return nil
	})
	return etags, err
}
