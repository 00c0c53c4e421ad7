package wordscan_test

import (
	"strings"
	"testing"

	"github.com/faultline-news/faultline/wordscan"
)

func TestScan(t *testing.T) {
	tests := []struct {
		text string
		want string // tokens joined by |, kinds as W N P
	}{
		{"U.S. forces, 9,000 strong.", "u.s.:W|forces:W|,:P|9,000:N|strong:W|.:P"},
		{"Shi'ite militia in mid-March 2017", "shi'ite:W|militia:W|in:W|mid-march:W|2017:N"},
		{"Iraq's 1990s", "iraq:W|'s:P|1990s:N"},
		{"", ""},
	}
	kinds := map[wordscan.Kind]string{wordscan.Word: "W", wordscan.Number: "N", wordscan.Punct: "P"}
	for _, tt := range tests {
		var got []string
		for _, tk := range wordscan.Scan(tt.text, 0, len(tt.text), nil) {
			if strings.ToLower(tt.text[tk.Start:tk.End]) != tk.Lower {
				t.Errorf("%q: token %q at [%d,%d) has Lower %q", tt.text, tt.text[tk.Start:tk.End], tk.Start, tk.End, tk.Lower)
			}
			got = append(got, tk.Lower+":"+kinds[tk.Kind])
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Scan(%q) = %s, want %s", tt.text, g, tt.want)
		}
	}
}

func FuzzScan(f *testing.F) {
	f.Add("U.S.-led coalition of 9,000 troops on March 23, 2017.")
	f.Add("\xff\xfe’s 5bn")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, tk := range wordscan.Scan(text, 0, len(text), nil) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
				t.Fatalf("bad token [%d,%d) after %d in %q", tk.Start, tk.End, prev, text)
			}
			prev = tk.End
		}
	})
}
