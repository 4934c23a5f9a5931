//go:build dev

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/bench"
	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/dashboards"
	"github.com/wardpulse/wardpulse/dashboards/expand"
	"github.com/wardpulse/wardpulse/ingest/client"
	"github.com/wardpulse/wardpulse/ingest/demo"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/pause"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chserver"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

type benchConfig struct {
	quick       bool
	dir         string
	events      int
	queryRows   int
	clients     int
	freshSecs   int
	jsonOnly    bool
	partitions  int
	cpuProfile  string
	profileSecs int
	batchSize   int
	groupWait   time.Duration
	rounds      int
	viewGap     time.Duration
}

// runBench measures the pipeline on this machine, in one run, against the
// embedded broker and a real local ClickHouse, with its peers: ClickHouse's
// own Kafka engine and a clickhouse-client bulk insert of the same rows. It
// never fails on a slow machine: it reports.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c benchConfig
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&c.quick, "quick", false, "small sizes (a smoke run for CI)")
	fs.StringVar(&c.dir, "dir", "", "data directory (default: a temporary one, removed afterwards)")
	fs.IntVar(&c.events, "events", 0, "events for the ingest, processing and replay phases (default 200,000; quick 20,000)")
	fs.IntVar(&c.queryRows, "query-rows", 0, "concerns for the query phase (default 10,000,000; quick 200,000)")
	fs.IntVar(&c.clients, "clients", 4, "concurrent ingest clients")
	fs.IntVar(&c.freshSecs, "freshness-seconds", 0, "length of the steady 1,000 events/s phase (default 10; quick 3)")
	fs.BoolVar(&c.jsonOnly, "json-only", false, "print only the JSON line")
	fs.IntVar(&c.partitions, "partitions", 4, "partitions of the events topic")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile of the processor service, from its start, to this file")
	fs.IntVar(&c.profileSecs, "cpuprofile-seconds", 8, "length of the processor's CPU profile")
	fs.IntVar(&c.batchSize, "batch-size", 0, "the processor's -batch-size (default: its own default)")
	fs.IntVar(&c.rounds, "rounds", 0, "rounds of processing and its peers; the medians are reported (default 3; quick 1)")
	fs.DurationVar(&c.groupWait, "write-group-wait", -1, "the processor's -write-group-wait (default: its own default)")
	fs.DurationVar(&c.viewGap, "peer-view-gap", 0, "a pause between creating the Kafka-engine peer's two views (the smoke test widens the race the peer guards against)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	def := func(v *int, full, quick int) {
		if *v == 0 {
			*v = full
			if c.quick {
				*v = quick
			}
		}
	}
	def(&c.events, 200000, 20000)
	def(&c.queryRows, 10000000, 200000)
	def(&c.freshSecs, 10, 3)
	def(&c.rounds, 3, 1)
	if c.dir == "" {
		d, err := os.MkdirTemp("", "wardpulse-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		c.dir = d
	}
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, "bench: "+format+"\n", a...) }
	res, err := benchRun(ctx, c, logf)
	if err != nil {
		return err
	}
	if c.jsonOnly {
		b, _ := json.Marshal(res)
		fmt.Fprintf(stdout, "%s\n", b)
		return nil
	}
	res.Print(stdout)
	return nil
}

