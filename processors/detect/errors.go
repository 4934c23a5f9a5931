package detect

import (
	"errors"
	"fmt"
)

// ErrBadSeries is returned (wrapped in a *SeriesError) when the weeks and
// counts handed to Judge do not form one contiguous weekly series of
// non-negative counts.
var ErrBadSeries = errors.New("bad weekly series")

// SeriesError says which week of a series handed to Judge is unusable and
// why. Callers branch on it with errors.As; errors.Is(err, ErrBadSeries)
// holds for every SeriesError.
type SeriesError struct {
	Index  int    // 0-based position in the weeks/counts slices, -1 for the whole series
	Reason string // e.g. "not 7 days after the previous week"
}

func (e *SeriesError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("bad weekly series: %s", e.Reason)
	}
	return fmt.Sprintf("bad weekly series: week %d: %s", e.Index, e.Reason)
}

// Unwrap lets errors.Is(err, ErrBadSeries) match.
func (e *SeriesError) Unwrap() error { return ErrBadSeries }

// ErrBadInput is returned (wrapped in an *InputError) when series.csv
// cannot be read as the detect contract describes.
var ErrBadInput = errors.New("bad detect input")

// InputError names the line (1-based, the header is line 1) and, when one
// field is at fault, the column of series.csv that broke the contract.
type InputError struct {
	Line   int    // 1-based line number; 0 when the fault is the file as a whole
	Column string // column name, "" when the row or file as a whole is at fault
	Reason string
	Err    error // underlying cause, if any (a parse error, a *SeriesError)
}

func (e *InputError) Error() string {
	msg := e.Reason
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	switch {
	case e.Line > 0 && e.Column != "":
		return fmt.Sprintf("line %d, column %s: %s", e.Line, e.Column, msg)
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s", e.Line, msg)
	default:
		return msg
	}
}

// Unwrap returns the cause when there is one, else ErrBadInput, so both
// errors.Is(err, ErrBadInput) and errors.As on the cause work.
func (e *InputError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrBadInput, e.Err}
	}
	return []error{ErrBadInput}
}
