package main

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/schemas"
)

// fakeImportIngest answers POST /v1/events like ingest, without Kafka:
// schema-valid events are accepted once and duplicates after, a ward named
// "Gotham" is rejected, and a request with nothing accepted gets a 400.
type fakeImportIngest struct {
	t        *testing.T
	v        *schemas.Validator
	mu       sync.Mutex
	seen     map[string]bool
	requests int
}

func (f *fakeImportIngest) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer tok" {
		w.WriteHeader(http.StatusUnauthorized)
		_ = json.NewEncoder(w).Encode(httpapi.Response{Error: "missing or unknown bearer token"})
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests++
	var resp httpapi.Response
	sc := bufio.NewScanner(r.Body)
	for i := 0; sc.Scan(); i++ {
		ev, err := f.v.Decode(sc.Bytes())
		require.NoError(f.t, err, "%s", sc.Bytes())
		res := httpapi.Result{Index: i, EventID: ev.EventID}
		switch {
		case ev.Ward == "Gotham":
			res.Status, res.Errors = httpapi.StatusRejected, []schemas.FieldError{{Field: "ward", Reason: "unknown place"}}
			resp.Rejected++
		case f.seen[ev.EventID]:
			res.Status = httpapi.StatusDuplicate
			resp.Duplicates++
		default:
			f.seen[ev.EventID] = true
			res.Status = httpapi.StatusAccepted
			resp.Accepted++
		}
		resp.Results = append(resp.Results, res)
	}
	code := http.StatusAccepted
	if resp.Accepted+resp.Duplicates == 0 {
		code = http.StatusBadRequest
	}
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(resp)
}

func TestRunImport(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	ing := &fakeImportIngest{t: t, v: v, seen: map[string]bool{}}
	srv := httptest.NewServer(ing)
	t.Cleanup(srv.Close)
	example := filepath.Join("..", "..", "testdata", "csvimport", "meetings-example.csv")
	gotham := filepath.Join(t.TempDir(), "gotham.csv")
	require.NoError(t, os.WriteFile(gotham, []byte("date,ward,concerns\n2020-01-01,Gotham,Riddles\n"), 0o600))
	run := func(args ...string) (string, string, error) {
		var out, errb strings.Builder
		err := runImport(context.Background(), append([]string{"-ingest-url", srv.URL, "-token", "tok"}, args...), &out, &errb)
		return out.String(), errb.String(), err
	}

	for _, tc := range []struct {
		name     string
		args     []string
		err      string
		stdout   string
		stderr   []string
		requests int
	}{
		{name: "example, in batches of three", args: []string{"-quiet", "-batch", "3", example},
			stdout: "7 events accepted, 0 already imported, 0 rejected by ingest", requests: 3},
		{name: "again: nothing changes", args: []string{"-quiet", example},
			stdout: "0 events accepted, 7 already imported, 0 rejected by ingest", requests: 1},
		{name: "bad rows are named, the good row is sent", args: []string{"-quiet", filepath.Join("..", "..", "testdata", "csvimport", "bad-rows.csv")},
			err: "4 rows were bad and skipped", stdout: "2 events accepted", requests: 1,
			stderr: []string{`bad-rows.csv line 2 column date: "10/12/2019"`, "bad-rows.csv line 3 column kind", "bad-rows.csv line 5: 4 fields, the header has 8"}},
		{name: "rejected by ingest, by line", args: []string{"-quiet", gotham},
			err: "2 events rejected by ingest", stdout: "0 events accepted, 0 already imported, 2 rejected by ingest", requests: 1,
			stderr: []string{"gotham.csv line 2: meeting rejected by ingest: ward: unknown place", "gotham.csv line 2: concern rejected by ingest"}},
		{name: "progress bar on stderr", args: []string{example}, stdout: "7 already imported", stderr: []string{"meetings-example.csv", "100%"}, requests: 1},
		{name: "a bad header stops the file", args: []string{"-quiet", filepath.Join("..", "..", "testdata", "csvimport", "unknown-column.csv")},
			err: `unknown column "atendance"`},
		{name: "no files", args: nil, err: "no CSV files given"},
		{name: "bad batch", args: []string{"-batch", "0", example}, err: "-batch 0: must be at least 1"},
		{name: "missing file", args: []string{"-quiet", "nope.csv"}, err: "opening nope.csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := ing.requests
			out, errb, err := run(tc.args...)
			if tc.err == "" {
				require.NoError(t, err, errb)
			} else {
				require.ErrorContains(t, err, tc.err)
			}
			require.Contains(t, out, tc.stdout)
			for _, s := range tc.stderr {
				require.Contains(t, errb, s)
			}
			require.Equal(t, tc.requests, ing.requests-before)
		})
	}

	t.Run("token from the environment, or refused", func(t *testing.T) {
		t.Setenv("WARDPULSE_TOKEN", "tok")
		var out, errb strings.Builder
		require.NoError(t, runImport(context.Background(), []string{"-ingest-url", srv.URL, "-quiet", example}, &out, &errb))
		t.Setenv("WARDPULSE_TOKEN", "")
		err := runImport(context.Background(), []string{"-ingest-url", srv.URL, "-quiet", example}, &out, &errb)
		require.ErrorContains(t, err, "-token (or WARDPULSE_TOKEN) is required")
		err = runImport(context.Background(), []string{"-ingest-url", srv.URL, "-token", "wrong", "-quiet", example}, &out, &errb)
		require.ErrorContains(t, err, "ingest answered 401")
	})
}