func benchRun(ctx context.Context, c benchConfig, logf func(string, ...any)) (bench.Result, error) {
	res := bench.Result{Mode: "full", Events: c.events, FreshnessRate: 1000, Partitions: c.partitions}
	if c.quick {
		res.Mode = "quick"
	}
	b, err := kafkatest.Start(kafkatest.Config{}, nil)
	if err != nil {
		return res, err
	}
	defer b.Close()
	ch, err := chserver.Start(ctx, chserver.Config{DataDir: filepath.Join(c.dir, "clickhouse"), InstallIfMissing: true}, nil)
	if err != nil {
		return res, err
	}
	defer ch.Stop()
	k := wiring.Kafka{Brokers: b.Addrs(), Topic: "wardpulse.events", DLQTopic: "wardpulse.events.dlq", AlertsTopic: "wardpulse.alerts"}
	if err := wiring.CreateTopics(ctx, k.Brokers, c.partitions, k.Topic, k.DLQTopic, k.AlertsTopic); err != nil {
		return res, err
	}
	chCfg := wiring.ClickHouse{Addr: ch.Addr(), Database: "wardpulse", Username: "default"}
	conn, err := chCfg.Open(ctx, true, discardLogger())
	if err != nil {
		return res, err
	}
	defer conn.Close()

	logf("generating %d events", c.events)
	events, err := benchEvents(c.events)
	if err != nil {
		return res, err
	}
	res.Events = len(events)
	kafkaArgs := []string{"-kafka.brokers", strings.Join(k.Brokers, ","), "-kafka.topic", k.Topic, "-kafka.dlq-topic", k.DLQTopic}

	// 1. Ingest, its own process: HTTP NDJSON batches to Kafka-acknowledged.
	token := "bench"
	tokensFile := filepath.Join(c.dir, "tokens.yaml")
	if err := os.WriteFile(tokensFile, []byte("tokens:\n  - source: bench\n    sha256: "+httpapi.HashToken(token)+"\n"), 0o600); err != nil {
		return res, err
	}
	ingest, err := startService(ctx, c.dir, "ingest", append([]string{"-tokens-file", tokensFile}, kafkaArgs...)...)
	if err != nil {
		return res, err
	}
	defer ingest.stop()
	if err := waitReady(ctx, ingest.addr); err != nil { // its duplicate index read from the log
		return res, err
	}
	url := "http://" + ingest.addr
	logf("ingest phase: %d clients, batches of 1,000", c.clients)
	var lat bench.Latencies
	start := time.Now()
	if err := postAll(ctx, url, token, events, 1000, c.clients, &lat); err != nil {
		return res, err
	}
	el := time.Since(start)
	res.IngestEventsPerSec = float64(len(events)) / el.Seconds()
	res.IngestP50Ms, res.IngestP99Ms = lat.Quantile(0.5), lat.Quantile(0.99)

	// 2-4. Rounds of the Kafka-engine peer, processing and the bulk-insert
	// peer, one after the other on the same messages: this machine's speed
	// drifts by tens of percent within a minute, so each round's ratios
	// compare figures taken seconds apart, and the medians are reported.
	// The last round writes the database the later phases use; its
	// processor keeps running for them.
	var proc *benchService
	for r := 0; r < c.rounds; r++ {
		last := r == c.rounds-1
		db, group := fmt.Sprintf("wardpulse_round%d", r), fmt.Sprintf("wardpulse-processor-round%d", r)
		if last {
			db, group = "wardpulse", "wardpulse-processor"
		}
		var rd bench.Round
		logf("round %d of %d: ClickHouse Kafka engine", r+1, c.rounds)
		if rd.KafkaEngine, err = kafkaEnginePeer(ctx, conn, k.Brokers, k.Topic, events, c.partitions, r, c.viewGap, logf); err != nil {
			logf("kafka engine peer: %v", err)
		}
		logf("round %d of %d: processing", r+1, c.rounds)
		p, err := processRound(ctx, c, conn, ch, kafkaArgs, db, group, int64(len(events)), last, &res, logf)
		if err != nil {
			return res, err
		}
		rd.Processing = res.ProcessEventsPerSec
		if last {
			proc = p
			defer proc.stop()
		} else if err := p.stop(); err != nil {
			return res, err
		}
		logf("round %d of %d: clickhouse-client bulk insert of the processor's rows", r+1, c.rounds)
		if rd.BulkInsert, res.BulkInsertRows, err = bulkInsertPeer(ctx, conn, ch.Addr(), c.dir, db, len(events)); err != nil {
			logf("bulk insert peer: %v", err)
		}
		if !last {
			if err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+db); err != nil {
				return res, fmt.Errorf("dropping %s: %w", db, err)
			}
		}
		res.Rounds = append(res.Rounds, rd)
	}
	res.Summarise()

	// 5. Freshness at a steady 1,000 events/s through both services.
	logf("freshness phase: %d s at 1,000 events/s", c.freshSecs)
	var fresh bench.Latencies
	if err := freshness(ctx, conn, url, token, c.freshSecs, &fresh); err != nil {
		return res, err
	}
	res.FreshnessP50Ms, res.FreshnessP99Ms = fresh.Quantile(0.5), fresh.Quantile(0.99)

	// 6. Replay of the whole log (the processor pauses for the swap).
	logf("replay phase")
	agg, err := newAggregator("")
	if err != nil {
		return res, err
	}
	start = time.Now()
	pauseKey, err := pause.NewKey(benchPauseSecret)
	if err != nil {
		return res, err
	}
	rep, err := replay.Rebuild(ctx, conn, agg, replay.Config{Brokers: k.Brokers, Topic: k.Topic, PauseWait: 10 * time.Second, PauseKey: pauseKey}, discardLogger())
	if err != nil {
		return res, err
	}
	res.ReplaySeconds, res.ReplayMessages = time.Since(start).Seconds(), rep.Messages
	_, res.IngestPeakMiB = ingest.mem()
	_, res.ProcessPeakMiB = proc.mem()
	if err := errors.Join(proc.stop(), ingest.stop()); err != nil {
		return res, err
	}

	// 7. Dashboard queries over many concerns, in a database of their own.
	logf("query phase: %d concerns", c.queryRows)
	qlat, slow, n, err := queryPhase(ctx, ch.Addr(), c.queryRows)
	if err != nil {
		return res, err
	}
	res.QueryRows, res.QueryCount, res.SlowestQueries = c.queryRows, n, slow
	res.QueryP50Ms, res.QueryP95Ms = qlat.Quantile(0.5), qlat.Quantile(0.95)
	_, res.ClickHousePeakMiB = bench.ProcMiB(ch.Pid())
	_, res.BenchPeakMiB = bench.ProcMiB(0)
	return res, nil
}

