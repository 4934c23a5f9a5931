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
)

// Sink stores alert events from the alerts topic in the alerts table,
// exactly once per offset: like processors/chsink, it skips offsets below
// max(src_offset)+1 of the partition, read back from the table when the
// partition is assigned. It implements consume.Handler.
type Sink struct {
	conn   driver.Conn
	logger *slog.Logger
	mu     sync.Mutex
	wm     map[int]int64
}

// NewSink returns a sink writing to the alerts table over conn.
func NewSink(conn driver.Conn, logger *slog.Logger) *Sink {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Sink{conn: conn, logger: logger, wm: map[int]int64{}}
}

// Assign reads the partition's watermark and resumes there.
func (s *Sink) Assign(ctx context.Context, partition int) (int64, error) {
	var n, mx uint64
	if err := s.conn.QueryRow(ctx, "SELECT count(), max(src_offset) FROM alerts WHERE src_partition = ?", uint32(partition)).Scan(&n, &mx); err != nil {
		return 0, fmt.Errorf("reading watermark of alerts partition %d: %w", partition, err)
	}
	next := int64(0)
	if n > 0 {
		next = int64(mx) + 1
	}
	s.mu.Lock()
	s.wm[partition] = next
	s.mu.Unlock()
	if next == 0 {
		return kafka.FirstOffset, nil
	}
	return next, nil
}

// Handle inserts the batch's alert events. A message that is not an alert
// event is logged and skipped: alerts are derived data, and one bad message
// must not stop the others.
func (s *Sink) Handle(ctx context.Context, partition int, msgs []kafka.Message) error {
	s.mu.Lock()
	wm := s.wm[partition]
	s.mu.Unlock()
	b, err := s.conn.PrepareBatch(ctx, `INSERT INTO alerts (alert_id, status, ward_code, ward_name, lad_code, lad_name, theme, severity,
  episode_start, week_start, observed, expected, threshold, score, summary, detector_version, decided_at, src_partition, src_offset)`)
	if err != nil {
		return fmt.Errorf("preparing insert into alerts: %w", err)
	}
	n := 0
	for _, m := range msgs {
		if m.Offset < wm {
			continue
		}
		var e Event
		if err := json.Unmarshal(m.Value, &e); err != nil || e.AlertID == "" {
			s.logger.Warn("skipping a message that is not an alert event", "partition", partition, "offset", m.Offset, "err", err)
			continue
		}
		es, _ := time.Parse(time.DateOnly, e.EpisodeStart)
		ws, _ := time.Parse(time.DateOnly, e.WeekStart)
		if err := b.Append(e.AlertID, e.Status, e.WardCode, e.WardName, e.LADCode, e.LADName, e.Theme, e.Severity, es, ws,
			uint32(max(e.Observed, 0)), e.Expected, e.Threshold, e.Score, e.Summary, e.DetectorVersion, e.DecidedAt.UTC(), uint32(partition), uint64(m.Offset)); err != nil {
			_ = b.Abort()
			return fmt.Errorf("appending alert %s: %w", e.AlertID, err)
		}
		n++
	}
	if n == 0 {
		_ = b.Abort()
		return nil
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("inserting %d alerts: %w", n, err)
	}
	s.mu.Lock()
	s.wm[partition] = msgs[len(msgs)-1].Offset + 1
	s.mu.Unlock()
	return nil
}

var _ consume.Handler = (*Sink)(nil)
