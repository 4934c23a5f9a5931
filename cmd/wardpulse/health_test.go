package main

import (
	"context"
	"flag"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas/chserver"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

// httpGet returns the status code and body of url ("" and 0 when it does
// not answer).
func httpGet(url string) (int, string) {
	c := http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// metricSum adds the values of every sample of family (labels ignored;
// family may end in a label selector such as `{reason="x"}`) in a
// Prometheus text exposition; -1 when there is none.
func metricSum(body, family string) float64 {
	sum, seen := 0.0, false
	for _, l := range strings.Split(body, "\n") {
		if !strings.HasPrefix(l, family+"{") && !strings.HasPrefix(l, family+" ") && !(strings.Contains(family, "{") && strings.HasPrefix(l, family)) {
			continue
		}
		f := strings.Fields(l)
		v, err := strconv.ParseFloat(f[len(f)-1], 64)
		if err == nil {
			sum, seen = sum+v, true
		}
	}
	if !seen {
		return -1
	}
	return sum
}

// TestHealthIsHonest runs ingest and a processor against a broker and a
// ClickHouse 18.16 server of their own, stops and restarts each, and checks
// that /readyz and the lag say so at once: ClickHouse down makes the
// processor unready and its lag grow by exactly the messages produced
// meanwhile (it stayed 0 before: the gauge moved only after a write); the
// broker down makes both unready; a forged pause row does not pause, a
// signed one (what replay writes) does and /readyz says by which replay.
func TestHealthIsHonest(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	b, err := kafkatest.Start(kafkatest.Config{DataDir: filepath.Join(dir, "kafka")}, nil)
	require.NoError(t, err)
	kafkaAddr := b.Addrs()[0]
	t.Cleanup(func() { b.Close() })
	chCfg := chserver.Config{DataDir: filepath.Join(dir, "clickhouse")}
	ch, err := chserver.Start(ctx, chCfg, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ch.Stop() })
	_, port, _ := net.SplitHostPort(ch.Addr())
	chCfg.TCPPort, _ = strconv.Atoi(port)
	_, port, _ = net.SplitHostPort(ch.HTTPAddr())
	chCfg.HTTPPort, _ = strconv.Atoi(port)

	const topic, partitions = "wardpulse.events", 2
	require.NoError(t, wiring.CreateTopics(ctx, []string{kafkaAddr}, partitions, topic, "wardpulse.events.dlq"))
	kcfg := wiring.Kafka{Brokers: []string{kafkaAddr}, Topic: topic, DLQTopic: "wardpulse.events.dlq"}

	var pcfg processConfig
	pfs := flag.NewFlagSet("process", flag.ContinueOnError)
	pcfg.RegisterFlags(pfs)
	require.NoError(t, pfs.Parse([]string{"-listen", "127.0.0.1:0", "-batch-wait", "50ms", "-lag-poll-interval", "200ms", "-pause.secret", testPauseSecret}))
	require.NoError(t, pcfg.Validate())
	pcfg.Kafka = kcfg
	pcfg.ClickHouse = wiring.ClickHouse{Addr: ch.Addr(), Database: "wardpulse", Username: "default"}
	conn, err := pcfg.ClickHouse.Open(ctx, true, discard())
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })

	tokens, err := httpapi.NewTokens([]httpapi.Token{{Source: "health", SHA256: httpapi.HashToken("t")}})
	require.NoError(t, err)
	var icfg ingestConfig
	ifs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	icfg.RegisterFlags(ifs)
	require.NoError(t, ifs.Parse([]string{"-listen", "127.0.0.1:0", "-metrics.listen", "127.0.0.1:0", "-tokens-file", "unused"}))
	require.NoError(t, icfg.Validate())
	icfg.Kafka = kcfg

	runCtx, cancel := context.WithCancel(ctx)
	g, gctx := errgroup.WithContext(runCtx)
	t.Cleanup(func() { cancel(); require.NoError(t, g.Wait()) })
	logger := logOnFailure(t) // its Cleanup runs first: the services still run
	procAddr, ingestAddr := make(chan net.Addr, 1), make(chan net.Addr, 1)
	g.Go(func() error {
		return serveProcess(gctx, pcfg, conn, logger.With("service", "process"), newRegistry(), func(a net.Addr) { procAddr <- a })
	})
	g.Go(func() error {
		return serveIngest(gctx, icfg, tokens, logger.With("service", "ingest"), newRegistry(), func(a net.Addr) { ingestAddr <- a })
	})
	proc := "http://" + (<-procAddr).String()
	ingest := "http://" + (<-ingestAddr).String()

	ready := func(base string) (bool, string) {
		code, body := httpGet(base + "/readyz")
		return code == http.StatusOK, body
	}
	lag := func() float64 {
		_, body := httpGet(proc + "/metrics")
		return metricSum(body, "wardpulse_processor_partition_lag")
	}
	// stored waits until the processor's lag poll sees n messages on the
	// log and all of them stored.
	stored := func(what string, n int) {
		t.Helper()
		waitFor(t, what, 2*time.Minute, func() bool {
			_, body := httpGet(proc + "/metrics")
			return metricSum(body, "wardpulse_processor_log_end_offset") == float64(n) &&
				metricSum(body, "wardpulse_processor_stored_offset") == float64(n) && metricSum(body, "wardpulse_processor_partition_lag") == 0
		})
	}
	onLog := 0
	// waitState waits until base's readiness is want and its body holds
	// reason, and returns how long it took.
	waitState := func(what, base string, want bool, reason string, timeout time.Duration) time.Duration {
		t.Helper()
		start := time.Now()
		var body string
		var ok bool
		for time.Since(start) < timeout {
			if ok, body = ready(base); ok == want && strings.Contains(body, reason) {
				t.Logf("%s after %s: %q", what, time.Since(start).Round(time.Millisecond), strings.TrimSpace(body))
				return time.Since(start)
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s: not within %s; last /readyz %v %q", what, timeout, ok, body)
		return 0
	}

	msgs, _, _ := testEvents(300)
	produce(t, []string{kafkaAddr}, topic, msgs)
	onLog += len(msgs)
	waitState("processor ready", proc, true, "ready", 60*time.Second)
	waitState("ingest ready", ingest, true, "ready", 10*time.Second)
	stored("every message stored", onLog)

	// /metrics is served on the internal address only.
	code, _ := httpGet(ingest + "/metrics")
	require.Equal(t, http.StatusNotFound, code, "ingest's public port must not serve /metrics")

	// ClickHouse stopped: unready at once, and the lag counts what waits.
	require.NoError(t, ch.Stop())
	took := waitState("processor unready with ClickHouse down", proc, false, "clickhouse unreachable", 10*time.Second)
	require.Less(t, took, 3*time.Second)
	more, _, _ := testEvents(200)
	produce(t, []string{kafkaAddr}, topic, more)
	onLog += len(more)
	waitFor(t, "lag = the messages produced while ClickHouse is down", 20*time.Second, func() bool { return lag() == float64(len(more)) })
	t.Logf("lag with ClickHouse down: %v (produced %d)", lag(), len(more))
	ok, _ := ready(ingest)
	require.True(t, ok, "ingest does not need ClickHouse")

	ch, err = chserver.Start(ctx, chCfg, nil)
	require.NoError(t, err)
	waitState("processor ready after ClickHouse came back", proc, true, "ready", 90*time.Second)
	stored("every message stored after ClickHouse came back", onLog)

	// Broker stopped: both unready at once.
	b.Close()
	took = waitState("ingest unready with the broker down", ingest, false, "dialling broker", 10*time.Second)
	require.Less(t, took, 3*time.Second)
	took = waitState("processor unready with the broker down", proc, false, "broker unreachable", 10*time.Second)
	require.Less(t, took, 3*time.Second)
	b, err = kafkatest.Start(kafkatest.Config{ListenAddr: kafkaAddr, DataDir: filepath.Join(dir, "kafka")}, nil)
	require.NoError(t, err)
	waitState("ingest ready after the broker came back", ingest, true, "ready", 30*time.Second)
	waitState("processor ready after the broker came back", proc, true, "ready", 90*time.Second)

	// A forged pause row (any ClickHouse writer could insert one) does not
	// pause: events keep being stored, the row is counted.
	require.NoError(t, chsink.SetState(ctx, conn, chsink.StateKeyPause, uuid.NewString()))
	produce(t, []string{kafkaAddr}, topic, msgs[:50])
	onLog += 50
	stored("events stored despite the forged pause", onLog)
	_, body := httpGet(proc + "/metrics")
	require.Greater(t, metricSum(body, `wardpulse_processor_pause_rejected_total{reason="unsigned"}`), 0.0)
	ok, body = ready(proc)
	require.True(t, ok, body)

	// A signed pause (what replay writes) pauses, and /readyz says so.
	st, err := chsink.ReadState(ctx, conn)
	require.NoError(t, err)
	token := uuid.NewString()
	require.NoError(t, chsink.SetState(ctx, conn, chsink.StateKeyPause, testPauseKey(t).Sign(st.Generation, token, time.Now())))
	waitState("processor paused", proc, false, "paused by replay generation "+token, 10*time.Second)
	produce(t, []string{kafkaAddr}, topic, msgs[:10])
	onLog += 10
	waitFor(t, "lag of the paused processor", 10*time.Second, func() bool { return lag() == 10 })
	time.Sleep(time.Second) // nothing is stored while paused
	require.EqualValues(t, 10, lag())
	require.NoError(t, chsink.SetState(ctx, conn, chsink.StateKeyPause, ""))
	waitState("processor ready after the pause", proc, true, "ready", 10*time.Second)
	stored("events stored after the pause", onLog)

	// A real replay, holding the shared secret, pauses the processor and
	// swaps its tables in; the processor then goes on with the new ones.
	agg, err := newAggregator("")
	require.NoError(t, err)
	rep, err := replay.Rebuild(ctx, conn, agg, replay.Config{Brokers: []string{kafkaAddr}, Topic: topic, PauseWait: 10 * time.Second, PauseKey: testPauseKey(t)}, discard())
	require.NoError(t, err)
	require.True(t, rep.Swapped)
	produce(t, []string{kafkaAddr}, topic, msgs[:5])
	onLog += 5
	stored("events stored after the replay", onLog)
	waitState("processor ready after the replay", proc, true, "ready", 30*time.Second)
}
