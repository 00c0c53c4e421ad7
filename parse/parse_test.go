package parse

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/conllu"
)

func tiny(t testing.TB) []conllu.Sentence {
	t.Helper()
	s, err := conllu.ReadFile(context.Background(), "../tag/testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func trainTiny(t testing.TB, seed uint64) (*Model, []byte) {
	t.Helper()
	m, err := TrainSentences(context.Background(), tiny(t), nil, TrainOptions{Epochs: 8, Seed: seed, Prune: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	return m, buf.Bytes()
}

func TestTrainDeterministic(t *testing.T) {
	_, a := trainTiny(t, 3)
	_, b := trainTiny(t, 3)
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings with the same seed gave different model bytes")
	}
}

func TestTrainJackknifeDeterministic(t *testing.T) {
	train := func() []byte {
		var log bytes.Buffer
		m, err := TrainSentences(context.Background(), tiny(t), tiny(t)[:2],
			TrainOptions{Epochs: 3, Seed: 5, Jackknife: 2, TaggerEpochs: 2, Log: &log})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(log.String(), "dev uas") || !strings.Contains(log.String(), "jackknifed") {
			t.Errorf("log lacks per-epoch dev scores:\n%s", log.String())
		}
		var buf bytes.Buffer
		if err := m.Save(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if !bytes.Equal(train(), train()) {
		t.Fatal("two jackknifed trainings with the same seed gave different model bytes")
	}
}

func TestTrainFitsAndLoads(t *testing.T) {
	m, data := trainTiny(t, 1)
	sents := tiny(t)
	if sc := m.Evaluate(sents, nil); sc.LAS < 0.95 {
		t.Errorf("training-set scores %+v: the parser cannot fit six sentences", sc)
	}
	m2, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	s := sents[1]
	words := s.Forms()
	up, xp := make([]string, len(words)), make([]string, len(words))
	for i, w := range s.Words {
		up[i], xp[i] = w.UPOS, w.XPOS
	}
	h1, d1 := m.Parse(words, up, xp)
	h2, d2 := m2.Parse(words, up, xp)
	if !slices.Equal(h1, h2) || !slices.Equal(d1, d2) {
		t.Errorf("loaded model parses %v %v, trained one %v %v", h2, d2, h1, d1)
	}
	if want := []int{1, -1, 3, 1, 1}; !slices.Equal(h1, want) {
		t.Errorf("heads %v, want %v", h1, want)
	}
}

func TestParseOddInput(t *testing.T) {
	m, _ := trainTiny(t, 1)
	if h, d := m.Parse(nil, nil, nil); len(h) != 0 || len(d) != 0 {
		t.Errorf("empty sentence: %v %v", h, d)
	}
	h, d := m.Parse([]string{"a", "b"}, []string{"X"}, nil)
	if !slices.Equal(h, []int{-1, -1}) || len(d) != 2 {
		t.Errorf("mismatched tag slices: %v %v", h, d)
	}
	long := make([]string, 300)
	for i := range long {
		long[i] = "zzz"
	}
	h, _ = m.Parse(long, long, long)
	roots := 0
	for i, x := range h {
		if x == -1 {
			roots++
		} else if x < 0 || x >= len(long) || x == i {
			t.Fatalf("word %d has head %d", i, x)
		}
	}
	if roots == 0 {
		t.Error("no root")
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name        string
		heads, want []int // ROOT = len(heads)
	}{
		{"projective", []int{1, 4, 1, 2}, []int{1, 4, 1, 2}},
		// 0 -> 2 crosses 1 -> 3: arc (1,3) spans 2, which is not under 1.
		{"crossing", []int{4, 0, 0, 1}, []int{4, 0, 0, 0}},
	}
	for _, tt := range tests {
		got := slices.Clone(tt.heads)
		projectivize(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestLoadGarbage(t *testing.T) {
	for _, in := range []string{"", "junk", "\x1f\x8b\x08\x00\x00\x00\x00\x00"} {
		if _, err := Load(strings.NewReader(in)); faultline.ErrorCode(err) != faultline.EINVALID {
			t.Errorf("Load(%q) err = %v, want invalid", in, err)
		}
	}
}

func TestStage(t *testing.T) {
	m, _ := trainTiny(t, 1)
	text := "Rebels attacked the town."
	doc := &faultline.Document{Text: text,
		Tokens: []faultline.Token{
			{Start: 0, End: 6, POS: "NOUN", XPOS: "NNS"}, {Start: 7, End: 15, POS: "VERB", XPOS: "VBD"},
			{Start: 16, End: 19, POS: "DET", XPOS: "DT"}, {Start: 20, End: 24, POS: "NOUN", XPOS: "NN"},
			{Start: 24, End: 25, POS: "PUNCT", XPOS: "."}},
		Sentences: []faultline.Sentence{{Start: 0, End: 25, TokenStart: 0, TokenEnd: 5}},
	}
	st := NewStage(m)
	if st.Name() != "parse" || st.Assigns()[0] != faultline.LayerParse {
		t.Errorf("stage name %q assigns %v", st.Name(), st.Assigns())
	}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range doc.Tokens {
		h := "ROOT"
		if tok.Head >= 0 {
			h = text[doc.Tokens[tok.Head].Start:doc.Tokens[tok.Head].End]
		}
		got = append(got, text[tok.Start:tok.End]+"<-"+tok.Dep+"-"+h)
	}
	want := "Rebels<-nsubj-attacked attacked<-root-ROOT the<-det-town town<-obj-attacked .<-punct-attacked"
	if strings.Join(got, " ") != want {
		t.Errorf("stage output\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
