package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The detector itself is tested in processors/detect; this pins the CLI
// wiring: flags, files, and no output file on bad input.
func TestRunDetectCLI(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "series.csv")
	var b strings.Builder
	b.WriteString("series_id,week_start,count\n")
	for i, wk := range []string{"2015-01-05", "2015-01-12", "2015-01-19", "2015-01-26", "2015-02-02", "2015-02-09", "2015-02-16", "2015-02-23", "2015-03-02"} {
		b.WriteString("a," + wk + "," + string(rune('0'+i%2)) + "\n")
	}
	require.NoError(t, os.WriteFile(in, []byte(b.String()), 0o600))
	out := filepath.Join(dir, "alarms.csv")
	var stderr bytes.Buffer
	require.NoError(t, runDetect(context.Background(), []string{"--input", in, "--output", out, "--workers", "1"}, &bytes.Buffer{}, &stderr))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(got), "series_id,week_start,alarm,score,expected,threshold,pvalue,qvalue,tier\na,2015-03-02,0,"), string(got))

	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("series_id,week_start,count\na,2015-01-06,1\n"), 0o600))
	out2 := filepath.Join(dir, "alarms2.csv")
	err = runDetect(context.Background(), []string{"--input", bad, "--output", out2}, &bytes.Buffer{}, &stderr)
	require.ErrorContains(t, err, "line 2, column week_start")
	require.NoFileExists(t, out2)

	require.Error(t, runDetect(context.Background(), nil, &bytes.Buffer{}, &stderr))
}
