package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/event"
	"github.com/faultline-news/faultline/export"
	"github.com/faultline-news/faultline/sqlite"
	"github.com/spf13/cobra"
)

func (e *env) exportCmd() *cobra.Command {
	var dbPath, format, out string
	var duplicates, header bool
	names := make([]string, 0, len(export.Formats()))
	for _, f := range export.Formats() {
		names = append(names, string(f))
	}
	cmd := &cobra.Command{
		Use:   "export --format FORMAT [--out FILE]",
		Short: "Write stored documents or events in a standard format",
		Long: `export writes what the database holds in one of: ` + strings.Join(names, ", ") + `.
jsonl is one faultline document a line; csv one event a row; gdelt and gdelt-mentions are
GDELT 2.0 event (61 columns) and mentions (16 columns) files; plover is one POLECAT-style
JSON object per event; geojson a FeatureCollection of events with a place. The event formats
merge the same happening reported by several documents (same actors, root code, place, day
±1) into one event with all its mentions. jsonl leaves near-duplicate copies out unless
--duplicates is given.`,
		Example: `  faultline export --format gdelt --out events.tsv
  faultline export --db news.db --format plover > events.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			ctx := cmd.Context()
			f, err := export.ParseFormat(format)
			if err != nil {
				return err
			}
			store, err := sqlite.Open(ctx, dbPath)
			if err != nil {
				return err
			}
			defer store.Close()
			var w io.Writer = e.stdout
			var tmp *os.File
			if out != "" {
				// Write beside the target and rename at the end, so a failed
				// export never leaves a half-written file in its place.
				tmp, err = os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*")
				if err != nil {
					return faultline.Errorf(faultline.EINVALID, "--out %s: cannot create the file: %w", out, err)
				}
				defer func() {
					if tmp != nil {
						tmp.Close()
						os.Remove(tmp.Name())
					}
				}()
				w = tmp
			}
			bw := bufio.NewWriterSize(w, 1<<16)
			opts := export.Options{Now: time.Now().UTC(), Header: header}
			if f == export.FormatJSONL {
				docs := export.Documents(func(yield func(*faultline.Document) error) error {
					return store.Documents(ctx, !duplicates, func(d *faultline.Document) error {
						d.Normalize()
						return yield(d)
					})
				})
				if err := export.Write(ctx, bw, f, docs, opts); err != nil {
					return err
				}
			} else {
				// Event formats merge the same happening reported by several
				// documents into one event with all its mentions; a
				// republished copy adds a mention, not an event.
				var all []*faultline.Document
				if err := store.Documents(ctx, false, func(d *faultline.Document) error {
					d.Normalize()
					all = append(all, d)
					return nil
				}); err != nil {
					return err
				}
				if err := export.WriteEvents(ctx, bw, f, event.ExportEvents(event.Merge(all)), opts); err != nil {
					return err
				}
			}
			if err := bw.Flush(); err != nil {
				return faultline.Errorf(faultline.EUNAVAILABLE, "export: writing the output: %w", err)
			}
			if tmp != nil {
				// CreateTemp makes the file private (0600); an export is
				// an ordinary file, readable like the others.
				if err := tmp.Chmod(0o644); err != nil {
					return faultline.Errorf(faultline.EUNAVAILABLE, "--out %s: %w", out, err)
				}
				if err := tmp.Close(); err != nil {
					return faultline.Errorf(faultline.EUNAVAILABLE, "--out %s: %w", out, err)
				}
				if err := os.Rename(tmp.Name(), out); err != nil {
					return faultline.Errorf(faultline.EUNAVAILABLE, "--out %s: %w", out, err)
				}
				tmp = nil
				fmt.Fprintf(e.stderr, "export: wrote %s\n", out)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database file")
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: "+strings.Join(names, ", "))
	cmd.Flags().StringVar(&out, "out", "", "output file (default: standard output)")
	cmd.Flags().BoolVar(&duplicates, "duplicates", false, "jsonl: include near-duplicate copies")
	cmd.Flags().BoolVar(&header, "header", false, "gdelt, gdelt-mentions: first line with the column names (GDELT's own files have none)")
	return cmd
}
