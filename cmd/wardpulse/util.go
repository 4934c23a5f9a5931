package main

import (
	"fmt"
	"log/slog"
	"os"
)

func openFile(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	return f, nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
