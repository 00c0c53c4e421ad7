package ner

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestReadIOB2(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		words [][]string
		spans [][]Span
		err   bool
	}{
		{"basic", "1\tJohn\tB-PER\t-\tx\n2\tran\tO\n\n", [][]string{{"John", "ran"}}, [][]Span{{{0, 1, "PER"}}}, false},
		{"multi", "# c\n1\tNew\tB-LOC\n2\tYork\tI-LOC\n3\tFC\tB-ORG\n", [][]string{{"New", "York", "FC"}}, [][]Span{{{0, 2, "LOC"}, {2, 3, "ORG"}}}, false},
		{"stray I starts span", "1\ta\tI-ORG\n2\tb\tI-PER\n", [][]string{{"a", "b"}}, [][]Span{{{0, 1, "ORG"}, {1, 2, "PER"}}}, false},
		{"B-O is O", "1\ta\tB-O\t-\tx\n", [][]string{{"a"}}, [][]Span{nil}, false},
		{"two sentences", "1\ta\tO\n\n\n1\tb\tB-LOC\n", [][]string{{"a"}, {"b"}}, [][]Span{nil, {{0, 1, "LOC"}}}, false},
		{"crlf", "1\ta\tB-LOC\r\n\r\n", [][]string{{"a"}}, [][]Span{{{0, 1, "LOC"}}}, false},
		{"too few columns", "1\ta\n", nil, nil, true},
		{"bad tag", "1\ta\tPER\n", nil, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadIOB2(context.Background(), strings.NewReader(tt.in), "test")
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if tt.err {
				return
			}
			if len(got) != len(tt.words) {
				t.Fatalf("got %d sentences, want %d", len(got), len(tt.words))
			}
			for i, s := range got {
				if !reflect.DeepEqual(s.Words, tt.words[i]) || !reflect.DeepEqual(s.Spans, tt.spans[i]) {
					t.Errorf("sentence %d = %v %v, want %v %v", i, s.Words, s.Spans, tt.words[i], tt.spans[i])
				}
			}
		})
	}
}

func TestReadGMB(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		spans []Span
		err   bool
	}{
		{"entities", `{"id":"s1","tokens":["Mr.","Bush","spoke"],"entities":[{"start_tok":0,"end_tok":2,"label":"per"}]}`, []Span{{0, 2, "per"}}, false},
		{"tags only", `{"id":"s1","tokens":["in","Iraq"],"tags":["O","B-geo"]}`, []Span{{1, 2, "geo"}}, false},
		{"entity out of range", `{"id":"s1","tokens":["a"],"entities":[{"start_tok":0,"end_tok":3,"label":"per"}]}`, nil, true},
		{"tag count", `{"id":"s1","tokens":["a"],"tags":["O","O"]}`, nil, true},
		{"not json", `{"id":`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadGMB(context.Background(), strings.NewReader(tt.in+"\n"), "test")
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if tt.err {
				return
			}
			if len(got) != 1 || !reflect.DeepEqual(got[0].Spans, tt.spans) {
				t.Errorf("got %+v, want spans %v", got, tt.spans)
			}
		})
	}
}

func TestReadCorpusFiles(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		path   string
		format Format
		sents  int
		first  []Span
	}{
		{"testdata/tiny.iob2", FormatIOB2, 4, []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"testdata/tiny.jsonl", FormatGMB, 2, []Span{{0, 2, "per"}, {3, 4, "gpe"}, {6, 7, "geo"}, {8, 9, "tim"}}},
		// GUM: the outer name wins over the nested place; "the new dean Ann
		// Lee" yields the name only; the fiction document is skipped.
		{"testdata/tiny.conllu", FormatGUM, 1, []Span{{0, 2, "ORG"}, {8, 10, "PER"}}},
	}
	for _, tt := range tests {
		c, err := ReadCorpus(ctx, tt.path)
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		if c.Format != tt.format || len(c.Sentences) != tt.sents {
			t.Fatalf("%s: format %s, %d sentences; want %s, %d", tt.path, c.Format, len(c.Sentences), tt.format, tt.sents)
		}
		if !reflect.DeepEqual(c.Sentences[0].Spans, tt.first) {
			t.Errorf("%s: first sentence spans %v, want %v", tt.path, c.Sentences[0].Spans, tt.first)
		}
	}
	if _, err := ReadCorpus(ctx, "testdata/missing.iob2"); err == nil {
		t.Error("missing file: no error")
	}
}

