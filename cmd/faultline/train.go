package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/eval"
	taggermodel "github.com/faultline-news/faultline/model/tagger"
	"github.com/faultline-news/faultline/ner"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/segment"
	"github.com/faultline-news/faultline/tag"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func (e *env) trainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train tagger|parser|ner",
		Short: "Train a model from the open corpora (seeded, reproducible)",
		Long: `train builds one of faultline's statistical models from treebanks and NER sets,
printing progress and dev scores per epoch. The same seed and data give the same model.
Embedded models live in model/<name>/ with a meta.json recording data, command and scores.`,
	}
	cmd.AddCommand(e.trainTaggerCmd(), e.trainParserCmd(), e.trainNERCmd())
	return cmd
}

// commandLine is the command as the user typed it, for meta files.
func commandLine(cmd *cobra.Command, args []string) string {
	parts := []string{cmd.CommandPath()}
	cmd.Flags().Visit(func(f *pflag.Flag) { parts = append(parts, "--"+f.Name+"="+f.Value.String()) })
	return strings.Join(append(parts, args...), " ")
}

// udMeta scores a freshly trained tagger (and parser) on the dev and
// test treebanks under corpora and writes the meta file beside the model.
func udMeta(cmd *cobra.Command, args []string, corpora, out, metaPath string, started time.Time, trainSeconds float64, epochs int, seed uint64,
	opts map[string]any, scoring string, tm *tag.Model, pm *parse.Model) error {
	ctx := cmd.Context()
	train, dev := tag.CorpusFiles(corpora)
	seg := eval.Segmenter{Tokenize: segment.Tokenize, Sentences: segment.Sentences}
	scores, err := eval.UDScores(ctx, append(dev, tag.TestFiles(corpora)...), seg, tm, pm)
	if err != nil {
		return err
	}
	st, err := os.Stat(out)
	if err != nil {
		return faultline.Errorf(faultline.EINVALID, "train: %w", err)
	}
	meta := tag.Meta{
		Model: filepath.Base(out), Command: commandLine(cmd, args), Seed: seed, Epochs: epochs, Options: opts,
		Trained: started.UTC().Format(time.RFC3339), TrainSeconds: trainSeconds, Bytes: int(st.Size()),
		GoVersion: runtime.Version(), Scores: scores, Scoring: scoring,
	}
	for _, p := range train {
		meta.Data = append(meta.Data, filepath.Base(p))
	}
	b, err := json.MarshalIndent(meta, "", "  ")
	if err != nil {
		return faultline.Errorf(faultline.EINTERNAL, "train: meta: %w", err)
	}
	if err := os.WriteFile(metaPath, append(b, '\n'), 0o644); err != nil {
		return faultline.Errorf(faultline.EINVALID, "train: cannot write %s: %w", metaPath, err)
	}
	for _, name := range slices.Sorted(maps.Keys(scores)) {
		fmt.Fprintf(cmd.ErrOrStderr(), "train: %s: %s\n", name, formatScores(scores[name]))
	}
	return nil
}

func formatScores(sc map[string]float64) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(sc)) {
		parts = append(parts, fmt.Sprintf("%s %.4f", k, sc[k]))
	}
	return strings.Join(parts, " ")
}

// licenceNote records which training documents are left out.
const licenceNote = "GUM documents of the non-commercial genres essay, fiction, letter, podcast, whow, reddit left out of train and dev (conllu.GUMNonCommercial)"

func metaPathFor(out, meta string) string {
	if meta != "" {
		return meta
	}
	return filepath.Join(filepath.Dir(out), "meta.json")
}

func (e *env) trainTaggerCmd() *cobra.Command {
	var data, out, metaPath string
	var epochs int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "tagger --data CORPORA_DIR --out FILE",
		Short: "POS tagger and lemmatizer from UD English EWT + GUM train (EWT + GUM dev for scores)",
		Long: `train tagger trains on UD English EWT train + GUM train (GUM's non-commercial genres left
out), prints dev scores per epoch, writes the model to --out and a meta.json (data, command,
time, dev and test scores on EWT dev, GUM dev, EWT test, PUD test) beside it.`,
		Example: `  faultline train tagger --data ../shared/corpora --out model/tagger/tagger.gz`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" || out == "" {
				return faultline.Errorf(faultline.EINVALID, "train tagger: give --data (the folder holding ud-english-ewt and ud-english-gum) and --out FILE")
			}
			started := time.Now()
			m, err := tag.TrainFile(cmd.Context(), data, out, epochs, seed, e.stderr)
			if err != nil {
				return err
			}
			took := time.Since(started).Seconds()
			fmt.Fprintf(e.stderr, "train tagger: wrote %s\n", out)
			return udMeta(cmd, args, data, out, metaPathFor(out, metaPath), started, took, epochs, seed,
				map[string]any{"licence": licenceNote},
				"gold tokenization, all words counted (punctuation included); exact UPOS, XPOS, lemma match; "+licenceNote, m, nil)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "corpora folder (holds ud-english-ewt, ud-english-gum, ud-english-pud)")
	cmd.Flags().StringVar(&out, "out", "", "model file to write")
	cmd.Flags().StringVar(&metaPath, "meta", "", "meta file to write (default: meta.json beside --out)")
	cmd.Flags().IntVar(&epochs, "epochs", 12, "training epochs")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	return cmd
}

