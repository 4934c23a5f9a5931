package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas/chserver"
	"github.com/wardpulse/wardpulse/schemas/chtest"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

// faultProc is one `wardpulse process` child of the fault test.
type faultProc struct {
	name   string
	cmd    *exec.Cmd
	listen string
	log    string
	ch     driver.Conn // the ClickHouse server its INSERTs go to
	flags  []string    // its ClickHouse flags
}

// faultRig is the fault test's system: the embedded broker, a ClickHouse
// 18.16 server of its own (so that it can be stopped and restarted on the
// same ports and data) and processors as separate processes.
type faultRig struct {
	t       *testing.T
	env     *testEnv
	ch      *chserver.Server
	chCfg   chserver.Config
	dir     string
	extra   []string // flags every processor gets
	mu      sync.Mutex
	procs   []*faultProc
	started int
}

func newFaultRig(t *testing.T, partitions int, extra ...string) *faultRig {
	t.Helper()
	ctx := context.Background()
	r := newRig(t, extra)
	r.chCfg = chserver.Config{DataDir: filepath.Join(r.dir, "clickhouse"), InstallIfMissing: true}
	ch, err := chserver.Start(ctx, r.chCfg, nil)
	require.NoError(t, err, "starting ClickHouse for the fault test")
	r.ch = ch
	t.Cleanup(func() { _ = r.ch.Stop() })
	// Restarts reuse the ports the first start picked.
	_, tcp, _ := strings.Cut(ch.Addr(), ":")
	_, http, _ := strings.Cut(ch.HTTPAddr(), ":")
	r.chCfg.TCPPort, _ = strconv.Atoi(tcp)
	r.chCfg.HTTPPort, _ = strconv.Atoi(http)

	admin, err := chserver.Dial(ctx, ch.Addr(), "default")
	require.NoError(t, err)
	require.NoError(t, admin.Exec(ctx, "CREATE DATABASE IF NOT EXISTS fault"))
	admin.Close()
	conn, err := chserver.Dial(ctx, ch.Addr(), "fault")
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })

	r.startBroker(partitions, &chtest.DB{Conn: conn, Database: "fault", Addr: ch.Addr()})
	// Migrate once before the processors start: two processors migrating
	// the same database at once race each other.
	out, err := exec.Command(wardpulseBinary(t), append([]string{"migrate"}, r.env.chFlags()...)...).CombinedOutput()
	require.NoError(t, err, "wardpulse migrate: %s", out)
	return r
}

// newRig is a rig with no servers yet, which logs its processors' last
// lines when the test fails.
func newRig(t *testing.T, extra []string) *faultRig {
	r := &faultRig{t: t, dir: t.TempDir(), extra: extra}
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		for _, p := range r.procs {
			b, _ := os.ReadFile(p.log)
			lines := strings.Split(strings.TrimSpace(string(b)), "\n")
			t.Logf("%s (%s), last log lines:\n%s", p.name, filepath.Base(p.log), strings.Join(lines[max(0, len(lines)-25):], "\n"))
		}
	})
	return r
}

// startBroker starts the embedded broker with the topics, partitions each,
// and sets the rig's test environment, whose ClickHouse database is db.
func (r *faultRig) startBroker(partitions int, db *chtest.DB) {
	t := r.t
	b, err := kafkatest.Start(kafkatest.Config{}, nil)
	require.NoError(t, err, "starting the embedded Kafka-protocol broker")
	t.Cleanup(func() { b.Close() })
	r.env = &testEnv{brokers: b.Addrs(), db: db, topic: "wardpulse.events", dlq: "wardpulse.events.dlq"}
	require.NoError(t, wiring.CreateTopics(context.Background(), r.env.brokers, partitions, r.env.topic, r.env.dlq, "wardpulse.alerts"))
}

// start runs a processor named name on the rig's ClickHouse server,
// logging at warn level to a file.
func (r *faultRig) start(name string) *faultProc {
	return r.startOn(name, r.env.db.Conn, r.env.chFlags()...)
}

