package chsink

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"golang.org/x/sync/errgroup"
)

// Tables names the tables a Sink writes. Replay writes the same shapes into
// tables with a suffix and swaps them in when they are complete.
type Tables struct {
	Events, Meetings, Concerns, Daily string
}

// LiveTables are the tables dashboards read.
func LiveTables() Tables {
	return Tables{Events: "events", Meetings: "meetings", Concerns: "concerns", Daily: "concern_daily"}
}

// WithSuffix returns the same tables with a suffix added to every name.
func (t Tables) WithSuffix(s string) Tables {
	return Tables{Events: t.Events + s, Meetings: t.Meetings + s, Concerns: t.Concerns + s, Daily: t.Daily + s}
}

// All lists the table names in write order.
func (t Tables) All() []string { return []string{t.Events, t.Meetings, t.Concerns, t.Daily} }

// Watermarks are, for one partition, the next offset each table has not stored.
type Watermarks struct {
	Events, Meetings, Concerns, Daily int64
}

// Sink writes batches to ClickHouse exactly once per offset (see the package
// doc). It is safe for concurrent use by one goroutine per partition.
type Sink struct {
	conn    driver.Conn
	tables  Tables
	logger  *slog.Logger
	metrics *metrics

	mu         sync.Mutex
	wm         map[int]*Watermarks
	seen       seenIDs
	seenLoaded bool
}

type metrics struct {
	writeDuration  *prometheus.HistogramVec
	lookupDuration prometheus.Histogram
	rows           *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	f := promauto.With(reg)
	return &metrics{
		writeDuration: f.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wardpulse_processor_write_duration_seconds",
			Help:    "Time to insert one batch into one ClickHouse table.",
			Buckets: prometheus.ExponentialBuckets(0.002, 2, 14),
		}, []string{"table"}),
		lookupDuration: f.NewHistogram(prometheus.HistogramOpts{
			Name:    "wardpulse_processor_lookup_duration_seconds",
			Help:    "Time to look up which of a batch's event ids are already stored.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
		}),
		rows: f.NewCounterVec(prometheus.CounterOpts{
			Name: "wardpulse_processor_rows_written_total",
			Help: "Rows inserted into ClickHouse, by table (progress markers included).",
		}, []string{"table"}),
	}
}

