package alerting

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/segmentio/kafka-go"

	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/schemas"
)

// Sink stores alert events from the alerts topic in the alerts table,
// exactly once per offset, with the watermark of processors/chsink: every
// row carries its src_partition and src_offset, the watermark of a
// partition is max(src_offset)+1 read back from the table when the
// partition is assigned, and a batch's rows below it are left out. A batch
// is one INSERT of one block into an unpartitioned MergeTree, which
// ClickHouse applies atomically, so the table always holds a prefix of each
// partition. It implements consume.Handler; the consumer commits offsets
// after Handle returns nil.
//
// A message that is not a valid alert event (bad JSON, no id, an unknown
// status, a date that does not parse) is logged and skipped: alerts are
// derived data, and one bad message must not stop the ones after it.
type Sink struct {
	conn   driver.Conn
	logger *slog.Logger
	mu     sync.Mutex
	next   map[int]int64   // per partition: the next offset not yet handled (stored or skipped)
	server *schemas.Server // asked before the first INSERT (its settings depend on the version)
}

// NewSink returns a sink writing to the alerts table over conn; logger may
// be nil.
func NewSink(conn driver.Conn, logger *slog.Logger) *Sink {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Sink{conn: conn, logger: logger, next: map[int]int64{}}
}

// Assign reads the partition's watermark from the table and resumes there.
func (s *Sink) Assign(ctx context.Context, partition int) (int64, error) {
	next, err := s.watermark(ctx, partition)
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	s.next[partition] = next
	s.mu.Unlock()
	if next == 0 {
		return kafka.FirstOffset, nil
	}
	return next, nil
}

func (s *Sink) watermark(ctx context.Context, partition int) (int64, error) {
	var n, mx uint64
	if err := s.conn.QueryRow(ctx, "SELECT count(), max(src_offset) FROM alerts WHERE src_partition = ?", uint32(partition)).Scan(&n, &mx); err != nil {
		return 0, fmt.Errorf("reading the watermark of alerts partition %d: %w", partition, err)
	}
	if n == 0 {
		return 0, nil
	}
	return int64(mx) + 1, nil
}

// Handle inserts the batch's alert events at or above the watermark.
func (s *Sink) Handle(ctx context.Context, partition int, msgs []kafka.Message) error {
	if len(msgs) == 0 {
		return nil
	}
	s.mu.Lock()
	wm := s.next[partition]
	srv := s.server
	s.mu.Unlock()
	if srv == nil {
		probed, err := schemas.Probe(ctx, s.conn)
		if err != nil {
			return err
		}
		s.mu.Lock()
		s.server, srv = &probed, &probed
		s.mu.Unlock()
	}
	b, err := s.conn.PrepareBatch(srv.InsertContext(ctx, nil), `INSERT INTO alerts (alert_id, status, ward_code, ward_name, lad_code, lad_name, theme, severity,
  episode_start, week_start, observed, expected, threshold, score, summary, detector_version, decided_at, src_partition, src_offset)`)
	if err != nil {
		return fmt.Errorf("preparing insert into alerts: %w", err)
	}
	n := 0
	for _, m := range msgs {
		if m.Offset < wm {
			continue
		}
		e, es, ws, err := decodeEvent(m.Value)
		if err != nil {
			s.logger.Warn("skipping a message that is not an alert event", "partition", partition, "offset", m.Offset, "err", err)
			continue
		}
		if err := b.Append(e.AlertID, e.Status, e.WardCode, e.WardName, e.LADCode, e.LADName, e.Theme, e.Severity, es, ws,
			uint32(max(e.Observed, 0)), e.Expected, e.Threshold, e.Score, e.Summary, e.DetectorVersion, e.DecidedAt.UTC(), uint32(partition), uint64(m.Offset)); err != nil {
			_ = b.Abort()
			return fmt.Errorf("appending alert %s (partition %d offset %d): %w", e.AlertID, partition, m.Offset, err)
		}
		n++
	}
	if n == 0 {
		_ = b.Abort()
	} else if err := b.Send(); err != nil {
		return fmt.Errorf("inserting %d alerts from partition %d: %w", n, partition, err)
	}
	s.mu.Lock()
	s.next[partition] = max(wm, msgs[len(msgs)-1].Offset+1)
	s.mu.Unlock()
	return nil
}

func decodeEvent(b []byte) (e Event, episodeStart, weekStart time.Time, err error) {
	if err := json.Unmarshal(b, &e); err != nil {
		return e, episodeStart, weekStart, fmt.Errorf("decoding: %w", err)
	}
	if e.AlertID == "" {
		return e, episodeStart, weekStart, fmt.Errorf("no alert_id")
	}
	if e.Status != Firing && e.Status != Resolved {
		return e, episodeStart, weekStart, fmt.Errorf("alert %s: status %q is neither %s nor %s", e.AlertID, e.Status, Firing, Resolved)
	}
	if episodeStart, err = time.Parse(time.DateOnly, e.EpisodeStart); err != nil {
		return e, episodeStart, weekStart, fmt.Errorf("alert %s: episode_start: %w", e.AlertID, err)
	}
	if weekStart, err = time.Parse(time.DateOnly, e.WeekStart); err != nil {
		return e, episodeStart, weekStart, fmt.Errorf("alert %s: week_start: %w", e.AlertID, err)
	}
	return e, episodeStart, weekStart, nil
}

// Covers reports whether every offset below ends[partition] has been
// stored (or skipped as not an alert event): by this sink, for the
// partitions it has handled, or else according to the table's watermark.
// With ends the alerts topic's end offsets, it is the alerter's
// Deps.StateSynced.
func (s *Sink) Covers(ctx context.Context, ends map[int]int64) (bool, error) {
	for p, end := range ends {
		if end <= 0 {
			continue
		}
		s.mu.Lock()
		next, ok := s.next[p]
		s.mu.Unlock()
		if !ok || next < end {
			wm, err := s.watermark(ctx, p)
			if err != nil {
				return false, err
			}
			next = max(next, wm)
		}
		if next < end {
			return false, nil
		}
	}
	return true, nil
}

var _ consume.Handler = (*Sink)(nil)