// startOn runs a processor named name with the ClickHouse flags chFlags,
// whose INSERTs go to the server of ch.
func (r *faultRig) startOn(name string, ch driver.Conn, chFlags ...string) *faultProc {
	t := r.t
	t.Helper()
	r.mu.Lock()
	r.started++
	n := r.started
	r.mu.Unlock()
	p := &faultProc{name: name, listen: freePort(t), log: filepath.Join(r.dir, fmt.Sprintf("%s-%d.log", name, n)), ch: ch, flags: chFlags}
	args := append([]string{"process", "-listen", p.listen, "-batch-size", "300", "-batch-wait", "50ms", "-log.level", "warn"}, r.env.kafkaFlags()...)
	args = append(args, chFlags...)
	args = append(args, r.extra...)
	f, err := os.Create(p.log)
	require.NoError(t, err)
	p.cmd = exec.Command(wardpulseBinary(t), args...)
	p.cmd.Stdout, p.cmd.Stderr = f, f
	require.NoError(t, p.cmd.Start())
	f.Close()
	r.mu.Lock()
	r.procs = append(r.procs, p)
	r.mu.Unlock()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Signal(syscall.SIGCONT)
			_ = p.cmd.Process.Kill()
			_, _ = p.cmd.Process.Wait()
		}
	})
	return p
}

// stall SIGSTOPs the processor for d, then SIGCONTs it.
func (r *faultRig) stall(p *faultProc, d time.Duration) {
	r.t.Logf("%s: SIGSTOP for %s", p.name, d)
	require.NoError(r.t, p.cmd.Process.Signal(syscall.SIGSTOP))
	time.Sleep(d)
	require.NoError(r.t, p.cmd.Process.Signal(syscall.SIGCONT))
	r.t.Logf("%s: SIGCONT", p.name)
}

// stallWhileWriting waits until the processor has an INSERT running on
// ClickHouse (its query ids carry its pid), then stalls it there for d: the
// moment a paused writer does the most harm.
func (r *faultRig) stallWhileWriting(p *faultProc, d time.Duration) {
	r.waitWriting(p)
	r.stall(p, d)
}

// waitWriting waits until the processor has an INSERT running on its
// ClickHouse server.
func (r *faultRig) waitWriting(p *faultProc) {
	t := r.t
	t.Helper()
	q := fmt.Sprintf("SELECT count() FROM system.processes WHERE query_id LIKE '%s%d-%%'", chsink.QueryIDPrefix, p.cmd.Process.Pid)
	deadline := time.Now().Add(time.Minute)
	for {
		var n uint64
		if err := p.ch.QueryRow(context.Background(), q).Scan(&n); err == nil && n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: no INSERT of it seen running within a minute", p.name)
		}
		time.Sleep(time.Millisecond)
	}
	r.t.Logf("%s: caught writing", p.name)
}

// kill9 SIGKILLs the processor and starts a new one in its place, and
// waits until the new one is up: a processor that cannot reach ClickHouse
// when it starts exits (its supervisor restarts it), and the next fault
// (ClickHouse stopped) must meet a running processor, not one starting.
func (r *faultRig) kill9(p *faultProc) *faultProc {
	r.t.Logf("%s: SIGKILL, restart", p.name)
	require.NoError(r.t, p.cmd.Process.Kill())
	_, _ = p.cmd.Process.Wait()
	np := r.startOn(p.name, p.ch, p.flags...)
	r.waitUp(np)
	return np
}

