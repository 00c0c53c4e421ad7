package extract

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/faultline-news/faultline/source"
)

// BenchmarkExtract measures HTML extraction on a few pages: the fixture and,
// when ../shared is present, the first pages of the Zyte benchmark.
func BenchmarkExtract(b *testing.B) {
	var items []source.Item
	fixture, err := os.ReadFile(filepath.Join("testdata", "harbour.html"))
	if err != nil {
		b.Fatal(err)
	}
	items = append(items, source.Item{Name: "harbour.html", Kind: source.KindHTML, Data: fixture})
	if dir := findShared(); dir != "" {
		paths, _ := filepath.Glob(filepath.Join(dir, "eval", "zyte-article-extraction", "html", "*.html.gz"))
		sort.Strings(paths)
		for _, p := range paths[:min(5, len(paths))] {
			data, err := readGzip(p)
			if err != nil {
				b.Fatal(err)
			}
			items = append(items, source.Item{Name: p, Kind: source.KindHTML, Data: data})
		}
	}
	var bytes int64
	for _, it := range items {
		bytes += int64(len(it.Data))
	}
	b.SetBytes(bytes / int64(len(items)))
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		it := items[i%len(items)]
		if _, err := Extract(ctx, it, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkExtractText(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "wire.txt"))
	if err != nil {
		b.Fatal(err)
	}
	it := source.Item{Name: "wire.txt", Kind: source.KindText, Data: data}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Extract(context.Background(), it, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