// processRound starts the processor on database db with its own consumer
// group, waits until it has stored every event and returns it running. The
// rate goes into res.ProcessEventsPerSec; with details, so do its CPU time,
// stage times, memory and (with -cpuprofile) a profile.
func processRound(ctx context.Context, c benchConfig, conn driver.Conn, ch *chserver.Server, kafkaArgs []string, db, group string, total int64,
	details bool, res *bench.Result, logf func(string, ...any)) (*benchService, error) {
	pargs := append([]string{"-clickhouse.addr", ch.Addr(), "-clickhouse.database", db, "-group-id", group, "-pause.secret", benchPauseSecret}, kafkaArgs...)
	profile := details && c.cpuProfile != ""
	if profile {
		pargs = append(pargs, "-debug.pprof")
	}
	if c.batchSize > 0 {
		pargs = append(pargs, "-batch-size", strconv.Itoa(c.batchSize))
	}
	if c.groupWait >= 0 {
		pargs = append(pargs, "-write-group-wait", c.groupWait.String())
	}
	start := time.Now()
	cpu0 := map[string]float64{"clickhouse-server": bench.ProcCPU(ch.Pid()), "bench driver + broker": bench.ProcCPU(0)}
	proc, err := startService(ctx, c.dir, "process", pargs...)
	if err != nil {
		return nil, err
	}
	profDone := make(chan error, 1)
	if profile {
		go func() { profDone <- proc.profile(ctx, c.profileSecs, c.cpuProfile) }()
	} else {
		profDone <- nil
	}
	quarter := false
	var first float64
	if err := waitMarker(ctx, conn, db, total, 10*time.Minute, func(done int64) {
		if first == 0 && done > 0 {
			first = time.Since(start).Seconds()
		}
		if details && !quarter && done >= total/4 {
			quarter = true
			res.ProcessRSSQuarterMiB, _ = proc.mem()
		}
	}); err != nil {
		proc.stop()
		return nil, err
	}
	res.ProcessEventsPerSec = float64(total) / time.Since(start).Seconds()
	if !details {
		return proc, <-profDone
	}
	res.ProcessFirstBatchSeconds = first
	res.ProcessCPUSeconds = map[string]float64{"processor": bench.ProcCPU(proc.cmd.Process.Pid),
		"clickhouse-server":     bench.ProcCPU(ch.Pid()) - cpu0["clickhouse-server"],
		"bench driver + broker": bench.ProcCPU(0) - cpu0["bench driver + broker"]}
	res.ProcessRSSEndMiB, _ = proc.mem()
	if stages, err := proc.settledStages(ctx, 30*time.Second); err != nil {
		logf("%v", err)
	} else {
		res.ProcessStageSeconds = stages
		if look, err := proc.histogramSums("wardpulse_processor_lookup_duration_seconds", ""); err == nil {
			res.ProcessStageSeconds["build: id lookups"] = look[""]
		}
		if fetch, err := proc.histogramSums("wardpulse_processor_fetch_duration_seconds", ""); err == nil {
			res.ProcessStageSeconds["fetch"] = fetch[""]
		}
	}
	if sums, counts, err := proc.histograms("wardpulse_processor_write_group_batches", ""); err == nil && counts[""] > 0 {
		res.ProcessBatchesPerInsert = sums[""] / counts[""]
	}
	if err := <-profDone; err != nil {
		logf("cpu profile: %v", err)
	}
	return proc, nil
}

