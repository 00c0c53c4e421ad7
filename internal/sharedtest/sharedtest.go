// Package sharedtest finds the shared data folder (corpora, gold suites,
// samples) that tests read but the repository never holds: a folder named
// "shared" beside the repository, found by walking up from the test's
// working directory. Tests that need it skip with a clear message when it
// is absent.
package sharedtest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Find returns the shared folder, or "" when there is none.
func Find() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "..", "shared")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Dir returns the shared folder, or skips tb when there is none.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir := Find()
	if dir == "" {
		tb.Skip("skipping: the shared data folder (../shared beside the repository) is absent; clone it there to run this test")
	}
	return dir
}

// NewsText returns about size bytes of news text for benchmarks: the
// articles of the permissively licensed news-text pool when the shared
// folder is there, then fallback repeated to fill up (so benchmarks also
// run without it).
func NewsText(size int, fallback string) string {
	var sb strings.Builder
	if dir := Find(); dir != "" {
		if f, err := os.Open(filepath.Join(dir, "eval", "news-text-pool", "permissive_articles.jsonl")); err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<24)
			for sc.Scan() && sb.Len() < size {
				var a struct{ Text string }
				if json.Unmarshal(sc.Bytes(), &a) == nil {
					sb.WriteString(a.Text)
					sb.WriteString("\n")
				}
			}
		}
	}
	for fallback != "" && sb.Len() < size {
		sb.WriteString(fallback)
	}
	return sb.String()
}

// Path returns the file or folder rel (slash-separated) inside the shared
// folder, or skips tb when it is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Dir(tb), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("skipping: shared/%s is absent", rel)
	}
	return p
}
