package event

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestParseVariants codes invented sentences under the wrong parses that a
// retrained tagger and parser gave to sentences of the same shape: each
// case is one rule of repairParse or of the coder's reading of subjects
// and targets, and the coding must not depend on the variant.
func TestParseVariants(t *testing.T) {
	dicts := testDicts(t)
	tests := []struct {
		name string
		toks []tok
		own  bool // faultline's own lexicon instead of the test dictionaries
		xpos map[int]string
		want []string // "SRC CODE TGT [hyp]", sorted
	}{
		// repairParse
		{"words hung on the full stop", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"fired", "VERB", "fire", -1, "root"}, {"shells", "NOUN", "shell", 1, "obj"},
			{"at", "ADP", "", 7, "case"}, {"Gondor", "PROPN", "", 7, "compound"}, {"on", "ADP", "", 6, "case"}, {"Monday", "PROPN", "", 4, "nmod"}, {".", "PUNCT", "", 1, "punct"}},
			false, nil, []string{"ARN 190 GON"}},
		{"conditional clause under the subject noun", []tok{{"If", "SCONJ", "if", 3, "mark"}, {"Arnor", "PROPN", "", 2, "compound"}, {"soldiers", "NOUN", "soldier", 3, "nsubj"},
			{"stay", "VERB", "stay", 5, "advcl"}, {",", "PUNCT", "", 3, "punct"}, {"Rohan", "PROPN", "", 7, "nsubj"}, {"will", "AUX", "", 7, "aux"},
			{"attack", "VERB", "attack", -1, "root"}, {"them", "PRON", "they", 7, "obj"}},
			false, map[int]string{2: "NNS"}, []string{"ROH 138 ARNMIL hyp"}},
		{"verb tagged an interjection", []tok{{"Arnor", "PROPN", "", 5, "nsubj"}, {"and", "CCONJ", "", 2, "cc"}, {"Rohan", "PROPN", "", 0, "conj"},
			{"welcome", "INTJ", "", 5, "reparandum"}, {"a", "DET", "", 5, "det"}, {"treaty", "NOUN", "", -1, "root"}, {"with", "ADP", "", 7, "case"},
			{"Gondor", "PROPN", "", 5, "nmod"}},
			false, nil, []string{"ARN 041 GON", "ROH 041 GON"}},
		{"passive agent under an active verb", []tok{{"Arnor", "PROPN", "", 2, "nsubj"}, {"has", "AUX", "have", 2, "aux"}, {"received", "VERB", "receive", -1, "root"},
			{"by", "ADP", "", 5, "case"}, {"courier", "ADJ", "", 5, "amod"}, {"money", "NOUN", "", 2, "obl:agent"}, {"from", "ADP", "", 7, "case"}, {"Gondor", "PROPN", "", 5, "nmod"}},
			false, nil, []string{"GON 071 ARN"}},
		{"noun conjoined to a verb", []tok{{"Arnor", "PROPN", "", 2, "nsubj"}, {"will", "AUX", "", 2, "aux"}, {"restore", "VERB", "restore", -1, "root"},
			{"full", "ADJ", "", 2, "xcomp"}, {"and", "CCONJ", "", 6, "cc"}, {"cordial", "ADJ", "", 6, "amod"}, {"ties", "NOUN", "tie", 2, "conj"},
			{"with", "ADP", "", 8, "case"}, {"Gondor", "PROPN", "", 6, "nmod"}},
			false, nil, []string{"ARN 064 GON hyp"}},
		{"noun conjoined to a verb across a comma stays apart", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"met", "VERB", "meet", -1, "root"},
			{"with", "ADP", "", 3, "case"}, {"Rohan", "PROPN", "", 1, "obl"}, {",", "PUNCT", "", 6, "punct"}, {"Gondor", "PROPN", "", 6, "compound"}, {"reports", "NOUN", "report", 1, "conj"}},
			false, nil, []string{"ARN 040 ROH"}},
		{"bare oblique after a coordinated verb", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"condemned", "VERB", "condemn", -1, "root"}, {"the", "DET", "", 3, "det"},
			{"raid", "NOUN", "", 1, "obj"}, {"and", "CCONJ", "", 5, "cc"}, {"signed", "VERB", "sign", 1, "conj"}, {"accords", "NOUN", "accord", 1, "obl"},
			{"with", "ADP", "", 8, "case"}, {"Gondor", "PROPN", "", 6, "nmod"}},
			false, nil, []string{"ARN 081 GON"}},
		{"fighting between read as a noun", []tok{{"Men", "NOUN", "man", 1, "nsubj"}, {"fled", "VERB", "flee", -1, "root"}, {"fighting", "NOUN", "fighting", 1, "obj"},
			{"between", "ADP", "", 4, "case"}, {"Russia", "PROPN", "", 2, "nmod"}, {"and", "CCONJ", "", 6, "cc"}, {"Ukraine", "PROPN", "", 4, "conj"}},
			true, nil, []string{"RUS 190 UKR", "UKR 190 RUS"}},
		{"reported subject read as the reporting verb's object", []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"said", "VERB", "say", -1, "root"}, {"soldiers", "NOUN", "soldier", 1, "obj"},
			{"from", "ADP", "", 4, "case"}, {"Arnor", "PROPN", "", 1, "obl"}, {"had", "AUX", "have", 6, "aux"}, {"attacked", "VERB", "attack", 1, "ccomp"}, {"Gondor", "PROPN", "", 6, "obj"}},
			false, nil, []string{"ARNMIL 190 GON", "ROH 112 ARNMIL"}},
		{"second subject continuing the first", []tok{{"Arnor", "PROPN", "", 1, "compound"}, {"envoy", "NOUN", "", 5, "nsubj"}, {"to", "ADP", "", 3, "case"},
			{"Minas", "PROPN", "", 1, "nmod"}, {"Tirith", "PROPN", "", 5, "nsubj"}, {"visited", "VERB", "visit", -1, "root"}, {"Gondor", "PROPN", "", 5, "obj"}},
			false, nil, []string{"ARN 042 GON", "GON 043 ARN"}},
		{"noun, -ing form and noun read as a clause", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"signed", "VERB", "sign", -1, "root"}, {"his", "PRON", "", 3, "nmod:poss"},
			{"peace", "NOUN", "", 1, "obj"}, {"keeping", "VERB", "keep", 1, "advcl"}, {"accord", "NOUN", "", 4, "obj"}, {"with", "ADP", "", 7, "case"},
			{"Gondor", "PROPN", "", 5, "nmod"}},
			false, map[int]string{3: "NN", 4: "VBG"}, []string{"ARN 081 GON"}},
		{"infinitive of intending as xcomp", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"threatened", "VERB", "threaten", -1, "root"}, {"to", "PART", "", 3, "mark"},
			{"attack", "VERB", "attack", 1, "xcomp"}, {"Gondor", "PROPN", "", 3, "obj"}},
			false, nil, []string{"ARN 138 GON hyp"}},
		{"infinitive of intending as ccomp", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"threatened", "VERB", "threaten", -1, "root"}, {"to", "PART", "", 3, "mark"},
			{"attack", "VERB", "attack", 1, "ccomp"}, {"Gondor", "PROPN", "", 3, "obj"}},
			false, nil, []string{"ARN 138 GON hyp"}},
		{"infinitive of intending as advcl", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"threatened", "VERB", "threaten", -1, "root"}, {"to", "PART", "", 3, "mark"},
			{"attack", "VERB", "attack", 1, "advcl"}, {"Gondor", "PROPN", "", 3, "obj"}},
			false, nil, []string{"ARN 138 GON hyp"}},
		{"verb of intending tagged an adjective", []tok{{"Arnor", "PROPN", "", 1, "compound"}, {"soldiers", "NOUN", "soldier", -1, "root"}, {"threatening", "ADJ", "threatening", 1, "amod"},
			{"to", "PART", "", 4, "mark"}, {"attack", "VERB", "attack", 2, "xcomp"}, {"Gondor", "PROPN", "", 4, "obj"}},
			false, nil, []string{"ARNMIL 138 GON hyp"}},
		// subjects
		{"a day read as the subject of a relative clause", []tok{{"Arnor", "PROPN", "", 1, "compound"}, {"soldiers", "NOUN", "soldier", -1, "root"},
			{"Tuesday", "PROPN", "tuesday", 3, "nsubj"}, {"attacked", "VERB", "attack", 1, "acl:relcl"}, {"Gondor", "PROPN", "", 3, "obj"}},
			false, nil, []string{"ARNMIL 190 GON"}},
		{"coordination closed by the verb", []tok{{"Arnor", "PROPN", "", -1, "root"}, {",", "PUNCT", "", 2, "punct"}, {"Rohan", "PROPN", "", 0, "conj"},
			{",", "PUNCT", "", 6, "punct"}, {"and", "CCONJ", "", 6, "cc"}, {"Gondor", "PROPN", "", 6, "nsubj"}, {"met", "VERB", "meet", 0, "conj"},
			{"yesterday", "NOUN", "yesterday", 6, "obl:unmarked"}},
			false, nil, []string{"ARN 040 GON", "ARN 040 ROH", "GON 040 ARN", "GON 040 ROH", "ROH 040 ARN", "ROH 040 GON"}},
		{"actor tagged an adverb", []tok{{"Arnor", "ADV", "", 1, "advmod"}, {"welcomed", "VERB", "welcome", -1, "root"}, {"the", "DET", "", 3, "det"},
			{"treaty", "NOUN", "", 1, "obj"}, {"with", "ADP", "", 5, "case"}, {"Gondor", "PROPN", "", 3, "nmod"}},
			false, nil, []string{"ARN 041 GON"}},
		{"participle with an infinitive", []tok{{"Arnor", "PROPN", "", 1, "compound"}, {"soldiers", "NOUN", "soldier", -1, "root"}, {"prepared", "VERB", "prepare", 1, "acl"},
			{"to", "PART", "", 4, "mark"}, {"attack", "VERB", "attack", 2, "xcomp"}, {"Gondor", "PROPN", "", 4, "obj"}},
			false, nil, []string{"ARNMIL 190 GON hyp"}},
		{"participle that only asks", []tok{{"Arnor", "PROPN", "", 1, "compound"}, {"soldiers", "NOUN", "soldier", -1, "root"}, {"ordered", "VERB", "order", 1, "acl"},
			{"to", "PART", "", 4, "mark"}, {"attack", "VERB", "attack", 2, "xcomp"}, {"Gondor", "PROPN", "", 4, "obj"}},
			false, nil, nil},
		// targets
		{"a phrase of time is no party", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"after", "ADP", "", 4, "case"},
			{"Gondor", "PROPN", "", 4, "compound"}, {"soldiers", "NOUN", "soldier", 1, "obl"}, {"left", "VERB", "leave", 4, "acl"}},
			false, nil, nil},
		{"place and day read as one phrase", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"fired", "VERB", "fire", -1, "root"}, {"shells", "NOUN", "shell", 1, "obj"},
			{"at", "ADP", "", 6, "case"}, {"Gondor", "PROPN", "", 6, "compound"}, {"late", "ADJ", "", 6, "amod"}, {"Sunday", "PROPN", "sunday", 1, "obl"}},
			false, nil, []string{"ARN 190 GON"}},
		{"participle modifying a noun heads no act", []tok{{"Rohan", "PROPN", "", 3, "nsubj"}, {"and", "CCONJ", "", 2, "cc"}, {"Gondor", "PROPN", "", 0, "conj"},
			{"seek", "VERB", "seek", -1, "root"}, {"ties", "NOUN", "tie", 3, "obj"}, {"by", "SCONJ", "", 6, "mark"}, {"visiting", "VERB", "visit", 7, "amod"},
			{"markets", "NOUN", "market", 3, "obl"}},
			false, nil, nil},
	}
	coder := NewStage(dicts)
	own := NewStage(nil)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildDoc(tc.toks)
			for i, x := range tc.xpos {
				doc.Tokens[i].XPOS = x
			}
			before := append(doc.Tokens[:0:0], doc.Tokens...)
			c := coder
			if tc.own {
				c = own
			}
			if err := c.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(before, doc.Tokens) {
				t.Errorf("the document's tokens were changed")
			}
			var got []string
			for _, e := range doc.Events {
				s := e.SourceCode + " " + e.CAMEO + " " + e.TargetCode
				if e.Hypothetical {
					s += " hyp"
				}
				got = append(got, s)
				if doc.Text[e.Trigger.Start:e.Trigger.End] != e.Trigger.Text {
					t.Errorf("trigger %+v does not match the text", e.Trigger)
				}
			}
			sort.Strings(got)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRepairParseKeepsGoodParses checks that a well-formed parse passes
