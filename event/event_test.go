package event

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/lexicon/petrarch"
)

// testDicts are small PETRARCH-format dictionaries for the table tests.
func testDicts(t testing.TB) *petrarch.Dictionaries {
	t.Helper()
	d := petrarch.New()
	read := func(text, name string, kind petrarch.Kind) {
		if err := d.Read(strings.NewReader(text), name, kind); err != nil {
			t.Fatal(err)
		}
	}
	read(`ARNOR [ARN]
ROHAN [ROH]
GONDOR [GON]
MORDOR [MOR]
MINAS TIRITH [MNT]
`, "test.actors.txt", petrarch.ActorsKind)
	read(`SOLDIER [~MIL]
MINISTER [~GOV]
`, "test.agents.txt", petrarch.AgentsKind)
	read(`--- ATTACK [190] ---
ATTACK
- * + WITH ARTILLERY [195]
--- VISIT [042:043] ---
VISIT
--- SAY [010] ---
SAY {SAID SAYS SAYING}
--- MEET [040] ---
MEET {MET MEETS MEETING}
--- POSTPONE [120] ---
POSTPONE
- % HAVE * [191]
--- BELIEVE [023] ---
BELIEVE
--- ALLOW [080] ---
ALLOW
- * PLEASANT_PLACE [024]
--- WELCOME [041] ---
WELCOME
--- RESTORE [064] ---
RESTORE
- * NEW_TIES [050]
--- RECEIVE [033] ---
RECEIVE
- + * MONEY $ [071]
--- SIGN [081] ---
SIGN
--- LEAVE [012] ---
LEAVE
--- LEFT [032:033] ---
LEFT
--- FIRE [190] ---
FIRE
--- PRESENT [---] ---
PRESENT
- * EVIDENCE [1124]
`, "test.verbs.txt", petrarch.VerbsKind)
	read(`FOOTBALL MATCH
`, "test.discards.txt", petrarch.DiscardsKind)
	return d
}

// tok is one hand-parsed token: word, UPOS, lemma, head (index in the
// sentence, -1 root) and relation.
type tok struct {
	w, pos, lemma string
	head          int
	dep           string
}

// buildDoc lays the tokens out as one sentence separated by blanks.
func buildDoc(toks []tok) *faultline.Document {
	var b strings.Builder
	doc := &faultline.Document{ID: "t", Published: "2020-05-01"}
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(t.w)
		lemma := t.lemma
		if lemma == "" {
			lemma = strings.ToLower(t.w)
		}
		doc.Tokens = append(doc.Tokens, faultline.Token{Start: start, End: b.Len(), POS: t.pos, Lemma: lemma, Head: t.head, Dep: t.dep, SpaceAfter: true})
	}
	doc.Text = b.String()
	doc.Sentences = []faultline.Sentence{{Start: 0, End: len(doc.Text), TokenStart: 0, TokenEnd: len(toks)}}
	return doc
}

