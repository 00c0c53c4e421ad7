package main

import (
	"fmt"

	api "github.com/faultline-news/faultline/http"
	"github.com/faultline-news/faultline/sqlite"
	"github.com/faultline-news/faultline/web"
	"github.com/spf13/cobra"
)

func (e *env) serveCmd() *cobra.Command {
	var dbPath, addr string
	cmd := &cobra.Command{
		Use:   "serve [--addr :8080] [--db FILE]",
		Short: "Serve the stored documents, events, actors, quotes and places as a JSON API",
		Long: `serve answers HTTP requests over the database: /api/documents, /api/events (filters
as in the events verb, pagination), /api/events/counts (a timeline by day and PLOVER type),
/api/actors, /api/quotes, /api/places, /api/search, and the OpenAPI description at
/api/openapi.json. It stops gracefully on Ctrl-C.`,
		Example: `  faultline serve --addr 127.0.0.1:8080
  curl 'http://127.0.0.1:8080/api/events?place=IQ&from=2017-03-01'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			store, err := sqlite.Open(ctx, dbPath)
			if err != nil {
				return err
			}
			defer store.Close()
			fmt.Fprintf(e.stderr, "serve: database %s on http://%s/api/ (OpenAPI at /api/openapi.json)\n", dbPath, displayAddr(addr))
			return api.NewServer(store, api.Options{Static: web.Handler()}).ListenAndServe(ctx, addr)
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database file")
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	return cmd
}

// displayAddr makes ":8080" clickable as "localhost:8080".
func displayAddr(addr string) string {
	if len(addr) > 0 && addr[0] == ':' {
		return "localhost" + addr
	}
	return addr
}
