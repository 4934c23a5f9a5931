package detect

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRunDetectBadInput(t *testing.T) {
	const h = "series_id,week_start,count\n"
	tests := []struct {
		name   string
		in     string
		line   int
		column string
		msg    string
	}{
		{"empty file", "", 1, "", "empty file"},
		{"header only", h, 2, "", "no rows"},
		{"missing column", "series_id,week_start\na,2015-01-05\n", 1, "count", "missing column"},
		{"wrong field count", h + "a,2015-01-05,1\na,2015-01-12\n", 3, "", "malformed CSV"},
		{"non-integer count", h + "a,2015-01-05,1.5\n", 2, "count", "not a non-negative integer"},
		{"negative count", h + "a,2015-01-05,-1\n", 2, "count", "not a non-negative integer"},
		{"bad date", h + "a,05/01/2015,1\n", 2, "week_start", "not an ISO date"},
		{"not a Monday", h + "a,2015-01-06,1\n", 2, "week_start", "not a Monday"},
		{"empty series id", h + ",2015-01-05,1\n", 2, "series_id", "empty series id"},
		{"duplicate week", h + "a,2015-01-05,1\nb,2015-01-05,1\na,2015-01-05,2\n", 4, "week_start", "repeated (also on line 2)"},
		{"gap", h + "a,2015-01-19,1\na,2015-01-05,1\n", 2, "week_start", "gap of 1 missing week"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := RunDetect(context.Background(), strings.NewReader(tc.in), &out, DefaultConfig(), 2)
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			require.ErrorIs(t, err, ErrBadInput)
			require.Equal(t, tc.line, ie.Line, err.Error())
			require.Equal(t, tc.column, ie.Column, err.Error())
			require.Contains(t, err.Error(), tc.msg)
			require.Contains(t, err.Error(), fmt.Sprintf("line %d", tc.line))
			require.Zero(t, out.Len(), "nothing is written on bad input")
		})
	}
}

func TestRunDetectContract(t *testing.T) {
	// Two series, rows shuffled (b before a, weeks reversed), columns in
	// another order, with a spike in b.
	var rows []string
	for i := 11; i >= 0; i-- {
		wk := monday.AddDate(0, 0, 7*i).Format("2006-01-02")
		cb := i % 2
		if i == 10 {
			cb = 12
		}
		rows = append(rows, fmt.Sprintf("%d,b,%s", cb, wk), fmt.Sprintf("%d,a,%s", i%3/2, wk))
	}
	in := "count,series_id,week_start\n" + strings.Join(rows, "\n") + "\n"
	var out bytes.Buffer
	require.NoError(t, RunDetect(context.Background(), strings.NewReader(in), &out, DefaultConfig(), 3))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Equal(t, "series_id,week_start,alarm,score,expected,threshold,pvalue,qvalue,tier", lines[0])
	// Weeks 8-11 of each series are judged (MinHistoryWeeks 8).
	require.Len(t, lines, 1+2*4)
	var got []string
	for _, l := range lines[1:] {
		f := strings.Split(l, ",")
		require.Len(t, f, 9)
		got = append(got, f[0]+" "+f[1]+" "+f[2]+" "+f[8])
	}
	require.Equal(t, []string{
		"a 2015-03-02 0 ", "a 2015-03-09 0 ", "a 2015-03-16 0 ", "a 2015-03-23 0 ",
		"b 2015-03-02 0 ", "b 2015-03-09 0 ", "b 2015-03-16 1 force", "b 2015-03-23 0 ",
	}, got)
}

func TestRunDetectCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := "series_id,week_start,count\na,2015-01-05,1\n"
	err := RunDetect(ctx, strings.NewReader(in), &bytes.Buffer{}, DefaultConfig(), 1)
	require.ErrorIs(t, err, context.Canceled)
}