func TestCoderTable(t *testing.T) {
	dicts := testDicts(t)
	tests := []struct {
		name string
		toks []tok
		want []string // "SRC CODE TGT [flags]"
	}{
		{"transitive", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"}},
			[]string{"ARN 190 GON"}},
		{"pattern with preposition", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"},
			{"with", "ADP", "", 4, "case"}, {"artillery", "NOUN", "", 1, "obl"}},
			[]string{"ARN 195 GON"}},
		{"passive with agent", []tok{{"Gondor", "PROPN", "", 2, "nsubj:pass"}, {"was", "AUX", "be", 2, "aux:pass"}, {"attacked", "VERB", "attack", -1, "root"},
			{"by", "ADP", "", 4, "case"}, {"Arnor", "PROPN", "", 2, "obl:agent"}},
			[]string{"ARN 190 GON"}},
		{"no target, no event", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"yesterday", "NOUN", "", 1, "obl:tmod"}},
			nil},
		{"unknown subject, no event", []tok{{"Someone", "PRON", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"}},
			nil},
		{"negated", []tok{{"Arnor", "PROPN", "", 3, "nsubj"}, {"did", "AUX", "do", 3, "aux"}, {"not", "PART", "", 3, "advmod"}, {"attack", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 3, "obj"}},
			[]string{"ARN 190 GON neg"}},
		{"hypothetical", []tok{{"Arnor", "PROPN", "", 2, "nsubj"}, {"could", "AUX", "", 2, "aux"}, {"attack", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 2, "obj"}},
			[]string{"ARN 190 GON hyp"}},
		{"coordinated subjects", []tok{{"Arnor", "PROPN", "", 3, "nsubj"}, {"and", "CCONJ", "", 2, "cc"}, {"Rohan", "PROPN", "", 0, "conj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 3, "obj"}},
			[]string{"ARN 190 GON", "ROH 190 GON"}},
		{"agent attached to country", []tok{{"Arnor", "PROPN", "", 1, "compound"}, {"soldiers", "NOUN", "soldier", 2, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 2, "obj"}},
			[]string{"ARNMIL 190 GON"}},
		{"reverse code", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"visited", "VERB", "visit", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"}},
			[]string{"ARN 042 GON", "GON 043 ARN"}},
		{"control verb takes the subject", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"decided", "VERB", "decide", -1, "root"}, {"to", "PART", "", 3, "mark"}, {"attack", "VERB", "attack", 1, "xcomp"}, {"Gondor", "PROPN", "", 3, "obj"}},
			[]string{"ARN 190 GON hyp"}},
		{"reported violence accuses", []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"said", "VERB", "say", -1, "root"}, {"Arnor", "PROPN", "", 3, "nsubj"}, {"attacked", "VERB", "attack", 1, "ccomp"}, {"Gondor", "PROPN", "", 3, "obj"}},
			[]string{"ARN 190 GON", "ROH 112 ARN"}},
		{"event noun", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"spoke", "VERB", "speak", -1, "root"}, {"during", "ADP", "", 4, "case"}, {"a", "DET", "", 4, "det"}, {"meeting", "NOUN", "", 1, "obl"},
			{"with", "ADP", "", 6, "case"}, {"Gondor", "PROPN", "", 4, "nmod"}},
			[]string{"ARN 040 GON"}},
		{"verb read as a noun", []tok{{"Arnor", "PROPN", "", 1, "compound"}, {"vows", "NOUN", "vow", 4, "nsubj"}, {"not", "PART", "", 4, "advmod"}, {"to", "PART", "", 4, "mark"},
			{"meet", "VERB", "meet", -1, "root"}, {"Gondor", "PROPN", "", 4, "obj"}},
			[]string{"ARN 125 GON"}},
		{"agent without a country as a last resort", []tok{{"soldiers", "NOUN", "soldier", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"}},
			[]string{"---MIL 190 GON"}},
		{"agent without a country yields to a conjoined actor", []tok{{"Arnor", "PROPN", "", 3, "nsubj"}, {"and", "CCONJ", "", 2, "cc"}, {"soldiers", "NOUN", "soldier", 0, "conj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 3, "obj"}},
			[]string{"ARN 190 GON"}},
		{"subject stranded by the parse", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"}, {",", "PUNCT", "", 5, "punct"},
			{"some", "DET", "", 5, "det"}, {"soldiers", "NOUN", "soldier", 2, "appos"}, {"are", "AUX", "be", 7, "aux"}, {"threatening", "VERB", "threaten", 1, "advcl"},
			{"to", "PART", "", 9, "mark"}, {"attack", "VERB", "attack", 7, "xcomp"}, {"Mordor", "PROPN", "", 9, "obj"}},
			[]string{"---MIL 138 MOR hyp", "ARN 190 GON"}},
		{"compound subject of a '%' pattern acts on each other", []tok{{"Arnor", "PROPN", "", 4, "nsubj"}, {"and", "CCONJ", "", 2, "cc"}, {"Rohan", "PROPN", "", 0, "conj"},
			{"have", "AUX", "", 4, "aux"}, {"postponed", "VERB", "postpone", -1, "root"}, {"their", "PRON", "", 6, "nmod:poss"}, {"meeting", "NOUN", "", 4, "obj"}},
			[]string{"ARN 191 ROH", "ROH 191 ARN"}},
		{"'%' pattern needs a compound subject", []tok{{"Arnor", "PROPN", "", 2, "nsubj"},
			{"has", "AUX", "have", 2, "aux"}, {"postponed", "VERB", "postpone", -1, "root"}, {"its", "PRON", "", 4, "nmod:poss"}, {"meeting", "NOUN", "", 2, "obj"}},
			nil},
		{"uncoded complement: its subject is the target", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"believes", "VERB", "believe", -1, "root"}, {"Rohan", "PROPN", "", 4, "nsubj"},
			{"can", "AUX", "", 4, "aux"}, {"cope", "VERB", "cope", 1, "ccomp"}},
			[]string{"ARN 023 ROH"}},
		{"coded complement keeps its own event", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"believes", "VERB", "believe", -1, "root"}, {"Rohan", "PROPN", "", 3, "nsubj"},
			{"attacked", "VERB", "attack", 1, "ccomp"}, {"Gondor", "PROPN", "", 3, "obj"}},
			[]string{"ROH 190 GON"}},
		{"pronoun subject of a complement is no target", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"believes", "VERB", "believe", -1, "root"}, {"it", "PRON", "", 4, "nsubj"},
			{"can", "AUX", "", 4, "aux"}, {"cope", "VERB", "cope", 1, "ccomp"}},
			nil},
		{"pattern words in a copular complement", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"allowed", "VERB", "allow", -1, "root"}, {"that", "SCONJ", "", 8, "mark"},
			{"Gondor", "PROPN", "", 8, "nsubj"}, {"is", "AUX", "be", 8, "cop"}, {"not", "PART", "", 8, "advmod"}, {"a", "DET", "", 8, "det"}, {"pleasant", "ADJ", "", 8, "amod"},
			{"place", "NOUN", "", 1, "ccomp"}},
			[]string{"ARN 024 GON"}},
		{"agent of a participle modifying the object", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"welcomed", "VERB", "welcome", -1, "root"}, {"memos", "NOUN", "memo", 1, "obj"},
			{"sent", "VERB", "send", 2, "acl"}, {"by", "ADP", "", 5, "case"}, {"Gondor", "PROPN", "", 3, "obl:agent"}},
			[]string{"ARN 041 GON"}},
		{"place of a participle modifying the object is no target", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"welcomed", "VERB", "welcome", -1, "root"}, {"memos", "NOUN", "memo", 1, "obj"},
			{"written", "VERB", "write", 2, "acl"}, {"in", "ADP", "", 5, "case"}, {"Gondor", "PROPN", "", 3, "obl"}},
			nil},
		{"participle on an agent word keeps the agent", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"welcomed", "VERB", "welcome", -1, "root"}, {"soldiers", "NOUN", "soldier", 1, "obj"},
			{"sent", "VERB", "send", 2, "acl"}, {"by", "ADP", "", 5, "case"}, {"Gondor", "PROPN", "", 3, "obl:agent"}},
			[]string{"ARN 041 ---MIL"}},
		{"joined pattern words adjacent", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"restored", "VERB", "restore", -1, "root"}, {"new", "ADJ", "", 3, "amod"}, {"ties", "NOUN", "tie", 1, "obj"},
			{"with", "ADP", "", 5, "case"}, {"Gondor", "PROPN", "", 3, "nmod"}},
			[]string{"ARN 050 GON"}},
		{"joined pattern words apart do not match", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"restored", "VERB", "restore", -1, "root"}, {"new", "ADJ", "", 4, "amod"}, {"trade", "NOUN", "", 4, "compound"},
			{"ties", "NOUN", "tie", 1, "obj"}, {"with", "ADP", "", 6, "case"}, {"Gondor", "PROPN", "", 4, "nmod"}},
			[]string{"ARN 064 GON"}},
		{"pattern with the target before the verb swaps the roles", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"received", "VERB", "receive", -1, "root"}, {"money", "NOUN", "", 1, "obj"},
			{"from", "ADP", "", 4, "case"}, {"Gondor", "PROPN", "", 1, "obl"}},
			[]string{"GON 071 ARN"}},
		{"other patterns of the verb keep the subject as source", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"received", "VERB", "receive", -1, "root"}, {"letters", "NOUN", "letter", 1, "obj"},
			{"from", "ADP", "", 4, "case"}, {"Gondor", "PROPN", "", 1, "obl"}},
			[]string{"ARN 033 GON"}},
		{"object of an uncoded purpose clause is the target", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"signed", "VERB", "sign", -1, "root"}, {"accords", "NOUN", "accord", 1, "obj"},
			{"to", "PART", "", 4, "mark"}, {"feed", "VERB", "feed", 1, "advcl"}, {"Gondor", "PROPN", "", 4, "obj"}},
			[]string{"ARN 081 GON"}},
		{"coded purpose clause codes its own event", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"signed", "VERB", "sign", -1, "root"}, {"accords", "NOUN", "accord", 1, "obj"},
			{"to", "PART", "", 4, "mark"}, {"attack", "VERB", "attack", 1, "advcl"}, {"Gondor", "PROPN", "", 4, "obj"}},
			[]string{"ARN 190 GON"}},
		{"an entry for the very form beats the lemma's", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"left", "VERB", "leave", -1, "root"}, {"for", "ADP", "", 3, "case"}, {"Gondor", "PROPN", "", 1, "obl"}},
			[]string{"ARN 032 GON", "GON 033 ARN"}},
		{"other forms take the lemma's entry", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"leaves", "VERB", "leave", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"}},
			[]string{"ARN 012 GON"}},
		{"passive: pattern words in the subject, target in its modifier", []tok{{"Evidence", "NOUN", "evidence", 4, "nsubj:pass"}, {"against", "ADP", "", 2, "case"}, {"Gondor", "PROPN", "", 0, "nmod"},
			{"was", "AUX", "be", 4, "aux:pass"}, {"presented", "VERB", "present", -1, "root"}, {"by", "ADP", "", 6, "case"}, {"Arnor", "PROPN", "", 4, "obl:agent"}},
			[]string{"ARN 1124 GON"}},
		{"active counterpart", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"presented", "VERB", "present", -1, "root"}, {"evidence", "NOUN", "", 1, "obj"},
			{"against", "ADP", "", 4, "case"}, {"Gondor", "PROPN", "", 2, "nmod"}},
			[]string{"ARN 1124 GON"}},
		{"negation of the verb a purpose clause serves is no refusal", []tok{{"Arnor", "PROPN", "", 3, "nsubj"}, {"did", "AUX", "do", 3, "aux"}, {"not", "PART", "", 3, "advmod"},
			{"give", "VERB", "give", -1, "root"}, {"permission", "NOUN", "", 3, "obj"}, {"to", "PART", "", 6, "mark"}, {"meet", "VERB", "meet", 3, "advcl"}, {"Gondor", "PROPN", "", 6, "obj"}},
			[]string{"ARN 040 GON neg"}},
		{"own negation of a cooperative act is a refusal", []tok{{"Arnor", "PROPN", "", 3, "nsubj"}, {"did", "AUX", "do", 3, "aux"}, {"not", "PART", "", 3, "advmod"},
			{"meet", "VERB", "meet", -1, "root"}, {"Gondor", "PROPN", "", 3, "obj"}},
			[]string{"ARN 125 GON"}},
		{"passive directive: the act is only asked for", []tok{{"Arnor", "PROPN", "", 2, "nsubj:pass"}, {"was", "AUX", "be", 2, "aux:pass"}, {"urged", "VERB", "urge", -1, "root"},
			{"by", "ADP", "", 4, "case"}, {"Rohan", "PROPN", "", 2, "obl:agent"}, {"to", "PART", "", 6, "mark"}, {"meet", "VERB", "meet", 2, "advcl"}, {"Gondor", "PROPN", "", 6, "obj"}},
			nil},
		{"former office holders are elites", []tok{{"Former", "ADJ", "former", 2, "amod"}, {"Arnor", "PROPN", "", 2, "compound"}, {"soldiers", "NOUN", "soldier", 3, "nsubj"},
			{"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 3, "obj"}},
			[]string{"ARNELI 190 GON"}},
		{"oblique of a prepositional adverb", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"close", "ADV", "", 1, "advmod"},
			{"to", "ADP", "", 5, "case"}, {"the", "DET", "", 5, "det"}, {"border", "NOUN", "", 2, "obl"}, {"with", "ADP", "", 7, "case"}, {"Gondor", "PROPN", "", 5, "nmod"}},
			[]string{"ARN 190 GON"}},
		{"conjoined roles share the first one's country", []tok{{"Arnor", "PROPN", "", 1, "compound"}, {"soldiers", "NOUN", "soldier", 4, "nsubj"}, {"and", "CCONJ", "", 3, "cc"},
			{"ministers", "NOUN", "minister", 1, "conj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 4, "obj"}},
			[]string{"ARNGOV 190 GON", "ARNMIL 190 GON"}},
		{"conjoined roles share the first one's modifiers", []tok{{"Soldiers", "NOUN", "soldier", 7, "nsubj"}, {"and", "CCONJ", "", 2, "cc"},
			{"ministers", "NOUN", "minister", 0, "conj"}, {"of", "ADP", "", 4, "case"}, {"Arnor", "PROPN", "", 0, "nmod"}, {"and", "CCONJ", "", 6, "cc"}, {"Rohan", "PROPN", "", 4, "conj"},
			{"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 7, "obj"}},
			[]string{"ARNGOV 190 GON", "ARNMIL 190 GON", "ROHGOV 190 GON", "ROHMIL 190 GON"}},
		{"words tied by '_' in one token match a phrase", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Minas_Tirith", "PROPN", "", 1, "obj"}},
			[]string{"ARN 190 MNT"}},
		{"a phrase must end at a token boundary", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Minas_Tirith_Gate", "PROPN", "", 1, "obj"}},
			nil},
		{"a lowercase demonym compound describes a thing", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"signed", "VERB", "sign", -1, "root"}, {"rohan", "NOUN", "", 3, "compound"},
			{"accords", "NOUN", "accord", 1, "obj"}, {"with", "ADP", "", 5, "case"}, {"Gondor", "PROPN", "", 3, "nmod"}},
			[]string{"ARN 081 GON"}},
		{"unnamed role holders who believe something are coded", []tok{{"Soldiers", "NOUN", "soldier", 1, "nsubj"}, {"believe", "VERB", "believe", -1, "root"}, {"Rohan", "PROPN", "", 4, "nsubj"},
			{"can", "AUX", "", 4, "aux"}, {"cope", "VERB", "cope", 1, "ccomp"}},
			[]string{"---MIL 023 ROH"}},
		{"unnamed role holders who say something are only a source", []tok{{"Soldiers", "NOUN", "soldier", 1, "nsubj"}, {"said", "VERB", "say", -1, "root"}, {"Rohan", "PROPN", "", 4, "nsubj"},
			{"can", "AUX", "", 4, "aux"}, {"cope", "VERB", "cope", 1, "ccomp"}},
			nil},
		{"a role noun shared by two country words", []tok{{"Arnor", "PROPN", "", 4, "nsubj"}, {"and", "CCONJ", "", 3, "cc"}, {"Rohan", "PROPN", "", 3, "compound"},
			{"soldiers", "NOUN", "soldier", 0, "conj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 4, "obj"}},
			[]string{"ARNMIL 190 GON", "ROHMIL 190 GON"}},
		{"'at X on Thursday' parsed as one phrase of the time word", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"fired", "VERB", "fire", -1, "root"}, {"shells", "NOUN", "shell", 1, "obj"},
			{"at", "ADP", "", 6, "case"}, {"Gondor", "PROPN", "", 6, "nmod:unmarked"}, {"on", "ADP", "", 6, "case"}, {"Thursday", "PROPN", "", 1, "obl"}},
			[]string{"ARN 190 GON"}},
		{"a group known by a name is that name", []tok{{"The", "DET", "", 1, "det"}, {"band", "NOUN", "", 5, "nsubj"}, {"known", "VERB", "know", 1, "acl"},
			{"as", "ADP", "", 4, "case"}, {"Rohan", "PROPN", "", 2, "obl"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 5, "obj"}},
			[]string{"ROH 190 GON"}},
		{"a group known for a place is not the place", []tok{{"The", "DET", "", 1, "det"}, {"band", "NOUN", "", 5, "nsubj"}, {"known", "VERB", "know", 1, "acl"},
			{"in", "ADP", "", 4, "case"}, {"Rohan", "PROPN", "", 2, "obl"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 5, "obj"}},
			nil},
		{"discarded sentence", []tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"}, {"in", "ADP", "", 5, "case"}, {"football", "NOUN", "", 5, "compound"}, {"match", "NOUN", "", 1, "obl"}},
			nil},
	}
	c := NewStage(dicts)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildDoc(tc.toks)
			if err := c.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range doc.Events {
				s := e.SourceCode + " " + e.CAMEO + " " + e.TargetCode
				if e.Negated {
					s += " neg"
				}
				if e.Hypothetical {
					s += " hyp"
				}
				got = append(got, s)
				if doc.Text[e.Trigger.Start:e.Trigger.End] != e.Trigger.Text {
					t.Errorf("trigger %+v does not match text", e.Trigger)
				}
				if e.Date != "2020-05-01" {
					t.Errorf("date %q, want the publication date", e.Date)
				}
				if e.Confidence <= 0 || e.Confidence >= 1 {
					t.Errorf("confidence %v outside (0,1)", e.Confidence)
				}
				if e.QuadClass == 0 {
					t.Errorf("no QuadClass for %s", e.CAMEO)
				}
			}
			sort.Strings(got)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestEntitiesAndTimes checks entity codes, reported_by, the governing time
// expression and the place.
func TestEntitiesAndTimes(t *testing.T) {
	doc := buildDoc([]tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"said", "VERB", "say", -1, "root"}, {"Arnor", "PROPN", "", 3, "nsubj"}, {"attacked", "VERB", "attack", 1, "ccomp"},
		{"Gondor", "PROPN", "", 3, "obj"}, {"on", "ADP", "", 6, "case"}, {"Monday", "PROPN", "", 3, "obl"}, {"in", "ADP", "", 8, "case"}, {"Minas", "PROPN", "", 3, "obl"}})
	text := doc.Text
	at := func(w string) faultline.Mention {
		i := strings.Index(text, w)
		return faultline.Mention{Start: i, End: i + len(w), Text: w}
	}
	doc.Entities = []faultline.Entity{
		{ID: "E1", Name: "Rohan", Type: faultline.EntityGPE, Mentions: []faultline.Mention{at("Rohan")}, Actor: &faultline.Actor{Code: "ROH"}},
		{ID: "E2", Name: "Arnor", Type: faultline.EntityGPE, Mentions: []faultline.Mention{at("Arnor")}, Actor: &faultline.Actor{Code: "ARNMIL"}},
	}
	m := at("Monday")
	doc.Times = []faultline.Time{{Text: m.Text, Start: m.Start, End: m.End, Value: "2020-04-27", Grain: "day"}}
	doc.Places = []faultline.Place{{ID: "P1", Name: "Minas", Mentions: []faultline.Mention{at("Minas")}}}
	if err := NewStage(testDicts(t)).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var attack *faultline.Event
	for i := range doc.Events {
		if doc.Events[i].CAMEO == "190" {
			attack = &doc.Events[i]
		}
	}
	if attack == nil {
		t.Fatalf("no attack event in %+v", doc.Events)
	}
	if attack.SourceCode != "ARNMIL" || attack.Source == nil || *attack.Source != "E2" {
		t.Errorf("source %q %v, want the entity's ARNMIL / E2", attack.SourceCode, attack.Source)
	}
	if attack.ReportedBy == nil || *attack.ReportedBy != "E1" {
		t.Errorf("reported_by %v, want E1", attack.ReportedBy)
	}
	if attack.Date != "2020-04-27" {
		t.Errorf("date %q, want the governing time 2020-04-27", attack.Date)
	}
	if attack.Place == nil || *attack.Place != "P1" {
		t.Errorf("place %v, want P1", attack.Place)
	}
	if attack.Plover.Type == "" {
		t.Errorf("no PLOVER type for %s", attack.CAMEO)
	}
}

