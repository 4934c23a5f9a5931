package wiring_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
)

// TestLoggerLevel: the four levels give a logger at that level; anything
// else is an error (it used to give an info logger without a word).
func TestLoggerLevel(t *testing.T) {
	for level, want := range map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError} {
		l, err := wiring.Logger(level)
		require.NoError(t, err, level)
		require.True(t, l.Enabled(context.Background(), want), level)
		require.False(t, l.Enabled(context.Background(), want-1), level)
	}
	for _, bad := range []string{"", "verbose", "warning "} {
		l, err := wiring.Logger(bad)
		require.Error(t, err, "%q", bad)
		require.Nil(t, l)
	}
}
