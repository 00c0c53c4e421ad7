package faultline

import (
	"errors"
	"fmt"
)

// Error codes used at the boundaries (CLI exit codes, HTTP statuses).
const (
	EINVALID     = "invalid"     // bad input: unreadable, malformed, unsupported
	ENOTFOUND    = "not_found"   // a file, URL, record or id that does not exist
	ECONFLICT    = "conflict"    // a write that clashes with stored state
	EUNAVAILABLE = "unavailable" // a network peer or store that cannot be reached
	EINTERNAL    = "internal"    // a bug: reported, never a panic
)

// Error is faultline's typed error. Message is meant for the user: it names
// the input (file, URL, record), the offset when known, and the remedy.
type Error struct {
	Code    string
	Message string
	Err     error // the underlying cause, if any
}

// Error returns Message, which is complete on its own (Errorf includes the
// cause's text in it), or the cause's text when Message is empty.
func (e *Error) Error() string {
	if e.Message != "" {
		return e.Message
	}
	if e.Err != nil {
		return e.Err.Error()
	}
	return e.Code
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
// A %w verb in format wraps its argument as the cause.
func Errorf(code, format string, args ...any) *Error {
	err := fmt.Errorf(format, args...)
	return &Error{Code: code, Message: err.Error(), Err: errors.Unwrap(err)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Message != "" {
		return e.Message
	}
	return err.Error()
}

// ExitCode maps an error code to the CLI's process exit status.
func ExitCode(code string) int {
	switch code {
	case "":
		return 0
	case EINVALID:
		return 2
	case ENOTFOUND:
		return 3
	case ECONFLICT:
		return 4
	case EUNAVAILABLE:
		return 5
	default:
		return 1
	}
}

// HTTPStatus maps an error code to an HTTP status.
func HTTPStatus(code string) int {
	switch code {
	case "":
		return 200
	case EINVALID:
		return 400
	case ENOTFOUND:
		return 404
	case ECONFLICT:
		return 409
	case EUNAVAILABLE:
		return 503
	default:
		return 500
	}
}
