package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/source"
	"github.com/faultline-news/faultline/sqlite"
	"github.com/faultline-news/faultline/watch"
	"github.com/spf13/cobra"
)

func (e *env) watchCmd() *cobra.Command {
	var in inputFlags
	var dbPath string
	var every time.Duration
	var once bool
	cmd := &cobra.Command{
		Use:   "watch FEED_URL... [--every 15m]",
		Short: "Poll RSS/Atom feeds and ingest their new items",
		Long: `watch polls each feed politely — conditional GET (ETag, Last-Modified), timeouts,
exponential backoff with jitter when a feed fails — and analyses and stores the items it
has not seen before; what it has seen is remembered in the database, so a restart never
re-fetches old items. It runs until interrupted, or polls once with --once.`,
		Example: `  faultline watch --every 15m https://example.org/world/rss.xml
  faultline watch --once --follow-links https://example.org/feed.atom`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if every < time.Minute && !once {
				return faultline.Errorf(faultline.EINVALID, "--every %s: poll at most once a minute, to be polite to the publishers", every)
			}
			eng, err := in.engine(ctx)
			if err != nil {
				return err
			}
			store, err := sqlite.Open(ctx, dbPath)
			if err != nil {
				return err
			}
			defer store.Close()
			var mu sync.Mutex // feeds are polled concurrently; analyse one batch at a time
			ingest := func(ctx context.Context, items []source.Item) error {
				mu.Lock()
				defer mu.Unlock()
				var docs []*faultline.Document
				for _, it := range items {
					r := eng.process(ctx, it)
					if r.Err != nil {
						fmt.Fprintf(e.stderr, "faultline: %s\n", faultline.ErrorMessage(r.Err))
						continue
					}
					docs = append(docs, r.Doc)
				}
				results, err := store.PutBatch(ctx, docs)
				var sum ingestSummary
				for _, res := range results {
					switch {
					case res.Err != nil:
						sum.Failed++
						fmt.Fprintf(e.stderr, "faultline: not stored: %s\n", faultline.ErrorMessage(res.Err))
					case res.Existing:
						sum.Existing++
					case res.DuplicateOf != "":
						sum.Stored++
						sum.Duplicates++
					default:
						sum.Stored++
					}
				}
				sum.Read = len(items)
				fmt.Fprintf(e.stderr, "watch: %s\n", sum)
				return err
			}
			opts := watch.Options{
				Source: eng.source,
				State:  store,
				Report: func(r watch.PollResult) {
					switch {
					case r.Err != nil:
						fmt.Fprintf(e.stderr, "watch: %s: %s (next try in %s)\n", r.Feed, faultline.ErrorMessage(r.Err), r.Next.Round(time.Second))
					case r.NotModified:
						fmt.Fprintf(e.stderr, "watch: %s: not modified\n", r.Feed)
					default:
						fmt.Fprintf(e.stderr, "watch: %s: %d items, %d new\n", r.Feed, r.Items, r.New)
					}
				},
			}
			if once {
				failed := 0
				for _, feed := range args {
					r := watch.Poll(ctx, feed, opts, ingest)
					opts.Report(r)
					if r.Err != nil {
						failed++
					}
				}
				if failed > 0 {
					return faultline.Errorf(faultline.EUNAVAILABLE, "%d of %d feeds failed (reasons above)", failed, len(args))
				}
				return nil
			}
			return watch.Watch(ctx, args, every, opts, ingest)
		},
	}
	in.register(cmd)
	cmd.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database file")
	cmd.Flags().DurationVar(&every, "every", 15*time.Minute, "time between polls of each feed")
	cmd.Flags().BoolVar(&once, "once", false, "poll each feed once and exit")
	return cmd
}
