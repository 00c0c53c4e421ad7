package conllu

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
)

const sample = `# sent_id = s1
# text = Don't go.
1-2	Don't	_	_	_	_	_	_	_	_
1	Do	do	AUX	VBP	Mood=Ind	3	aux	3:aux	_
2	n't	not	PART	RB	Polarity=Neg	3	advmod	3:advmod	_
3	go	go	VERB	VB	VerbForm=Inf	0	root	0:root	SpaceAfter=No
3.1	gone	go	VERB	VBN	_	_	_	3:conj	_
4	.	.	PUNCT	.	_	3	punct	3:punct	_

`

func TestRead(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		sentences int
		words     []int
		wantErr   bool
	}{
		{"sample", sample, 1, []int{4}, false},
		{"two sentences no final blank", "1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n\n1\tb\t_\t_\t_\t_\t0\troot\t_\t_", 2, []int{1, 1}, false},
		{"crlf and extra blanks", "\r\n\r\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\r\n\r\n\r\n", 1, []int{1}, false},
		{"empty input", "", 0, nil, false},
		{"comments only", "# newdoc id = x\n", 1, []int{0}, false},
		{"nine fields", "1\ta\t_\t_\t_\t_\t0\troot\t_\n", 0, nil, true},
		{"id out of sequence", "2\ta\t_\t_\t_\t_\t0\troot\t_\t_\n", 0, nil, true},
		{"bad head", "1\ta\t_\t_\t_\t_\tx\troot\t_\t_\n", 0, nil, true},
		{"head beyond sentence", "1\ta\t_\t_\t_\t_\t5\troot\t_\t_\n", 0, nil, true},
		{"bad range", "2-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 0, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(context.Background(), strings.NewReader(tt.in), "test.conllu")
			if tt.wantErr {
				var fe *faultline.Error
				if !errors.As(err, &fe) || fe.Code != faultline.EINVALID {
					t.Fatalf("err = %v, want *faultline.Error invalid", err)
				}
				if !strings.Contains(err.Error(), "test.conllu") {
					t.Errorf("error %q does not name the file", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.sentences {
				t.Fatalf("%d sentences, want %d", len(got), tt.sentences)
			}
			for i, s := range got {
				if len(s.Words) != tt.words[i] {
					t.Errorf("sentence %d: %d words, want %d", i, len(s.Words), tt.words[i])
				}
			}
		})
	}
}

func TestSampleFields(t *testing.T) {
	got, err := Read(context.Background(), strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	s := got[0]
	if s.ID() != "s1" || s.Text() != "Don't go." {
		t.Errorf("comments: id %q text %q", s.ID(), s.Text())
	}
	if len(s.MultiWords) != 1 || s.MultiWords[0] != (MultiWord{Start: 1, End: 2, Form: "Don't", Misc: "_"}) {
		t.Errorf("multiwords = %+v", s.MultiWords)
	}
	if len(s.Empty) != 1 || s.Empty[0].After != 3 {
		t.Errorf("empty nodes = %+v", s.Empty)
	}
	w := s.Words[2]
	want := Word{ID: 3, Form: "go", Lemma: "go", UPOS: "VERB", XPOS: "VB", Feats: "VerbForm=Inf", Head: 0,
		Deprel: "root", Deps: "0:root", Misc: "SpaceAfter=No"}
	if w != want {
		t.Errorf("word 3 = %+v, want %+v", w, want)
	}
	if got := strings.Join(s.Forms(), " "); got != "Do n't go ." {
		t.Errorf("forms = %q", got)
	}
}

func TestRoundTrip(t *testing.T) {
	got, err := Read(context.Background(), strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, got); err != nil {
		t.Fatal(err)
	}
	if buf.String() != sample {
		t.Errorf("round trip differs:\n%s\nwant:\n%s", buf.String(), sample)
	}
}

func TestReaderEOF(t *testing.T) {
	r := NewReader(strings.NewReader(sample), "sample")
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("second Next: %v, want io.EOF", err)
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := ReadFile(context.Background(), "testdata/does-not-exist.conllu")
	if faultline.ErrorCode(err) != faultline.ENOTFOUND {
		t.Fatalf("err = %v, want not_found", err)
	}
}

func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, strings.NewReader(sample), "sample"); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n")
	f.Add("1-3\tx\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := Read(context.Background(), strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, sents); err != nil {
			t.Fatal(err)
		}
		again, err := Read(context.Background(), &buf, "again")
		if err != nil {
			t.Fatalf("re-reading written output: %v\n%q", err, buf.String())
		}
		if len(again) > len(sents) {
			t.Fatalf("re-read %d sentences from %d", len(again), len(sents))
		}
	})
}
