package event

// SuiteDate exposes suiteDate to the external tests.
var SuiteDate = suiteDate
