package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/actor"
	"github.com/faultline-news/faultline/coref"
	"github.com/faultline-news/faultline/dedupe"
	"github.com/faultline-news/faultline/event"
	"github.com/faultline-news/faultline/extract"
	"github.com/faultline-news/faultline/geo"
	"github.com/faultline-news/faultline/lexicon/petrarch"
	nermodel "github.com/faultline-news/faultline/model/ner"
	parsermodel "github.com/faultline-news/faultline/model/parser"
	taggermodel "github.com/faultline-news/faultline/model/tagger"
	"github.com/faultline-news/faultline/ner"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/pipeline"
	"github.com/faultline-news/faultline/quantity"
	"github.com/faultline-news/faultline/quote"
	"github.com/faultline-news/faultline/segment"
	"github.com/faultline-news/faultline/source"
	"github.com/faultline-news/faultline/tag"
	"github.com/faultline-news/faultline/timex"
	"github.com/spf13/cobra"
)

// inputFlags are the flags shared by the verbs that read inputs.
type inputFlags struct {
	date        string
	workers     int
	followLinks bool
	maxBytes    int64
	dict        string
	timeout     time.Duration
}

func (f *inputFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.date, "date", "", "publication date YYYY-MM-DD to use for every input (overrides what the page says)")
	cmd.Flags().IntVar(&f.workers, "workers", 0, "documents analysed in parallel (default: number of cores)")
	cmd.Flags().BoolVar(&f.followLinks, "follow-links", false, "for feeds: fetch each item's linked page instead of using the feed's own text")
	cmd.Flags().Int64Var(&f.maxBytes, "max-bytes", 50<<20, "largest single document read, in bytes")
	cmd.Flags().DurationVar(&f.timeout, "timeout", source.DefaultTimeout, "for URLs and feeds: give up a download after this long (connecting times out after "+source.DefaultConnectTimeout.String()+")")
	cmd.Flags().StringVar(&f.dict, "dict", "", "folder of PETRARCH/TABARI-format dictionaries (verbs, actors, agents, discards) used before faultline's own; a verbs or agents dictionary given replaces faultline's own verb table or role codes, as in PETRARCH")
}

// engine builds the reading and analysis engine from the flags, with the
// default pipeline.
func (f *inputFlags) engine(ctx context.Context) (*engine, error) {
	date, err := parseDate(f.date)
	if err != nil {
		return nil, err
	}
	user, err := loadDict(ctx, f.dict)
	if err != nil {
		return nil, err
	}
	pipe, err := analysisPipeline(user)
	if err != nil {
		return nil, err
	}
	return &engine{
		source:  source.Options{MaxBytes: f.maxBytes, FollowLinks: f.followLinks, Timeout: f.timeout},
		extract: extract.Options{Date: date, Now: time.Now().UTC()},
		pipe:    pipe,
		workers: f.workers,
	}, nil
}

// analysisStages builds the default chain of analysis stages, without the
// event coder when events is false. The embedded models are loaded once per
// process; user is the PETRARCH-format dictionaries given with --dict (nil
// for none).
func analysisStages(user *petrarch.Dictionaries, events bool) ([]faultline.Stage, error) {
	tagger, err := taggermodel.Load()
	if err != nil {
		return nil, err
	}
	parser, err := parsermodel.Load()
	if err != nil {
		return nil, err
	}
	recognizer, err := nermodel.Load()
	if err != nil {
		return nil, err
	}
	gaz, err := geo.Load()
	if err != nil {
		return nil, err
	}
	stages := []faultline.Stage{
		// Hyphenated words are split as in the UD treebanks the tagger,
		// parser and recognizer are trained on.
		segment.NewStage(segment.Options{SplitHyphens: true}),
		tag.NewStage(tagger),
		parse.NewStage(parser),
		ner.NewStage(recognizer),
		actor.NewWithDictionaries(user),
		coref.New(),
		geo.NewStage(gaz),
		timex.New(),
		quantity.New(),
		quote.New(),
	}
	if events {
		stages = append(stages, event.NewStage(user))
	}
	return stages, nil
}

// analysisPipeline is the default pipeline, events included.
func analysisPipeline(user *petrarch.Dictionaries) (*pipeline.Pipeline, error) {
	stages, err := analysisStages(user, true)
	if err != nil {
		return nil, err
	}
	return pipeline.New(stages...)
}

// loadDict reads the --dict directory, when given.
func loadDict(ctx context.Context, dir string) (*petrarch.Dictionaries, error) {
	if dir == "" {
		return nil, nil
	}
	return petrarch.Load(ctx, dir)
}

