package perceptron_test

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/faultline-news/faultline/tag/perceptron"
)

func TestFileFraming(t *testing.T) {
	var buf bytes.Buffer
	if err := perceptron.WriteFile(&buf, "faultline-test/1", func(w *bufio.Writer) error {
		_, err := w.WriteString("body")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	tests := []struct {
		name, magic string
		data        []byte
		want, err   string
	}{
		{"round trip", "faultline-test/1", good, "body", ""},
		{"other format", "faultline-parser/1", good, "", "not a faultline-parser/1 file"},
		{"not gzip", "faultline-test/1", []byte("plain text"), "", "gzip"},
		{"truncated", "faultline-test/1", good[:len(good)/2], "", "EOF"},
	}
	for _, tt := range tests {
		got, err := perceptron.ReadFile(bytes.NewReader(tt.data), tt.magic)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want it to mention %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: got %q, %v", tt.name, got, err)
		}
	}
}
