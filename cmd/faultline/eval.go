package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/eval"
	"github.com/spf13/cobra"
)

func (e *env) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval TASK --data PATH [--json]",
		Short: "Score a stage on a gold suite",
		Long: `eval scores one stage of faultline on a gold suite and prints the metrics; with --json
the last line is one JSON object with metrics as fractions in [0,1].`,
	}
	cmd.AddCommand(e.evalExtractionCmd(), e.evalUDCmd(), e.evalNERCmd(), e.evalGeoCmd(), e.evalQuotesCmd(), e.evalEventsCmd())
	return cmd
}

// printEval prints a result as JSON (one line) or as indented JSON for
// people; both carry the same keys.
func (e *env) printEval(v any, asJSON bool) error {
	if asJSON {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(e.stdout, "%s\n", b)
		return err
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", b)
	return err
}

func requireData(data string) error {
	if data == "" {
		return faultline.Errorf(faultline.EINVALID, "eval: give the gold suite with --data PATH")
	}
	return nil
}

func (e *env) evalExtractionCmd() *cobra.Command {
	var limit, workers int
	return e.evalTaskCmd(evalTask{
		use:   "extraction --data DIR [--json]",
		short: "Main-text extraction: the Zyte benchmark (4-gram shingle P/R/F1) or trafilatura's snippet set",
		example: `  faultline eval extraction --data ../shared/eval/zyte-article-extraction --json
  faultline eval extraction --data ../shared/eval/trafilatura-eval --json`,
		dataHelp: "suite directory",
		flags: func(cmd *cobra.Command) {
			cmd.Flags().IntVar(&limit, "limit", 0, "score only the first N documents")
			cmd.Flags().IntVar(&workers, "workers", 0, "documents extracted in parallel (default: number of cores)")
		},
		score: func(ctx context.Context, data string) (any, error) {
			return eval.Extraction(ctx, data, eval.ExtractionOptions{Limit: limit, Workers: workers})
		},
	})
}
