package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/processors/pause"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

func TestMain(m *testing.M) { chtest.Main(m) }

// binaries holds the command built once per test run and build tags: ""
// is the production build, "dev" adds local mode and the benchmarks.
var binaries sync.Map // tags -> *builtBinary

type builtBinary struct {
	once sync.Once
	path string
	err  error
}

// wardpulseBinary builds the production command once per test run, so crash
// tests can kill a real process.
func wardpulseBinary(t *testing.T) string { return buildWardpulse(t, "") }

func buildWardpulse(t *testing.T, tags string) string {
	t.Helper()
	v, _ := binaries.LoadOrStore(tags, &builtBinary{})
	b := v.(*builtBinary)
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "wardpulse-bin-")
		if err != nil {
			b.err = err
			return
		}
		b.path = filepath.Join(dir, "wardpulse")
		out, err := exec.Command("go", "build", "-tags", tags, "-o", b.path, ".").CombinedOutput()
		if err != nil {
			b.err = fmt.Errorf("building wardpulse (tags %q): %v\n%s", tags, err, out)
		}
	})
	require.NoError(t, b.err)
	return b.path
}

type testEnv struct {
	brokers []string
	db      *chtest.DB
	topic   string
	dlq     string
}

func newEnv(t *testing.T, partitions int) *testEnv {
	t.Helper()
	return newEnvOn(t, partitions, chtest.ClickHouse1816)
}

// onEngines runs f once per ClickHouse engine (chtest.Engines), each with
// an environment of its own: the processes the test starts reach chDB over
// HTTP (-clickhouse.protocol http).
func onEngines(t *testing.T, partitions int, f func(t *testing.T, env *testEnv)) {
	t.Helper()
	for _, e := range chtest.Engines {
		t.Run(string(e), func(t *testing.T) { f(t, newEnvOn(t, partitions, e)) })
	}
}

func newEnvOn(t *testing.T, partitions int, engine chtest.Engine) *testEnv {
	t.Helper()
	b, err := kafkatest.Start(kafkatest.Config{}, nil)
	require.NoError(t, err, "starting the embedded Kafka-protocol broker")
	t.Cleanup(func() { b.Close() })
	env := &testEnv{brokers: b.Addrs(), db: chtest.NewOn(t, engine), topic: "wardpulse.events", dlq: "wardpulse.events.dlq"}
	ctx := context.Background()
	require.NoError(t, wiring.CreateTopics(ctx, env.brokers, partitions, env.topic, env.dlq, "wardpulse.alerts"))
	return env
}

func (e *testEnv) chFlags() []string {
	return []string{"-clickhouse.addr", e.db.Addr, "-clickhouse.protocol", e.db.ProtocolName(), "-clickhouse.database", e.db.Database}
}

func (e *testEnv) kafkaFlags() []string {
	return []string{"-kafka.brokers", strings.Join(e.brokers, ","), "-kafka.topic", e.topic, "-kafka.dlq-topic", e.dlq}
}

var testWards = []string{"E05012442", "E05009853", "E05001527", "E05013038"}

var testTexts = []string{
	"Residents raised concerns about off-road motorbikes on the playing fields",
	"Speeding cars on the main road, a Community Speed Watch was asked for",
	"Drug dealing near the shops and needles found in the park",
	"Fly-tipping in the back lanes",
	"Youths causing anti-social behaviour outside the shops, call 07700 900123",
	"Residents asked for more police presence",
	"Nothing in particular was raised",
}

