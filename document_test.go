package faultline_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
)

// TestNormalizeKeepsEveryKey checks that an empty document marshals with
// every key of the document format present and no null lists.
func TestNormalizeKeepsEveryKey(t *testing.T) {
	var d faultline.Document
	d.Entities = []faultline.Entity{{ID: "E1"}}
	d.Normalize()
	b, err := json.Marshal(&d)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	keys := []string{"schema", "id", "source", "title", "published", "published_from", "language", "text",
		"removed", "duplicate_of", "sentences", "tokens", "entities", "quotes", "times", "quantities", "places", "events"}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing from %s", k, b)
		}
	}
	for _, k := range []string{"removed", "sentences", "tokens", "entities", "quotes", "times", "quantities", "places", "events"} {
		if m[k] == nil {
			t.Errorf("key %q is null, want []", k)
		}
	}
	if m["schema"] != faultline.SchemaDocument || m["published_from"] != "none" {
		t.Errorf("schema/published_from = %v/%v", m["schema"], m["published_from"])
	}
	if !strings.Contains(string(b), `"aliases":[]`) {
		t.Errorf("entity lists not normalised: %s", b)
	}
	if _, ok := m["errors"]; ok {
		t.Errorf("errors should be omitted when empty")
	}
}

func TestErrors(t *testing.T) {
	cause := errors.New("unexpected EOF")
	err := faultline.Errorf(faultline.EINVALID, "page.warc.gz: truncated at byte %d: %w; re-download it", 120, cause)
	wrapped := fmt.Errorf("ingest: %w", err)
	tests := []struct {
		err      error
		code     string
		msg      string
		exit     int
		status   int
		isCauses bool
	}{
		{nil, "", "", 0, 200, false},
		{err, faultline.EINVALID, "page.warc.gz: truncated at byte 120: unexpected EOF; re-download it", 2, 400, true},
		{wrapped, faultline.EINVALID, "page.warc.gz: truncated at byte 120: unexpected EOF; re-download it", 2, 400, true},
		{errors.New("plain"), faultline.EINTERNAL, "plain", 1, 500, false},
		{&faultline.Error{Code: faultline.ENOTFOUND, Message: "no document abc"}, faultline.ENOTFOUND, "no document abc", 3, 404, false},
	}
	for _, tt := range tests {
		if got := faultline.ErrorCode(tt.err); got != tt.code {
			t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.code)
		}
		if got := faultline.ErrorMessage(tt.err); got != tt.msg {
			t.Errorf("ErrorMessage(%v) = %q, want %q", tt.err, got, tt.msg)
		}
		if got := faultline.ExitCode(faultline.ErrorCode(tt.err)); got != tt.exit {
			t.Errorf("ExitCode = %d, want %d", got, tt.exit)
		}
		if got := faultline.HTTPStatus(faultline.ErrorCode(tt.err)); got != tt.status {
			t.Errorf("HTTPStatus = %d, want %d", got, tt.status)
		}
		if got := errors.Is(tt.err, cause); got != tt.isCauses {
			t.Errorf("errors.Is(cause) = %v, want %v", got, tt.isCauses)
		}
	}
}

func TestSentenceTokenRangesAndWords(t *testing.T) {
	text := "Talks resumed. Both sides met."
	toks := []faultline.Token{{Start: 0, End: 5}, {Start: 6, End: 13}, {Start: 13, End: 14},
		{Start: 15, End: 19}, {Start: 20, End: 25}, {Start: 26, End: 29}, {Start: 29, End: 30}}
	tests := []struct {
		name  string
		sents []faultline.Sentence
		want  string
	}{
		{"token indexes", []faultline.Sentence{{Start: 0, End: 14, TokenStart: 0, TokenEnd: 3}, {Start: 15, End: 30, TokenStart: 3, TokenEnd: 7}}, "Talks resumed .|Both sides met ."},
		{"byte offsets only", []faultline.Sentence{{Start: 0, End: 14}, {Start: 15, End: 30}}, "Talks resumed .|Both sides met ."},
		{"no sentences", nil, "Talks resumed . Both sides met ."},
	}
	for _, tt := range tests {
		d := &faultline.Document{Text: text, Tokens: toks, Sentences: tt.sents}
		var got []string
		for _, r := range d.SentenceTokenRanges() {
			words, err := d.TokenWords(r)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, strings.Join(words, " "))
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, g, tt.want)
		}
	}
	bad := &faultline.Document{Text: "short", Tokens: []faultline.Token{{Start: 0, End: 50}}}
	if _, err := bad.TokenWords([2]int{0, 1}); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("token outside the text: %v", err)
	}
}
