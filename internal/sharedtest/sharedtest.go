// Package sharedtest finds the shared data folder (corpora, gold suites,
// samples) that tests read but the repository never holds: a folder named
// "shared" beside the repository, found by walking up from the test's
// working directory. Tests that need it skip with a clear message when it
// is absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder, or skips tb when there is none.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "..", "shared")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("skipping: the shared data folder (../shared beside the repository) is absent; clone it there to run this test")
		}
		dir = parent
	}
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