func TestGMBSplit(t *testing.T) {
	s := make([]Sentence, 47959)
	train, test := GMBSplit(s)
	if len(train) != 43163 || len(test) != 4796 {
		t.Errorf("split %d/%d, want 43163/4796", len(train), len(test))
	}
}

func TestTrainSpans(t *testing.T) {
	words := strings.Fields("Iraqi Prime Minister Haider al-Abadi met Prime")
	s := Sentence{Words: words, Spans: []Span{{0, 1, "gpe"}, {1, 5, "per"}, {6, 7, "per"}}}
	got := trainSpans(FormatGMB, s)
	want := []Span{{0, 1, "NORP"}, {3, 5, "PERSON"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("trainSpans = %v, want %v", got, want)
	}
}

func TestBILOU(t *testing.T) {
	spans := []Span{{0, 1, "PERSON"}, {2, 5, "ORG"}, {5, 7, "LOC"}}
	tags := spansToTags(8, spans, trainTypes)
	prev := -1
	for _, tg := range tags {
		if !allowed(prev, tg) {
			t.Fatalf("tags %v: %d after %d not allowed", tags, tg, prev)
		}
		prev = tg
	}
	if got := tagsToSpans(tags, trainTypes); !reflect.DeepEqual(got, spans) {
		t.Errorf("round trip = %v, want %v", got, spans)
	}
}

func FuzzReadIOB2(f *testing.F) {
	f.Add("1\tJohn\tB-PER\t-\tx\n2\tran\tO\n\n")
	f.Add("# x\n1\ta\tI-LOC\n\n1\tb\tB-O\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadIOB2(context.Background(), strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, s := range sents {
			for _, sp := range s.Spans {
				if sp.Start < 0 || sp.End > len(s.Words) || sp.Start >= sp.End {
					t.Fatalf("bad span %v over %d words", sp, len(s.Words))
				}
			}
		}
	})
}

func FuzzReadGMB(f *testing.F) {
	f.Add(`{"id":"s1","tokens":["Mr.","Bush"],"entities":[{"start_tok":0,"end_tok":2,"label":"per"}]}`)
	f.Add(`{"id":"s1","tokens":["a","b"],"tags":["B-geo","I-geo"]}`)
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadGMB(context.Background(), strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, s := range sents {
			for _, sp := range s.Spans {
				if sp.Start < 0 || sp.End > len(s.Words) || sp.Start >= sp.End {
					t.Fatalf("bad span %v over %d words", sp, len(s.Words))
				}
			}
		}
	})
}

func FuzzReadGUM(f *testing.F) {
	f.Add("1\tA\tA\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-person-new-n-cf1-1-sgl-A)\n\n")
	f.Add("1\tA\tA\tPROPN\tNNP\t_\t2\tx\t_\tEntity=(1-place-new-n-cf1-1-sgl\n2\tB\tB\tNOUN\tNN\t_\t0\troot\t_\tEntity=1)2)(\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadGUM(context.Background(), strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, s := range sents {
			for _, sp := range s.Spans {
				if sp.Start < 0 || sp.End > len(s.Words) || sp.Start >= sp.End {
					t.Fatalf("bad span %v over %d words", sp, len(s.Words))
				}
			}
		}
	})
}

func FuzzLoad(f *testing.F) {
	m := tinyModel(f)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("FLNER\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		m.Recognize([]string{"John", "Smith", "visited", "Paris", "."})
	})
}