// through repairParse unchanged.
func TestRepairParseKeepsGoodParses(t *testing.T) {
	doc := buildDoc([]tok{{"If", "SCONJ", "if", 2, "mark"}, {"Gondor", "PROPN", "", 2, "nsubj"}, {"stays", "VERB", "stay", 7, "advcl"},
		{",", "PUNCT", "", 2, "punct"}, {"Arnor", "PROPN", "", 7, "nsubj"}, {"has", "AUX", "", 7, "aux"}, {"been", "AUX", "be", 7, "aux:pass"},
		{"attacked", "VERB", "attack", -1, "root"}, {"by", "ADP", "", 9, "case"}, {"Rohan", "PROPN", "", 7, "obl:agent"}, {"and", "CCONJ", "", 11, "cc"},
		{"signed", "VERB", "sign", 7, "conj"}, {"accords", "NOUN", "accord", 11, "obj"}, {"on", "ADP", "", 14, "case"}, {"Monday", "PROPN", "monday", 11, "obl"},
		{".", "PUNCT", "", 7, "punct"}})
	got := repairParse(doc.Tokens, doc.Sentences)
	if !reflect.DeepEqual(got, doc.Tokens) {
		for i := range got {
			if got[i] != doc.Tokens[i] {
				t.Errorf("token %d changed: %+v -> %+v", i, doc.Tokens[i], got[i])
			}
		}
	}
}

// TestRepairParseCyclicInput feeds a parse with a cycle (outside input
// can hold one): repairing and coding it must end without a panic.
func TestRepairParseCyclicInput(t *testing.T) {
	doc := buildDoc([]tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {",", "PUNCT", "", 3, "punct"},
		{"Gondor", "PROPN", "", 2, "obl"}, {"aid", "NOUN", "", 1, "obl"}, {"sent", "VERB", "send", 4, "conj"}})
	_ = repairParse(doc.Tokens, doc.Sentences)
	if err := NewStage(testDicts(t)).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
}
