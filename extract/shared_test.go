package extract

import (
	"compress/gzip"
	"io"
	"os"
	"testing"

	"github.com/faultline-news/faultline/internal/sharedtest"
)

// sharedDir is the shared data folder; the test skips without it.
func sharedDir(t testing.TB) string { return sharedtest.Dir(t) }

// findShared returns the shared data folder, or "" without it.
func findShared() string { return sharedtest.Find() }

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
