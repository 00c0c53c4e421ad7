package timex

import "github.com/faultline-news/faultline/wordscan"

// The word scanner is shared with the other rule-based recognizers; these
// names keep this package's rules short.
type (
	kind  = wordscan.Kind
	token = wordscan.Token
)

const (
	kindWord   = wordscan.Word
	kindNumber = wordscan.Number
)

var (
	scan         = wordscan.Scan
	isASCIIDigit = wordscan.IsASCIIDigit
)