// waitUp waits until the processor answers /healthz (it serves it once it
// has reached ClickHouse).
func (r *faultRig) waitUp(p *faultProc) {
	r.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		if resp, err := http.Get("http://" + p.listen + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if p.cmd.ProcessState != nil || time.Now().After(deadline) {
			b, _ := os.ReadFile(p.log)
			r.t.Fatalf("%s: not up within a minute: %s", p.name, chserver.Tail(string(b)))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// clickhouseDown stops the ClickHouse server for d and starts it again on
// the same ports and data.
func (r *faultRig) clickhouseDown(d time.Duration) {
	r.t.Logf("clickhouse: stop for %s", d)
	require.NoError(r.t, r.ch.Stop())
	time.Sleep(d)
	ch, err := chserver.Start(context.Background(), r.chCfg, nil)
	require.NoError(r.t, err, "restarting ClickHouse on the same ports")
	r.ch = ch
	r.t.Logf("clickhouse: up again")
}

// fencedTotals sums the processors' wardpulse_processor_fenced_writes_total
// by reason (the live processors only).
func (r *faultRig) fencedTotals() map[string]float64 {
	out := map[string]float64{}
	for _, p := range r.procs {
		if p.cmd.ProcessState != nil {
			continue
		}
		resp, err := http.Get("http://" + p.listen + "/metrics")
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			line := sc.Text()
			if !strings.HasPrefix(line, "wardpulse_processor_fenced_writes_total{") {
				continue
			}
			reason := line[strings.Index(line, `"`)+1 : strings.LastIndex(line, `"`)]
			v, _ := strconv.ParseFloat(line[strings.LastIndex(line, " ")+1:], 64)
			out[reason] += v
		}
		resp.Body.Close()
	}
	return out
}

// stopAll ends every live processor with SIGTERM.
func (r *faultRig) stopAll() {
	for _, p := range r.procs {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Signal(syscall.SIGCONT)
			_ = p.cmd.Process.Signal(syscall.SIGTERM)
			_, _ = p.cmd.Process.Wait()
		}
	}
}

// grepLogs counts the processors' log lines containing s.
func (r *faultRig) grepLogs(s string) int {
	n := 0
	for _, p := range r.procs {
		b, _ := os.ReadFile(p.log)
		n += strings.Count(string(b), s)
	}
	return n
}

// progress waits until the markers move on from where they are now
// (read once ClickHouse answers).
func (r *faultRig) progress(what string) {
	t := r.t
	t.Helper()
	var n int64
	waitFor(t, what+": ClickHouse answering", 2*time.Minute, func() bool {
		return r.env.db.Conn.QueryRow(context.Background(), "SELECT sum(next_offset) FROM concern_daily WHERE theme = ''").Scan(&n) == nil
	})
	waitFor(t, what, 2*time.Minute, func() bool { return processedOffsets(t, r.env) > n })
}

// streamEvents produces msgs in slices of chunk every interval until stop
// is closed, then the rest at once, returning when all are on the log.
func streamEvents(brokers []string, topic string, msgs []kafka.Message, chunk int, interval time.Duration, stop <-chan struct{}) error {
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Murmur2Balancer{}, RequiredAcks: kafka.RequireAll, BatchSize: chunk, BatchTimeout: time.Millisecond}
	defer w.Close()
	for i := 0; i < len(msgs); i += chunk {
		if err := w.WriteMessages(context.Background(), msgs[i:min(i+chunk, len(msgs))]...); err != nil {
			return fmt.Errorf("producing messages %d-%d: %w", i, min(i+chunk, len(msgs)), err)
		}
		select {
		case <-stop:
		case <-time.After(interval):
		}
	}
	return nil
}

