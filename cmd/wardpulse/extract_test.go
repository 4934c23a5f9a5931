package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
)

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	require.NoError(t, os.WriteFile(empty, nil, 0o600))
	report := filepath.Join("..", "..", "testdata", "extract", "report_2016.txt")
	news := filepath.Join("..", "..", "testdata", "extract", "news_2017.html")

	var stdout, stderr bytes.Buffer
	err := runExtract(t.Context(), []string{report, empty, news}, strings.NewReader(""), &stdout, &stderr)
	require.ErrorContains(t, err, "1 of 3 documents could not be read")
	require.Contains(t, stderr.String(), "empty.txt: skipped: extracting "+empty+": document is empty")
	require.Contains(t, stderr.String(), "report_2016.txt: 5 meetings, 3 concerns, 3 planned")
	require.Contains(t, stderr.String(), "planned 2016-02-23 Guisborough")
	require.Contains(t, stderr.String(), "total: 2 documents, 6 meetings, 4 concerns")

	v, err := schemas.NewValidator()
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	require.Len(t, lines, 10)
	for _, l := range lines {
		_, err := v.Decode([]byte(l))
		require.NoError(t, err, l)
	}

	t.Run("stdin", func(t *testing.T) {
		var out, errb bytes.Buffer
		in := "Posted on 14th April 2014\n\nLast night the PCC attended a community meeting in Thornaby where residents complained about fly-tipping.\n"
		require.NoError(t, runExtract(t.Context(), []string{"-"}, strings.NewReader(in), &out, &errb))
		require.Equal(t, 2, strings.Count(out.String(), "\n"), errb.String())
		require.Contains(t, out.String(), `"date":"2014-04-13"`)
		require.Contains(t, out.String(), `"place":"Thornaby","lad_code":"E06000004"`)
	})
	t.Run("a PDF report, with events of period precision", func(t *testing.T) {
		var out, errb bytes.Buffer
		pdf := filepath.Join("..", "..", "testdata", "extract", "tune", "poe_2018_apr.pdf")
		require.NoError(t, runExtract(t.Context(), []string{pdf}, nil, &out, &errb))
		require.Contains(t, errb.String(), "poe_2018_apr.pdf: 3 meetings, 4 concerns, 2 planned (pdf, published 2018-04-10, period 2018-02-01 to 2018-03-31)")
		require.Contains(t, errb.String(), "a meeting of a partnership or board with nothing said of what was raised there: not emitted") // (its bare "Safer Hartlepool Partnership" row)
		require.Contains(t, out.String(), `"precision":"period","period":{"start":"2018-02-01","end":"2018-03-31"}`)
	})
	t.Run("a publication date for a document that gives none", func(t *testing.T) {
		in := "Last night the PCC met residents of Park ward in Hartlepool, who complained about speeding on the coast road.\n"
		var out, errb bytes.Buffer
		require.NoError(t, runExtract(t.Context(), []string{"-"}, strings.NewReader(in), &out, &errb))
		require.Empty(t, out.String(), "undated: nothing")
		require.Contains(t, errb.String(), "no publication date")
		out.Reset()
		errb.Reset()
		require.NoError(t, runExtract(t.Context(), []string{"-published", "2019-11-27", "-"}, strings.NewReader(in), &out, &errb))
		require.Contains(t, out.String(), `"date":"2019-11-26"`)
		require.Contains(t, out.String(), `"place":"Hartlepool","lad_code":"E06000001"`, "Park ward is Middlesbrough's: the text says Hartlepool")
		require.Contains(t, errb.String(), "published 2019-11-27")
		// The document's own date wins.
		out.Reset()
		require.NoError(t, runExtract(t.Context(), []string{"-published", "2019-11-27", "-"}, strings.NewReader("Posted on 14th April 2014\n\n"+in), &out, io.Discard))
		require.Contains(t, out.String(), `"date":"2014-04-13"`)
		require.ErrorContains(t, runExtract(t.Context(), []string{"-published", "27/11/2019", "-"}, strings.NewReader(in), io.Discard, io.Discard), `-published "27/11/2019": not a date`)
	})
	t.Run("no files", func(t *testing.T) {
		require.ErrorContains(t, runExtract(t.Context(), nil, nil, io.Discard, io.Discard), "no documents")
	})
	t.Run("the summary lists what could not be resolved, with where", func(t *testing.T) {
		var out, errb bytes.Buffer
		md := filepath.Join("..", "..", "testdata", "extract", "report_2019.md")
		require.NoError(t, runExtract(t.Context(), []string{md}, nil, &out, &errb))
		require.Contains(t, errb.String(), `report_2019.md ¶9: place "Atlantis Park": "Atlantis Park" is not a ward`)
	})
}

