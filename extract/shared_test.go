package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir finds the shared data directory (../shared beside the
// repository) by walking up from the package directory.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "..", "shared")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared data directory ../shared not found beside the repository; clone it there to run this test")
		}
		dir = parent
	}
}