// testEvents makes n valid concern events over 2020-2021, a few duplicates
// (the same event id again) and a few poison messages.
func testEvents(n int) (msgs []kafka.Message, expectedCells map[string]int64, distinct int) {
	tax := taxonomy.Default()
	expectedCells = map[string]int64{}
	start := time.Date(2020, 6, 1, 19, 0, 0, 0, time.UTC)
	var prev []kafka.Message
	for i := 0; i < n; i++ {
		ward := testWards[i%len(testWards)]
		text := testTexts[i%len(testTexts)]
		at := start.Add(time.Duration(i%500) * 24 * time.Hour)
		ev := schemas.Event{EventID: uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprint("e2e", i))).String(), Type: schemas.TypeConcern,
			SchemaVersion: 1, OccurredAt: &at, RecordedAt: &at, Source: &schemas.Source{Name: "test"}, Ward: ward, WardCode: ward,
			Concern: &schemas.Concern{Text: text}}
		b, _ := json.Marshal(ev)
		m := kafka.Message{Key: []byte(ward), Value: b}
		msgs = append(msgs, m)
		prev = append(prev, m)
		distinct++
		themes := tax.Classify(text).Themes
		if len(themes) == 0 {
			themes = []string{"unclassified"}
		}
		for _, th := range themes {
			expectedCells[ward+"|"+th]++
		}
		if i%97 == 0 {
			msgs = append(msgs, prev[len(prev)/2]) // a resubmission reaching the log twice
		}
		if i%211 == 0 {
			msgs = append(msgs, kafka.Message{Key: []byte(ward), Value: []byte(`{"type":"concern","schema_version":1,"oops"`)})
		}
	}
	return msgs, expectedCells, distinct
}

func produce(t *testing.T, brokers []string, topic string, msgs []kafka.Message) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Murmur2Balancer{}, RequiredAcks: kafka.RequireAll, BatchSize: 500, BatchTimeout: time.Millisecond}
	defer w.Close()
	for i := 0; i < len(msgs); i += 1000 {
		require.NoError(t, w.WriteMessages(context.Background(), msgs[i:min(i+1000, len(msgs))]...))
	}
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().String()
}

// testPauseSecret is the pause secret the test processors and replays
// share (processors/pause).
const testPauseSecret = "e2e-pause-secret-0123456789"

// testPauseKey is the key of testPauseSecret.
func testPauseKey(t *testing.T) *pause.Key {
	t.Helper()
	k, err := pause.NewKey(testPauseSecret)
	require.NoError(t, err)
	return k
}

// startProcessor runs `wardpulse process` as a child process.
func startProcessor(t *testing.T, env *testEnv, extra ...string) *exec.Cmd {
	t.Helper()
	args := append(processArgs(t, env), env.chFlags()...)
	return startWardpulse(t, append(args, extra...)...)
}

// processArgs are the flags every test processor runs with: a free ops
// port, small batches, the test broker and the pause key.
func processArgs(t *testing.T, env *testEnv) []string {
	return append([]string{"process", "-listen", freePort(t), "-batch-size", "300", "-batch-wait", "50ms", "-log.level", "info", "-pause.secret", testPauseSecret}, env.kafkaFlags()...)
}

// startWardpulse runs the binary with args as a child process, killed at
// the end of the test if it is still running; if the test failed, its log
// and stacks are printed (watchChild).
func startWardpulse(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(wardpulseBinary(t), args...)
	end := watchChild(t, cmd)
	require.NoError(t, cmd.Start())
	t.Cleanup(end)
	return cmd
}

func processedOffsets(t *testing.T, env *testEnv) int64 {
	t.Helper()
	var n int64
	err := env.db.Conn.QueryRow(context.Background(), "SELECT sum(next_offset) FROM concern_daily WHERE theme = ''").Scan(&n)
	if err != nil {
		return 0 // the processor has not created the tables yet
	}
	return n
}

func waitFor(t *testing.T, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func cellCounts(t *testing.T, env *testEnv) map[string]int64 {
	t.Helper()
	rows, err := env.db.Conn.Query(context.Background(), "SELECT ward_code, theme, sum(concerns) FROM concern_daily WHERE theme != '' GROUP BY ward_code, theme")
	require.NoError(t, err)
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var w, th string
		var n int64
		require.NoError(t, rows.Scan(&w, &th, &n))
		if n != 0 {
			out[w+"|"+th] = n
		}
	}
	require.NoError(t, rows.Err())
	return out
}

