package eval

import (
	"context"

	"github.com/faultline-news/faultline"
	"github.com/faultline-news/faultline/event"
)

// EventsScoring describes how `faultline eval events` scores.
const EventsScoring = event.SuiteScoring

// EventsResult is the score printed by `faultline eval events --json`: keys
// precision, recall, f1, root_f1, noevents_accuracy, records, crashes,
// expected_errors(_handled) and the confidence reliability table.
type EventsResult = event.SuiteScore

// Events scores the event coder on a PETRARCH-style JSONL suite at path
// (../shared/eval/README.md): pre are the stages that segment, tag and parse
// (and optionally recognise entities in) each record's text, run with the
// record's date as reference; the coder is built over the PETRARCH-format
// dictionaries of dictDir (none when "") and run after them.
func Events(ctx context.Context, path, dictDir string, pre []faultline.Stage) (EventsResult, error) {
	return event.ScoreSuite(ctx, path, dictDir, pre)
}

// EventsOptions are the coder conventions of an events run
// (event.SuiteOptions: PetrarchNesting).
type EventsOptions = event.SuiteOptions

// EventsWith is Events with explicit conventions.
func EventsWith(ctx context.Context, path, dictDir string, pre []faultline.Stage, opts EventsOptions) (EventsResult, error) {
	return event.ScoreSuiteWith(ctx, path, dictDir, pre, opts, nil)
}