// benchEvents takes n events from the demo generator, scaled up as needed.
func benchEvents(n int) ([]schemas.Event, error) {
	scale := max(1, float64(n)/40000*1.2)
	var out []schemas.Event
	errEnough := errors.New("enough")
	err := demo.Generate(demo.Config{Seed: 42, Scale: scale, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		func(e schemas.Event) error {
			out = append(out, e)
			if len(out) == n {
				return errEnough
			}
			return nil
		})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, err
	}
	return out, nil
}

func postAll(ctx context.Context, url, token string, events []schemas.Event, batch, clients int, lat *bench.Latencies) error {
	var bodies [][]byte
	for i := 0; i < len(events); i += batch {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		for j := i; j < min(i+batch, len(events)); j++ {
			_ = enc.Encode(&events[j])
		}
		bodies = append(bodies, buf.Bytes())
	}
	work := make(chan []byte)
	g, gctx := errgroup.WithContext(ctx)
	c := benchClient(url, token)
	for w := 0; w < clients; w++ {
		g.Go(func() error {
			for body := range work {
				for {
					t := time.Now()
					code, err := sendOnce(gctx, c, body)
					if err != nil {
						return err
					}
					if code == http.StatusTooManyRequests {
						select {
						case <-gctx.Done():
							return gctx.Err()
						case <-time.After(20 * time.Millisecond):
						}
						continue
					}
					if code != http.StatusAccepted {
						return fmt.Errorf("ingest answered %d", code)
					}
					lat.Add(time.Since(t))
					break
				}
			}
			return nil
		})
	}
	for _, b := range bodies {
		select {
		case work <- b:
		case <-gctx.Done():
		}
	}
	close(work)
	return g.Wait()
}

// benchClient is ingest's client for the bench's many concurrent posters
// (64 idle connections kept), trying each request once: the bench times
// every attempt and decides itself when to try again.
func benchClient(url, token string) *client.Client {
	c := client.New(url, token, &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: 64}})
	c.MaxAttempts = 1
	return c
}

// sendOnce posts one NDJSON body: ingest's status (202 when it took the
// batch), or an error when no answer came.
func sendOnce(ctx context.Context, c *client.Client, body []byte) (int, error) {
	_, err := c.SendNDJSON(ctx, body)
	var se *client.StatusError
	switch {
	case err == nil:
		return http.StatusAccepted, nil
	case errors.As(err, &se):
		return se.StatusCode, nil
	default:
		return 0, err
	}
}

