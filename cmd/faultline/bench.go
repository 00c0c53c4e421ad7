package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/pipeline"
	"github.com/spf13/cobra"
)

// benchResult is the JSON line `faultline bench --json` prints
// (docs/output-format.md names docs_per_s, tokens_per_s, cores,
// peak_rss_mb and docs).
type benchResult struct {
	Data              string   `json:"data"`
	Stages            []string `json:"stages"`
	Docs              int      `json:"docs"`
	Failed            int      `json:"failed"`
	Tokens            int      `json:"tokens"`
	Sentences         int      `json:"sentences"`
	InputMB           float64  `json:"input_mb"`
	Seconds           float64  `json:"seconds"`
	Cores             int      `json:"cores"`
	DocsPerS          float64  `json:"docs_per_s"`
	TokensPerS        float64  `json:"tokens_per_s"`
	DocsPerSPerCore   float64  `json:"docs_per_s_per_core"`
	TokensPerSPerCore float64  `json:"tokens_per_s_per_core"`
	PeakRSSMB         float64  `json:"peak_rss_mb"`
}

func (e *env) benchCmd() *cobra.Command {
	var in inputFlags
	var data []string
	var asJSON bool
	var until string
	cmd := &cobra.Command{
		Use:   "bench --data PATH [--data PATH...] [--json]",
		Short: "Measure throughput and memory of extraction and analysis",
		Long: `bench runs the whole analysis (reading, extraction, every stage) over PATH — a
JSONL text pool, a directory of HTML pages, anything analyze reads — and reports documents
and tokens per second (in all and per core) and the peak resident memory. --workers 1
measures one core.`,
		Example: `  faultline bench --data ../shared/eval/news-text-pool/permissive_articles.jsonl --json
  faultline bench --workers 1 --data ../shared/eval/zyte-article-extraction/html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			data = append(data, args...)
			if len(data) == 0 {
				return faultline.Errorf(faultline.EINVALID, "bench: give the inputs to measure with --data PATH")
			}
			eng, err := in.engine(cmd.Context())
			if err != nil {
				return err
			}
			if until != "" {
				if eng.pipe, err = truncatePipeline(eng.pipe, until); err != nil {
					return err
				}
			}
			res, err := runBench(cmd, eng, eng.pipe, data)
			if err != nil {
				return err
			}
			if asJSON {
				b, _ := json.Marshal(res)
				fmt.Fprintf(e.stdout, "%s\n", b)
				return nil
			}
			fmt.Fprintf(e.stdout, "%d docs (%d failed), %d tokens, %.1f MB in %.2fs on %d cores\n", res.Docs, res.Failed, res.Tokens, res.InputMB, res.Seconds, res.Cores)
			fmt.Fprintf(e.stdout, "%.0f docs/s (%.0f per core), %.0f tokens/s (%.0f per core), peak RSS %.0f MB\n",
				res.DocsPerS, res.DocsPerSPerCore, res.TokensPerS, res.TokensPerSPerCore, res.PeakRSSMB)
			return nil
		},
	}
	in.register(cmd)
	cmd.Flags().StringArrayVar(&data, "data", nil, "input to measure (repeatable)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().StringVar(&until, "until", "", "run the pipeline only up to this stage (e.g. segment: extraction and segmentation alone)")
	return cmd
}

// truncatePipeline keeps the stages of p up to and including the one named
// last.
func truncatePipeline(p *pipeline.Pipeline, last string) (*pipeline.Pipeline, error) {
	names := p.Stages()
	for i, n := range names {
		if n == last {
			return p.Prefix(i + 1)
		}
	}
	return nil, faultline.Errorf(faultline.EINVALID, "--until %q: no such stage; the stages are %s", last, strings.Join(names, ", "))
}

func runBench(cmd *cobra.Command, eng *engine, pipe *pipeline.Pipeline, data []string) (benchResult, error) {
	res := benchResult{Data: strings.Join(data, ","), Stages: append([]string{"read", "extract"}, pipe.Stages()...)}
	cores := eng.workers
	if cores <= 0 || cores > runtime.GOMAXPROCS(0) {
		cores = runtime.GOMAXPROCS(0)
	}
	res.Cores = cores
	var bytes int
	start := time.Now()
	err := eng.run(cmd.Context(), data, func(r result) error {
		if r.Err != nil {
			res.Failed++
			return nil
		}
		res.Docs++
		bytes += r.Bytes
		res.Tokens += len(r.Doc.Tokens)
		res.Sentences += len(r.Doc.Sentences)
		return nil
	})
	if err != nil {
		return res, err
	}
	res.Seconds = time.Since(start).Seconds()
	res.InputMB = float64(bytes) / (1 << 20)
	if res.Seconds > 0 {
		res.DocsPerS = float64(res.Docs) / res.Seconds
		res.TokensPerS = float64(res.Tokens) / res.Seconds
		res.DocsPerSPerCore = res.DocsPerS / float64(cores)
		res.TokensPerSPerCore = res.TokensPerS / float64(cores)
	}
	res.PeakRSSMB = peakRSSMB()
	return res, nil
}

// peakRSSMB reads the process's peak resident set size (VmHWM) from
// /proc; 0 where /proc is not available.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(v)
			if len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb / 1024
			}
		}
	}
	return 0
}