func TestExtractPublishTwiceChangesNothing(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		require.Equal(t, "Bearer tok", r.Header.Get("Authorization"))
		require.Equal(t, "application/x-ndjson", r.Header.Get("Content-Type"))
		body, _ := io.ReadAll(r.Body)
		type res struct {
			Index   int    `json:"index"`
			EventID string `json:"event_id"`
			Status  string `json:"status"`
		}
		var out struct {
			Results []res `json:"results"`
		}
		for i, l := range strings.Split(strings.TrimSpace(string(body)), "\n") {
			var ev schemas.Event
			require.NoError(t, json.Unmarshal([]byte(l), &ev))
			st := "accepted"
			if seen[ev.EventID] {
				st = "duplicate"
			}
			seen[ev.EventID] = true
			out.Results = append(out.Results, res{Index: i, EventID: ev.EventID, Status: st})
		}
		w.WriteHeader(http.StatusAccepted)
		_ = json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	report := filepath.Join("..", "..", "testdata", "extract", "report_2016.txt")
	args := []string{"--publish", "--ingest-url", srv.URL, "--token", "tok", report}

	var errb bytes.Buffer
	require.NoError(t, runExtract(t.Context(), args, nil, io.Discard, &errb))
	require.Contains(t, errb.String(), "publish: 8 accepted, 0 duplicates")
	errb.Reset()
	require.NoError(t, runExtract(t.Context(), args, nil, io.Discard, &errb))
	require.Contains(t, errb.String(), "publish: 0 accepted, 8 duplicates")
	require.Len(t, seen, 8) // 5 meetings, 3 concerns; the 3 forthcoming meetings are planned, not events
}

// TestExtractPublishLeavesOutsideMeetings publishes, through the real
// ingest and processor, a report with a Cleveland meeting and a public
// meeting across the border: the first is accepted and counted in its
// ward; the second and its concern are listed as not sent (ingest places
// every event in Cleveland's gazetteer and would refuse them), and nothing
// is rejected.
func TestExtractPublishLeavesOutsideMeetings(t *testing.T) {
	env := newEnv(t, 2)
	url, token := runServices(t, env)
	doc := filepath.Join(t.TempDir(), "report.txt")
	require.NoError(t, os.WriteFile(doc, []byte("Report to the Police and Crime Panel, 5 October 2022\n\nProgramme of Engagement, August and September 2022\n\n"+
		"4.1 On 6 September the Commissioner attended the Kader ward meeting in Middlesbrough, where residents raised speeding on Stainton Way.\n\n"+
		"4.2 On 21 September the Commissioner attended a public meeting on rural crime in Great Ayton, North Yorkshire. Farmers raised hare coursing and thefts of quad bikes.\n"), 0o600))
	var out, errb bytes.Buffer
	require.NoError(t, runExtract(t.Context(), []string{"--publish", "--ingest-url", url, "--token", token, doc}, nil, &out, &errb), errb.String())
	require.Contains(t, errb.String(), "publish: 2 accepted, 0 duplicates (already ingested), 0 rejected, 2 not sent (held outside Cleveland)")
	require.Contains(t, errb.String(), "not sent meeting")
	require.Contains(t, out.String(), `"place":"Great Ayton"`, "the outside meeting is in the extract's own output")
	waitFor(t, "the Kader concern counted", 30*time.Second, func() bool { return concernCount(t, env, "E05009860", "speeding") == 1 })
	require.Zero(t, concernCount(t, env, "", "rural_crime"), "nothing of Great Ayton's reached ClickHouse")
}
