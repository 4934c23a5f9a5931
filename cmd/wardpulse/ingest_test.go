package main

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
)

// TestIngestLimitsConfig pins the new limits' YAML keys, their precedence
// (defaults < file < flags) and the checks between them.
func TestIngestLimitsConfig(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ingest.yaml")
	require.NoError(t, os.WriteFile(file, []byte(`tokens_file: /dev/null
api:
  max_inflight_bytes: 134217728
  max_event_bytes: 65536
  body_read_timeout: 10s
http:
  read_timeout: 45s
`), 0o600))
	tests := []struct {
		name    string
		args    []string
		check   func(t *testing.T, c ingestConfig)
		wantErr string
	}{
		{"defaults", []string{"-tokens-file", "/dev/null"}, func(t *testing.T, c ingestConfig) {
			require.EqualValues(t, 64<<20, c.API.MaxInflightBytes)
			require.Equal(t, 256<<10, c.API.MaxEventBytes)
			require.Equal(t, 30*time.Second, c.API.BodyReadTimeout)
			require.Equal(t, 5*time.Second, c.HTTP.ReadHeaderTimeout)
			require.Equal(t, time.Minute, c.HTTP.ReadTimeout)
			require.Equal(t, time.Minute, c.HTTP.IdleTimeout)
			require.True(t, c.RebuildIndex)
		}, ""},
		{"file", []string{"-config.file", file}, func(t *testing.T, c ingestConfig) {
			require.EqualValues(t, 128<<20, c.API.MaxInflightBytes)
			require.Equal(t, 64<<10, c.API.MaxEventBytes)
			require.Equal(t, 10*time.Second, c.API.BodyReadTimeout)
			require.Equal(t, 45*time.Second, c.HTTP.ReadTimeout)
		}, ""},
		{"flags win", []string{"-config.file", file, "-max-inflight-bytes", "33554432", "-http.read-timeout", "20s"}, func(t *testing.T, c ingestConfig) {
			require.EqualValues(t, 32<<20, c.API.MaxInflightBytes)
			require.Equal(t, 20*time.Second, c.HTTP.ReadTimeout)
			require.Equal(t, 64<<10, c.API.MaxEventBytes)
		}, ""},
		{"budget below one request", []string{"-tokens-file", "/dev/null", "-max-inflight-bytes", "1000"}, nil,
			"-max-inflight-bytes 1000 is below -max-body-bytes 16777216"},
		{"event above the body", []string{"-tokens-file", "/dev/null", "-max-body-bytes", "1000", "-max-inflight-bytes", "1000"}, nil,
			"-max-event-bytes 262144 must be positive and at most -max-body-bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c ingestConfig
			fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			c.RegisterFlags(fs)
			err := config.Parse(fs, tt.args, &c)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			tt.check(t, c)
		})
	}
}