func (e *env) analyzeCmd() *cobra.Command {
	var in inputFlags
	var format string
	var tokens bool
	cmd := &cobra.Command{
		Use:   "analyze [flags] INPUT...",
		Short: "Analyse articles and print them in the faultline document format",
		Long: `analyze reads each INPUT — a file, a directory (recursively), - for stdin, or an
http(s) URL; HTML pages, plain text, RSS/Atom feeds, WARC(.gz), JSONL records, any of them
gzip-compressed — and prints one document per article (see docs/output-format.md).`,
		Example: `  faultline analyze --date 2017-03-23 article.txt
  faultline analyze --format jsonl examples/
  curl -s https://example.org/feed.xml | faultline analyze -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "json", "jsonl", "text":
			default:
				return faultline.Errorf(faultline.EINVALID, "--format %q: want json, jsonl or text", format)
			}
			eng, err := in.engine(cmd.Context())
			if err != nil {
				return err
			}
			return e.analyze(cmd.Context(), eng, args, format, tokens)
		},
	}
	in.register(cmd)
	cmd.Flags().StringVar(&format, "format", "json", "output format: json (indented), jsonl (one document a line) or text")
	cmd.Flags().BoolVar(&tokens, "tokens", false, "include the tokens layer")
	return cmd
}

func (e *env) analyze(ctx context.Context, eng *engine, inputs []string, format string, tokens bool) error {
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	seen := dedupe.NewIndex(-1)
	ids := map[string]bool{}
	var read, failed int
	err := eng.run(ctx, inputs, func(r result) error {
		read++
		if r.Err != nil {
			failed++
			fmt.Fprintf(e.stderr, "faultline: %s\n", faultline.ErrorMessage(r.Err))
			return nil
		}
		doc := r.Doc
		markDuplicate(doc, seen, ids)
		if !tokens {
			doc.Tokens = []faultline.Token{}
		}
		if err := writeDocument(w, doc, format); err != nil {
			return faultline.Errorf(faultline.EUNAVAILABLE, "writing output: %w", err)
		}
		return w.Flush()
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return faultline.Errorf(faultline.EINVALID, "%d of %d inputs failed (reasons above); the others were analysed", failed, read)
	}
	return nil
}

// markDuplicate sets doc.DuplicateOf when an earlier document of this run
// has the same id or a near-identical text, and remembers doc otherwise.
func markDuplicate(doc *faultline.Document, seen *dedupe.Index, ids map[string]bool) {
	if doc.Fingerprint == 0 {
		doc.Fingerprint = dedupe.Fingerprint(doc.Text)
	}
	if ids[doc.ID] {
		id := doc.ID
		doc.DuplicateOf = &id
		return
	}
	ids[doc.ID] = true
	if first, _, ok := seen.Near(doc.Fingerprint); ok {
		doc.DuplicateOf = &first
		return
	}
	seen.Add(doc.ID, doc.Fingerprint)
}

func writeDocument(w io.Writer, doc *faultline.Document, format string) error {
	switch format {
	case "jsonl":
		b, err := json.Marshal(doc)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	case "text":
		return writeText(w, doc)
	default:
		b, err := json.MarshalIndent(doc, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
}

// writeText prints a document for people: a header, the clean text with
// one sentence a line, and what was removed.
func writeText(w io.Writer, doc *faultline.Document) error {
	src := firstNonEmpty(doc.Source.URL, doc.Source.Path, doc.Source.Record)
	fmt.Fprintf(w, "# %s\n", doc.Title)
	fmt.Fprintf(w, "id %s · published %s (%s) · language %s · %s\n", doc.ID, orDash(doc.Published), doc.PublishedFrom, orDash(doc.Language), src)
	if doc.DuplicateOf != nil {
		fmt.Fprintf(w, "near-duplicate of %s\n", *doc.DuplicateOf)
	}
	fmt.Fprintln(w)
	for i, s := range doc.Sentences {
		fmt.Fprintf(w, "%4d  %s\n", i, strings.ReplaceAll(doc.Text[s.Start:s.End], "\n", " "))
	}
	if len(doc.Sentences) == 0 {
		fmt.Fprintln(w, doc.Text)
	}
	for _, r := range doc.Removed {
		fmt.Fprintf(w, "removed %s: %s\n", r.Kind, strings.ReplaceAll(r.Text, "\n", " "))
	}
	for _, se := range doc.Errors {
		fmt.Fprintf(w, "error in stage %s: %s\n", se.Stage, se.Message)
	}
	_, err := fmt.Fprintln(w)
	return err
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
