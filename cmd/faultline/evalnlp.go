package main

import (
	"github.com/faultline-news/faultline/eval"
	nermodel "github.com/faultline-news/faultline/model/ner"
	parsermodel "github.com/faultline-news/faultline/model/parser"
	taggermodel "github.com/faultline-news/faultline/model/tagger"
	"github.com/spf13/cobra"
)

func (e *env) evalUDCmd() *cobra.Command {
	var data string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "ud --data FILE.conllu [--json]",
		Short: "POS tags, lemmas and dependency parses on a UD treebank (gold tokens)",
		Example: `  faultline eval ud --data ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu --json
  faultline eval ud --data ../shared/corpora/ud-english-pud/en_pud-ud-test.conllu --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := requireData(data); err != nil {
				return err
			}
			tagger, err := taggermodel.Load()
			if err != nil {
				return err
			}
			parser, err := parsermodel.Load()
			if err != nil {
				return err
			}
			res, err := eval.UD(cmd.Context(), data, tagger, parser)
			if err != nil {
				return err
			}
			return e.printEval(res, asJSON)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "CoNLL-U file")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON line")
	return cmd
}

func (e *env) evalNERCmd() *cobra.Command {
	var data string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "ner --data FILE [--json]",
		Short: "Named entities, entity-level exact match (GPE/LOC/FAC as one class) on IOB2 or GMB files",
		Example: `  faultline eval ner --data ../shared/corpora/uner-english-pud/en_pud-ud-test.iob2 --json
  faultline eval ner --data ../shared/eval/gmb-ner/gmb_ner.jsonl.gz --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := requireData(data); err != nil {
				return err
			}
			m, err := nermodel.Load()
			if err != nil {
				return err
			}
			res, err := eval.NER(cmd.Context(), data, m)
			if err != nil {
				return err
			}
			return e.printEval(res, asJSON)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "IOB2 file or GMB jsonl(.gz)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON line")
	return cmd
}
