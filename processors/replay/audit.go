package replay

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/segmentio/kafka-go"

	"github.com/wardpulse/wardpulse/processors/aggregate"
	"github.com/wardpulse/wardpulse/processors/chsink"
)

// AuditReport says whether ClickHouse holds exactly the log.
type AuditReport struct {
	Messages       int // log messages below the stored progress markers
	DeadLetters    int // of those, sent to the dead-letter topic
	DistinctEvents int // distinct event ids among the rest
	Stored         int // rows in the events table
	Missing        int // event ids on the log with no row
	Doubled        int // event ids with more than one row
	Foreign        int // rows whose id/partition/offset is not on the log below the marker
	CellMismatches int // concern_daily cells that disagree with the concerns table
	PastEnd        int // partitions whose stored progress points past the end of the log
	// FollowUpMismatches are rows of concern_actions and concern_outcomes
	// that disagree with the events table: an action or outcome event with
	// no version row or with several, or a version row from no such event.
	FollowUpMismatches int
	// FollowUpRows counts the follow-up tables' rows (every version).
	FollowUpRows int
	// OrphanFollowUps are live follow-ups whose concern is not stored: not
	// an error (docs/events.md), reported so that a mistyped concern id is
	// seen.
	OrphanFollowUps int
	Examples        []string // a few of each problem
}

// OK reports whether the audit found nothing wrong.
func (r AuditReport) OK() bool {
	return r.Missing == 0 && r.Doubled == 0 && r.Foreign == 0 && r.CellMismatches == 0 && r.PastEnd == 0 && r.FollowUpMismatches == 0
}

// DefaultAuditWait is how long Audit waits for the broker to deliver the next
// messages of a range before it gives up with ErrStalled.
const DefaultAuditWait = 60 * time.Second

type occ struct {
	p   int
	off int64
}

// Audit reads the log up to each partition's stored progress marker and the
// dead-letter topic, and compares them with the events table: every event id
// on the log (not dead-lettered) must have exactly one row, stored from one
// of its occurrences, and no row may come from anywhere else. It then checks
// that concern_daily's counts equal the concerns table's current versions.
// It waits at most DefaultAuditWait for any batch of messages (AuditWait).
func Audit(ctx context.Context, conn driver.Conn, brokers []string, topic, dlqTopic string, logger *slog.Logger) (AuditReport, error) {
	return AuditWait(ctx, conn, brokers, topic, dlqTopic, DefaultAuditWait, logger)
}

// AuditWait is Audit with its own bound on each wait for the broker: a
// range whose next messages do not arrive within wait fails with
// ErrStalled, naming the partition and offsets. A partition whose stored
// progress points past the end of the log is not waited for: the report
// counts it (PastEnd) and says where, and the log is read up to its end.
func AuditWait(ctx context.Context, conn driver.Conn, brokers []string, topic, dlqTopic string, wait time.Duration, logger *slog.Logger) (AuditReport, error) {
	return AuditVia(ctx, conn, AuditKafka{Brokers: brokers, Topic: topic, DLQTopic: dlqTopic}, wait, logger)
}

// AuditKafka is where the audit reads the log: Dialer and Transport carry
// the deployment's TLS and SASL settings (wiring.Kafka); nil means plain
// TCP.
type AuditKafka struct {
	Brokers         []string
	Topic, DLQTopic string
	Dialer          *kafka.Dialer
	Transport       kafka.RoundTripper
}

