package main

import (
	"context"

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

// evalTask is one `faultline eval TASK` subcommand: its help, and how it
// scores the gold file or folder given with --data.
type evalTask struct {
	use, short, example, dataHelp string
	// long is the full help text; empty uses short.
	long string
	// flags adds task-specific flags; may be nil.
	flags func(*cobra.Command)
	score func(ctx context.Context, data string) (any, error)
}

// evalTaskCmd builds the subcommand for t, with the --data and --json
// flags every task has.
func (e *env) evalTaskCmd(t evalTask) *cobra.Command {
	var data string
	var asJSON bool
	cmd := &cobra.Command{
		Use:     t.use,
		Short:   t.short,
		Long:    t.long,
		Example: t.example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := requireData(data); err != nil {
				return err
			}
			res, err := t.score(cmd.Context(), data)
			if err != nil {
				return err
			}
			return e.printEval(res, asJSON)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", t.dataHelp)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON line")
	if t.flags != nil {
		t.flags(cmd)
	}
	return cmd
}

// languageModels loads the embedded tagger and parser.
func languageModels() (*tag.Model, *parse.Model, error) {
	tagger, err := taggermodel.Load()
	if err != nil {
		return nil, nil, err
	}
	parser, err := parsermodel.Load()
	if err != nil {
		return nil, nil, err
	}
	return tagger, parser, nil
}

func (e *env) evalUDCmd() *cobra.Command {
	return e.evalTaskCmd(evalTask{
		use:   "ud --data FILE.conllu [--json]",
		short: "POS tags, lemmas and dependency parses on a UD treebank (gold tokens)",
		example: `  faultline eval ud --data ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu --json
  faultline eval ud --data ../shared/corpora/ud-english-pud/en_pud-ud-test.conllu --json`,
		dataHelp: "CoNLL-U file",
		score: func(ctx context.Context, data string) (any, error) {
			tagger, parser, err := languageModels()
			if err != nil {
				return nil, err
			}
			return eval.UD(ctx, data, tagger, parser)
		},
	})
}

func (e *env) evalNERCmd() *cobra.Command {
	return e.evalTaskCmd(evalTask{
		use:   "ner --data FILE [--json]",
		short: "Named entities, entity-level exact match (GPE/LOC/FAC as one class) on IOB2 or GMB files",
		example: `  faultline eval ner --data ../shared/corpora/uner-english-pud/en_pud-ud-test.iob2 --json
  faultline eval ner --data ../shared/eval/gmb-ner/gmb_ner.jsonl.gz --json`,
		dataHelp: "IOB2 file or GMB jsonl(.gz)",
		score: func(ctx context.Context, data string) (any, error) {
			m, err := nermodel.Load()
			if err != nil {
				return nil, err
			}
			return eval.NER(ctx, data, m)
		},
	})
}

func (e *env) evalGeoCmd() *cobra.Command {
	return e.evalTaskCmd(evalTask{
		use:   "geo --data FILE.jsonl [--json]",
		short: "Toponym tagging F1 and resolution (acc@161km, exact GeoNames id, median km) on LGL or GeoWebNews",
		long: `Toponym tagging F1 and resolution (acc@161km, exact GeoNames id, median km) on LGL or GeoWebNews.

Resolution is scored on the gold toponym spans. Two accuracy figures are printed:
  acc161                a resolution is right when it lies within 161 km of the gold point, or when
                        its GeoNames id is the gold's id (the same place: a country or province has
                        no single point, and our country points come from world-countries, e.g.
                        Canada's lies ~1,000 km from GeoNames' point);
  acc161_distance_only  within 161 km of the gold point only, ids not looked at.
same_id_far counts the resolutions with the gold's id that lie more than 161 km away (the difference).
median_km and mean_km are plain distances; exact is over gold toponyms with a GeoNames id.
The "scoring" field of --json states which gold types each figure counts.`,
		example: `  faultline eval geo --data ../shared/eval/geoparsing/lgl.jsonl --json
  faultline eval geo --data ../shared/eval/geoparsing/geowebnews.jsonl --json`,
		dataHelp: "geoparsing gold (jsonl)",
		score: func(ctx context.Context, data string) (any, error) {
			gaz, err := geo.Load()
			if err != nil {
				return nil, err
			}
			m, err := nermodel.Load()
			if err != nil {
				return nil, err
			}
			return eval.Geo(ctx, data, eval.GeoOptions{Gazetteer: gaz, NER: m})
		},
	})
}

func (e *env) evalQuotesCmd() *cobra.Command {
	var compartment string
	return e.evalTaskCmd(evalTask{
		use:      "quotes --data FILE.jsonl [--compartment NAME] [--json]",
		short:    "Quote content F1 and speaker accuracy on PolNeAR-shaped attribution gold",
		example:  `  faultline eval quotes --data ../shared/eval/polnear/polnear.jsonl --compartment dev --json`,
		dataHelp: "PolNeAR-shaped jsonl",
		flags: func(cmd *cobra.Command) {
			cmd.Flags().StringVar(&compartment, "compartment", "", "score only this compartment (train, dev, test); default: every record")
		},
		score: func(ctx context.Context, data string) (any, error) {
			stages, err := analysisStages(nil, false)
			if err != nil {
				return nil, err
			}
			return eval.Quotes(ctx, data, compartment, stages)
		},
	})
}

func (e *env) evalEventsCmd() *cobra.Command {
	var dict string
	var petrNesting bool
	return e.evalTaskCmd(evalTask{
		use:   "events --data SUITE.jsonl --dict DIR [--json] [--petrarch-nesting]",
		short: "Event coding: (source, target, CAMEO code) triples per record, noevents records, calibration",
		example: `  faultline eval events --data ../shared/eval/petrarch2-validation.jsonl --dict ../shared/eval/cameo/validation-dicts --json
  faultline eval events --data ../shared/eval/universalpetrarch-gsr-validation.jsonl --dict ../shared/eval/cameo --json
  faultline eval events --data ../shared/eval/universalpetrarch-gsr-validation.jsonl --dict ../shared/eval/cameo --json --petrarch-nesting`,
		dataHelp: "event suite (jsonl)",
		flags: func(cmd *cobra.Command) {
			cmd.Flags().StringVar(&dict, "dict", "", "PETRARCH-format dictionaries for the suite")
			cmd.Flags().BoolVar(&petrNesting, "petrarch-nesting", false, "code as PETRARCH-2 does: an event nested under a verb that a transformation of the verb dictionary rewrites "+
				"(\"X claimed that Y attacked Z\" is X accusing Y) is replaced, not also coded, and intended conflict is coded as the act "+
				"(\"pledged to expel\" 174, not 137); faultline analyze keeps both events and codes intentions as intentions")
		},
		score: func(ctx context.Context, data string) (any, error) {
			// Only the language layers run before the coder: the suites'
			// actors come from their own dictionaries, and faultline's
			// entity and actor layers would code them first.
			tagger, parser, err := languageModels()
			if err != nil {
				return nil, err
			}
			pre := []faultline.Stage{segment.New(), tag.NewStage(tagger), parse.NewStage(parser)}
			return eval.EventsWith(ctx, data, dict, pre, eval.EventsOptions{PetrarchNesting: petrNesting})
		},
	})
}
