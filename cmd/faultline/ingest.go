package main

import (
	"fmt"
	"io"
	"os"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/sqlite"
	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

const defaultDB = "faultline.db"

func (e *env) ingestCmd() *cobra.Command {
	var in inputFlags
	var dbPath string
	var quiet bool
	cmd := &cobra.Command{
		Use:   "ingest [flags] INPUT...",
		Short: "Analyse articles and store them in the database",
		Long: `ingest reads the same inputs as analyze and stores each document in an embedded
SQLite database (./faultline.db unless --db is given). Re-ingesting an article already
stored is a no-op; a near-identical copy of a stored article is stored marked as its
duplicate.`,
		Example: `  faultline ingest examples/
  faultline ingest --db news.db https://example.org/feed.xml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			eng, err := in.engine(ctx)
			if err != nil {
				return err
			}
			store, err := sqlite.Open(ctx, dbPath)
			if err != nil {
				return err
			}
			defer store.Close()

			var sum ingestSummary
			var bar *mpb.Bar
			var progress *mpb.Progress
			if !quiet && isTerminal(e.stderr) {
				progress = mpb.NewWithContext(ctx, mpb.WithOutput(e.stderr), mpb.WithWidth(40))
				bar = progress.New(0, mpb.BarStyle(),
					mpb.PrependDecorators(decor.Name("ingest "), decor.CurrentNoUnit("%d docs")),
					mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return sum.String() })))
			}
			// Documents are stored in batches (one transaction each), which
			// is much faster than one transaction per document.
			var batch []*faultline.Document
			var names []string
			flush := func() error {
				if len(batch) == 0 {
					return nil
				}
				results, err := store.PutBatch(ctx, batch)
				for i, res := range results {
					switch {
					case res.Err != nil:
						sum.Failed++
						e.reportFailure(progress, faultline.Errorf(faultline.ErrorCode(res.Err), "%s: not stored: %w", names[i], res.Err))
					case res.Existing:
						sum.Existing++
					case res.DuplicateOf != "":
						sum.Stored++
						sum.Duplicates++
					case res.Stored:
						sum.Stored++
					}
				}
				if bar != nil {
					bar.IncrBy(len(batch))
				}
				batch, names = batch[:0], names[:0]
				return err
			}
			runErr := eng.run(ctx, args, func(r result) error {
				sum.Read++
				if bar != nil {
					bar.SetTotal(int64(sum.Read)+1, false)
				}
				if r.Err != nil {
					sum.Failed++
					e.reportFailure(progress, r.Err)
					if bar != nil {
						bar.Increment()
					}
					return nil
				}
				batch = append(batch, r.Doc)
				names = append(names, r.Item.Name)
				if len(batch) >= 64 {
					return flush()
				}
				return nil
			})
			if err := flush(); err != nil && runErr == nil {
				runErr = err
			}
			if bar != nil {
				bar.SetTotal(int64(sum.Read), true)
				progress.Wait()
			}
			fmt.Fprintf(e.stderr, "ingest: %s (database %s)\n", sum.String(), dbPath)
			if runErr != nil {
				return runErr
			}
			if sum.Failed > 0 {
				return faultline.Errorf(faultline.EINVALID, "%d of %d inputs failed (reasons above); the others were stored", sum.Failed, sum.Read)
			}
			return nil
		},
	}
	in.register(cmd)
	cmd.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database file")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	return cmd
}

type ingestSummary struct {
	Read, Stored, Duplicates, Existing, Failed int
}

func (s ingestSummary) String() string {
	return fmt.Sprintf("%d read, %d stored, %d duplicates, %d already stored, %d failed",
		s.Read, s.Stored, s.Duplicates, s.Existing, s.Failed)
}

// reportFailure prints one failed input's reason, above the progress bar
// when there is one.
func (e *env) reportFailure(p *mpb.Progress, err error) {
	msg := "faultline: " + faultline.ErrorMessage(err) + "\n"
	if p != nil {
		// Write through the progress container so the bar is redrawn below.
		fmt.Fprint(p, msg)
		return
	}
	fmt.Fprint(e.stderr, msg)
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