func TestStoryDiscard(t *testing.T) {
	d := testDicts(t)
	if err := d.Read(strings.NewReader("+WORLD CUP\n"), "story.discards.txt", petrarch.DiscardsKind); err != nil {
		t.Fatal(err)
	}
	doc := buildDoc([]tok{{"Arnor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"}, {"before", "ADP", "", 5, "case"}, {"World", "PROPN", "", 5, "compound"}, {"Cup", "PROPN", "", 1, "obl"}})
	if err := NewStage(d).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 0 {
		t.Errorf("story discard: got %d events", len(doc.Events))
	}
}

// TestBadInput checks that malformed parses never panic.
func TestBadInput(t *testing.T) {
	docs := []*faultline.Document{
		{},
		{Text: "x", Tokens: []faultline.Token{{Start: 0, End: 1, Head: 5, POS: "VERB"}}, Sentences: []faultline.Sentence{{Start: 0, End: 1, TokenStart: 0, TokenEnd: 1}}},
		{Text: "ab", Tokens: []faultline.Token{{Start: 0, End: 9, Head: 0, POS: "VERB"}, {Start: 1, End: 2, Head: 0, Dep: "nsubj"}}, Sentences: []faultline.Sentence{{Start: 0, End: 2, TokenStart: 0, TokenEnd: 2}}},
		{Text: "ab", Tokens: []faultline.Token{{Start: 0, End: 1}}, Sentences: []faultline.Sentence{{TokenStart: 0, TokenEnd: 7}}},
	}
	c := NewStage(testDicts(t))
	for i, d := range docs {
		if err := c.Process(context.Background(), d); err != nil {
			t.Logf("doc %d: %v", i, err)
		}
	}
}

