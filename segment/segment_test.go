package segment_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/segment"
)

// tokenTexts returns the token texts joined by single spaces (tokens never
// contain whitespace, so the join is unambiguous).
func tokenTexts(text string, toks []faultline.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = text[t.Start:t.End]
	}
	return strings.Join(parts, " ")
}

func sentenceTexts(text string, sents []faultline.Sentence) []string {
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = text[s.Start:s.End]
	}
	return out
}

// checkInvariants asserts what every caller of the package relies on.
func checkInvariants(t testing.TB, text string, toks []faultline.Token, sents []faultline.Sentence) {
	t.Helper()
	prevEnd := 0
	for i, tk := range toks {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d [%d,%d) out of order, empty or out of range (previous end %d, text length %d)", i, tk.Start, tk.End, prevEnd, len(text))
		}
		w := text[tk.Start:tk.End]
		if strings.IndexFunc(w, unicode.IsSpace) >= 0 {
			t.Fatalf("token %d %q contains whitespace", i, w)
		}
		if tk.Head != -1 || tk.POS != "" || tk.Lemma != "" {
			t.Fatalf("token %d %q: Head %d POS %q Lemma %q, want -1 and empty", i, w, tk.Head, tk.POS, tk.Lemma)
		}
		wantSpace := i+1 == len(toks) || toks[i+1].Start > tk.End
		if tk.SpaceAfter != wantSpace {
			t.Fatalf("token %d %q: SpaceAfter %v, want %v", i, w, tk.SpaceAfter, wantSpace)
		}
		// Tokens split valid UTF-8 only at rune boundaries.
		if utf8.ValidString(text) && (!utf8.ValidString(w)) {
			t.Fatalf("token %d %q splits a rune", i, w)
		}
		prevEnd = tk.End
	}
	// Every byte between tokens is a separator.
	gapStart := 0
	for _, tk := range append(toks, faultline.Token{Start: len(text)}) {
		for _, r := range text[gapStart:tk.Start] {
			if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
				t.Fatalf("byte range [%d,%d) %q between tokens holds %q, which is not a separator", gapStart, tk.Start, text[gapStart:tk.Start], r)
			}
		}
		gapStart = tk.End
	}
	next := 0
	for i, s := range sents {
		if s.TokenStart != next || s.TokenEnd <= s.TokenStart || s.TokenEnd > len(toks) {
			t.Fatalf("sentence %d tokens [%d,%d), want start %d, non-empty, within %d tokens", i, s.TokenStart, s.TokenEnd, next, len(toks))
		}
		if s.Start != toks[s.TokenStart].Start || s.End != toks[s.TokenEnd-1].End {
			t.Fatalf("sentence %d span [%d,%d) does not cover exactly its tokens [%d,%d)", i, s.Start, s.End, toks[s.TokenStart].Start, toks[s.TokenEnd-1].End)
		}
		next = s.TokenEnd
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clitic n't", "They don't and won't, can't.", "They do n't and wo n't , ca n't ."},
		{"clitic 's", "Iraq's Popular Mobilization Units", "Iraq 's Popular Mobilization Units"},
		{"clitics curly", "you’ve done it’s Mosul’s they’re I’m we’ll don’t", "you ’ve done it ’s Mosul ’s they ’re I ’m we ’ll do n’t"},
		{"clitic 'd 'll", "I'd say he'll go", "I 'd say he 'll go"},
		{"cannot gonna", "We cannot, gonna", "We can not , gon na"},
		{"plural possessive", "the travellers' bags", "the travellers ' bags"},
		{"decade 's whole", "in the 80's and 1990's", "in the 80's and 1990's"},
		{"possessive after abbreviation", "the U.S.'s role and Acme Inc.’s profit", "the U.S. 's role and Acme Inc. ’s profit"},
		{"inner apostrophe", "Shi'ite O'Leary Qa’im", "Shi'ite O'Leary Qa’im"},
		{"possessive after inner apostrophe", "O'Neill's plan", "O'Neill 's plan"},
		{"acronyms", "U.S. officials at the U.N. and E.U. today", "U.S. officials at the U.N. and E.U. today"},
		{"titles and initials", "Marine Maj. Adrian J.T. Rankine-Galloway", "Marine Maj. Adrian J.T. Rankine-Galloway"},
		{"degree", "a Ph.D. candidate", "a Ph.D. candidate"},
		{"Dr Jan a.m.", "Dr. Smith on Jan. 5 at 10 a.m. local time", "Dr. Smith on Jan. 5 at 10 a.m. local time"},
		{"hyphenated", "al-Hosseini led the U.S.-led so-called coalition", "al-Hosseini led the U.S.-led so-called coalition"},
		{"numbers", "9,000 troops, 3.5 percent, the 1990s", "9,000 troops , 3.5 percent , the 1990s"},
		{"currency percent", "$5 and 50% or €16bn", "$ 5 and 50 % or € 16 bn"},
		{"units", "at 10am, 5km and $221bn", "at 10 am , 5 km and $ 221 bn"},
		{"ordinals stay", "the 21st and 3rd", "the 21st and 3rd"},
		{"quotes straight", `He said "no" and 'yes'.`, `He said " no " and ' yes ' .`},
		{"quotes curly", "“If American forces refrain,” he said.", "“ If American forces refrain , ” he said ."},
		{"dashes", "heads—piglets and -- growers – all", "heads — piglets and -- growers – all"},
		{"ellipsis", "wait... and… then....", "wait ... and … then ...."},
		{"question runs", "Really?! Yes!!!", "Really ?! Yes !!!"},
		{"url", "See https://www.voanews.com/a/3783511.html, or www.fda.gov.", "See https://www.voanews.com/a/3783511.html , or www.fda.gov ."},
		{"url in parens", "(http://example.org/a_(b)) ok", "( http://example.org/a_(b) ) ok"},
		{"email", "Write to press@un.org.", "Write to press@un.org ."},
		{"domain", "HelpingAnimals.com said", "HelpingAnimals.com said"},
		{"missing space splits", "the end.The next", "the end . The next"},
		{"No. before number", "No. 3 and no. 4, but No. It isn't", "No. 3 and no. 4 , but No . It is n't"},
		{"times and dates", "at 15:00 on 9/11 and 24/7", "at 15:00 on 9/11 and 24/7"},
		{"ampersand", "AT&T and J&K, you & me", "AT&T and J&K , you & me"},
		{"hashtags and handles", "#MeToo by @UN_News, #1 and # 2", "#MeToo by @UN_News , # 1 and # 2"},
		{"brackets", "(PMF) [sic] {x}", "( PMF ) [ sic ] { x }"},
		{"sentence-final acronym", "in the U.S.", "in the U.S."},
		{"phone", "call 888-847-6592 now", "call 888-847-6592 now"},
		{"backquotes", "``Yes,'' he said", "`` Yes , '' he said"},
		{"non-latin", "Москва заявила, 北京", "Москва заявила , 北京"},
		{"invisible characters", "a\u200bb \ufeffc\u200e", "a b c"},
		{"empty", "", ""},
		{"only space", " \n\t ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := segment.Tokenize(tc.in)
			if got := tokenTexts(tc.in, toks); got != tc.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
			checkInvariants(t, tc.in, toks, segment.Sentences(tc.in, toks))
		})
	}
}