// New returns a sink writing to tables over conn. reg may be nil.
func New(conn driver.Conn, tables Tables, logger *slog.Logger, reg prometheus.Registerer) (*Sink, error) {
	if conn == nil {
		return nil, errors.New("chsink: nil ClickHouse connection")
	}
	for _, n := range tables.All() {
		if n == "" {
			return nil, errors.New("chsink: a table name is empty")
		}
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Sink{conn: conn, tables: tables, logger: logger, metrics: newMetrics(reg), wm: map[int]*Watermarks{}}, nil
}

// Tables returns the tables this sink writes.
func (s *Sink) Tables() Tables { return s.tables }

// Load reads the partition's watermarks from ClickHouse and returns the
// offset to resume reading from (concern_daily's watermark; 0 when nothing of
// the partition is stored). Call it whenever a partition is (re)assigned: the
// tables, not the sink's memory, are the truth.
func (s *Sink) Load(ctx context.Context, partition int) (Watermarks, error) {
	var w Watermarks
	var err error
	for _, t := range []struct {
		table string
		dst   *int64
	}{{s.tables.Events, &w.Events}, {s.tables.Meetings, &w.Meetings}, {s.tables.Concerns, &w.Concerns}} {
		if *t.dst, err = s.maxOffsetPlusOne(ctx, t.table, partition); err != nil {
			return w, err
		}
	}
	if w.Daily, err = s.dailyMarker(ctx, partition); err != nil {
		return w, err
	}
	if _, err := s.loadSeen(ctx, partition); err != nil {
		return w, err
	}
	s.mu.Lock()
	s.wm[partition] = &w
	s.mu.Unlock()
	s.logger.Debug("loaded watermarks", "partition", partition, "events", w.Events, "meetings", w.Meetings, "concerns", w.Concerns, "daily", w.Daily)
	return w, nil
}

func (s *Sink) maxOffsetPlusOne(ctx context.Context, table string, partition int) (int64, error) {
	var n uint64
	var mx uint64
	q := fmt.Sprintf("SELECT count(), max(src_offset) FROM %s WHERE src_partition = ?", table)
	if err := s.conn.QueryRow(ctx, q, uint32(partition)).Scan(&n, &mx); err != nil {
		return 0, fmt.Errorf("reading watermark of %s partition %d: %w", table, partition, err)
	}
	if n == 0 {
		return 0, nil
	}
	return int64(mx) + 1, nil
}

func (s *Sink) dailyMarker(ctx context.Context, partition int) (int64, error) {
	var next int64
	q := fmt.Sprintf("SELECT sum(next_offset) FROM %s WHERE theme = '' AND src_partition = ?", s.tables.Daily)
	if err := s.conn.QueryRow(ctx, q, uint32(partition)).Scan(&next); err != nil {
		return 0, fmt.Errorf("reading progress marker of %s partition %d: %w", s.tables.Daily, partition, err)
	}
	return next, nil
}

// Watermarks returns the partition's watermarks as the sink last knew them.
func (s *Sink) Watermarks(partition int) (Watermarks, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w, ok := s.wm[partition]
	if !ok {
		return Watermarks{}, false
	}
	return *w, true
}

// ErrNotLoaded is returned by Write when the partition's watermarks were
// never loaded: writing blind could double-count.
var ErrNotLoaded = errors.New("chsink: watermarks of partition not loaded")

// Write stores the batch. On error some tables may hold the batch and others
// not; calling Write again with the same batch completes it without doubling
// anything. Batches of one partition must be written in offset order.
func (s *Sink) Write(ctx context.Context, b Batch) error {
	s.mu.Lock()
	wp, ok := s.wm[b.Partition]
	s.mu.Unlock()
	if !ok {
		return fmt.Errorf("writing batch of partition %d: %w", b.Partition, ErrNotLoaded)
	}
	p := uint32(b.Partition)
	now := time.Now().UTC()

	// The three row tables are independent (each has its own watermark),
	// so they are inserted at once; the progress marker goes last, only
	// after all three hold the batch.
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		rs := b.Events
		offs := make([]int64, len(rs))
		for i := range rs {
			offs[i] = rs[i].Offset
		}
		if err := s.insert(gctx, s.tables.Events, &wp.Events, b.Next, `(event_id, type, schema_version, occurred_at, recorded_at, source, ward_code, lad_code, supersedes, payload, src_partition, src_offset, processed_at)`,
			offs, func(keep []int) []any {
				return []any{
					pick(keep, func(i int) string { return rs[i].EventID }), pick(keep, func(i int) string { return rs[i].Type }),
					pick(keep, func(i int) uint16 { return rs[i].SchemaVersion }), pick(keep, func(i int) time.Time { return rs[i].OccurredAt }),
					pick(keep, func(i int) time.Time { return rs[i].RecordedAt }), pick(keep, func(i int) string { return rs[i].Source }),
					pick(keep, func(i int) string { return rs[i].WardCode }), pick(keep, func(i int) string { return rs[i].LADCode }),
					pick(keep, func(i int) string { return rs[i].Supersedes }), pick(keep, func(i int) string { return rs[i].Payload }),
					pick(keep, func(int) uint32 { return p }), pick(keep, func(i int) uint64 { return uint64(rs[i].Offset) }),
					pick(keep, func(int) time.Time { return now }),
				}
			}); err != nil {
			return err
		}
		for _, r := range rs {
			if id, err := uuid.Parse(r.EventID); err == nil {
				s.seen.add(id)
			}
		}
		return nil
	})
	g.Go(func() error {
		rs := b.Meetings
		offs := make([]int64, len(rs))
		for i := range rs {
			offs[i] = rs[i].Offset
		}
		return s.insert(gctx, s.tables.Meetings, &wp.Meetings, b.Next, `(meeting_id, occurred_at, day, ward_code, ward_name, lad_code, lad_name, place, kind, title, location, attendance, themes, source, withdrawn, src_partition, src_offset)`,
			offs, func(keep []int) []any {
				return []any{
					pick(keep, func(i int) string { return rs[i].MeetingID }), pick(keep, func(i int) time.Time { return rs[i].OccurredAt }),
					pick(keep, func(i int) time.Time { return day(rs[i].OccurredAt) }), pick(keep, func(i int) string { return rs[i].WardCode }),
					pick(keep, func(i int) string { return rs[i].WardName }), pick(keep, func(i int) string { return rs[i].LADCode }),
					pick(keep, func(i int) string { return rs[i].LADName }), pick(keep, func(i int) string { return rs[i].Place }),
					pick(keep, func(i int) string { return rs[i].Kind }), pick(keep, func(i int) string { return rs[i].Title }),
					pick(keep, func(i int) string { return rs[i].Location }), pick(keep, func(i int) uint32 { return rs[i].Attendance }),
					pick(keep, func(i int) []string { return nonNil(rs[i].Themes) }), pick(keep, func(i int) string { return rs[i].Source }),
					pick(keep, func(i int) uint8 { return b2u(rs[i].Withdrawn) }), pick(keep, func(int) uint32 { return p }),
					pick(keep, func(i int) uint64 { return uint64(rs[i].Offset) }),
				}
			})
	})
	g.Go(func() error {
		rs := b.Concerns
		offs := make([]int64, len(rs))
		for i := range rs {
			offs[i] = rs[i].Offset
		}
		return s.insert(gctx, s.tables.Concerns, &wp.Concerns, b.Next, `(concern_id, occurred_at, day, ward_code, ward_name, lad_code, lad_name, place, meeting_id, text, themes, staff_themes, matched, action, taxonomy_version, source, withdrawn, src_partition, src_offset)`,
			offs, func(keep []int) []any {
				return []any{
					pick(keep, func(i int) string { return rs[i].ConcernID }), pick(keep, func(i int) time.Time { return rs[i].OccurredAt }),
					pick(keep, func(i int) time.Time { return day(rs[i].OccurredAt) }), pick(keep, func(i int) string { return rs[i].WardCode }),
					pick(keep, func(i int) string { return rs[i].WardName }), pick(keep, func(i int) string { return rs[i].LADCode }),
					pick(keep, func(i int) string { return rs[i].LADName }), pick(keep, func(i int) string { return rs[i].Place }),
					pick(keep, func(i int) string { return rs[i].MeetingID }), pick(keep, func(i int) string { return rs[i].Text }),
					pick(keep, func(i int) []string { return nonNil(rs[i].Themes) }), pick(keep, func(i int) []string { return nonNil(rs[i].StaffThemes) }),
					pick(keep, func(i int) []string { return nonNil(rs[i].Matched) }), pick(keep, func(i int) string { return rs[i].Action }),
					pick(keep, func(i int) string { return rs[i].TaxonomyVersion }), pick(keep, func(i int) string { return rs[i].Source }),
					pick(keep, func(i int) uint8 { return b2u(rs[i].Withdrawn) }), pick(keep, func(int) uint32 { return p }),
					pick(keep, func(i int) uint64 { return uint64(rs[i].Offset) }),
				}
			})
	})
	if err := g.Wait(); err != nil {
		return err
	}
	return s.writeDaily(ctx, wp, b)
}

