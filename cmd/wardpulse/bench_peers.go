//go:build dev

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/google/uuid"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/schemas"
)

// The peers: what a user would run instead of the processors, on the same
// events in the same run.

const peerTopic = "bench.peer"

// copyTopic copies every message of src (as ingest wrote it: same key, same
// bytes) to dst, so the Kafka-engine peer reads exactly what the processor
// reads but from a topic of its own.
func copyTopic(ctx context.Context, brokers []string, src, dst string, partitions int) (int, error) {
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: dst, Balancer: &kafka.Murmur2Balancer{}, RequiredAcks: kafka.RequireAll,
		BatchSize: 1000, BatchTimeout: 5 * time.Millisecond}
	defer w.Close()
	n := 0
	for p := 0; p < partitions; p++ {
		conn, err := kafka.DialLeader(ctx, "tcp", brokers[0], src, p)
		if err != nil {
			return n, fmt.Errorf("dialling %s/%d: %w", src, p, err)
		}
		last, err := conn.ReadLastOffset()
		conn.Close()
		if err != nil {
			return n, fmt.Errorf("reading the end of %s/%d: %w", src, p, err)
		}
		if last == 0 {
			continue
		}
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: src, Partition: p, MinBytes: 1, MaxBytes: 16 << 20, MaxWait: 100 * time.Millisecond})
		var buf []kafka.Message
		for {
			m, err := r.ReadMessage(ctx)
			if err != nil {
				r.Close()
				return n, fmt.Errorf("reading %s/%d: %w", src, p, err)
			}
			buf = append(buf, kafka.Message{Key: m.Key, Value: m.Value})
			if len(buf) == 5000 || m.Offset == last-1 {
				if err := w.WriteMessages(ctx, buf...); err != nil {
					r.Close()
					return n, fmt.Errorf("writing %s: %s", dst, shorten(err.Error(), 300))
				}
				n += len(buf)
				buf = buf[:0]
			}
			if m.Offset == last-1 {
				break
			}
		}
		r.Close()
	}
	return n, nil
}