// TestFaultsCountExactlyOnce streams events through two real processors
// while (a) one of them is SIGSTOPped past the session timeout and resumed,
// four times at different moments, (b) one is SIGKILLed and restarted, (c)
// ClickHouse is stopped and restarted. Then every ward x theme count must
// equal the log, `wardpulse audit` must pass, and each partition's progress
// markers must sum exactly to its log end.
//
// WARDPULSE_FAULT_NO_FENCE=1 runs the same faults with fencing off
// (-write-lease 0): the control run, which is expected to fail.
func TestFaultsCountExactlyOnce(t *testing.T) {
	lease := "2s"
	if os.Getenv("WARDPULSE_FAULT_NO_FENCE") == "1" {
		lease = "0"
		t.Log("control run: fencing off (-write-lease 0); this run is expected to fail")
	}
	const partitions = 4
	rig := newFaultRig(t, partitions, "-session-timeout", "6s", "-write-lease", lease)
	env := rig.env
	msgs, want, distinct := testEvents(60000)
	total := int64(len(msgs))

	produced := make(chan error, 1)
	stopStream := make(chan struct{})
	go func() { produced <- streamEvents(env.brokers, env.topic, msgs, 200, 400*time.Millisecond, stopStream) }()
	a := rig.start("A")
	b := rig.start("B")
	rig.progress("first progress")
	// (a) stalls past the session timeout (6 s), at different moments:
	// three caught in the middle of an INSERT, one wherever it is.
	rig.stallWhileWriting(a, 9*time.Second)
	rig.progress("progress after the first stall")
	time.Sleep(1500 * time.Millisecond) // in the middle of the rebalance that follows
	rig.stall(b, 8*time.Second)
	rig.progress("progress after the second stall")
	// (b) kill -9 and restart.
	a = rig.kill9(a)
	rig.progress("progress after the kill")
	// (c) ClickHouse down and back.
	rig.clickhouseDown(10 * time.Second)
	rig.progress("progress after ClickHouse came back")
	rig.stallWhileWriting(a, 10*time.Second)
	time.Sleep(3 * time.Second)
	rig.stallWhileWriting(b, 7*time.Second)

	close(stopStream)
	require.NoError(t, <-produced)
	waitFor(t, "every offset processed", 4*time.Minute, func() bool { return processedOffsets(t, env) >= total })
	time.Sleep(3 * time.Second) // anything still in flight lands now
	rig.requireExactlyOnce(total, want, distinct)
}

// requireExactlyOnce stops the processors and requires what the log holds:
// every ward x theme count in concern_daily equal to want, one events row
// per distinct event, each partition's progress markers summing to its log
// end (total offsets in all), and `wardpulse audit` passing.
func (r *faultRig) requireExactlyOnce(total int64, want map[string]int64, distinct int) {
	t := r.t
	t.Helper()
	fenced := r.fencedTotals()
	r.stopAll()
	t.Logf("fenced writes (live processors' metrics): %v; in all processors' logs: %d refused for lack of an ownership proof, %d refused by ClickHouse (lease expired), %d generations ended by the broker",
		fenced, r.grepLogs("ownership not proved"), r.grepLogs("lease had expired"), r.grepLogs("msg=\"consumer group generation\""))

	ctx := context.Background()
	got := cellCounts(t, r.env)
	var over, under int64
	for k, n := range want {
		if d := got[k] - n; d > 0 {
			over += d
		} else {
			under -= d
		}
	}
	for k, n := range got {
		if _, ok := want[k]; !ok {
			over += n
		}
	}
	var events uint64
	require.NoError(t, r.env.db.Conn.QueryRow(ctx, "SELECT count() FROM events").Scan(&events))
	bounds, err := replay.LogBounds(ctx, r.env.brokers, r.env.topic)
	require.NoError(t, err)
	var logEnd int64
	markers, err := chsink.ReadProgress(ctx, r.env.db.Conn, "concern_daily")
	require.NoError(t, err)
	var markerSum int64
	for _, bd := range bounds {
		logEnd += bd.Next
		markerSum += markers[bd.Partition]
	}
	t.Logf("log end %d, markers %d; concern_daily counted %d over and %d under the log; events rows %d for %d distinct events",
		logEnd, markerSum, over, under, events, distinct)

	out, err := exec.Command(wardpulseBinary(t), append(append([]string{"audit", "-wait", "30s"}, r.env.kafkaFlags()...), r.env.chFlags()...)...).CombinedOutput()
	t.Logf("wardpulse audit:\n%s", out)

	for _, bd := range bounds {
		require.Equal(t, bd.Next, markers[bd.Partition], "partition %d: progress markers sum to the log end", bd.Partition)
	}
	require.Equal(t, total, logEnd)
	require.Equal(t, want, got, "concern_daily counts: %d over, %d under", over, under)
	require.Equal(t, uint64(distinct), events, "one events row per distinct event id")
	require.NoError(t, err, "wardpulse audit")
	require.Contains(t, string(out), "OK: ClickHouse holds exactly the events on the log")
}