// insert sends, as one block, the rows whose offset is at or above the
// table's watermark, column by column (clickhouse-go's row-wise Append boxes
// every value and was the largest cost of writing). A failed block is
// rebuilt on the next attempt: clickhouse-go cannot resend a batch whose
// Send failed.
func (s *Sink) insert(ctx context.Context, table string, wm *int64, next int64, cols string, offsets []int64, columns func(keep []int) []any) error {
	if next <= *wm {
		return nil
	}
	keep := make([]int, 0, len(offsets))
	var maxOff int64 = -1
	for i, off := range offsets {
		if off >= *wm {
			keep = append(keep, i)
			maxOff = max(maxOff, off)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	start := time.Now()
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO "+table+" "+cols)
	if err != nil {
		return fmt.Errorf("preparing insert into %s: %w", table, err)
	}
	for i, col := range columns(keep) {
		if err := batch.Column(i).Append(col); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("appending column %d of %d rows to %s: %w", i+1, len(keep), table, err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("inserting %d rows into %s: %w", len(keep), table, err)
	}
	s.metrics.rows.WithLabelValues(table).Add(float64(len(keep)))
	s.metrics.writeDuration.WithLabelValues(table).Observe(time.Since(start).Seconds())
	*wm = maxOff + 1
	return nil
}

// pick builds one column from the kept rows.
func pick[T any](keep []int, f func(i int) T) []T {
	out := make([]T, len(keep))
	for j, i := range keep {
		out[j] = f(i)
	}
	return out
}

type cellKey struct {
	day                        time.Time
	ward, lad, theme, taxonomy string
}

// writeDaily sums the batch's cell deltas and inserts them together with the
// progress marker in one block.
func (s *Sink) writeDaily(ctx context.Context, wp *Watermarks, b Batch) error {
	if b.Next <= wp.Daily {
		return nil
	}
	start := time.Now()
	sums := map[cellKey]int64{}
	for _, c := range b.Cells {
		if c.Offset < wp.Daily {
			continue
		}
		sums[cellKey{day(c.Day), c.WardCode, c.LADCode, c.Theme, c.TaxonomyVersion}] += c.Delta
	}
	keys := make([]cellKey, 0, len(sums))
	for k, v := range sums {
		if v != 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, c := keys[i], keys[j]
		if a.theme != c.theme {
			return a.theme < c.theme
		}
		if a.ward != c.ward {
			return a.ward < c.ward
		}
		return a.day.Before(c.day)
	})
	batch, err := s.conn.PrepareBatch(ctx, "INSERT INTO "+s.tables.Daily+" (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)")
	if err != nil {
		return fmt.Errorf("preparing insert into %s: %w", s.tables.Daily, err)
	}
	p := uint32(b.Partition)
	for _, k := range keys {
		if err := batch.Append(k.day, k.ward, k.lad, k.theme, k.taxonomy, p, sums[k], int64(0)); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("appending cell to %s: %w", s.tables.Daily, err)
		}
	}
	if err := batch.Append(time.Unix(0, 0).UTC(), "", "", "", "", p, int64(0), b.Next-wp.Daily); err != nil {
		_ = batch.Abort()
		return fmt.Errorf("appending progress marker to %s: %w", s.tables.Daily, err)
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("inserting %d cells and a progress marker into %s: %w", len(keys), s.tables.Daily, err)
	}
	s.metrics.rows.WithLabelValues(s.tables.Daily).Add(float64(len(keys) + 1))
	s.metrics.writeDuration.WithLabelValues(s.tables.Daily).Observe(time.Since(start).Seconds())
	wp.Daily = b.Next
	for _, w := range []*int64{&wp.Events, &wp.Meetings, &wp.Concerns} {
		if *w < b.Next {
			*w = b.Next
		}
	}
	return nil
}

func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}
