package main

// Subcommands whose implementation lands in a later commit. Each is removed
// from here when its real file arrives.

import (
	"context"
	"errors"
	"io"
)

var errPending = errors.New("not available in this build yet")

func runBench(context.Context, []string, io.Writer, io.Writer) error { return errPending }
