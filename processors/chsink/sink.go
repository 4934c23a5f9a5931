package chsink

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
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
//
// It is made of named parts, one job each:
//   - the partitions' watermarks (wm, stale; Load, Reload, Write: this file);
//   - the INSERTs (inserts: insert.go), which send a flush's rows;
//   - the fence (fence: fence.go), which keeps a writer that lost its
//     partition from writing it;
//   - the group commit (group: group.go), which puts the batches that
//     partitions hand in together into one INSERT per table;
//   - the id index (seen: seen.go, and the lookups in lookup.go), which
//     tells the processor which event ids are already stored.
type Sink struct {
	conn    driver.Conn
	tables  Tables
	logger  *slog.Logger
	metrics *metrics

	inserts inserter
	fence   fence

	seen seenIDs // the id index: its own lock

	mu    sync.Mutex // guards the watermarks and the group
	wm    map[int]*Watermarks
	stale map[int]bool // partitions whose last flush failed: re-read before writing
	group group
}

type metrics struct {
	groupBatches   prometheus.Histogram
	writeDuration  *prometheus.HistogramVec
	lookupDuration prometheus.Histogram
	rows           *prometheus.CounterVec
	fenced         *prometheus.CounterVec
	settle         prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer) *metrics {
	f := promauto.With(reg)
	return &metrics{
		groupBatches: f.NewHistogram(prometheus.HistogramOpts{
			Name:    "wardpulse_processor_write_group_batches",
			Help:    "Partition batches stored by one set of INSERTs (group commit).",
			Buckets: []float64{1, 2, 3, 4, 6, 8, 12, 16, 32},
		}),
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
		fenced: f.NewCounterVec(prometheus.CounterOpts{
			Name: "wardpulse_processor_fenced_writes_total",
			Help: "Writes refused by the fence: not_owner (the broker no longer confirmed the partition's owner), lease_expired (ClickHouse refused an INSERT whose lease had run out).",
		}, []string{"reason"}),
		settle: f.NewHistogram(prometheus.HistogramOpts{
			Name:    "wardpulse_processor_settle_duration_seconds",
			Help:    "Time a newly assigned partition waited for earlier owners' leases and INSERTs to end before loading its watermarks.",
			Buckets: prometheus.ExponentialBuckets(0.25, 2, 10),
		}),
	}
}

// Option configures a Sink.
type Option func(*Sink)

// WithGroupWait makes Write a group commit: the batches that partitions hand
// in together go into one INSERT per table. The first batch waits until
// every partition loaded or written to in the last ten seconds has one
// waiting, or for at most d. Fewer, larger INSERTs are what ClickHouse asks for: each INSERT
// makes a part that background merges must rewrite, and with one INSERT per
// partition batch those merges were half of the server's CPU. Default 0:
// every Write inserts on its own.
func WithGroupWait(d time.Duration) Option { return func(s *Sink) { s.group.wait = d } }

// WithSendChunk sets how many rows go into each block of an INSERT (default
// DefaultSendChunk; 0: the whole INSERT in one block). Tests use small chunks.
func WithSendChunk(rows int) Option { return func(s *Sink) { s.inserts.sendChunk = rows } }