// TestQuoteReporter checks that an attributed quote stands in for a speech
// verb that the parse lost: the reported event gets reported_by, and
// reported violence makes the speaker accuse its doer.
func TestQuoteReporter(t *testing.T) {
	doc := buildDoc([]tok{{"Rohan", "PROPN", "", 4, "dep"}, {"warned", "VERB", "warn", 0, "acl:relcl"}, {"that", "SCONJ", "", 4, "mark"},
		{"Arnor", "PROPN", "", 4, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Gondor", "PROPN", "", 4, "obj"}})
	text := doc.Text
	q := strings.Index(text, "Arnor")
	speaker := "E1"
	doc.Quotes = []faultline.Quote{{Text: text[q:], Start: q, End: len(text), Speaker: &speaker, SpeakerText: "Rohan", Cue: "warned"}}
	doc.Entities = []faultline.Entity{{ID: "E1", Name: "Rohan", Type: faultline.EntityGPE,
		Mentions: []faultline.Mention{{Start: 0, End: 5, Text: "Rohan"}}, Actor: &faultline.Actor{Code: "ROH"}}}
	if err := NewStage(testDicts(t)).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range doc.Events {
		s := e.SourceCode + " " + e.CAMEO + " " + e.TargetCode + " [" + e.Trigger.Text + "]"
		if e.ReportedBy != nil {
			s += " by " + *e.ReportedBy
		}
		got = append(got, s)
	}
	sort.Strings(got)
	want := []string{"ARN 190 GON [attacked] by E1", "ROH 112 ARN [warned]"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestConditionalThreat checks that a conditional attack is a threat, and
// that "them" finds its antecedent in the condition.
func TestConditionalThreat(t *testing.T) {
	doc := buildDoc([]tok{{"If", "SCONJ", "if", 3, "mark"}, {"Arnor", "PROPN", "", 2, "compound"}, {"soldiers", "NOUN", "soldier", 3, "nsubj"},
		{"stay", "VERB", "stay", 7, "advcl"}, {",", "PUNCT", "", 3, "punct"}, {"Rohan", "PROPN", "", 7, "nsubj"}, {"will", "AUX", "", 7, "aux"},
		{"attack", "VERB", "attack", -1, "root"}, {"them", "PRON", "they", 7, "obj"}})
	doc.Tokens[2].XPOS = "NNS"
	if err := NewStage(testDicts(t)).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 || doc.Events[0].SourceCode != "ROH" || doc.Events[0].CAMEO != "138" || doc.Events[0].TargetCode != "ARNMIL" {
		t.Fatalf("got %+v, want ROH 138 ARNMIL", doc.Events)
	}
	// a singular antecedent does not stand for "them"
	doc = buildDoc([]tok{{"If", "SCONJ", "if", 3, "mark"}, {"Arnor", "PROPN", "", 3, "nsubj"},
		{"x", "X", "", 3, "dep"}, {"stays", "VERB", "stay", 7, "advcl"}, {",", "PUNCT", "", 3, "punct"}, {"Rohan", "PROPN", "", 7, "nsubj"}, {"will", "AUX", "", 7, "aux"},
		{"attack", "VERB", "attack", -1, "root"}, {"them", "PRON", "they", 7, "obj"}})
	doc.Tokens[1].XPOS = "NNP"
	if err := NewStage(testDicts(t)).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 0 {
		t.Errorf("got %+v, want no event", doc.Events)
	}
}

// TestConfidenceEvidence checks the direction of the fitted weights that
// the calibration relies on: hedged, reported and object-only events are
// less sure than plain ones. (Sentence length is not checked: the refit
// after round 3 gives it a small positive weight, +0.05 per 20 tokens.)
func TestConfidenceEvidence(t *testing.T) {
	plain := features{srcVia: "nsubj", tgtVia: "objmod", srcExact: true, tgtExact: true, quad: 1, code: "042", srcCode: "ARN", tgtCode: "GON", sentEvents: 1, sentTokens: 12}
	tests := []struct {
		name   string
		change func(*features)
	}{
		{"hypothetical", func(f *features) { f.hyp = true }},
		{"reported", func(f *features) { f.reported = true }},
		{"direct object target", func(f *features) { f.tgtVia = "obj" }},
		{"negated", func(f *features) { f.neg = true }},
		{"agent codes", func(f *features) { f.srcCode, f.tgtCode = "ARNGOV", "GONMIL" }},
	}
	base := confidence(plain)
	for _, tc := range tests {
		f := plain
		tc.change(&f)
		if c := confidence(f); c >= base || c <= 0 {
			t.Errorf("%s: confidence %v, want below the plain event's %v", tc.name, c, base)
		}
	}
}

// TestMonthGrainDate checks that a month-grain time expression governing
// the event dates it to the month ("warned in February"), while a day-grain
// one wins when both govern it.
func TestMonthGrainDate(t *testing.T) {
	toks := []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"said", "VERB", "say", -1, "root"}, {"in", "ADP", "", 3, "case"}, {"February", "PROPN", "", 1, "obl"},
		{"Arnor", "PROPN", "", 5, "nsubj"}, {"attacked", "VERB", "attack", 1, "ccomp"}, {"Gondor", "PROPN", "", 5, "obj"}, {"on", "ADP", "", 8, "case"}, {"Monday", "PROPN", "", 5, "obl"}}
	doc := buildDoc(toks)
	at := func(w string) (int, int) {
		i := strings.Index(doc.Text, w)
		return i, i + len(w)
	}
	fs, fe := at("in February")
	ms, me := at("Monday")
	doc.Times = []faultline.Time{{Text: "in February", Start: fs, End: fe, Value: "2020-02", Grain: "month"},
		{Text: "Monday", Start: ms, End: me, Value: "2020-04-27", Grain: "day"}}
	if err := NewStage(testDicts(t)).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"190": "2020-04-27", "112": "2020-04-27"}
	// the accusation's clause holds both times: the day wins
	for _, e := range doc.Events {
		if w, ok := want[e.CAMEO]; ok && e.Date != w {
			t.Errorf("%s dated %q, want %q", e.CAMEO, e.Date, w)
		}
		delete(want, e.CAMEO)
	}
	if len(want) > 0 {
		t.Errorf("missing events %v in %+v", want, doc.Events)
	}
	// without the day, the month dates the accusation
	doc = buildDoc(toks)
	doc.Times = []faultline.Time{{Text: "in February", Start: fs, End: fe, Value: "2020-02", Grain: "month"}}
	if err := NewStage(testDicts(t)).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Events {
		if e.CAMEO == "112" && e.Date != "2020-02" {
			t.Errorf("accusation dated %q, want 2020-02", e.Date)
		}
		if e.CAMEO == "190" && e.Date != "2020-05-01" {
			t.Errorf("attack dated %q, want the publication date", e.Date)
		}
	}
}

// TestNestingTransformations checks the verb dictionary's transformations:
// an event nested under a verb they name is rewritten ("X claimed that Y
// attacked Z": X accuses Y), the nested event kept by default and replaced
// in PETRARCH mode.
func TestNestingTransformations(t *testing.T) {
	d := testDicts(t)
	if err := d.Read(strings.NewReader(`--- ALLEGE [110] ---
CLAIM
~ a (a b ATTACK) CLAIM = a b 015
~ a (b . ATTACK) CLAIM = a b 112
--- WANT [030] ---
WANT
~ a (_ b ATTACK) WANT = a b 138
~ a (b . ATTACK) WANT = a b 021
--- EXPEL [174] ---
EXPEL
--- REPORT [010] ---
REPORT
~ a (a b Q) REPORT = a b Q
`), "nest.verbs.txt", petrarch.VerbsKind); err != nil {
		t.Fatal(err)
	}
	claim := func(subj string, negated bool) []tok {
		toks := []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"claimed", "VERB", "claim", -1, "root"}, {subj, "PROPN", "", 3, "nsubj"},
			{"attacked", "VERB", "attack", 1, "ccomp"}, {"Gondor", "PROPN", "", 3, "obj"}, {"and", "CCONJ", "", 6, "cc"}, {"attacked", "VERB", "attack", 3, "conj"},
			{"Mordor", "PROPN", "", 6, "obj"}}
		if negated {
			toks = []tok{{"Rohan", "PROPN", "", 3, "nsubj"}, {"did", "AUX", "do", 3, "aux"}, {"not", "PART", "", 3, "advmod"}, {"claim", "VERB", "claim", -1, "root"},
				{subj, "PROPN", "", 5, "nsubj"}, {"attacked", "VERB", "attack", 3, "ccomp"}, {"Gondor", "PROPN", "", 5, "obj"}}
		}
		return toks
	}
	want := func(verb string) []tok {
		return []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"wants", "VERB", "want", -1, "root"}, {"to", "PART", "", 3, "mark"},
			{verb, "VERB", verb, 1, "xcomp"}, {"Gondor", "PROPN", "", 3, "obj"}}
	}
	report := []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"reported", "VERB", "report", -1, "root"}, {"Rohan", "PROPN", "", 3, "nsubj"},
		{"attacked", "VERB", "attack", 1, "ccomp"}, {"Gondor", "PROPN", "", 3, "obj"}}
	wantOther := []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"wants", "VERB", "want", -1, "root"}, {"Arnor", "PROPN", "", 1, "obj"}, {"to", "PART", "", 4, "mark"},
		{"attack", "VERB", "attack", 1, "xcomp"}, {"Gondor", "PROPN", "", 4, "obj"}}
	tests := []struct {
		name     string
		toks     []tok
		petrarch bool
		want     []string
	}{
		{"wanting another to attack is appealing to it", wantOther, false, []string{"ROH 021 ARN"}},
		{"PETRARCH mode: an appeal too", wantOther, true, []string{"ROH 021 ARN"}},
		{"a rewrite that is the nested event is not coded twice", report, false, []string{"ROH 190 GON"}},
		{"PETRARCH mode: the same", report, true, []string{"ROH 190 GON"}},
		{"accusation beside the reported attacks", claim("Arnor", false), false, []string{"ARN 190 GON", "ARN 190 MOR", "ROH 112 ARN"}},
		{"PETRARCH mode: only the accusation", claim("Arnor", false), true, []string{"ROH 112 ARN"}},
		{"claiming one's own attack is claiming responsibility", claim("Rohan", false), true, []string{"ROH 015 GON", "ROH 015 MOR"}},
		{"a denied claim is no accusation", claim("Arnor", true), true, []string{"ARN 190 GON"}},
		{"an intended attack is a threat", want("attack"), false, []string{"ROH 138 GON"}},
		{"PETRARCH mode: by the dictionary's transformation", want("attack"), true, []string{"ROH 138 GON"}},
		{"an intended meeting is an intent to meet", want("meet"), false, []string{"ROH 036 GON"}},
		{"PETRARCH mode: intended cooperation is an intent too", want("meet"), true, []string{"ROH 036 GON"}},
		{"PETRARCH mode: other intended acts are acts", want("expel"), true, []string{"ROH 174 GON"}},
		{"an intended expulsion is a threat to expel", want("expel"), false, []string{"ROH 137 GON"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := New(d, Options{PetrarchNesting: tc.petrarch})
			doc := buildDoc(tc.toks)
			if err := c.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range doc.Events {
				got = append(got, e.SourceCode+" "+e.CAMEO+" "+e.TargetCode)
				if doc.Text[e.Trigger.Start:e.Trigger.End] != e.Trigger.Text {
					t.Errorf("trigger %+v does not match text", e.Trigger)
				}
			}
			sort.Strings(got)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestUserAgentsOnly checks that with the user's agents dictionary the
// roles take their codes from it alone, as in PETRARCH: faultline's own
// role words ("leader", "forces") still make the noun phrase an actor but
// add no code.
func TestUserAgentsOnly(t *testing.T) {
	withAgents := testDicts(t)
	noAgents := petrarch.New()
	if err := noAgents.Read(strings.NewReader("GONDOR [GON]\nROHAN [ROH]\n"), "t.actors.txt", petrarch.ActorsKind); err != nil {
		t.Fatal(err)
	}
	if err := noAgents.Read(strings.NewReader("--- MEET [040] ---\nMEET {MET MEETS MEETING}\n--- ATTACK [190] ---\nATTACK\n"), "t.verbs.txt", petrarch.VerbsKind); err != nil {
		t.Fatal(err)
	}
	leaderMet := []tok{{"The", "DET", "the", 2, "det"}, {"Gondor", "PROPN", "", 2, "compound"}, {"leader", "NOUN", "leader", 3, "nsubj"},
		{"met", "VERB", "meet", -1, "root"}, {"the", "DET", "the", 6, "det"}, {"Rohan", "PROPN", "", 6, "compound"}, {"minister", "NOUN", "minister", 3, "obj"}}
	forcesAttacked := []tok{{"Gondor", "PROPN", "", 1, "compound"}, {"forces", "NOUN", "force", 2, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {"Rohan", "PROPN", "", 2, "obj"}}
	tests := []struct {
		name string
		d    *petrarch.Dictionaries
		toks []tok
		want []string
	}{
		{"leader is no agent of the user's dictionary", withAgents, leaderMet, []string{"GON 040 ROHGOV"}},
		{"without an agents dictionary our own roles code", noAgents, leaderMet, []string{"GONGOV 040 ROHGOV"}},
		{"our own role word marks the actor without its code", withAgents, forcesAttacked, []string{"GON 190 ROH"}},
		{"our own role word codes without an agents dictionary", noAgents, forcesAttacked, []string{"GONMIL 190 ROH"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := codedTriples(t, NewStage(tc.d), tc.toks)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestReverseCodeHost checks that the second event of a "[042:043]" code
// (the host of a visit) is coded only when the actor is the object itself:
// an actor naming the thing attended ("the Gondor fair") hosts nothing.
func TestReverseCodeHost(t *testing.T) {
	tests := []struct {
		name string
		toks []tok
		want []string
	}{
		{"visited country hosts", []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"visited", "VERB", "visit", -1, "root"}, {"Gondor", "PROPN", "", 1, "obj"}},
			[]string{"GON 043 ROH", "ROH 042 GON"}},
		{"the country of the thing visited does not host", []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"visited", "VERB", "visit", -1, "root"}, {"the", "DET", "the", 4, "det"},
			{"Gondor", "PROPN", "", 4, "compound"}, {"fair", "NOUN", "fair", 1, "obj"}},
			[]string{"ROH 042 GON"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := codedTriples(t, NewStage(testDicts(t)), tc.toks)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPatternWordBelowOblique checks that a pattern's word after the verb
// matches the heads of its object and obliques, not a noun that an
// oblique is part of ("at the start of a trip" is no trip made).
func TestPatternWordBelowOblique(t *testing.T) {
	d := testDicts(t)
	if err := d.Read(strings.NewReader("--- MAKE [---] ---\nMAKE {MADE MAKES MAKING}\n- * TRIP [036]\n"), "make.verbs.txt", petrarch.VerbsKind); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		toks []tok
		want []string
	}{
		{"a trip made", []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"made", "VERB", "make", -1, "root"}, {"a", "DET", "a", 3, "det"}, {"trip", "NOUN", "trip", 1, "obj"},
			{"to", "ADP", "to", 5, "case"}, {"Gondor", "PROPN", "", 3, "nmod"}}, []string{"ROH 036 GON"}},
		{"remarks made at the start of a trip", []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"made", "VERB", "make", -1, "root"}, {"remarks", "NOUN", "remark", 1, "obj"},
			{"in", "ADP", "in", 4, "case"}, {"Gondor", "PROPN", "", 1, "obl"}, {"at", "ADP", "at", 7, "case"}, {"the", "DET", "the", 7, "det"}, {"start", "NOUN", "start", 1, "obl"},
			{"of", "ADP", "of", 10, "case"}, {"a", "DET", "a", 10, "det"}, {"trip", "NOUN", "trip", 7, "nmod"}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := codedTriples(t, NewStage(d), tc.toks)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCommonNounName checks that a name written as a common noun with an
// indefinite article ("a strict Islamic state") is not the actor it names.
func TestCommonNounName(t *testing.T) {
	attacked := func(det, adj, head string) []tok {
		return []tok{{"Gondor", "PROPN", "", 1, "nsubj"}, {"attacked", "VERB", "attack", -1, "root"}, {det, "DET", det, 5, "det"},
			{adj, "ADJ", adj, 5, "amod"}, {"Islamic", "ADJ", "islamic", 5, "amod"}, {head, "PROPN", strings.ToLower(head), 1, "obj"}}
	}
	tests := []struct {
		name string
		toks []tok
		want []string
	}{
		{"the group's name", attacked("the", "so-called", "State"), []string{"GON 190 IMGMUSISI"}},
		{"a common noun", attacked("a", "strict", "state"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := codedTriples(t, NewStage(testDicts(t)), tc.toks)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRelationObject checks that coordinated subjects of a cooperative
// verb whose object is a relation ("deepen a partnership") are the
// parties, and that an intention to act is coded by the act it governs,
// not also by the verb of intending.
func TestRelationObject(t *testing.T) {
	d := testDicts(t)
	if err := d.Read(strings.NewReader("--- BOOST [060] ---\nDEEPEN\n--- HUNT [---] ---\nSEEK {SEEKS SEEKING SOUGHT} [030]\n"), "rel.verbs.txt", petrarch.VerbsKind); err != nil {
		t.Fatal(err)
	}
	subj := []tok{{"Rohan", "PROPN", "", 3, "nsubj"}, {"and", "CCONJ", "", 2, "cc"}, {"Gondor", "PROPN", "", 0, "conj"}}
	deepened := append(append([]tok(nil), subj...), tok{"deepened", "VERB", "deepen", -1, "root"}, tok{"a", "DET", "a", 5, "det"}, tok{"partnership", "NOUN", "partnership", 3, "obj"})
	seek := append(append([]tok(nil), subj...), tok{"seek", "VERB", "seek", -1, "root"}, tok{"to", "PART", "to", 5, "mark"}, tok{"deepen", "VERB", "deepen", 3, "xcomp"},
		tok{"a", "DET", "a", 7, "det"}, tok{"partnership", "NOUN", "partnership", 5, "obj"})
	seekOnly := append(append([]tok(nil), subj...), tok{"seek", "VERB", "seek", -1, "root"}, tok{"a", "DET", "a", 5, "det"}, tok{"deal", "NOUN", "deal", 3, "obj"})
	tests := []struct {
		name string
		toks []tok
		want []string
	}{
		{"a relation between the subjects", deepened, []string{"GON 060 ROH", "ROH 060 GON"}},
		{"the intention is the act's", seek, []string{"GON 031 ROH", "ROH 031 GON"}},
		{"an object that is no relation names no parties", seekOnly, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := codedTriples(t, NewStage(d), tc.toks)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTellingIsNotAccusing checks that a verb that only tells ("said")
// accuses the doer of violence it reports, but not of an arrest, which a
// verb of warning does.
func TestTellingIsNotAccusing(t *testing.T) {
	d := testDicts(t)
	if err := d.Read(strings.NewReader("--- ARREST [173] ---\nARREST\n--- WARN [130] ---\nWARN\n"), "tell.verbs.txt", petrarch.VerbsKind); err != nil {
		t.Fatal(err)
	}
	told := func(verb, lemma, act, actLemma string) []tok {
		return []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {verb, "VERB", lemma, -1, "root"}, {"Gondor", "PROPN", "", 3, "nsubj"},
			{act, "VERB", actLemma, 1, "ccomp"}, {"Arnor", "PROPN", "", 3, "obj"}}
	}
	tests := []struct {
		name string
		toks []tok
		want []string
	}{
		{"telling of an attack accuses", told("said", "say", "attacked", "attack"), []string{"GON 190 ARN", "ROH 112 GON"}},
		{"telling of an arrest does not", told("said", "say", "arrested", "arrest"), []string{"GON 173 ARN"}},
		{"warning of an arrest does", told("warned", "warn", "arrested", "arrest"), []string{"GON 173 ARN", "ROH 112 GON"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := codedTriples(t, NewStage(d), tc.toks)
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRepeatedPatternLastWins checks that a pattern written twice in a
// block takes the later code, as PETRARCH's pattern tree does.
func TestRepeatedPatternLastWins(t *testing.T) {
	d := testDicts(t)
	if err := d.Read(strings.NewReader("--- ORDER [100] ---\nORDER\n- * PROBE [091] # ORDER\n- * PROBE [1014] # ORDER\n- * HALT [192] # ORDER\n"), "order.verbs.txt", petrarch.VerbsKind); err != nil {
		t.Fatal(err)
	}
	ordered := func(obj string) []tok {
		return []tok{{"Rohan", "PROPN", "", 1, "nsubj"}, {"ordered", "VERB", "order", -1, "root"}, {"a", "DET", "a", 3, "det"}, {obj, "NOUN", obj, 1, "obj"},
			{"against", "ADP", "", 5, "case"}, {"Gondor", "PROPN", "", 3, "nmod"}}
	}
	for _, tc := range []struct{ obj, want string }{{"probe", "ROH 1014 GON"}, {"halt", "ROH 192 GON"}} {
		got := codedTriples(t, NewStage(d), ordered(tc.obj))
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("%s: got %q, want %q", tc.obj, got, tc.want)
		}
	}
}

// codedTriples runs the coder on a document built from toks and returns
// its events as sorted "SOURCE CODE TARGET" strings.
func codedTriples(t *testing.T, c *Coder, toks []tok) []string {
	t.Helper()
	doc := buildDoc(toks)
	if err := c.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range doc.Events {
		got = append(got, e.SourceCode+" "+e.CAMEO+" "+e.TargetCode)
	}
	sort.Strings(got)
	return got
}
