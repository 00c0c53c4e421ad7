package conllu

import (
	"context"
	"strings"
	"testing"
)

func TestGUMNonCommercial(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"GUM_fiction_lamb", true},
		{"GUM_whow_kite", true},
		{"GUM_essay_x", true},
		{"GUM_letter_x", true},
		{"GUM_podcast_x", true},
		{"GUM_reddit_x", true},
		{"GUM_news_iodine", false},
		{"GUM_academic_x", false},
		{"weblog-juancole.com_fiction_2005", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := GUMNonCommercial(tt.id); got != tt.want {
			t.Errorf("GUMNonCommercial(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestWithoutNonCommercialGUM(t *testing.T) {
	// Invented documents: a news doc of two sentences, a fiction doc of
	// two, then a voyage doc of one.
	var b strings.Builder
	for _, d := range []struct {
		id string
		n  int
	}{{"GUM_news_a", 2}, {"GUM_fiction_b", 2}, {"GUM_voyage_c", 1}} {
		for i := range d.n {
			if i == 0 {
				b.WriteString("# newdoc id = " + d.id + "\n")
			}
			b.WriteString("# sent_id = " + d.id + "-" + string(rune('1'+i)) + "\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n")
		}
	}
	sents, err := Read(context.Background(), strings.NewReader(b.String()), "test")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range WithoutNonCommercialGUM(sents) {
		ids = append(ids, s.ID())
	}
	if got, want := strings.Join(ids, " "), "GUM_news_a-1 GUM_news_a-2 GUM_voyage_c-1"; got != want {
		t.Errorf("kept %q, want %q", got, want)
	}
}
