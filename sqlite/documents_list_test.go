package sqlite

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
)

func TestDocumentsStreamsInStoredOrder(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	first := newDoc("Talks in Geneva", article)
	edited := strings.Replace(article, "lasted more than six hours", "lasted almost seven hours", 1)
	docs := []*faultline.Document{first, newDoc("Floods", otherArticle), newDoc("Copy", edited)}
	if _, err := s.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		skipDup bool
		want    []string
	}{
		{false, []string{"Talks in Geneva", "Floods", "Copy"}},
		{true, []string{"Talks in Geneva", "Floods"}},
	}
	for _, tt := range tests {
		var got []string
		err := s.Documents(ctx, tt.skipDup, func(d *faultline.Document) error {
			got = append(got, d.Title)
			if d.Fingerprint == 0 {
				t.Errorf("%s: fingerprint not restored", d.Title)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("skipDuplicates=%v: got %v, want %v", tt.skipDup, got, tt.want)
		}
	}
	stop := errors.New("stop")
	n := 0
	if err := s.Documents(ctx, false, func(*faultline.Document) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("yield error: got %v after %d docs", err, n)
	}
}

func TestDocumentsPage(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	edited := strings.Replace(article, "lasted more than six hours", "lasted almost seven hours", 1)
	if _, err := s.PutBatch(ctx, []*faultline.Document{newDoc("A", article), newDoc("B", otherArticle), newDoc("C", edited)}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		skipDup       bool
		limit, offset int
		want          string
	}{
		{false, 2, 0, "A|B"},
		{false, 2, 2, "C"},
		{false, 5, 3, ""},
		{true, 5, 1, "B"},
		{false, 0, 0, ""},
	}
	for _, tt := range tests {
		var got []string
		if err := s.DocumentsPage(ctx, tt.skipDup, tt.limit, tt.offset, func(d *faultline.Document) error {
			got = append(got, d.Title)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("DocumentsPage(%v, %d, %d) = %q, want %q", tt.skipDup, tt.limit, tt.offset, g, tt.want)
		}
	}
	if err := s.DocumentsPage(ctx, false, -1, 0, func(*faultline.Document) error { return nil }); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("negative limit: %v", err)
	}
}