func (e *env) trainParserCmd() *cobra.Command {
	var data, out, taggerPath, metaPath string
	var epochs int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "parser --data CORPORA_DIR --out FILE [--tagger FILE]",
		Short: "Dependency parser from UD English EWT + GUM train on 4-fold jackknifed tags",
		Long: `train parser trains on UD English EWT train + GUM train (GUM's non-commercial genres left
out) with tags predicted by 4-fold jackknifed taggers, prints dev scores per epoch (tags from
--tagger, default the embedded tagger), writes the model to --out and a meta.json (data,
command, time, dev and test scores) beside it.`,
		Example: `  faultline train parser --data ../shared/corpora --tagger model/tagger/tagger.gz --out model/parser/parser.gz`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" || out == "" {
				return faultline.Errorf(faultline.EINVALID, "train parser: give --data (the folder holding ud-english-ewt and ud-english-gum) and --out FILE")
			}
			var tagger *tag.Model
			if taggerPath != "" {
				f, err := os.Open(taggerPath)
				if err != nil {
					return faultline.Errorf(faultline.ENOTFOUND, "train parser: --tagger %s: %w", taggerPath, err)
				}
				tagger, err = tag.Load(f)
				f.Close()
				if err != nil {
					return err
				}
			} else {
				var err error
				if tagger, err = taggermodel.Load(); err != nil {
					return err
				}
			}
			started := time.Now()
			m, err := parse.TrainFile(cmd.Context(), data, out, epochs, seed, tagger, e.stderr)
			if err != nil {
				return err
			}
			took := time.Since(started).Seconds()
			fmt.Fprintf(e.stderr, "train parser: wrote %s\n", out)
			tagSrc := "model/tagger (embedded)"
			if taggerPath != "" {
				tagSrc = taggerPath
			}
			return udMeta(cmd, args, data, out, metaPathFor(out, metaPath), started, took, epochs, seed,
				map[string]any{"jackknife_folds": parse.JackknifeFolds, "tagger_epochs": parse.JackknifeTaggerEpochs,
					"dev_and_test_tags": tagSrc, "licence": licenceNote},
				"gold tokenization, predicted tags from "+tagSrc+"; UAS/LAS over all words, punctuation included (CoNLL 2018 convention); "+
					"las = full relations with subtypes, las_conll18 = subtypes ignored as in the CoNLL 2018 script; "+
					"(raw text) = # text segmented by package segment, F1 over words aligned by character span (eval.UDRaw); "+licenceNote,
				tagger, m)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "corpora folder (holds ud-english-ewt, ud-english-gum, ud-english-pud)")
	cmd.Flags().StringVar(&out, "out", "", "model file to write")
	cmd.Flags().StringVar(&taggerPath, "tagger", "", "tagger model whose tags score dev and test (default: the embedded tagger)")
	cmd.Flags().StringVar(&metaPath, "meta", "", "meta file to write (default: meta.json beside --out)")
	cmd.Flags().IntVar(&epochs, "epochs", 15, "training epochs")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	return cmd
}

func (e *env) trainNERCmd() *cobra.Command {
	var data, out string
	var epochs int
	var seed uint64
	var prune float64
	cmd := &cobra.Command{
		Use:   "ner --data SHARED_DIR --out DIR",
		Short: "Named-entity recognizer from UNER EWT, GMB (first 90%) and GUM; scored on UNER PUD, UNER EWT test and the GMB test slice",
		Long: `train ner trains on UNER English EWT train (2022 draft) + dev, the first 90% of GMB, and GUM
train + dev named entities, builds word clusters with the news-text pool, and scores the
result on UNER PUD, UNER EWT test and GMB's last 10% (never trained on). It writes
DIR/ner.model.gz and DIR/meta.json.`,
		Example: `  faultline train ner --data ../shared --out /tmp/ner`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" || out == "" {
				return faultline.Errorf(faultline.EINVALID, "train ner: give --data (the shared folder holding corpora/ and eval/) and --out DIR")
			}
			p := func(parts ...string) string { return filepath.Join(append([]string{data}, parts...)...) }
			opts := ner.TrainOptions{
				Train: []string{
					p("corpora", "uner-english-ewt", "en_ewt-ud-train.DRAFT-2022.iob2"),
					p("corpora", "uner-english-ewt", "en_ewt-ud-dev.iob2"),
					p("eval", "gmb-ner", "gmb_ner.jsonl.gz"),
					p("corpora", "ud-english-gum", "en_gum-ud-train.conllu"),
					p("corpora", "ud-english-gum", "en_gum-ud-dev.conllu"),
				},
				Unlabeled: []string{p("eval", "news-text-pool", "permissive_articles.jsonl")},
				Seed:      seed, Epochs: epochs, Prune: prune, Log: e.stderr,
			}
			test := []string{
				p("corpora", "uner-english-pud", "en_pud-ud-test.iob2"),
				p("corpora", "uner-english-ewt", "en_ewt-ud-test.iob2"),
				p("eval", "gmb-ner", "gmb_ner.jsonl.gz"),
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return faultline.Errorf(faultline.EINVALID, "train ner: --out %s: %w", out, err)
			}
			_, _, err := ner.TrainFiles(cmd.Context(), opts, test, out, commandLine(cmd, args))
			if err == nil {
				fmt.Fprintf(e.stderr, "train ner: wrote %s\n", filepath.Join(out, "ner.model.gz"))
			}
			return err
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "shared folder (holds corpora/ and eval/)")
	cmd.Flags().StringVar(&out, "out", "", "output directory")
	cmd.Flags().IntVar(&epochs, "epochs", 8, "training epochs")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	cmd.Flags().Float64Var(&prune, "prune", 0.1, "drop averaged weights smaller than this")
	return cmd
}
