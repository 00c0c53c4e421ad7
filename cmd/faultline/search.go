package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/faultline-news/faultline/sqlite"
	"github.com/spf13/cobra"
)

func (e *env) searchCmd() *cobra.Command {
	var dbPath string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search [flags] QUERY",
		Short: "Full-text search over stored articles",
		Long: `search looks QUERY up in the stored titles and texts (SQLite FTS5: words, "exact
phrases", OR, NOT, prefix*) and prints the best matches with their title, date, source and
a snippet with the matching words highlighted.`,
		Example: `  faultline search militia
  faultline search '"Popular Mobilization" OR PMF' --limit 5`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := sqlite.Open(ctx, dbPath)
			if err != nil {
				return err
			}
			defer store.Close()
			start, end := "[", "]"
			if isTerminal(e.stdout) && !asJSON {
				start, end = "\x1b[1;33m", "\x1b[0m"
			}
			hits, err := store.Search(ctx, strings.Join(args, " "), limit, sqlite.Highlight(start, end))
			if err != nil {
				return err
			}
			w := bufio.NewWriter(e.stdout)
			defer w.Flush()
			if asJSON {
				for _, h := range hits {
					b, _ := json.Marshal(h)
					fmt.Fprintf(w, "%s\n", b)
				}
				return nil
			}
			if len(hits) == 0 {
				fmt.Fprintln(w, "no match")
				return nil
			}
			for _, h := range hits {
				fmt.Fprintf(w, "%s\n  %s · %s · %s\n  %s\n\n", orDash(h.Title), orDash(h.Published),
					orDash(firstNonEmpty(h.URL, h.Path, h.Site)), h.ID, strings.ReplaceAll(h.Snippet, "\n", " "))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database file")
	cmd.Flags().IntVar(&limit, "limit", 10, "number of results")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per hit")
	return cmd
}
