package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/faultline-news/faultline"
)

// Span is a named-entity mention over token indices: words[Start:End].
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
}

// Sentence is one pre-tokenized gold sentence. Spans keep the corpus's own
// labels (PER, ORG, LOC, OTH for UNER; per, org, geo, gpe, tim, art, eve, nat
// for GMB); MapGold turns them into faultline types.
type Sentence struct {
	ID    string
	Doc   string // document id when the corpus marks documents, else ""
	Words []string
	Spans []Span
}

// Format of a gold file.
type Format string

// Known gold formats.
const (
	FormatIOB2 Format = "iob2" // UNER: ID, FORM, IOB2 tag, ...
	FormatGMB  Format = "gmb"  // GMB jsonl: tokens, tags, entities
)

// Corpus is a read gold file.
type Corpus struct {
	Name      string // CorpusName(Path)
	Path      string
	Format    Format
	Sentences []Sentence
}

// GMBSplit returns the train part (first 90% of the sentences, in corpus
// order) and the test slice (the last 10%) of a GMB corpus. The test slice
// is never trained on.
func GMBSplit(sents []Sentence) (train, test []Sentence) {
	n := len(sents) * 9 / 10
	return sents[:n], sents[n:]
}

// ReadCorpus reads a gold file, detecting the format: a .jsonl or .jsonl.gz
// file (or one whose first byte is '{') is GMB, anything else IOB2.
func ReadCorpus(ctx context.Context, path string) (*Corpus, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, faultline.Errorf(faultline.ENOTFOUND, "ner: gold file %s does not exist; pass the path of an .iob2 or GMB .jsonl(.gz) file: %w", path, err)
		}
		return nil, faultline.Errorf(faultline.EINVALID, "ner: open %s: %w", path, err)
	}
	defer f.Close()
	var r io.Reader = bufio.NewReaderSize(f, 1<<16)
	br := r.(*bufio.Reader)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: %s looks gzipped but cannot be read: %w", path, err)
		}
		defer gz.Close()
		r = bufio.NewReaderSize(gz, 1<<16)
	}
	br = r.(*bufio.Reader)
	first, _ := br.Peek(1)
	c := &Corpus{Path: path, Name: CorpusName(path)}
	if strings.HasSuffix(path, ".conllu") || strings.HasSuffix(path, ".conllu.gz") {
		c.Format = FormatGUM
		c.Sentences, err = ReadGUM(ctx, br, path)
	} else if strings.HasSuffix(path, ".jsonl") || strings.HasSuffix(path, ".jsonl.gz") || (len(first) == 1 && first[0] == '{') {
		c.Format = FormatGMB
		c.Sentences, err = ReadGMB(ctx, br, path)
	} else {
		c.Format = FormatIOB2
		c.Sentences, err = ReadIOB2(ctx, br, path)
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// ReadIOB2 reads the UNER .iob2 format: "# comment" lines, then one token a
// line with tab-separated ID, FORM, TAG (more columns are ignored), and a
// blank line after each sentence. The stray draft tag "B-O" reads as O.
// name is used in error messages.
func ReadIOB2(ctx context.Context, r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	var out []Sentence
	var cur Sentence
	var tags []string
	line := 0
	doc := ""
	flush := func() {
		if len(cur.Words) > 0 {
			cur.Doc = doc
			cur.Spans = spansFromIOB(tags)
			out = append(out, cur)
		}
		cur = Sentence{}
		tags = tags[:0]
	}
	for sc.Scan() {
		line++
		if line%4096 == 0 && ctx.Err() != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: reading %s: %w", name, ctx.Err())
		}
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(text, "#") {
			if id, ok := strings.CutPrefix(text, "# sent_id = "); ok {
				cur.ID = strings.TrimSpace(id)
			}
			if id, ok := strings.CutPrefix(text, "# newdoc id = "); ok {
				doc = strings.TrimSpace(id)
			}
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 3 {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: %s line %d: want at least 3 tab-separated columns (ID, FORM, TAG), got %d; is this an IOB2 file?", name, line, len(cols))
		}
		tag := strings.TrimSpace(cols[2])
		if tag != "O" && !strings.HasPrefix(tag, "B-") && !strings.HasPrefix(tag, "I-") {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: %s line %d: tag %q is not O, B-X or I-X", name, line, tag)
		}
		if tag == "B-O" || tag == "I-O" {
			tag = "O"
		}
		cur.Words = append(cur.Words, cols[1])
		tags = append(tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "ner: reading %s near line %d: %w", name, line, err)
	}
	flush()
	return out, nil
}

// spansFromIOB turns IOB2 tags into spans. An I-X that does not continue an
// X span starts a new one (the usual lenient reading).
func spansFromIOB(tags []string) []Span {
	var spans []Span
	open := -1
	label := ""
	closeSpan := func(end int) {
		if open >= 0 {
			spans = append(spans, Span{Start: open, End: end, Label: label})
		}
		open = -1
	}
	for i, t := range tags {
		switch {
		case t == "O":
			closeSpan(i)
		case strings.HasPrefix(t, "B-"):
			closeSpan(i)
			open, label = i, t[2:]
		case strings.HasPrefix(t, "I-"):
			if open < 0 || label != t[2:] {
				closeSpan(i)
				open, label = i, t[2:]
			}
		}
	}
	closeSpan(len(tags))
	return spans
}

type gmbLine struct {
	ID       string   `json:"id"`
	Tokens   []string `json:"tokens"`
	Tags     []string `json:"tags"`
	Entities []struct {
		Start int    `json:"start_tok"`
		End   int    `json:"end_tok"`
		Label string `json:"label"`
	} `json:"entities"`
}

// ReadGMB reads the GMB jsonl format (one sentence per line with tokens and
// entities; tags are used when entities is absent).
func ReadGMB(ctx context.Context, r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<26)
	var out []Sentence
	line := 0
	for sc.Scan() {
		line++
		if line%4096 == 0 && ctx.Err() != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: reading %s: %w", name, ctx.Err())
		}
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var g gmbLine
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "ner: %s line %d: not a GMB JSON sentence: %w", name, line, err)
		}
		s := Sentence{ID: g.ID, Words: g.Tokens}
		if g.Entities != nil {
			for _, e := range g.Entities {
				if e.Start < 0 || e.End > len(g.Tokens) || e.Start >= e.End {
					return nil, faultline.Errorf(faultline.EINVALID, "ner: %s line %d: entity [%d,%d) outside the %d tokens", name, line, e.Start, e.End, len(g.Tokens))
				}
				s.Spans = append(s.Spans, Span{Start: e.Start, End: e.End, Label: e.Label})
			}
		} else if len(g.Tags) > 0 {
			if len(g.Tags) != len(g.Tokens) {
				return nil, faultline.Errorf(faultline.EINVALID, "ner: %s line %d: %d tags for %d tokens", name, line, len(g.Tags), len(g.Tokens))
			}
			s.Spans = spansFromIOB(g.Tags)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "ner: reading %s near line %d: %w", name, line, err)
	}
	return out, nil
}

// CorpusName names the corpus a gold file belongs to, from its file name:
// "en_ewt-ud-train.DRAFT-2022.iob2" and "en_ewt-ud-dev.iob2" are both
// "en_ewt"; "gmb_ner.jsonl.gz" is "gmb_ner".
func CorpusName(path string) string {
	base := filepath.Base(path)
	if k := strings.Index(base, "-ud-"); k > 0 {
		return base[:k]
	}
	if k := strings.IndexByte(base, '.'); k > 0 {
		return base[:k]
	}
	return base
}
