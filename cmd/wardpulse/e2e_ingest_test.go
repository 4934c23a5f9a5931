package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/processors/replay"
)

// runServices starts ingest and the processor in-process, as local mode
// does, and returns the ingest URL and a token.
func runServices(t *testing.T, env *testEnv) (url, token string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	g, gctx := errgroup.WithContext(ctx)
	t.Cleanup(func() {
		cancel()
		require.NoError(t, g.Wait())
	})
	token = "test-token"
	tokens, err := httpapi.NewTokens([]httpapi.Token{{Source: "e2e", SHA256: httpapi.HashToken(token)}})
	require.NoError(t, err)
	dir := t.TempDir()
	tf := filepath.Join(dir, "tokens.yaml")
	require.NoError(t, os.WriteFile(tf, []byte("tokens: []\n"), 0o600))

	var icfg ingestConfig
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	icfg.RegisterFlags(fs)
	require.NoError(t, fs.Parse([]string{"-listen", "127.0.0.1:0", "-metrics.listen", "127.0.0.1:0", "-tokens-file", tf}))
	require.NoError(t, icfg.Validate())
	icfg.Kafka = wiring.Kafka{Brokers: env.brokers, Topic: env.topic, DLQTopic: env.dlq}
	ready := make(chan net.Addr, 1)
	g.Go(func() error {
		return serveIngest(gctx, icfg, tokens, discard(), newRegistry(), func(a net.Addr) { ready <- a })
	})

	var pcfg processConfig
	pfs := flag.NewFlagSet("process", flag.ContinueOnError)
	pcfg.RegisterFlags(pfs)
	require.NoError(t, pfs.Parse([]string{"-listen", "127.0.0.1:0", "-batch-wait", "50ms", "-pause.secret", testPauseSecret}))
	pcfg.Kafka = icfg.Kafka
	pcfg.ClickHouse = wiring.ClickHouse{Addr: env.db.Addr, Protocol: env.db.ProtocolName(), Database: env.db.Database, Username: "default"}
	conn, err := pcfg.ClickHouse.Open(ctx, true, discard())
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	g.Go(func() error { return serveProcess(gctx, pcfg, conn, discard(), newRegistry(), nil) })
	select {
	case a := <-ready:
		return "http://" + a.String(), token
	case <-time.After(30 * time.Second):
		t.Fatal("ingest did not start")
	}
	return "", ""
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

func concernCount(t *testing.T, env *testEnv, ward, theme string) int64 {
	t.Helper()
	var n int64
	err := env.db.Conn.QueryRow(context.Background(), "SELECT sum(concerns) FROM concern_daily WHERE ward_code = ? AND theme = ?", ward, theme).Scan(&n)
	if err != nil {
		return -1
	}
	return n
}

// TestIngestToClickHouse posts events over HTTP and watches them counted per
// ward, theme and day; then withdraws and corrects one.
func TestIngestToClickHouse(t *testing.T) {
	onEngines(t, 2, func(t *testing.T, env *testEnv) {
		url, token := runServices(t, env)
		meeting := `{"event_id":"6f1c7a3e-0000-4000-8000-000000000001","type":"meeting","schema_version":1,"occurred_at":"2020-01-03T18:30:00Z","ward":"Grangetown","meeting":{"kind":"community_meeting","title":"Grangetown community meeting","attendance":23}}`
		concern := func(n int, text string) string {
			return fmt.Sprintf(`{"event_id":"6f1c7a3e-0000-4000-8000-0000000001%02d","type":"concern","schema_version":1,"occurred_at":"2020-01-03T19:00:00Z","ward":"Grangetown","concern":{"meeting_id":"6f1c7a3e-0000-4000-8000-000000000001","text":%q,"action":"PCSOs increased patrols"}}`, n, text)
		}
		code, body := postNDJSON(t, url, token, meeting, concern(1, "Off-road bikes on the playing fields"), concern(2, "Quad bikes and scramblers again, call 07700 900123"), concern(3, "Speeding on the main road"))
		require.Equal(t, 202, code, "%v", body)
		require.EqualValues(t, 4, body["accepted"])

		waitFor(t, "off-road concerns counted", 30*time.Second, func() bool { return concernCount(t, env, "E05012442", "off_road_bikes") == 2 })
		require.EqualValues(t, 1, concernCount(t, env, "E05012442", "speeding"))

		// Resubmission is acknowledged again and not counted twice.
		code, body = postNDJSON(t, url, token, concern(1, "Off-road bikes on the playing fields"))
		require.Equal(t, 202, code)
		require.EqualValues(t, 1, body["duplicates"])

		// Personal data does not reach the analytics tables.
		var text string
		require.NoError(t, env.db.Conn.QueryRow(context.Background(), "SELECT text FROM concerns FINAL WHERE concern_id = '6f1c7a3e-0000-4000-8000-000000000102'").Scan(&text))
		require.NotContains(t, text, "07700")

		// A withdrawal and a correction are new events.
		withdraw := `{"type":"withdrawal","schema_version":1,"occurred_at":"2020-01-04T10:00:00Z","ward":"Grangetown","supersedes":"6f1c7a3e-0000-4000-8000-000000000102","withdrawal":{"reason":"entered twice"}}`
		correct := `{"type":"concern","schema_version":1,"occurred_at":"2020-01-03T19:00:00Z","ward":"Grangetown","supersedes":"6f1c7a3e-0000-4000-8000-000000000103","concern":{"text":"Inconsiderate parking on the main road"}}`
		code, body = postNDJSON(t, url, token, withdraw, correct)
		require.Equal(t, 202, code, "%v", body)
		waitFor(t, "withdrawal and correction applied", 30*time.Second, func() bool {
			return concernCount(t, env, "E05012442", "off_road_bikes") == 1 && concernCount(t, env, "E05012442", "speeding") == 0 &&
				concernCount(t, env, "E05012442", "parking_traffic") == 1
		})
		var live uint64
		require.NoError(t, env.db.Conn.QueryRow(context.Background(), "SELECT count() FROM concerns FINAL WHERE withdrawn = 0").Scan(&live))
		require.EqualValues(t, 2, live)
		var meetings uint64
		require.NoError(t, env.db.Conn.QueryRow(context.Background(), "SELECT count() FROM meetings FINAL WHERE ward_code = 'E05012442' AND attendance = 23").Scan(&meetings))
		require.EqualValues(t, 1, meetings)

		// Bad input is refused with the field named, and nothing is lost.
		code, body = postNDJSON(t, url, token, `{"type":"concern","schema_version":1,"occurred_at":"2020-01-03T19:00:00Z","ward":"Atlantis","concern":{"text":"x"}}`)
		require.Equal(t, 400, code)
		require.Contains(t, fmt.Sprint(body["results"]), "Atlantis")
		require.EqualValues(t, 1, concernCount(t, env, "E05012442", "off_road_bikes"))
	})
}

// TestReplayWhileLive rebuilds the tables while the processor runs and
// events keep arriving: the processor pauses for the swap, reloads its
// watermarks from the new tables, and nothing is lost or doubled.
func TestReplayWhileLive(t *testing.T) {
	onEngines(t, 2, func(t *testing.T, env *testEnv) {
		url, token := runServices(t, env)
		post := func(from, to int) {
			var lines []string
			for i := from; i < to; i++ {
				lines = append(lines, fmt.Sprintf(`{"event_id":"7a000000-0000-4000-8000-%012d","type":"concern","schema_version":1,"occurred_at":"2021-03-%02dT19:00:00Z","ward":"%s","concern":{"text":"Speeding on the estate"}}`,
					i, 1+i%28, testWards[i%len(testWards)]))
			}
			code, body := postNDJSON(t, url, token, lines...)
			require.Equal(t, 202, code, "%v", body)
		}
		total := func() int64 {
			var n int64
			_ = env.db.Conn.QueryRow(context.Background(), "SELECT sum(concerns) FROM concern_daily WHERE theme = 'speeding'").Scan(&n)
			return n
		}
		post(0, 500)
		waitFor(t, "first events counted", 30*time.Second, func() bool { return total() == 500 })

		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { // keep events arriving during the rebuild and the swap
			defer close(done)
			for i := 500; i < 1500 && ctx.Err() == nil; i += 50 {
				post(i, i+50)
				time.Sleep(20 * time.Millisecond)
			}
		}()
		agg, err := newAggregator("")
		require.NoError(t, err)
		rep, err := replay.Rebuild(context.Background(), env.db.Conn, agg, replay.Config{Brokers: env.brokers, Topic: env.topic, PauseWait: 15 * time.Second, PauseKey: testPauseKey(t)}, discard())
		require.NoError(t, err)
		require.True(t, rep.Swapped)
		<-done
		cancel()
		waitFor(t, "every event counted after the swap", 60*time.Second, func() bool { return total() == 1500 })
		time.Sleep(500 * time.Millisecond)
		require.EqualValues(t, 1500, total(), "nothing doubled")
		arep, err := replay.Audit(context.Background(), env.db.Conn, env.brokers, env.topic, env.dlq, nil)
		require.NoError(t, err)
		require.True(t, arep.OK(), "audit: %+v", arep)
	})
}

// TestImportCSV imports the example meeting log twice through ingest: the
// second run changes nothing.
func TestImportCSV(t *testing.T) {
	onEngines(t, 2, func(t *testing.T, env *testEnv) {
		url, token := runServices(t, env)
		file := filepath.Join("..", "..", "testdata", "csvimport", "meetings-example.csv")
		var out, errb strings.Builder
		require.NoError(t, runImport(context.Background(), []string{"-ingest-url", url, "-token", token, "-quiet", file}, &out, &errb), errb.String())
		require.Contains(t, out.String(), "7 events accepted")
		waitFor(t, "imported meetings counted", 30*time.Second, func() bool {
			var n uint64
			_ = env.db.Conn.QueryRow(context.Background(), "SELECT count() FROM meetings FINAL").Scan(&n)
			return n == 3
		})
		out.Reset()
		require.NoError(t, runImport(context.Background(), []string{"-ingest-url", url, "-token", token, "-quiet", file}, &out, &errb))
		require.Contains(t, out.String(), "0 events accepted, 7 already imported")
		waitFor(t, "the imported concerns counted once", 30*time.Second, func() bool {
			return concernCount(t, env, "E05012442", "off_road_bikes") == 1 && concernCount(t, env, "E05012442", "drugs") == 1
		})

		// A log with follow-ups: each action with who and when, and each
		// outcome, is an event for its concern.
		out.Reset()
		fus := filepath.Join("..", "..", "testdata", "csvimport", "follow-ups-example.csv")
		require.NoError(t, runImport(context.Background(), []string{"-ingest-url", url, "-token", token, "-quiet", fus}, &out, &errb), errb.String())
		require.Contains(t, out.String(), "7 events accepted")
		waitFor(t, "imported follow-ups stored", 30*time.Second, func() bool {
			var n uint64
			_ = env.db.Conn.QueryRow(context.Background(), `SELECT count() FROM (SELECT concern_id, agency FROM concern_actions FINAL) AS a
				ALL INNER JOIN (SELECT concern_id, text AS concern_text FROM concerns FINAL) AS c USING concern_id
				WHERE concat(agency, ':', concern_text) IN ('police:Off-road bikes on the hills', 'council:Fly-tipping in the back lanes')`).Scan(&n)
			return n == 2
		})
		var statuses []string
		require.NoError(t, env.db.Conn.QueryRow(context.Background(), "SELECT arraySort(groupArray(status)) FROM concern_outcomes FINAL").Scan(&statuses))
		require.Equal(t, []string{"ongoing", "resolved"}, statuses)

		bad := filepath.Join("..", "..", "testdata", "csvimport", "bad-rows.csv")
		errb.Reset()
		err := runImport(context.Background(), []string{"-ingest-url", url, "-token", token, "-quiet", bad}, &out, &errb)
		require.ErrorContains(t, err, "4 rows")
		require.Contains(t, errb.String(), "line 3 column kind")
	})
}

func kafkaOf(env *testEnv) wiring.Kafka {
	return wiring.Kafka{Brokers: env.brokers, Topic: env.topic, DLQTopic: env.dlq, AlertsTopic: "wardpulse.alerts"}
}