// AuditVia is AuditWait reaching the broker through k's dialer and
// transport.
func AuditVia(ctx context.Context, conn driver.Conn, k AuditKafka, wait time.Duration, logger *slog.Logger) (AuditReport, error) {
	brokers, topic, dlqTopic := k.Brokers, k.Topic, k.DLQTopic
	client := Client(brokers, k.Transport)
	var rep AuditReport
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	t := chsink.LiveTables()
	sink, err := chsink.New(conn, t, logger, nil)
	if err != nil {
		return rep, err
	}
	dead, err := deadLetters(ctx, client, k.Dialer, brokers, topic, dlqTopic, wait)
	if err != nil {
		return rep, err
	}
	bounds, err := LogBoundsVia(ctx, client, topic)
	if err != nil {
		return rep, err
	}
	onLog := map[string][]occ{}
	for _, b := range bounds {
		wm, err := sink.Load(ctx, b.Partition)
		if err != nil {
			return rep, err
		}
		to := wm.Daily
		if to > b.Next {
			rep.PastEnd++
			rep.add(fmt.Sprintf("partition %d: stored progress (sum of %s's markers) is %d, past the end of the log at %d: %d offsets the log does not have (a write from outside the processor, or a foreign or doubled marker)",
				b.Partition, t.Daily, wm.Daily, b.Next, wm.Daily-b.Next))
			to = b.Next
		}
		err = readRangeWaitVia(ctx, k.Dialer, brokers, topic, b.Partition, b.First, to, 5000, wait, func(msgs []kafka.Message) error {
			for _, m := range msgs {
				rep.Messages++
				if dead[occ{m.Partition, m.Offset}] {
					rep.DeadLetters++
					continue
				}
				var head struct {
					EventID string `json:"event_id"`
				}
				if err := json.Unmarshal(m.Value, &head); err != nil || head.EventID == "" {
					rep.Foreign++ // processed without a dead letter, yet unreadable
					rep.add(fmt.Sprintf("message %d/%d has no readable event_id and no dead letter", m.Partition, m.Offset))
					continue
				}
				id := strings.ToLower(head.EventID)
				onLog[id] = append(onLog[id], occ{m.Partition, m.Offset})
			}
			return nil
		})
		if err != nil {
			return rep, fmt.Errorf("reading partition %d: %w", b.Partition, err)
		}
	}
	rep.DistinctEvents = len(onLog)
	rows, err := conn.Query(ctx, "SELECT toString(event_id), src_partition, src_offset FROM "+t.Events)
	if err != nil {
		return rep, fmt.Errorf("reading events: %w", err)
	}
	stored := map[string]int{}
	for rows.Next() {
		var id string
		var p uint32
		var off uint64
		if err := rows.Scan(&id, &p, &off); err != nil {
			rows.Close()
			return rep, fmt.Errorf("scanning events: %w", err)
		}
		rep.Stored++
		stored[id]++
		found := false
		for _, o := range onLog[id] {
			if o.p == int(p) && o.off == int64(off) {
				found = true
				break
			}
		}
		if !found {
			rep.Foreign++
			rep.add(fmt.Sprintf("event %s stored from %d/%d, which is not that event on the log below the marker", id, p, off))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return rep, fmt.Errorf("reading events: %w", err)
	}
	ids := make([]string, 0, len(onLog))
	for id := range onLog {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		switch n := stored[id]; {
		case n == 0:
			rep.Missing++
			rep.add(fmt.Sprintf("event %s (%d/%d) is on the log but not in %s", id, onLog[id][0].p, onLog[id][0].off, t.Events))
		case n > 1:
			rep.Doubled++
			rep.add(fmt.Sprintf("event %s has %d rows in %s", id, n, t.Events))
		}
	}
	mism, err := dailyMismatches(ctx, conn, t)
	if err != nil {
		return rep, err
	}
	rep.CellMismatches = len(mism)
	for _, m := range mism {
		rep.add(m)
	}
	if err := auditFollowUps(ctx, conn, t, &rep); err != nil {
		return rep, err
	}
	return rep, nil
}

// auditFollowUps checks the follow-up tables against the events table, which
// the rest of the audit has checked against the log. The tables keep
// versions (ReplacingMergeTree): a merge drops a version once a later one of
// the same id is stored, so what must hold is, per action (outcome) id, that
// its latest stored version is the latest event of it on the log (the last
// action or outcome event naming it, or a withdrawal of it), and nothing
// else: no row from a position that is not such an event, no position
// stored twice. It also counts live follow-ups whose concern is not stored.
func auditFollowUps(ctx context.Context, conn driver.Conn, t chsink.Tables, rep *AuditReport) error {
	for _, f := range []struct{ table, id, typ string }{{t.Actions, "action_id", "action"}, {t.Outcomes, "outcome_id", "outcome"}} {
		var n uint64
		if err := conn.QueryRow(ctx, "SELECT count() FROM "+f.table).Scan(&n); err != nil {
			return fmt.Errorf("counting %s: %w", f.table, err)
		}
		rep.FollowUpRows += int(n)
		checks := []struct{ what, q string }{
			{"the latest " + f.typ + " event of an id (or its withdrawal) is not the latest version in " + f.table, fmt.Sprintf(`SELECT entity, p_log, o_log FROM (
    SELECT entity, argMax(src_partition, src_offset) AS p_log, max(src_offset) AS o_log, 1 AS on_log
    FROM (
        SELECT if(supersedes = '', toString(event_id), supersedes) AS entity, src_partition, src_offset FROM %[1]s WHERE type = '%[2]s'
        UNION ALL
        SELECT supersedes AS entity, src_partition, src_offset FROM %[1]s
        WHERE type = 'withdrawal' AND supersedes IN (SELECT if(supersedes = '', toString(event_id), supersedes) FROM %[1]s WHERE type = '%[2]s'))
    GROUP BY entity) AS lg
ALL FULL OUTER JOIN (
    SELECT toString(%[3]s) AS entity, argMax(src_partition, src_offset) AS p_stored, max(src_offset) AS o_stored, 1 AS stored
    FROM %[4]s GROUP BY %[3]s) AS st
USING entity
WHERE on_log != stored OR p_log != p_stored OR o_log != o_stored
ORDER BY entity LIMIT 1000`, t.Events, f.typ, f.id, f.table)},
			{"several rows in " + f.table + " from one event", fmt.Sprintf(`SELECT any(toString(%s)), src_partition, src_offset FROM %s
GROUP BY src_partition, src_offset HAVING count() > 1 ORDER BY src_partition, src_offset LIMIT 1000`, f.id, f.table)},
			{"a row of " + f.table + " from no " + f.typ + " or withdrawal event", fmt.Sprintf(`SELECT toString(%s), src_partition, src_offset FROM %s
WHERE (src_partition, src_offset) NOT IN (SELECT src_partition, src_offset FROM %s WHERE type IN ('%s', 'withdrawal'))
ORDER BY src_partition, src_offset LIMIT 1000`, f.id, f.table, t.Events, f.typ)},
		}
		for _, c := range checks {
			rows, err := conn.Query(ctx, c.q)
			if err != nil {
				return fmt.Errorf("auditing %s (%s): %w", f.table, c.what, err)
			}
			for rows.Next() {
				var id string
				var p uint32
				var off uint64
				if err := rows.Scan(&id, &p, &off); err != nil {
					rows.Close()
					return fmt.Errorf("auditing %s: %w", f.table, err)
				}
				rep.FollowUpMismatches++
				rep.add(fmt.Sprintf("%s: %s at %d/%d", c.what, id, p, off))
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("auditing %s: %w", f.table, err)
			}
		}
		var orphans uint64
		q := fmt.Sprintf("SELECT count() FROM %s FINAL WHERE withdrawn = 0 AND concern_id NOT IN (SELECT concern_id FROM %s)", f.table, t.Concerns)
		if err := conn.QueryRow(ctx, q).Scan(&orphans); err != nil {
			return fmt.Errorf("counting %s whose concern is unknown: %w", f.table, err)
		}
		rep.OrphanFollowUps += int(orphans)
	}
	return nil
}

func (r *AuditReport) add(s string) {
	if len(r.Examples) < 20 {
		r.Examples = append(r.Examples, s)
	}
}

// deadLetters reads the whole dead-letter topic and returns the source
// positions of the messages in it that came from topic.
func deadLetters(ctx context.Context, client *kafka.Client, dialer *kafka.Dialer, brokers []string, topic, dlqTopic string, wait time.Duration) (map[occ]bool, error) {
	out := map[occ]bool{}
	if dlqTopic == "" {
		return out, nil
	}
	bounds, err := LogBoundsVia(ctx, client, dlqTopic)
	if err != nil {
		return nil, fmt.Errorf("reading dead-letter topic: %w", err)
	}
	for _, b := range bounds {
		err := readRangeWaitVia(ctx, dialer, brokers, dlqTopic, b.Partition, b.First, b.Next, 5000, wait, func(msgs []kafka.Message) error {
			for _, m := range msgs {
				var src string
				var p, off int64 = -1, -1
				for _, h := range m.Headers {
					switch h.Key {
					case "wardpulse-source-topic":
						src = string(h.Value)
					case "wardpulse-source-partition":
						p, _ = strconv.ParseInt(string(h.Value), 10, 64)
					case "wardpulse-source-offset":
						off, _ = strconv.ParseInt(string(h.Value), 10, 64)
					}
				}
				if src == topic && p >= 0 && off >= 0 {
					out[occ{int(p), off}] = true
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading dead-letter partition %d: %w", b.Partition, err)
		}
	}
	return out, nil
}

// dailyMismatches compares concern_daily with the concerns table's current
// versions, cell by cell; a replayed or doubled batch would show here.
// Concerns whose day is unknown (precision month or period) have no cells.
func dailyMismatches(ctx context.Context, conn driver.Conn, t chsink.Tables) ([]string, error) {
	q := fmt.Sprintf(`SELECT ward_code, theme, toString(day), sum(a) AS daily, sum(b) AS expected FROM (
  SELECT ward_code, theme, day, concerns AS a, toInt64(0) AS b FROM %s WHERE theme != ''
  UNION ALL
  SELECT ward_code, arrayJoin(if(empty(themes), ['%s'], themes)) AS theme, day, toInt64(0) AS a, toInt64(1) AS b FROM %s FINAL WHERE withdrawn = 0 AND precision = 'day'
) GROUP BY ward_code, theme, day HAVING daily != expected ORDER BY ward_code, theme, day LIMIT 1000`, t.Daily, aggregate.Unclassified, t.Concerns)
	rows, err := conn.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("comparing %s with %s: %w", t.Daily, t.Concerns, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var ward, theme, day string
		var daily, expected int64
		if err := rows.Scan(&ward, &theme, &day, &daily, &expected); err != nil {
			return nil, fmt.Errorf("scanning cell comparison: %w", err)
		}
		out = append(out, fmt.Sprintf("%s %s %s: %s says %d, %s says %d", ward, theme, day, t.Daily, daily, t.Concerns, expected))
	}
	return out, rows.Err()
}
