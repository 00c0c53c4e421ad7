//go:build unix

package parse_test

import (
	"context"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/faultline-news/faultline/conllu"
	"github.com/faultline-news/faultline/internal/sharedtest"
	"github.com/faultline-news/faultline/model/parser"
	"github.com/faultline-news/faultline/model/tagger"
)

type taggedSentence struct{ words, upos, xpos []string }

// taggedPUD tags the UD English PUD sentences with the committed tagger.
func taggedPUD(tb testing.TB) []taggedSentence {
	tb.Helper()
	dir := sharedtest.Dir(tb)
	sents, err := conllu.ReadFile(context.Background(), filepath.Join(dir, "corpora/ud-english-pud/en_pud-ud-test.conllu"))
	if err != nil {
		tb.Skip(err)
	}
	tm, err := tagger.Load()
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]taggedSentence, len(sents))
	for i, s := range sents {
		w := s.Forms()
		u, x := tm.Tag(w)
		out[i] = taggedSentence{w, u, x}
	}
	return out
}

// BenchmarkParse parses the tagged PUD sentences with the committed model
// and reports words per second.
func BenchmarkParse(b *testing.B) {
	sents := taggedPUD(b)
	m, err := parser.Load()
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	cpu0 := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			m.Parse(s.words, s.upos, s.xpos)
			words += len(s.words)
		}
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(words)/(cpuTime()-cpu0).Seconds(), "words/cpu-s")
}

// TestParseOutputDigest prints a digest of the committed model's parses of
// PUD (heads and labels); with FAULTLINE_PARSE_DUMP=FILE it also writes them
// out, for checking that a speed change leaves every output as it was.
func TestParseOutputDigest(t *testing.T) {
	sents := taggedPUD(t)
	m, err := parser.Load()
	if err != nil {
		t.Fatal(err)
	}
	h := fnv.New64a()
	var dump *os.File
	if p := os.Getenv("FAULTLINE_PARSE_DUMP"); p != "" {
		if dump, err = os.Create(p); err != nil {
			t.Fatal(err)
		}
		defer dump.Close()
	}
	for _, s := range sents {
		heads, deps := m.Parse(s.words, s.upos, s.xpos)
		line := fmt.Sprintln(heads, deps)
		h.Write([]byte(line))
		if dump != nil {
			dump.WriteString(line)
		}
	}
	t.Logf("parse output digest %016x", h.Sum64())
}

// cpuTime is the CPU time used by the process so far: on a busy machine
// words per CPU second vary less than words per second.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
