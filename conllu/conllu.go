// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies (https://universaldependencies.org/format.html).
//
// A Sentence holds its syntactic words (integer IDs) in order, plus the
// multiword token lines (ranges such as "3-4") and empty nodes ("8.1") so
// that a file read and written again keeps them. Heads are kept as in the
// file: 1-based, 0 for the root.
package conllu

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/faultline-news/faultline"
)

// Word is one syntactic word line.
type Word struct {
	ID     int // 1-based position in the sentence
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 1-based head, 0 for the root, -1 when the file has "_"
	Deprel string
	Deps   string
	Misc   string
}

// MultiWord is a multiword token line "Start-End FORM ...": a surface
// token split into the syntactic words Start..End.
type MultiWord struct {
	Start, End int
	Form       string
	Misc       string
}

// EmptyNode is an enhanced-dependency empty node line such as "8.1". It is
// kept verbatim for writing; After is the word ID it follows.
type EmptyNode struct {
	After int
	Line  string
}

// Sentence is one sentence block.
type Sentence struct {
	// Comments are the comment lines without the leading "# ", in order.
	Comments   []string
	Words      []Word
	MultiWords []MultiWord
	Empty      []EmptyNode
}

// Comment returns the value of a "# key = value" comment, and whether it
// is present.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// ID returns the sent_id comment, or "".
func (s *Sentence) ID() string { v, _ := s.Comment("sent_id"); return v }

// Text returns the "# text" comment, or "".
func (s *Sentence) Text() string { v, _ := s.Comment("text"); return v }

// Forms returns the word forms.
func (s *Sentence) Forms() []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Form
	}
	return out
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewReader returns a Reader over r; name (a file name) is used in errors.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{sc: sc, name: name}
}

func (r *Reader) errorf(format string, args ...any) error {
	return faultline.Errorf(faultline.EINVALID, "conllu: %s line %d: %s; fix or remove the line",
		r.name, r.line, fmt.Sprintf(format, args...))
}

// Next returns the next sentence, or io.EOF when there is none.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if strings.HasPrefix(line, "#") {
			s.Comments = append(s.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		if err := r.addLine(s, line); err != nil {
			return nil, err
		}
	}
	if err := r.sc.Err(); err != nil {
		return nil, faultline.Errorf(faultline.EINVALID, "conllu: reading %s after line %d: %w", r.name, r.line, err)
	}
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

func (r *Reader) addLine(s *Sentence, line string) error {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return r.errorf("want 10 tab-separated fields, found %d", len(f))
	}
	id := f[0]
	if a, b, ok := strings.Cut(id, "-"); ok {
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || start < 1 || end < start {
			return r.errorf("bad multiword token range %q", id)
		}
		s.MultiWords = append(s.MultiWords, MultiWord{Start: start, End: end, Form: f[1], Misc: f[9]})
		return nil
	}
	if strings.Contains(id, ".") {
		s.Empty = append(s.Empty, EmptyNode{After: len(s.Words), Line: line})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != len(s.Words)+1 {
		return r.errorf("word ID %q out of sequence (want %d)", id, len(s.Words)+1)
	}
	head := -1
	if f[6] != "_" {
		head, err = strconv.Atoi(f[6])
		if err != nil || head < 0 {
			return r.errorf("bad HEAD %q", f[6])
		}
	}
	s.Words = append(s.Words, Word{ID: n, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: head, Deprel: f[7], Deps: f[8], Misc: f[9]})
	return nil
}

// Validate checks that every head points inside the sentence.
func (s *Sentence) Validate() error {
	for _, w := range s.Words {
		if w.Head > len(s.Words) {
			return fmt.Errorf("sentence %q word %d: head %d beyond sentence length %d; fix the HEAD column",
				s.ID(), w.ID, w.Head, len(s.Words))
		}
	}
	for _, m := range s.MultiWords {
		if m.End > len(s.Words) {
			return fmt.Errorf("sentence %q: multiword token %d-%d beyond sentence length %d; fix the range",
				s.ID(), m.Start, m.End, len(s.Words))
		}
	}
	return nil
}

// Read reads all sentences from r, checking ctx between sentences.
func Read(ctx context.Context, r io.Reader, name string) ([]Sentence, error) {
	rd := NewReader(r, name)
	var out []Sentence
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if err := s.Validate(); err != nil {
			return nil, faultline.Errorf(faultline.EINVALID, "conllu: %s, sentence ending before line %d: %w", name, rd.line, err)
		}
		out = append(out, *s)
	}
}

// ReadFile reads all sentences of a CoNLL-U file.
func ReadFile(ctx context.Context, path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		code := faultline.EINVALID
		if os.IsNotExist(err) {
			code = faultline.ENOTFOUND
		}
		return nil, faultline.Errorf(code, "conllu: cannot open %s: %w; check the path", path, err)
	}
	defer f.Close()
	return Read(ctx, f, path)
}

// ReadFiles reads and concatenates several CoNLL-U files.
func ReadFiles(ctx context.Context, paths ...string) ([]Sentence, error) {
	var out []Sentence
	for _, p := range paths {
		s, err := ReadFile(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}

func field(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// Write writes sentences in CoNLL-U form, each followed by a blank line.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for _, c := range s.Comments {
			bw.WriteString("# " + c + "\n")
		}
		mi, ei := 0, 0
		for i := 0; i <= len(s.Words); i++ {
			for ei < len(s.Empty) && s.Empty[ei].After == i {
				bw.WriteString(s.Empty[ei].Line + "\n")
				ei++
			}
			if i == len(s.Words) {
				break
			}
			w := s.Words[i]
			for mi < len(s.MultiWords) && s.MultiWords[mi].Start == w.ID {
				m := s.MultiWords[mi]
				fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.Start, m.End, field(m.Form), field(m.Misc))
				mi++
			}
			head := "_"
			if w.Head >= 0 {
				head = strconv.Itoa(w.Head)
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", w.ID, field(w.Form), field(w.Lemma),
				field(w.UPOS), field(w.XPOS), field(w.Feats), head, field(w.Deprel), field(w.Deps), field(w.Misc))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}
