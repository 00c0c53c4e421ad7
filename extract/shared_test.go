package extract

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// sharedDir finds the shared data directory (../shared beside the
// repository) by walking up from the package directory.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := findShared()
	if dir == "" {
		t.Skip("shared data directory ../shared not found beside the repository; clone it there to run this test")
	}
	return dir
}

// findShared returns the path of ../shared found walking up from the
// working directory, or "".
func findShared() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		cand := filepath.Join(dir, "..", "shared")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
