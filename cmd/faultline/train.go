package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/ner"
	"github.com/faultline-news/faultline/parse"
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

func (e *env) trainTaggerCmd() *cobra.Command {
	var data, out string
	var epochs int
	var seed uint64
	cmd := &cobra.Command{
		Use:     "tagger --data CORPORA_DIR --out FILE",
		Short:   "POS tagger and lemmatizer from UD English EWT + GUM train (EWT dev for scores)",
		Example: `  faultline train tagger --data ../shared/corpora --out /tmp/tagger.gz`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" || out == "" {
				return faultline.Errorf(faultline.EINVALID, "train tagger: give --data (the folder holding ud-english-ewt and ud-english-gum) and --out FILE")
			}
			_, err := tag.TrainFile(cmd.Context(), data, out, epochs, seed, e.stderr)
			if err == nil {
				fmt.Fprintf(e.stderr, "train tagger: wrote %s\n", out)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "corpora folder (holds ud-english-ewt, ud-english-gum)")
	cmd.Flags().StringVar(&out, "out", "", "model file to write")
	cmd.Flags().IntVar(&epochs, "epochs", 12, "training epochs")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	return cmd
}

func (e *env) trainParserCmd() *cobra.Command {
	var data, out, taggerPath string
	var epochs int
	var seed uint64
	cmd := &cobra.Command{
		Use:     "parser --data CORPORA_DIR --out FILE [--tagger FILE]",
		Short:   "Dependency parser from UD English EWT + GUM train on 4-fold jackknifed tags",
		Example: `  faultline train parser --data ../shared/corpora --tagger /tmp/tagger.gz --out /tmp/parser.gz`,
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
			}
			_, err := parse.TrainFile(cmd.Context(), data, out, epochs, seed, tagger, e.stderr)
			if err == nil {
				fmt.Fprintf(e.stderr, "train parser: wrote %s\n", out)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "corpora folder (holds ud-english-ewt, ud-english-gum)")
	cmd.Flags().StringVar(&out, "out", "", "model file to write")
	cmd.Flags().StringVar(&taggerPath, "tagger", "", "tagger model whose tags score dev after each epoch (default: gold tags)")
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
