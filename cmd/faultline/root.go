package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/faultline-news/faultline"
	"github.com/spf13/cobra"
)

// env carries the process's streams to every verb, so tests can run the
// CLI in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// Run executes the CLI with args and returns the process exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "faultline: internal error: %v (please report this)\n", r)
			code = faultline.ExitCode(faultline.EINTERNAL)
		}
	}()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "faultline",
		Short: "Turn raw news into structured, sourced data about conflict and diplomacy",
		Long: `faultline reads news (web pages, text, feeds, web archives, JSONL) and extracts the
clean article, its sentences and tokens, and — as the analysis layers land — entities,
quotes, times, places and CAMEO/PLOVER events, into JSON or an embedded SQLite store.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(
		e.analyzeCmd(),
		e.ingestCmd(),
		e.searchCmd(),
		e.eventsCmd(),
		e.quotesCmd(),
		e.watchCmd(),
		e.serveCmd(),
		e.evalCmd(),
		e.exportCmd(),
		e.benchCmd(),
		e.trainCmd(),
	)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "faultline: interrupted")
		return 130
	}
	fmt.Fprintf(stderr, "faultline: %s\n", faultline.ErrorMessage(err))
	var fe *faultline.Error
	if errors.As(err, &fe) {
		return faultline.ExitCode(fe.Code)
	}
	// cobra's own usage errors (unknown flag, missing argument).
	return faultline.ExitCode(faultline.EINVALID)
}
