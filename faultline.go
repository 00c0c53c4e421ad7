// Package faultline holds the domain types of faultline: the Document with its
// span layers, the Stage interface that analysis steps implement, and the
// error codes shared by every boundary (CLI, HTTP, store).
//
// The root package imports only the standard library. Adapters live in
// packages named after the technology they wrap (sqlite, warc, feed), and
// analysis stages in packages named after the capability they add
// (segment, extract, ...).
package faultline

import "context"

// SchemaDocument is the value of Document.Schema for format version 1.
const SchemaDocument = "faultline.document/v1"

// Layer names what a stage reads or writes on a Document. The pipeline uses
// them to refuse stage orders that cannot work.
type Layer string

// The layers of a Document, in the order the default pipeline fills them.
const (
	LayerText       Layer = "text"
	LayerSentences  Layer = "sentences"
	LayerTokens     Layer = "tokens"
	LayerPOS        Layer = "pos"
	LayerParse      Layer = "parse"
	LayerEntities   Layer = "entities"
	LayerQuotes     Layer = "quotes"
	LayerTimes      Layer = "times"
	LayerQuantities Layer = "quantities"
	LayerPlaces     Layer = "places"
	LayerEvents     Layer = "events"
)

// Stage is one named analysis step. Process must honour ctx cancellation
// and must only write the layers it declares in Assigns.
type Stage interface {
	Name() string
	Requires() []Layer
	Assigns() []Layer
	Process(ctx context.Context, doc *Document) error
}
