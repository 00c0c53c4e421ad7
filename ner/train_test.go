package ner

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
)

func tinyOptions(seed uint64) TrainOptions {
	return TrainOptions{
		Train:    []string{"testdata/tiny.iob2", "testdata/tiny.jsonl", "testdata/tiny.conllu"},
		HoldOut:  -1,
		Seed:     seed,
		Epochs:   5,
		MinCount: 1,
		Prune:    0.01,
	}
}

func tinyModel(tb testing.TB) *Model {
	tb.Helper()
	m, err := Train(context.Background(), tinyOptions(7))
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func TestTrainDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		m := tinyModel(t)
		if err := m.Save(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same seed, different model bytes")
	}
	m, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := m.Save(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("Load then Save changed the model bytes")
	}
}

func TestTinyModelLearnsTrainingData(t *testing.T) {
	m := tinyModel(t)
	words := strings.Fields("Mary Jones works for Human Rights Watch in London .")
	got := m.Recognize(words)
	want := []Span{{0, 2, faultline.EntityPerson}, {4, 7, faultline.EntityOrg}, {8, 9, faultline.EntityGPE}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Recognize = %v, want %v", got, want)
	}
	if got := m.Recognize(nil); got != nil {
		t.Errorf("Recognize(nil) = %v", got)
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(context.Background(), TrainOptions{}); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("no files: %v", err)
	}
	if _, err := Train(context.Background(), TrainOptions{Train: []string{"testdata/none.iob2"}}); faultline.ErrorCode(err) != faultline.ENOTFOUND {
		t.Errorf("missing file: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, tinyOptions(1)); err == nil {
		t.Error("cancelled context: no error")
	}
}

func TestRefine(t *testing.T) {
	tests := []struct {
		words string
		in    []Span
		want  []Span
	}{
		{"in Qayyarah airfield south", []Span{{1, 2, "LOC"}}, []Span{{1, 3, "FAC"}}},
		{"in Iraq today", []Span{{1, 2, "LOC"}}, []Span{{1, 2, "GPE"}}},
		{"the Tigris river", []Span{{1, 2, "LOC"}}, []Span{{1, 2, "LOC"}}},
		{"Sunni fighters", []Span{{0, 1, "PERSON"}}, []Span{{0, 1, "NORP"}}},
		{"New York", []Span{{0, 2, "LOC"}}, []Span{{0, 2, "GPE"}}},
	}
	for _, tt := range tests {
		got := refine(strings.Fields(tt.words), append([]Span(nil), tt.in...))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("refine(%q, %v) = %v, want %v", tt.words, tt.in, got, tt.want)
		}
	}
}

func TestScoreConventions(t *testing.T) {
	words := strings.Fields("Iraqi Prime Minister Haider al-Abadi visited Washington")
	pred := predictedForScoring(FormatGMB, words, []Span{{0, 1, "NORP"}, {3, 5, "PERSON"}, {6, 7, "GPE"}})
	want := []Span{{1, 5, "PERSON"}, {6, 7, "LOC"}}
	if !reflect.DeepEqual(pred, want) {
		t.Errorf("GMB scoring view = %v, want %v", pred, want)
	}
	pred = predictedForScoring(FormatIOB2, words, []Span{{0, 1, "NORP"}, {3, 5, "PERSON"}, {6, 7, "FAC"}})
	want = []Span{{3, 5, "PERSON"}, {6, 7, "LOC"}}
	if !reflect.DeepEqual(pred, want) {
		t.Errorf("IOB2 scoring view = %v, want %v", pred, want)
	}
}

func FuzzRecognize(f *testing.F) {
	m := tinyModel(f)
	f.Add("John Smith visited Paris .")
	f.Add("\xff\xfe al- -- 's U.S.-led")
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		for _, sp := range m.Recognize(words) {
			if sp.Start < 0 || sp.End > len(words) || sp.Start >= sp.End {
				t.Fatalf("bad span %v over %d words", sp, len(words))
			}
		}
		docs := m.RecognizeDocument([][]string{words, words})
		if len(docs) != 2 {
			t.Fatalf("RecognizeDocument returned %d sentences", len(docs))
		}
	})
}

func TestKnownOrgs(t *testing.T) {
	tests := []struct {
		words string
		in    []Span
		want  []Span
	}{
		{"so-called Islamic State from Mosul", []Span{{1, 2, "NORP"}, {4, 5, "LOC"}}, []Span{{1, 3, "ORG"}, {4, 5, "GPE"}}},
		{"the Islamic State of Iraq", []Span{{1, 5, "ORG"}}, []Span{{1, 5, "ORG"}}},
		{"Human Rights Watch warned", nil, []Span{{0, 3, "ORG"}}},
		{"an Islamic leader", nil, []Span{{1, 2, "NORP"}}},
		{"clearing IS from villages", nil, []Span{{1, 2, "ORG"}}},
		{"WHAT IS NEXT", nil, nil},
		{"Is it true", nil, nil},
	}
	for _, tt := range tests {
		got := refine(strings.Fields(tt.words), append([]Span(nil), tt.in...))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("refine(%q, %v) = %v, want %v", tt.words, tt.in, got, tt.want)
		}
	}
}