// TestCrashMidStreamCountsExactlyOnce kills the processor with SIGKILL
// several times while it works through the log, and runs two processors at
// once for a while (a rebalance), then checks every count against what the
// log says, audits, replays, and checks again.
func TestCrashMidStreamCountsExactlyOnce(t *testing.T) {
	onEngines(t, 4, func(t *testing.T, env *testEnv) {
		msgs, want, distinct := testEvents(6000)
		msgs, followUps, wantFollowUps := withFollowUps(msgs, 6000)
		distinct += followUps
		produce(t, env.brokers, env.topic, msgs)
		total := int64(len(msgs))

		// Kill the processor as soon as it has made some progress, three times.
		var last int64
		for round := 0; round < 3; round++ {
			p := startProcessor(t, env)
			waitFor(t, "progress before the kill", 3*time.Minute, func() bool { n := processedOffsets(t, env); return n > last && n < total })
			require.NoError(t, p.Process.Signal(syscall.SIGKILL))
			_, _ = p.Process.Wait()
			// Merge now what a killed batch may have left in the version
			// tables ahead of concern_daily: the redo must not depend on
			// the versions a merge replaces (docs/exactly-once.md).
			for _, table := range []string{"meetings", "concerns", "concern_actions", "concern_outcomes"} {
				require.NoError(t, env.db.Conn.Exec(context.Background(), "OPTIMIZE TABLE "+table+" FINAL"))
			}
			last = processedOffsets(t, env)
			t.Logf("round %d: killed at %d of %d offsets", round, last, total)
		}
		// Two members in the group: partitions move between them.
		a := startProcessor(t, env)
		b := startProcessor(t, env)
		waitFor(t, "every offset processed", 3*time.Minute, func() bool { return processedOffsets(t, env) == total })
		require.NoError(t, a.Process.Signal(syscall.SIGTERM))
		require.NoError(t, b.Process.Signal(syscall.SIGTERM))
		_, _ = a.Process.Wait()
		_, _ = b.Process.Wait()

		require.Equal(t, want, cellCounts(t, env), "concern_daily counts")
		var events uint64
		require.NoError(t, env.db.Conn.QueryRow(context.Background(), "SELECT count() FROM events").Scan(&events))
		require.Equal(t, uint64(distinct), events, "one events row per distinct event id")

		ctx := context.Background()
		rep, err := replay.Audit(ctx, env.db.Conn, env.brokers, env.topic, env.dlq, nil)
		require.NoError(t, err)
		require.True(t, rep.OK(), "audit: %+v", rep)
		require.Equal(t, distinct, rep.DistinctEvents)
		require.Equal(t, 29, rep.DeadLetters) // i%211 == 0 for i < 6000
		checkFollowUps(t, env, wantFollowUps, "after the crashes")
		require.GreaterOrEqual(t, rep.FollowUpRows, wantFollowUps.actionIDs+wantFollowUps.outcomes)
		require.Zero(t, rep.OrphanFollowUps, "every follow-up's concern is on the log")

		// A full replay rebuilds identical counts.
		agg, err := newAggregator("")
		require.NoError(t, err)
		rrep, err := replay.Rebuild(ctx, env.db.Conn, agg, replay.Config{Brokers: env.brokers, Topic: env.topic, PauseWait: time.Second, PauseKey: testPauseKey(t)}, nil)
		require.NoError(t, err)
		require.True(t, rrep.Swapped)
		require.Equal(t, want, cellCounts(t, env), "counts after replay")
		rep, err = replay.Audit(ctx, env.db.Conn, env.brokers, env.topic, env.dlq, nil)
		require.NoError(t, err)
		require.True(t, rep.OK(), "audit after replay: %+v", rep)
		checkFollowUps(t, env, wantFollowUps, "after the replay")

		// The audit sees a follow-up row that no event on the log made.
		require.NoError(t, schemas.InsertRow(ctx, env.db.Conn, "INSERT INTO concern_actions (action_id, concern_id, occurred_at, day, agency, text, src_partition, src_offset)",
			"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0099", "0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0098", time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC),
			"police", "forged", uint32(0), uint64(3)))
		rep, err = replay.Audit(ctx, env.db.Conn, env.brokers, env.topic, env.dlq, nil)
		require.NoError(t, err)
		require.False(t, rep.OK(), "a forged follow-up fails the audit")
		require.Equal(t, 2, rep.FollowUpMismatches, "%v", rep.Examples) // an id not on the log, and a position stored twice or not an action's
		require.Equal(t, 1, rep.OrphanFollowUps)
	})
}

// postNDJSON sends events to ingest and decodes the answer.
func postNDJSON(t *testing.T, url, token string, lines ...string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+"/v1/events", bytes.NewBufferString(strings.Join(lines, "\n")))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var out map[string]any
	require.NoError(t, json.Unmarshal(body, &out), "body: %s", body)
	return resp.StatusCode, out
}