func TestTokenizeSplitHyphens(t *testing.T) {
	seg := segment.NewSegmenter(segment.Options{SplitHyphens: true})
	tests := []struct{ in, want string }{
		{"the U.S.-led coalition", "the U.S. - led coalition"},
		{"al-Hosseini and Rankine-Galloway", "al - Hosseini and Rankine - Galloway"},
		{"e-mail co-wrote non-fiction re-elected", "e-mail co-wrote non-fiction re-elected"},
		{"B-29s and F-16 jets", "B-29s and F-16 jets"},
		{"2013-2014 and 853-7906", "2013 - 2014 and 853-7906"},
	}
	for _, tc := range tests {
		toks := seg.Tokenize(tc.in)
		if got := tokenTexts(tc.in, toks); got != tc.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"titles and initials", "Marine Maj. Adrian J.T. Rankine-Galloway, a Pentagon spokesman, said it. Then he left.",
			[]string{"Marine Maj. Adrian J.T. Rankine-Galloway, a Pentagon spokesman, said it.", "Then he left."}},
		{"U.S. inside", "U.S. officials say there won't be a hasty withdrawal of 9,000 U.S. and coalition forces.",
			[]string{"U.S. officials say there won't be a hasty withdrawal of 9,000 U.S. and coalition forces."}},
		{"U.S. ends sentence", "The coalition is led by the U.S. The Iraqi army follows.",
			[]string{"The coalition is led by the U.S.", "The Iraqi army follows."}},
		{"U.S. before a name", "He met the U.S. Army chief and the U.S. Institute of Peace.",
			[]string{"He met the U.S. Army chief and the U.S. Institute of Peace."}},
		{"month and number", "It began on Jan. 5 in Mosul. No. 3 was next.",
			[]string{"It began on Jan. 5 in Mosul.", "No. 3 was next."}},
		{"quote with said", "“We will target them,” he said. “Americans have increased their activities,” he told the agency.",
			[]string{"“We will target them,” he said.", "“Americans have increased their activities,” he told the agency."}},
		{"period inside quote", "“At the moment they see a value there.” Hamasaeed said so.",
			[]string{"“At the moment they see a value there.”", "Hamasaeed said so."}},
		{"period after quote", "He called it “humane”. The officials agreed.",
			[]string{"He called it “humane”.", "The officials agreed."}},
		{"straight quotes", `He said "no." Then "Why?" she asked.`,
			[]string{`He said "no."`, `Then "Why?" she asked.`}},
		{"question with said", "“Why now?” he asked. “Because!” she said.",
			[]string{"“Why now?” he asked.", "“Because!” she said."}},
		{"question ends", "Will diplomacy work? Nobody knows! Maybe.",
			[]string{"Will diplomacy work?", "Nobody knows!", "Maybe."}},
		{"ellipsis", "This is an organization under the control of the state … If you accept this, fine... or not.",
			[]string{"This is an organization under the control of the state …", "If you accept this, fine... or not."}},
		{"paragraphs", "Common enemy\n\nThe U.S.-led coalition said it.\nIraqi leadership\nIraqi officials plan to work.",
			[]string{"Common enemy", "The U.S.-led coalition said it.", "Iraqi leadership", "Iraqi officials plan to work."}},
		{"wrapped line", "Davis said the U.S.-led\ncoalition conducted five strikes,\nkilling 12.\nthe end\n\nnext",
			[]string{"Davis said the U.S.-led\ncoalition conducted five strikes,\nkilling 12.", "the end", "next"}},
		{"heading without punctuation", "US advisers\nAl-Hosseini's threats come as the U.S. has 450 advisers.",
			[]string{"US advisers", "Al-Hosseini's threats come as the U.S. has 450 advisers."}},
		{"a.m. then sentence", "It happened at 5 a.m. He was asleep.",
			[]string{"It happened at 5 a.m.", "He was asleep."}},
		{"bracket after abbreviation", "It struck at 7:00 p.m. (NZDT) on Monday.",
			[]string{"It struck at 7:00 p.m. (NZDT) on Monday."}},
		{"reference marks", "It spread to the UK.[3] In 1891 it was found in the U.S. [4][5] Later it faded.",
			[]string{"It spread to the UK.[3]", "In 1891 it was found in the U.S. [4][5]", "Later it faded."}},
		{"company", "He joined Acme Inc. in 2010 and left Acme Corp. The firm said so.",
			[]string{"He joined Acme Inc. in 2010 and left Acme Corp.", "The firm said so."}},
		{"number starts sentence", "Troops left in 2011. 2012 was calm.",
			[]string{"Troops left in 2011.", "2012 was calm."}},
		{"lower case after period", "the talks ended. it was late.",
			[]string{"the talks ended.", "it was late."}},
		{"doubled punctuation", "Is it real.? Yes.",
			[]string{"Is it real.?", "Yes."}},
		{"bracket after period", "He left. (The talks failed.) Then war.",
			[]string{"He left.", "(The talks failed.)", "Then war."}},
		{"trailing space", "  One. Two.  \n",
			[]string{"One.", "Two."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents, toks := segment.Segment(tc.in)
			checkInvariants(t, tc.in, toks, sents)
			got := sentenceTexts(tc.in, sents)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestStage(t *testing.T) {
	st := segment.New()
	if st.Name() != "segment" {
		t.Errorf("Name() = %q", st.Name())
	}
	if got := st.Requires(); len(got) != 1 || got[0] != faultline.LayerText {
		t.Errorf("Requires() = %v", got)
	}
	if got := st.Assigns(); len(got) != 2 || got[0] != faultline.LayerSentences || got[1] != faultline.LayerTokens {
		t.Errorf("Assigns() = %v", got)
	}
	doc := &faultline.Document{Text: "U.S. officials said so. Iraq's PMF didn't."}
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, doc.Text, doc.Tokens, doc.Sentences)
	if len(doc.Sentences) != 2 || len(doc.Tokens) != 11 {
		t.Errorf("got %d sentences and %d tokens (%s), want 2 and 11", len(doc.Sentences), len(doc.Tokens), tokenTexts(doc.Text, doc.Tokens))
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.Process(ctx, &faultline.Document{Text: "x"}); !errors.Is(err, context.Canceled) {
		t.Errorf("Process with a cancelled context = %v, want context.Canceled", err)
	}
	if err := st.Process(context.Background(), nil); faultline.ErrorCode(err) != faultline.EINVALID {
		t.Errorf("Process(nil) = %v, want an %s error", err, faultline.EINVALID)
	}
	empty := &faultline.Document{}
	if err := st.Process(context.Background(), empty); err != nil || empty.Tokens == nil || empty.Sentences == nil || len(empty.Tokens)+len(empty.Sentences) != 0 {
		t.Errorf("empty document: err %v, tokens %v, sentences %v; want no error and empty, non-nil layers", err, empty.Tokens, empty.Sentences)
	}
}

// TestSampleArticle checks lines of a real article from ../shared/samples,
// read at test time (the article is not part of the repository).
func TestSampleArticle(t *testing.T) {
	path := filepath.Join(sharedDir(t), "samples", "000_e9c81a236e9288db.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("sample article %s not readable (%v)", path, err)
	}
	text := string(data)
	sents, toks := segment.Segment(text)
	checkInvariants(t, text, toks, sents)
	got := map[string]string{} // sentence text → its tokens
	for _, s := range sents {
		got[text[s.Start:s.End]] = tokenTexts(text, toks[s.TokenStart:s.TokenEnd])
	}
	// Whole lines of the article that must come out as one sentence each,
	// with the tokens given where they are tricky.
	want := []struct {
		prefix, tokens string
		wholeLine      bool
	}{
		{"Shi'ite Militias Could Turn Against US Forces After IS Leaves Mosul", "", true},
		{"US advisers", "US advisers", true},
		{"Common enemy", "", true},
		{"U.S. officials say there won't be a hasty withdrawal", "U.S. officials say there wo n't be a hasty withdrawal of more than 9,000 U.S. and coalition forces after Mosul 's capture .", false},
		{"And one of the aims is", "", false},
		{"“We are certainly aware of Iran's activities", "“ We are certainly aware of Iran 's activities within the region , both within Iraq and within Syria , ” Marine Maj. Adrian J.T. Rankine-Galloway , a Pentagon spokesman , said during an interview with VOA this week .", false},
		{"“U.S. law specifically prohibits us", "", false},
		{"“If American forces refrain from leaving", "", true},
		{"As Iraqi forces come closer", "", true},
		{"Al-Hosseini's threats come as the U.S. currently has", "", false},
	}
	for _, w := range want {
		found := false
		for s, tk := range got {
			if strings.HasPrefix(s, w.prefix) {
				found = true
				if w.tokens != "" && tk != w.tokens {
					t.Errorf("sentence %q\n got tokens %s\nwant %s", s, tk, w.tokens)
				}
				// The sentence is a whole line of the article.
				if w.wholeLine && !strings.Contains("\n"+text+"\n", "\n"+s+"\n") {
					t.Errorf("sentence %q is not a whole line of the article", s)
				}
			}
		}
		if !found {
			t.Errorf("no sentence starts with %q", w.prefix)
		}
	}
}
