package tag

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/conllu"
)

func tiny(t testing.TB) []conllu.Sentence {
	t.Helper()
	s, err := conllu.ReadFile(context.Background(), "testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func trainTiny(t testing.TB, seed uint64) (*Model, []byte) {
	t.Helper()
	m, err := TrainSentences(context.Background(), tiny(t), nil, TrainOptions{Epochs: 5, Seed: seed})
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
	_, a := trainTiny(t, 7)
	_, b := trainTiny(t, 7)
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings with the same seed gave different model bytes")
	}
}

func TestTrainSaveLoad(t *testing.T) {
	m, data := trainTiny(t, 1)
	sc := m.Evaluate(tiny(t))
	if sc.UPOS < 0.95 || sc.Lemma < 0.95 {
		t.Errorf("training-set accuracy %+v; the tagger cannot even fit six sentences", sc)
	}
	m2, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Rebels", "rejected", "the", "talks", "."}
	u1, x1 := m.Tag(words)
	u2, x2 := m2.Tag(words)
	if strings.Join(u1, " ") != strings.Join(u2, " ") || strings.Join(x1, " ") != strings.Join(x2, " ") {
		t.Errorf("loaded model tags %v %v, trained one %v %v", u2, x2, u1, x1)
	}
	if got := m2.Lemma("talks", "NOUN", "NNS"); got != "talk" {
		t.Errorf("Lemma(talks) = %q", got)
	}
}

func TestLoadGarbage(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00"} {
		if _, err := Load(strings.NewReader(in)); faultline.ErrorCode(err) != faultline.EINVALID {
			t.Errorf("Load(%q) err = %v, want invalid", in, err)
		}
	}
}

func TestEmptySentence(t *testing.T) {
	m, _ := trainTiny(t, 1)
	u, x := m.Tag(nil)
	if len(u) != 0 || len(x) != 0 {
		t.Errorf("Tag(nil) = %v %v", u, x)
	}
}

func TestLemmaRules(t *testing.T) {
	l := trainLemmatizer(tiny(t))
	tests := []struct{ form, upos, xpos, want string }{
		{"talks", "NOUN", "NNS", "talk"},
		{"Talks", "NOUN", "NNS", "talk"},
		{"bombed", "VERB", "VBD", "bomb"},    // unseen: suffix rule -ed
		{"Kabul", "PROPN", "NNP", "Kabul"},   // unseen proper noun keeps its form
		{"offers", "NOUN", "NNS", "offer"},   // unseen: suffix rule -s
		{"Monday", "PROPN", "NNP", "Monday"}, // seen
		{"zzz", "X", "XX", "zzz"},            // no rule: lowercased form
	}
	for _, tt := range tests {
		if got := l.lemma(tt.form, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("lemma(%q, %s) = %q, want %q", tt.form, tt.xpos, got, tt.want)
		}
	}
}

func TestStage(t *testing.T) {
	m, _ := trainTiny(t, 1)
	text := "Rebels attacked the town. Police arrested three men."
	doc := &faultline.Document{Text: text, Tokens: spaceTokens(text)}
	doc.Sentences = []faultline.Sentence{{Start: 0, End: 25, TokenStart: 0, TokenEnd: 5}, {Start: 26, End: len(text), TokenStart: 5, TokenEnd: 10}}
	st := NewStage(m)
	if st.Name() != "tag" || st.Assigns()[0] != faultline.LayerPOS {
		t.Errorf("stage name %q assigns %v", st.Name(), st.Assigns())
	}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range doc.Tokens {
		got = append(got, text[tok.Start:tok.End]+"/"+tok.POS+"/"+tok.Lemma)
	}
	want := "Rebels/NOUN/rebel attacked/VERB/attack the/DET/the town/NOUN/town ./PUNCT/. Police/NOUN/police arrested/VERB/arrest three/NUM/three men/NOUN/man ./PUNCT/."
	if strings.Join(got, " ") != want {
		t.Errorf("stage output\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	bad := &faultline.Document{Text: "x", Tokens: []faultline.Token{{Start: 0, End: 5}}}
	if err := st.Process(context.Background(), bad); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("token outside text: err = %v, want invalid", err)
	}
}

// spaceTokens splits text at spaces and detaches a final period.
func spaceTokens(text string) []faultline.Token {
	var toks []faultline.Token
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != ' ' {
			continue
		}
		end := i
		if end > start && text[end-1] == '.' {
			if end-1 > start {
				toks = append(toks, faultline.Token{Start: start, End: end - 1, Head: -1})
			}
			toks = append(toks, faultline.Token{Start: end - 1, End: end, Head: -1})
		} else if end > start {
			toks = append(toks, faultline.Token{Start: start, End: end, Head: -1})
		}
		start = i + 1
	}
	return toks
}
