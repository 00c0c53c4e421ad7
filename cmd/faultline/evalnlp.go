package main

import (
	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/eval"
	"github.com/faultline-news/faultline/geo"
	nermodel "github.com/faultline-news/faultline/model/ner"
	parsermodel "github.com/faultline-news/faultline/model/parser"
	taggermodel "github.com/faultline-news/faultline/model/tagger"
	"github.com/faultline-news/faultline/parse"
	"github.com/faultline-news/faultline/segment"
	"github.com/faultline-news/faultline/tag"
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

func (e *env) evalGeoCmd() *cobra.Command {
	var data string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "geo --data FILE.jsonl [--json]",
		Short: "Toponym tagging F1 and resolution (acc@161km, exact GeoNames id, median km) on LGL or GeoWebNews",
		Example: `  faultline eval geo --data ../shared/eval/geoparsing/lgl.jsonl --json
  faultline eval geo --data ../shared/eval/geoparsing/geowebnews.jsonl --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := requireData(data); err != nil {
				return err
			}
			gaz, err := geo.Load()
			if err != nil {
				return err
			}
			m, err := nermodel.Load()
			if err != nil {
				return err
			}
			res, err := eval.Geo(cmd.Context(), data, eval.GeoOptions{Gazetteer: gaz, NER: m})
			if err != nil {
				return err
			}
			return e.printEval(res, asJSON)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "geoparsing gold (jsonl)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON line")
	return cmd
}

func (e *env) evalQuotesCmd() *cobra.Command {
	var data, compartment string
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "quotes --data FILE.jsonl [--compartment NAME] [--json]",
		Short:   "Quote content F1 and speaker accuracy on PolNeAR-shaped attribution gold",
		Example: `  faultline eval quotes --data ../shared/eval/polnear/polnear.jsonl --compartment dev --json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := requireData(data); err != nil {
				return err
			}
			stages, err := analysisStages(nil, false)
			if err != nil {
				return err
			}
			res, err := eval.Quotes(cmd.Context(), data, compartment, stages)
			if err != nil {
				return err
			}
			return e.printEval(res, asJSON)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "PolNeAR-shaped jsonl")
	cmd.Flags().StringVar(&compartment, "compartment", "", "score only this compartment (train, dev, test); default: every record")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON line")
	return cmd
}

func (e *env) evalEventsCmd() *cobra.Command {
	var data, dict string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "events --data SUITE.jsonl --dict DIR [--json]",
		Short: "Event coding: (source, target, CAMEO code) triples per record, noevents records, calibration",
		Example: `  faultline eval events --data ../shared/eval/petrarch2-validation.jsonl --dict ../shared/eval/cameo/validation-dicts --json
  faultline eval events --data ../shared/eval/universalpetrarch-gsr-validation.jsonl --dict ../shared/eval/cameo --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := requireData(data); err != nil {
				return err
			}
			// Only the language layers run before the coder: the suites'
			// actors come from their own dictionaries, and faultline's
			// entity and actor layers would code them first.
			tagger, err := taggermodel.Load()
			if err != nil {
				return err
			}
			parser, err := parsermodel.Load()
			if err != nil {
				return err
			}
			pre := []faultline.Stage{segment.New(), tag.NewStage(tagger), parse.NewStage(parser)}
			res, err := eval.Events(cmd.Context(), data, dict, pre)
			if err != nil {
				return err
			}
			return e.printEval(res, asJSON)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "event suite (jsonl)")
	cmd.Flags().StringVar(&dict, "dict", "", "PETRARCH-format dictionaries for the suite")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON line")
	return cmd
}
