package eval

// Floors for the extraction accuracy tests (measured values in comments).
const (
	zyteFloorF1              = 0.0
	zyteSubsetFloorF1        = 0.0
	trafilaturaFloorF1       = 0.0
	trafilaturaSubsetFloorF1 = 0.0
)