// commitPeerGroup commits, for the peer's consumer group, the offset at(p)
// of every partition of the peer's topic. A simple commit (no generation) is
// refused while the group has members, so it retries for a while.
func commitPeerGroup(ctx context.Context, brokers []string, topic, group string, partitions int, at func(p int) int64) error {
	cl := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	commits := make([]kafka.OffsetCommit, partitions)
	for p := range commits {
		commits[p] = kafka.OffsetCommit{Partition: p, Offset: at(p)}
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := func() error {
			resp, err := cl.OffsetCommit(ctx, &kafka.OffsetCommitRequest{GroupID: group, GenerationID: -1,
				Topics: map[string][]kafka.OffsetCommit{topic: commits}})
			if err != nil {
				return err
			}
			for _, ps := range resp.Topics {
				for _, p := range ps {
					if p.Error != nil {
						return fmt.Errorf("partition %d: %w", p.Partition, p.Error)
					}
				}
			}
			return nil
		}()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("committing the peer group's offsets: %w", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// peerMentions is how many concern_daily mentions the peer's view makes of
// the events: staff themes, or 'unclassified' (it cannot classify text).
func peerMentions(events []schemas.Event) int64 {
	var n int64
	for _, e := range events {
		if e.Type == schemas.TypeConcern {
			n += int64(max(1, len(e.Themes)))
		}
	}
	return n
}

// kafkaEnginePeer is ClickHouse's own pipeline on the same messages:
// a Kafka engine table on a copy of the events topic and two materialized
// views into tables shaped like events and concern_daily. That is as far as
// SQL on 18.16 gets without custom code: it reads the top-level fields
// (JSONEachRow skips the nested objects, so concern text is out of reach),
// cannot resolve place names to wards, classify text, redact, drop
// duplicate ids or apply corrections. Each round copies src to a topic and
// a consumer group of its own. It returns events/s from the start of the
// copy to the last row stored. viewGap pauses between its two views, to
// widen the race awaitPeerViews closes.
func kafkaEnginePeer(ctx context.Context, conn driver.Conn, brokers []string, src string, events []schemas.Event, partitions, round int, viewGap time.Duration, logf func(string, ...any)) (float64, error) {
	topic, group := fmt.Sprintf("%s.%d", peerTopic, round), fmt.Sprintf("bench-peer-%d", round)
	// Both views must see every message, but the engine streams as soon as
	// one view exists: on a full topic it once drained everything into the
	// first view before the second was created (an empty daily table). The
	// engine was then detached and attached again around its views, but
	// DETACH of a live Kafka table took the 18.16 server down once under the
	// full suite's load (EOF on the DETACH, every later phase failing), and
	// 18.16 does not pass rows on through a view's TO table to that table's
	// own views. So the engine and both views are made on an empty topic and
	// the messages are copied in once both views are fed (awaitPeerViews):
	// the clock runs from the copy's start, so the copy's own time counts
	// against the peer (it is logged). The
	// group is committed at 0 first: 18.16 starts a group it has not seen at
	// the end of the topic, which would lose what was copied before it joined.
	if err := wiring.CreateTopics(ctx, brokers, partitions, topic); err != nil {
		return 0, fmt.Errorf("creating %s: %w", topic, err)
	}
	if err := commitPeerGroup(ctx, brokers, topic, group, partitions, func(int) int64 { return 0 }); err != nil {
		return 0, err
	}
	drop := func() {
		// Views before the engine: with no view left its stream thread is
		// idle when the table goes.
		for _, t := range []string{"bench_peer_events_mv", "bench_peer_daily_mv", "bench_peer_kafka"} {
			_ = conn.Exec(context.Background(), "DROP TABLE IF EXISTS "+t)
		}
	}
	drop()
	defer drop()
	for _, q := range []string{
		"DROP TABLE IF EXISTS bench_peer_events", "DROP TABLE IF EXISTS bench_peer_daily",
		"CREATE TABLE bench_peer_events AS events", "CREATE TABLE bench_peer_daily AS concern_daily",
		// The peers are not fenced writers (migration 0005): 18.16's
		// materialized views do not fill the fence columns.
		"ALTER TABLE bench_peer_events DROP COLUMN fence", "ALTER TABLE bench_peer_events DROP COLUMN lease_until",
		"ALTER TABLE bench_peer_daily DROP COLUMN fence", "ALTER TABLE bench_peer_daily DROP COLUMN lease_until",
	} {
		if err := conn.Exec(ctx, q); err != nil {
			return 0, fmt.Errorf("%s: %w", q, err)
		}
	}
	at := "parseDateTimeBestEffort(if(occurred_at != '', occurred_at, if(date != '', date, '1970-01-02')))"
	for _, q := range []string{
		fmt.Sprintf(`CREATE TABLE bench_peer_kafka (event_id String, type String, schema_version UInt16, occurred_at String, date String,
    recorded_at String, ward_code String, lad_code String, supersedes String, themes Array(String))
ENGINE = Kafka('%s', '%s', '%s', 'JSONEachRow')`, strings.Join(brokers, ","), topic, group),
		`CREATE MATERIALIZED VIEW bench_peer_events_mv TO bench_peer_events AS
SELECT toUUID(event_id) AS event_id, type, schema_version, ` + at + ` AS occurred_at,
    parseDateTimeBestEffort(if(recorded_at != '', recorded_at, '1970-01-02')) AS recorded_at, '' AS source, ward_code, lad_code, supersedes,
    '' AS payload, toUInt32(0) AS src_partition, toUInt64(0) AS src_offset, now() AS processed_at
FROM bench_peer_kafka`,
		`CREATE MATERIALIZED VIEW bench_peer_daily_mv TO bench_peer_daily AS
SELECT toDate(` + at + `) AS day, ward_code, lad_code, arrayJoin(if(empty(themes), ['unclassified'], themes)) AS theme,
    'peer' AS taxonomy_version, toUInt32(0) AS src_partition, toInt64(1) AS concerns, toInt64(0) AS next_offset
FROM bench_peer_kafka WHERE type = 'concern'`,
	} {
		if err := conn.Exec(ctx, q); err != nil {
			return 0, fmt.Errorf("creating the Kafka-engine peer: %w\n%s", err, q)
		}
		if strings.Contains(q, "bench_peer_events_mv") {
			time.Sleep(viewGap)
		}

	}
	if err := awaitPeerViews(ctx, conn, brokers, topic); err != nil {
		return 0, err
	}
	start := time.Now()
	n, err := copyTopic(ctx, brokers, src, topic, partitions)
	if err != nil {
		return 0, err
	}
	logf("kafka engine: %d messages copied to %s in %.2f s", n, topic, time.Since(start).Seconds())
	wantMentions := peerMentions(events)
	deadline := time.Now().Add(10 * time.Minute)
	lastLog, lastChange := time.Now(), time.Now()
	var lastRows uint64
	var lastMentions int64
	for {
		var rows uint64
		var mentions int64
		if err := conn.QueryRow(ctx, "SELECT (SELECT count() FROM bench_peer_events WHERE ward_code != '"+peerBarrier+"'), (SELECT sum(concerns) FROM bench_peer_daily WHERE ward_code != '"+peerBarrier+"')").Scan(&rows, &mentions); err != nil {
			return 0, fmt.Errorf("counting the peer's rows: %w", err)
		}
		if rows >= uint64(n) && mentions >= wantMentions {
			el := time.Since(start)
			logf("kafka engine: %d events, %d mentions in %.1f s", rows, mentions, el.Seconds())
			return float64(n) / el.Seconds(), nil
		}
		if rows != lastRows || mentions != lastMentions {
			lastRows, lastMentions, lastChange = rows, mentions, time.Now()
		}
		if time.Since(lastChange) > time.Minute {
			return 0, fmt.Errorf("the Kafka engine stopped at %d of %d events (%d of %d mentions) for a minute", rows, n, mentions, wantMentions)
		}
		if time.Since(lastLog) > 10*time.Second {
			lastLog = time.Now()
			logf("kafka engine: %d of %d events so far", rows, n)
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("the Kafka engine stored %d of %d events (%d of %d mentions) in 10 minutes", rows, n, mentions, wantMentions)
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// peerBarrier is the ward code of the Kafka-engine peer's barrier messages,
// which its counts leave out.
const peerBarrier = "bench-barrier"

// awaitPeerViews returns once the Kafka engine streams to both of its views.
// 18.16 fixes a stream's views when the stream starts (the INSERT it runs
// lists the table's views then), and a stream on an empty topic restarts
// about every half second: one that started between the two CREATEs feeds
// only the first view, and once took all 5000 copied messages into it (0
// mentions). So a barrier message (a concern of ward peerBarrier) is sent,
// and once the first view holds it the second is asked: if it holds it too,
// the stream that stored it started after both views existed, and so does
// every later one; if not, another barrier goes. One at a time: a stream ends only when the topic falls
// quiet, and a barrier a second kept it from ever ending.
func awaitPeerViews(ctx context.Context, conn driver.Conn, brokers []string, topic string) error {
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, RequiredAcks: kafka.RequireAll, BatchTimeout: time.Millisecond}
	defer w.Close()
	deadline := time.Now().Add(2 * time.Minute)
	for sent := 1; ; sent++ {
		b := schemas.Event{EventID: uuid.NewString(), Type: schemas.TypeConcern, SchemaVersion: schemas.CurrentVersion, Date: "2000-01-01", WardCode: peerBarrier}
		msg, err := json.Marshal(b)
		if err != nil {
			return fmt.Errorf("encoding the Kafka-engine peer's barrier: %w", err)
		}
		if err := w.WriteMessages(ctx, kafka.Message{Key: []byte(b.EventID), Value: msg}); err != nil {
			return fmt.Errorf("sending the Kafka-engine peer's barrier: %w", err)
		}
		for {
			var first, second uint64
			if err := conn.QueryRow(ctx, "SELECT (SELECT count() FROM bench_peer_events WHERE ward_code = '"+peerBarrier+"'), (SELECT count() FROM bench_peer_daily WHERE ward_code = '"+peerBarrier+"')").Scan(&first, &second); err != nil {
				return fmt.Errorf("looking for the Kafka-engine peer's barrier: %w", err)
			}
			if second > 0 {
				return nil
			}
			if first >= uint64(sent) {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("the Kafka engine stored %d of %d barrier messages, none in its second view, in 2 minutes", first, sent)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
	}
}

// bulkTables are the tables the processor writes, in its write order.
var bulkTables = []string{"events", "meetings", "concerns", "concern_daily"}

// bulkInsertPeer is the ceiling for writing the processor's rows: it exports
// the rows the processor stored for the events (every table, progress
// markers included) as TabSeparated files, then times clickhouse-client
// inserting them into empty copies of the tables, one client per table at
// once. It returns events/s and the rows written.
func bulkInsertPeer(ctx context.Context, conn driver.Conn, addr, dir, db string, events int) (float64, int64, error) {
	host, port, _ := net.SplitHostPort(addr)
	client := func(ctx context.Context, query string) *exec.Cmd {
		return exec.CommandContext(ctx, "clickhouse-client", "--host", host, "--port", port, "-d", "wardpulse", "--query", query)
	}
	var rows int64
	for _, t := range bulkTables {
		file := filepath.Join(dir, "bulk-"+t+".tsv")
		f, err := os.Create(file)
		if err != nil {
			return 0, 0, err
		}
		cmd := client(ctx, "SELECT * FROM "+db+"."+t+" FORMAT TabSeparated")
		var stderr strings.Builder
		cmd.Stdout, cmd.Stderr = f, &stderr
		err = cmd.Run()
		f.Close()
		if err != nil {
			return 0, 0, fmt.Errorf("exporting %s: %w: %s", t, err, stderr.String())
		}
		var n uint64
		if err := conn.QueryRow(ctx, "SELECT count() FROM "+db+"."+t).Scan(&n); err != nil {
			return 0, 0, err
		}
		rows += int64(n)
		// The copy is not fenced (migration 0005): the exported rows carry
		// the processor's expired leases.
		for _, q := range []string{"DROP TABLE IF EXISTS bulk_" + t, "CREATE TABLE bulk_" + t + " AS " + t, "ALTER TABLE bulk_" + t + " DROP COLUMN fence"} {
			if err := conn.Exec(ctx, q); err != nil {
				return 0, 0, fmt.Errorf("%s: %w", q, err)
			}
		}
	}
	defer func() {
		for _, t := range bulkTables {
			_ = conn.Exec(context.Background(), "DROP TABLE IF EXISTS bulk_"+t)
			_ = os.Remove(filepath.Join(dir, "bulk-"+t+".tsv"))
		}
	}()
	g, gctx := errgroup.WithContext(ctx)
	start := time.Now()
	for _, t := range bulkTables {
		g.Go(func() error {
			f, err := os.Open(filepath.Join(dir, "bulk-"+t+".tsv"))
			if err != nil {
				return err
			}
			defer f.Close()
			cmd := client(gctx, "INSERT INTO bulk_"+t+" FORMAT TabSeparated")
			cmd.Stdin = f
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("clickhouse-client inserting into bulk_%s: %w: %s", t, err, out)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return 0, 0, err
	}
	el := time.Since(start)
	if events == 0 {
		return 0, rows, errors.New("no events")
	}
	return float64(events) / el.Seconds(), rows, nil
}

// shorten keeps error text readable: kafka-go repeats one error per message.
func shorten(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
