package event

import (
	"strings"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/lexicon/petrarch"
)

// nestRule is a dictionary transformation (petrarch.Rule) with its verbs
// looked up: the outer verb's entries and the nested verb's code.
type nestRule struct {
	petrarch.Rule
	outer     []*petrarch.Verb
	innerCode string // "" for a code variable
}

func nestRules(user *petrarch.Dictionaries) []nestRule {
	if user == nil || user.Verbs == nil {
		return nil
	}
	var out []nestRule
	for _, r := range user.Verbs.Rules() {
		n := nestRule{Rule: r, outer: user.Verbs.ByLemma(r.Outer)}
		if vs := user.Verbs.ByLemma(r.Verb); len(vs) > 0 {
			n.innerCode = vs[0].Code.Code
			if n.innerCode == "" {
				continue
			}
		}
		out = append(out, n)
	}
	return out
}

// sameVerbCode reports whether a dictionary verb codes like one of the
// rule's outer verbs: the same code, or the same block when both are null
// ("report [---]" is in the block of "say [010]" but is not a saying).
func sameVerbCode(v *petrarch.Verb, outer []*petrarch.Verb) bool {
	for _, o := range outer {
		if o.Code.Code != "" && v.Code.Code == o.Code.Code {
			return true
		}
		if o.Code.Code == "" && v.Code.Code == "" && v.Block == o.Block {
			return true
		}
	}
	return false
}

// transform applies the dictionary's transformations to the events of the
// sentence nested under another verb ("X claimed that Y attacked Z": X
// accuses Y, 112). The nested event stays, marked as reported, unless the
// coder runs in PETRARCH mode (Options.PetrarchNesting), which replaces it
// the way PETRARCH-2 does.
func (sw *sentWork) transform() {
	rules := sw.c.rules
	if len(rules) == 0 || len(sw.doc.Events) == sw.first {
		return
	}
	n := len(sw.doc.Events)
	drop := map[int]bool{}
	for i := sw.first; i < n; i++ {
		e := sw.doc.Events[i]
		if e.Negated {
			continue
		}
		v := sw.feats[i-sw.first].verb - 1
		if v < 0 {
			continue
		}
		for hops := 0; hops < 4 && sw.doc.Tokens[v].Dep == "conj"; hops++ {
			v = sw.doc.Tokens[v].Head
		}
		t := sw.doc.Tokens[v]
		if t.Dep != "ccomp" && t.Dep != "xcomp" || t.Head < sw.lo || t.Head >= sw.hi {
			continue
		}
		h := t.Head
		verbs := sw.c.user.Verbs.ByForm(sw.words[h])
		if len(verbs) == 0 {
			verbs = sw.c.user.Verbs.ByLemma(sw.lemmas[h])
		}
		if len(verbs) == 0 {
			continue
		}
		if neg, _, _ := sw.modalityScope(h); neg {
			continue
		}
		heads, via := sw.subjectOf(h)
		if via != "nsubj" {
			continue
		}
		subj := sw.resolveAll(heads)
		if len(subj) == 0 {
			continue
		}
		for _, r := range rules {
			if !matchesOuter(verbs, r.outer) {
				continue
			}
			if r.innerCode != "" && !petrarch.CodeUnder(e.CAMEO, r.innerCode) {
				continue
			}
			for _, a := range subj {
				bind := map[string]string{r.OuterSource: a.code}
				if !bindVar(bind, r.Source, e.SourceCode, r.OuterSource) || !bindVar(bind, r.Target, e.TargetCode, "") {
					continue
				}
				code := r.ResultCode
				if r.innerCode == "" {
					code = e.CAMEO
				}
				src, tgt := bind[r.ResultSource], bind[r.ResultTarget]
				if src == "" || tgt == "" || !cameoDigitsOnly(code) {
					continue
				}
				if src == e.SourceCode && tgt == e.TargetCode && code == e.CAMEO {
					// "X said it would not help Y": the rewrite is the
					// nested event itself, which stands
					goto next
				}
				f := sw.feats[i-sw.first]
				f.srcVia, f.tgtVia, f.reported, f.intent = "nsubj", "ccompsubj", false, ""
				base := faultline.Event{Sentence: e.Sentence, Date: e.Date, Place: e.Place}
				st, tt := resolved{code: src, text: a.text, entity: a.entity, exact: a.exact}, resolved{code: tgt}
				if tgt == e.SourceCode {
					tt.text, tt.entity = e.SourceText, e.Source
				} else {
					tt.text, tt.entity = e.TargetText, e.Target
				}
				sw.emit(base, sw.mention(h, h), st, tt, code, f)
				drop[i] = true
				goto next
			}
		}
	next:
	}
	if !sw.c.opts.PetrarchNesting || len(drop) == 0 {
		return
	}
	evs, feats := sw.doc.Events[:sw.first], sw.feats[:0]
	for i := sw.first; i < len(sw.doc.Events); i++ {
		if !drop[i] {
			evs = append(evs, sw.doc.Events[i])
			feats = append(feats, sw.feats[i-sw.first])
		}
	}
	sw.doc.Events, sw.feats = evs, feats
}

func matchesOuter(verbs, outer []*petrarch.Verb) bool {
	for _, v := range verbs {
		if sameVerbCode(v, outer) {
			return true
		}
	}
	return false
}

// bindVar matches a rule variable against a code: '.' is anyone, '_' (and
// the outer subject's own letter) must be the outer subject, another
// letter binds to the code or must equal what it is bound to.
func bindVar(bind map[string]string, name, code, outer string) bool {
	switch {
	case name == ".":
		return true
	case name == "_":
		return outer != "" && bind[outer] == code
	}
	if old, ok := bind[name]; ok {
		return old == code
	}
	bind[name] = code
	return true
}

func cameoDigitsOnly(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	return strings.Trim(s, "0123456789") == "" || (len(s) == 4 && strings.Trim(s[:3], "0123456789") == "")
}

// objectControlCode is the code that a transformation of the user's verb
// dictionary gives v when v's object is the subject of its infinitive ("X
// wants Y to attack Z", "~ a (b . ATTACK) WANT = a b 021": X appeals to
// Y), or "" when none applies. The rule must make the outer subject the
// source and the nested source, someone other than it, the target.
func (sw *sentWork) objectControlCode(v int) string {
	if len(sw.c.rules) == 0 {
		return ""
	}
	hasObj, inner := false, ""
	for _, k := range sw.kids[v] {
		switch sw.doc.Tokens[k].Dep {
		case "obj", "iobj":
			hasObj = true
		case "xcomp":
			if !sw.isVerbal(k) || !sw.hasCase(k, "to") {
				continue
			}
			if c, _, _ := sw.codeVerb(k); c.Code != "" {
				inner = c.Code
			}
		}
	}
	if !hasObj || inner == "" {
		return ""
	}
	verbs := sw.c.user.Verbs.ByForm(sw.words[v])
	if len(verbs) == 0 {
		verbs = sw.c.user.Verbs.ByLemma(sw.lemmas[v])
	}
	if len(verbs) == 0 {
		return ""
	}
	for _, r := range sw.c.rules {
		if r.Source == "_" || r.Source == r.OuterSource || r.ResultSource != r.OuterSource || r.ResultTarget != r.Source || r.Source == "." && r.ResultTarget == "." {
			continue
		}
		if !matchesOuter(verbs, r.outer) || r.innerCode == "" || !petrarch.CodeUnder(inner, r.innerCode) || !cameoDigitsOnly(r.ResultCode) {
			continue
		}
		return r.ResultCode
	}
	return ""
}