// New returns a sink writing to tables over conn. reg may be nil.
func New(conn driver.Conn, tables Tables, logger *slog.Logger, reg prometheus.Registerer, opts ...Option) (*Sink, error) {
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
	m := newMetrics(reg)
	s := &Sink{conn: conn, tables: tables, logger: logger, metrics: m, wm: map[int]*Watermarks{}, stale: map[int]bool{},
		fence: fence{conn: conn, logger: logger, metrics: m}}
	s.inserts = inserter{conn: conn, sendChunk: DefaultSendChunk, fence: &s.fence}
	s.group = group{arrived: make(chan struct{}, 1), active: map[int]time.Time{}, idle: map[int]bool{}}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

// Tables returns the tables this sink writes.
func (s *Sink) Tables() Tables { return s.tables }

// Load reads the partition's watermarks from ClickHouse and returns the
// offset to resume reading from (concern_daily's watermark; 0 when nothing of
// the partition is stored). Call it whenever a partition is (re)assigned: the
// tables, not the sink's memory, are the truth.
//
// With WithLease, Load first waits until no earlier owner's write can land
// (see settle): about the lease and a second.
func (s *Sink) Load(ctx context.Context, partition int) (Watermarks, error) {
	if s.fence.leaseSecs > 0 {
		if err := s.fence.settle(ctx, partition); err != nil {
			return Watermarks{}, fmt.Errorf("settling partition %d before loading it: %w", partition, err)
		}
	}
	return s.Reload(ctx, partition)
}

// Reload is Load without the wait for earlier owners: only for a partition
// the caller has owned without a break since its last Load (a reload after a
// replay swapped the tables in, or after a failed read), when every earlier
// owner's writes were already waited out.
func (s *Sink) Reload(ctx context.Context, partition int) (Watermarks, error) {
	w, err := s.readWatermarks(ctx, partition)
	if err != nil {
		return w, err
	}
	if _, err := s.seen.load(ctx, s.conn, s.tables.Events, partition); err != nil {
		return w, err
	}
	s.mu.Lock()
	s.wm[partition] = &w
	delete(s.stale, partition)
	s.group.active[partition] = time.Now() // its first batch is on its way
	delete(s.group.idle, partition)        // until its consumer says otherwise
	s.mu.Unlock()
	s.logger.Debug("loaded watermarks", "partition", partition, "events", w.Events, "meetings", w.Meetings, "concerns", w.Concerns, "daily", w.Daily)
	return w, nil
}

// readWatermarks reads the partition's watermarks from the tables.
func (s *Sink) readWatermarks(ctx context.Context, partition int) (Watermarks, error) {
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
	q := fmt.Sprintf("SELECT sum(next_offset) FROM %s WHERE %s AND src_partition = ?", s.tables.Daily, Markers)
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

// job is one partition's batch on its way into ClickHouse.
type job struct {
	b    Batch
	wp   *Watermarks
	done chan error // buffered; receives the flush's result
}

// Write stores the batch. On error some tables may hold the batch and others
// not; calling Write again with the same batch completes it without doubling
// anything. Batches of one partition must be written in offset order, one
// at a time. With a group wait (WithGroupWait), batches of other partitions
// that arrive meanwhile are stored in the same INSERTs; Write returns only
// once the INSERTs carrying its batch have finished, whatever ctx says, so a
// partition is never handed to its next owner with a write of it in flight.
func (s *Sink) Write(ctx context.Context, b Batch) error {
	s.mu.Lock()
	wp, ok := s.wm[b.Partition]
	if !ok {
		s.mu.Unlock()
		return fmt.Errorf("writing batch of partition %d: %w", b.Partition, ErrNotLoaded)
	}
	if s.stale[b.Partition] {
		// The last write of this partition failed, and a failed INSERT
		// may still have been applied (a sibling's error or a timeout
		// after the server took the block): the tables say.
		s.mu.Unlock()
		w, err := s.readWatermarks(ctx, b.Partition)
		if err != nil {
			return err
		}
		s.mu.Lock()
		*wp = w
		delete(s.stale, b.Partition)
	}
	if s.group.wait <= 0 {
		s.mu.Unlock()
		jobs, lease, refused := s.fence.admit(ctx, []*job{{b: b, wp: wp}})
		for _, err := range refused {
			return err
		}
		return s.flush(ctx, jobs, lease)
	}
	return s.writeGrouped(ctx, &job{b: b, wp: wp, done: make(chan error, 1)})
}

// flush stores the jobs' batches: one INSERT per table for all of them.
// The three row tables are independent (each has its own watermark), so
// they are inserted at once; concern_daily and its progress markers go
// last, only after all three hold every batch.
//
// lease is the lease_until every row carries (0: unfenced; see WithLease).
func (s *Sink) flush(ctx context.Context, jobs []*job, lease uint32) (err error) {
	defer func() {
		if err != nil {
			s.mu.Lock()
			for _, j := range jobs {
				s.stale[j.b.Partition] = true
			}
			s.mu.Unlock()
		}
	}()
	now := time.Now().UTC()
	// concern_daily's columns (sums, sort) are built while the row tables
	// are inserted; they are sent only once those all hold the batches.
	dailyc := make(chan dailyBlock, 1)
	if len(jobs) == 0 {
		return nil
	}
	go func() { dailyc <- s.prepareDaily(jobs) }()
	// Not errgroup.WithContext: cancelling the other INSERTs when one
	// fails would leave them in doubt (the server may have applied a
	// block the client gave up on); each runs to its own end.
	var g errgroup.Group
	g.Go(func() error {
		if err := insertRows(ctx, s, lease, now, eventsTable, jobs); err != nil {
			return err
		}
		for _, j := range jobs {
			for _, r := range j.b.Events {
				if id, err := uuid.Parse(r.EventID); err == nil {
					s.seen.add(id)
				}
			}
		}
		return nil
	})
	g.Go(func() error { return insertRows(ctx, s, lease, now, meetingsTable, jobs) })
	g.Go(func() error { return insertRows(ctx, s, lease, now, concernsTable, jobs) })
	rowsErr := g.Wait()
	daily := <-dailyc
	if rowsErr != nil {
		return rowsErr
	}
	return s.sendDaily(ctx, daily, lease)
}

// insertRows sends, as one INSERT (inserter.send), the jobs' rows of table t
// whose offset is at or above their partition's watermark for it, column by
// column (clickhouse-go's row-wise Append boxes every value and was the
// largest cost of writing), and moves those watermarks on. A failed block is rebuilt on
// the next attempt: clickhouse-go cannot resend a batch whose Send failed.
//
// Rows are sent in the table's sorting-key order (t.order), ties broken by
// partition and offset, so rows of one key keep their offset order: ClickHouse skips sorting a block that is
// already in order (MergeTreeDataWriterBlocksAlreadySorted), and here the
// sort only moves pointers, where the server's permutes every column.
func insertRows[R any](ctx context.Context, s *Sink, lease uint32, now time.Time, t rowTable[R], jobs []*job) error {
	table := t.name(s.tables)
	n := 0
	for _, j := range jobs {
		if j.b.Next > *t.wm(j.wp) {
			n += len(t.rows(&j.b))
		}
	}
	if n == 0 {
		return nil
	}
	type row struct {
		r *R
		p uint32
	}
	keep := make([]row, 0, n)
	next := make([]int64, len(jobs)) // per job: the table's watermark once the block is in
	for i, j := range jobs {
		wm := *t.wm(j.wp)
		next[i] = wm
		if j.b.Next <= wm {
			continue
		}
		rs := t.rows(&j.b)
		for k := range rs {
			if off := t.offset(&rs[k]); off >= wm {
				keep = append(keep, row{&rs[k], uint32(j.b.Partition)})
				next[i] = max(next[i], off+1)
			}
		}
	}
	if len(keep) == 0 {
		return nil
	}
	slices.SortFunc(keep, func(a, b row) int {
		if c := t.order(a.r, b.r); c != 0 {
			return c
		}
		if c := cmp.Compare(a.p, b.p); c != 0 {
			return c
		}
		return cmp.Compare(t.offset(a.r), t.offset(b.r))
	})
	kept := make([]*R, len(keep))
	parts := make([]uint32, len(keep))
	for i, k := range keep {
		kept[i], parts[i] = k.r, k.p
	}
	start := time.Now()
	if err := s.inserts.send(ctx, lease, table, t.columnList(), len(kept), func(lo, hi int) []any {
		return t.columns(rowBlock[R]{rows: kept[lo:hi], parts: parts[lo:hi], now: now})
	}); err != nil {
		return fmt.Errorf("inserting %d rows of %d batches into %s: %w", len(kept), len(jobs), table, err)
	}
	s.metrics.rows.WithLabelValues(table).Add(float64(len(kept)))
	s.metrics.writeDuration.WithLabelValues(table).Observe(time.Since(start).Seconds())
	for i, j := range jobs {
		*t.wm(j.wp) = next[i]
	}
	return nil
}

// cellKey is one concern_daily cell of one partition. The day is a day
// number, not a time.Time: the key is hashed for every cell delta.
type cellKey struct {
	day                        int64 // days since 1970-01-01, UTC
	ward, lad, theme, taxonomy string
	partition                  uint32
}

// dailyBlock is concern_daily's part of a flush: the summed cells and one
// progress marker per batch, as columns, not yet sent.
type dailyBlock struct {
	columns func(lo, hi int) []any
	rows    int    // 0: nothing to write
	todo    []*job // the jobs that move concern_daily's watermark
	cells   int
	start   time.Time
}

// prepareDaily sums the jobs' cell deltas and lays them out, with one
// progress marker per batch, as concern_daily's columns. It only reads the
// daily watermarks, which no other part of a flush writes.
func (s *Sink) prepareDaily(jobs []*job) dailyBlock {
	d := dailyBlock{start: time.Now()}
	n := 0
	for _, j := range jobs {
		n += len(j.b.Cells)
	}
	sums := make(map[cellKey]int64, n) // at most one key per cell: never rehashed (growing it was a tenth of a flush's allocations)
	for _, j := range jobs {
		if j.b.Next <= j.wp.Daily {
			continue
		}
		d.todo = append(d.todo, j)
		p := uint32(j.b.Partition)
		for _, c := range j.b.Cells {
			if c.Offset < j.wp.Daily {
				continue
			}
			sums[cellKey{dayNumber(c.Day), c.WardCode, c.LADCode, c.Theme, c.TaxonomyVersion, p}] += c.Delta
		}
	}
	if len(d.todo) == 0 {
		return d
	}
	keys := make([]cellKey, 0, len(sums))
	for k, v := range sums {
		if v != 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, c cellKey) int { // the table's sorting key (migration 0004), then lad
		if r := cmp.Compare(a.day, c.day); r != 0 {
			return r
		}
		if r := strings.Compare(a.theme, c.theme); r != 0 {
			return r
		}
		if r := strings.Compare(a.ward, c.ward); r != 0 {
			return r
		}
		if r := strings.Compare(a.taxonomy, c.taxonomy); r != 0 {
			return r
		}
		if r := strings.Compare(a.lad, c.lad); r != 0 {
			return r
		}
		return cmp.Compare(a.partition, c.partition)
	})
	// Markers first (day 1970-01-01, theme '': they sort first), then the
	// cells: the block is in the table's sorting-key order (see insertRows).
	slices.SortFunc(d.todo, func(a, b *job) int { return a.b.Partition - b.b.Partition })
	n = len(d.todo) + len(keys)
	days, wards, lads, themes, taxes := make([]time.Time, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
	parts, counts, nexts := make([]uint32, 0, n), make([]int64, 0, n), make([]int64, 0, n)
	for _, j := range d.todo {
		days, wards, lads, themes, taxes = append(days, markerDay), append(wards, ""), append(lads, ""), append(themes, ""), append(taxes, "")
		parts, counts, nexts = append(parts, uint32(j.b.Partition)), append(counts, 0), append(nexts, j.b.Next-j.wp.Daily)
	}
	for _, k := range keys {
		days, wards, lads, themes, taxes = append(days, time.Unix(k.day*86400, 0).UTC()), append(wards, k.ward), append(lads, k.lad), append(themes, k.theme), append(taxes, k.taxonomy)
		parts, counts, nexts = append(parts, k.partition), append(counts, sums[k]), append(nexts, 0)
	}
	d.rows, d.cells = n, len(keys)
	d.columns = func(lo, hi int) []any {
		return []any{days[lo:hi], wards[lo:hi], lads[lo:hi], themes[lo:hi], taxes[lo:hi], parts[lo:hi], counts[lo:hi], nexts[lo:hi]}
	}
	return d
}

// sendDaily sends the prepared block and moves the daily watermarks (and the
// row tables' with them: every offset before Next is now stored or had no
// rows) on.
func (s *Sink) sendDaily(ctx context.Context, d dailyBlock, lease uint32) error {
	if d.rows == 0 {
		return nil
	}
	if err := s.inserts.send(ctx, lease, s.tables.Daily, dailyColumns, d.rows, d.columns); err != nil {
		return fmt.Errorf("inserting %d cells and %d progress markers into %s: %w", d.cells, len(d.todo), s.tables.Daily, err)
	}
	s.metrics.rows.WithLabelValues(s.tables.Daily).Add(float64(d.cells + len(d.todo)))
	s.metrics.writeDuration.WithLabelValues(s.tables.Daily).Observe(time.Since(d.start).Seconds())
	for _, j := range d.todo {
		j.wp.Daily = j.b.Next
		for _, w := range []*int64{&j.wp.Events, &j.wp.Meetings, &j.wp.Concerns} {
			if *w < j.b.Next {
				*w = j.b.Next
			}
		}
	}
	return nil
}

// cmpUUID orders canonical UUID strings as ClickHouse orders UUIDs: by the
// last 64 bits, then the first (18.16 and current versions alike). Other
// spellings still sort consistently; ClickHouse then sorts the block itself.
func cmpUUID(a, b string) int {
	if len(a) == 36 && len(b) == 36 {
		if c := strings.Compare(a[19:], b[19:]); c != 0 {
			return c
		}
		return strings.Compare(a[:18], b[:18])
	}
	return strings.Compare(a, b)
}

// dayNumber is the UTC day of t, counted from 1970-01-01.
func dayNumber(t time.Time) int64 { return day(t).Unix() / 86400 }

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