// waitMarker waits until the progress markers of db's concern_daily sum to
// want (the stored offset of every partition, chsink.ReadProgress).
func waitMarker(ctx context.Context, conn driver.Conn, db string, want int64, timeout time.Duration, progress func(done int64)) error {
	deadline := time.Now().Add(timeout)
	for {
		if p, err := chsink.ReadProgress(ctx, conn, db+".concern_daily"); err == nil {
			n := p.Total()
			if progress != nil {
				progress(n)
			}
			if n >= want {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the processor did not reach offset %d within %s", want, timeout)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// freshness posts 1,000 events/s (50 every 50 ms) and measures, per event,
// the time from ingest's 202 to its row being visible in ClickHouse.
func freshness(ctx context.Context, conn driver.Conn, url, token string, secs int, lat *bench.Latencies) error {
	var mu sync.Mutex
	pending := map[string]time.Time{}
	done := make(chan struct{})
	var perr error
	c := benchClient(url, token)
	go func() {
		defer close(done)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		base := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
		for i := 0; i < secs*20; i++ {
			select {
			case <-tick.C:
			case <-ctx.Done():
				perr = ctx.Err()
				return
			}
			var buf bytes.Buffer
			ids := make([]string, 50)
			for j := range ids {
				ids[j] = fmt.Sprintf("f0000000-0000-4000-8000-%012d", i*50+j)
				at := base.Add(time.Duration(i*50+j) * time.Second)
				fmt.Fprintf(&buf, `{"event_id":%q,"type":"concern","schema_version":1,"occurred_at":%q,"ward_code":"E05012442","concern":{"text":"Speeding on the main road"}}`+"\n", ids[j], at.Format(time.RFC3339))
			}
			code, err := sendOnce(ctx, c, buf.Bytes())
			if err != nil || code != http.StatusAccepted {
				perr = fmt.Errorf("posting freshness probes: %d %v", code, err)
				return
			}
			now := time.Now()
			mu.Lock()
			for _, id := range ids {
				pending[id] = now
			}
			mu.Unlock()
		}
	}()
	deadline := time.Now().Add(time.Duration(secs)*time.Second + time.Minute)
	finished := false
	for {
		select {
		case <-done:
			finished = true
		default:
		}
		mu.Lock()
		var ids []string
		for id := range pending {
			ids = append(ids, "'"+id+"'")
		}
		mu.Unlock()
		if finished && len(ids) == 0 {
			return perr
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%d probe events never became visible", len(ids))
		}
		if len(ids) > 0 {
			rows, err := conn.Query(ctx, "SELECT toString(event_id) FROM events WHERE event_id IN ("+strings.Join(ids, ",")+")")
			if err != nil {
				return fmt.Errorf("polling probe events: %w", err)
			}
			seen := time.Now()
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				mu.Lock()
				if t, ok := pending[id]; ok {
					lat.Add(seen.Sub(t))
					delete(pending, id)
				}
				mu.Unlock()
			}
			rows.Close()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// queryPhase fills a database with n synthetic concerns (INSERT ... SELECT
// from numbers(), fast on 18.16) and runs every ClickHouse query of the
// dashboards five times over the last year of it.
func queryPhase(ctx context.Context, addr string, n int) (*bench.Latencies, []bench.QueryTiming, int, error) {
	boot, err := chserver.Dial(ctx, addr, "default")
	if err != nil {
		return nil, nil, 0, err
	}
	if err := schemas.EnsureDatabase(ctx, boot, "benchq"); err != nil {
		return nil, nil, 0, err
	}
	boot.Close()
	conn, err := chserver.Dial(ctx, addr, "benchq")
	if err != nil {
		return nil, nil, 0, err
	}
	defer conn.Close()
	if _, err := schemas.Migrate(ctx, conn, discardLogger()); err != nil {
		return nil, nil, 0, err
	}
	wards := gazetteerWardList()
	themes := `['off_road_bikes','speeding','antisocial_behaviour','drugs','serious_violence','burglary_theft','criminal_damage','visible_policing','hate_crime','domestic_abuse','exploitation','fraud_scams','rural_crime','parking_traffic','environmental','partnership']`
	fill := []string{
		fmt.Sprintf(`INSERT INTO concerns (concern_id, occurred_at, day, ward_code, lad_code, themes, taxonomy_version, text, src_partition, src_offset)
SELECT generateUUIDv4(), toDateTime('2016-01-01 00:00:00') + intDiv(number * 3011, 7) %% 315360000 AS t, toDate(t), %s[number %% %d + 1], 'E06000003',
  [%s[number %% 16 + 1]], 'bench', 'bench concern', 0, number FROM numbers(%d)`, wards, wardCount, themes, n),
		`INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)
SELECT day, ward_code, lad_code, arrayJoin(themes), taxonomy_version, 0, toInt64(1), toInt64(0) FROM concerns`,
		fmt.Sprintf(`INSERT INTO meetings (meeting_id, occurred_at, day, ward_code, lad_code, kind, title, attendance, src_partition, src_offset)
SELECT generateUUIDv4(), toDateTime('2016-01-01 18:00:00') + number * 86400 * 3 AS t, toDate(t), %s[number %% %d + 1], 'E06000003', 'community_meeting', 'meeting', 30, 0, number FROM numbers(1200)`, wards, wardCount),
		"OPTIMIZE TABLE concern_daily FINAL",
	}
	for _, q := range fill {
		if err := conn.Exec(ctx, q); err != nil {
			return nil, nil, 0, fmt.Errorf("filling the query database: %w", err)
		}
	}
	from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC)
	queries, err := dashboardQueries(ctx, conn, from, to)
	if err != nil {
		return nil, nil, 0, err
	}
	var lat bench.Latencies
	per := make([]bench.Latencies, len(queries))
	for round := 0; round < 5; round++ {
		for i, q := range queries {
			start := time.Now()
			rows, err := conn.Query(ctx, q.sql)
			if err != nil {
				return nil, nil, 0, fmt.Errorf("dashboard query of %s: %w\n%s", q.panel, err, q.sql)
			}
			for rows.Next() {
			}
			rows.Close()
			d := time.Since(start)
			lat.Add(d)
			per[i].Add(d)
		}
	}
	slow := make([]bench.QueryTiming, len(queries))
	for i, q := range queries {
		slow[i] = bench.QueryTiming{Panel: q.panel, P95Ms: per[i].Quantile(0.95)}
	}
	sort.Slice(slow, func(i, j int) bool { return slow[i].P95Ms > slow[j].P95Ms })
	return &lat, slow[:min(3, len(slow))], len(queries), nil
}

// dashboardQueries expands every ClickHouse panel query of the dashboards
// with each variable at its current value (query variables without one:
// their first value, or all of them for "All").
type panelQuery struct{ panel, sql string }

func dashboardQueries(ctx context.Context, conn driver.Conn, from, to time.Time) ([]panelQuery, error) {
	var out []panelQuery
	ds, err := dashboards.Default().All()
	if err != nil {
		return nil, fmt.Errorf("generating dashboards: %w", err)
	}
	for _, d := range ds {
		vars := map[string]expand.Value{}
		for _, v := range d.Templating.List {
			switch v.Type {
			case "custom":
				if v.Current != nil && v.Current.Value.String != nil {
					vars[v.Name] = expand.Single(*v.Current.Value.String)
				} else if len(v.Options) > 0 && v.Options[0].Value.String != nil {
					vars[v.Name] = expand.Single(*v.Options[0].Value.String)
				}
			case "query":
				if v.Query == nil || v.Query.String == nil {
					return nil, fmt.Errorf("variable %s has no query", v.Name)
				}
				sql, err := expand.Expand(expand.Query{SQL: *v.Query.String, From: from, To: to, Vars: vars})
				if err != nil {
					return nil, err
				}
				rows, err := conn.Query(ctx, sql)
				if err != nil {
					return nil, fmt.Errorf("variable %s: %w", v.Name, err)
				}
				var values []string
				for rows.Next() {
					vals := make([]any, len(rows.ColumnTypes()))
					for i := range vals {
						var s any
						vals[i] = &s
					}
					if err := rows.Scan(vals...); err != nil {
						break
					}
					values = append(values, fmt.Sprint(*(vals[0].(*any))))
				}
				rows.Close()
				switch {
				case v.IncludeAll != nil && *v.IncludeAll:
					vars[v.Name] = expand.Multi(values...)
				case v.Current != nil && v.Current.Value.String != nil:
					vars[v.Name] = expand.Single(*v.Current.Value.String)
				case len(values) > 0:
					vars[v.Name] = expand.Single(values[0])
				}
			}
		}
		for _, pr := range d.Panels {
			if pr.Panel == nil || pr.Panel.Title == nil {
				continue
			}
			title := *pr.Panel.Title
			for _, q := range pr.Panel.Targets {
				tg, ok := q.(*dashboards.ClickHouseQuery)
				if !ok {
					continue
				}
				sql, err := expand.Expand(expand.Query{SQL: tg.RawSQL, From: from, To: to, Vars: vars})
				if err != nil {
					return nil, fmt.Errorf("panel %q: %w", title, err)
				}
				out = append(out, panelQuery{panel: strings.TrimPrefix(dashboards.Title(d), "wardpulse / ") + ": " + title, sql: sql})
			}
		}
	}
	return out, nil
}

// wardCount and gazetteerWardList give the query phase real ward codes.
const wardCount = 83

func gazetteerWardList() string {
	var codes []string
	for _, w := range gazetteer.Default().WardsAt(time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)) {
		codes = append(codes, "'"+w.Code+"'")
	}
	return "[" + strings.Join(codes[:wardCount], ",") + "]"
}
