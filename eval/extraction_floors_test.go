package eval

// Floors for the extraction accuracy tests, a little under the F1 measured
// when they were set (2026-11-25, extract with trafilatura + readeck
// fallback candidate): a drop below one is a regression to look at.
const (
	zyteFloorF1              = 0.960 // measured 0.9693 on all 181 pages
	zyteSubsetFloorF1        = 0.965 // measured 0.9766 on the first 40 ids (-short)
	trafilaturaFloorF1       = 0.910 // measured 0.9202 on all 990 pages (-long)
	trafilaturaSubsetFloorF1 = 0.925 // measured 0.9326 on the first 150 pages
	trafilaturaShortFloorF1  = 0.920 // measured 0.9360 on the first 40 pages (-short)
)
