package chsink

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/google/uuid"
	"golang.org/x/sync/errgroup"
)

// Owner proves that the writer of a batch still owns the batch's partition.
// The processor's Owner is its consumer-group membership (processors/consume
// Claim): an OffsetCommit with its generation and member id, which the broker
// refuses once the partition may have been handed to another member.
type Owner interface {
	// ProveOwnership returns nil only if the broker confirmed, after the
	// call began, that the caller still owned the partition. next is the
	// partition's stored progress (an offset that may be committed).
	ProveOwnership(ctx context.Context, next int64) error
}

// ErrNotOwner is returned (wrapped) by Write when the batch's Owner could not
// prove ownership: nothing of the batch was written.
var ErrNotOwner = errors.New("chsink: the writer could not prove it owns the partition")

// ErrLeaseExpired is returned (wrapped) by Write when ClickHouse refused an
// INSERT because its write lease had run out (the fence column's throwIf):
// that INSERT stored nothing.
var ErrLeaseExpired = errors.New("chsink: write lease expired before ClickHouse took the insert")

// codeThrowIf is ClickHouse's FUNCTION_THROW_IF_VALUE_IS_NON_ZERO (18.16 and
// current versions alike).
const codeThrowIf = 395

// QueryIDPrefix starts the query id of every INSERT a sink sends, so that a
// new owner can find the INSERTs still running on the server (settle). The
// process id follows, then a dash: operators (and the fault test) can tell
// whose INSERT is running.
const QueryIDPrefix = "wardpulse-sink-"

// fence is the part of a Sink that keeps a writer that lost its partition
// from writing it (see WithLease): it proves ownership before a write,
// gives the rows their lease, refuses what the server refused, and makes a
// new owner wait out earlier ones (settle).
type fence struct {
	conn      driver.Conn
	leaseSecs uint32        // write lease in seconds (WithLease); 0: unfenced
	watch     []driver.Conn // other servers settle waits on (WithSettleWatch)
	logger    *slog.Logger
	metrics   *metrics
}

// WithLease fences the sink's writes (see docs/exactly-once.md). Before each
// set of INSERTs the sink reads the server's clock (T), then has every
// batch's Owner prove ownership; every row then carries lease_until = T + d,
// and the tables' fence column (migration 0005) makes the server refuse an
// INSERT it evaluates after that second. Load, before it reads a
// partition's watermarks, waits until the server's clock has passed its
// own first reading by d + 1 s and until every INSERT of any sink that was
// running then has ended. A writer that lost the partition can then no
// longer add to it. d is rounded up to whole seconds; 0 (the default)
// disables fencing, which is only safe with one writer per partition ever.
// Batches without an Owner are written unfenced (lease_until 0).
func WithLease(d time.Duration) Option {
	return func(s *Sink) {
		if d <= 0 {
			s.fence.leaseSecs = 0
			return
		}
		s.fence.leaseSecs = uint32((d + time.Second - 1) / time.Second)
	}
}

// serverNow reads the ClickHouse server's clock in whole seconds: the same
// clock the fence column compares with.
func (f *fence) serverNow(ctx context.Context) (uint32, error) {
	var now uint32
	if err := f.conn.QueryRow(ctx, "SELECT toUInt32(now())").Scan(&now); err != nil {
		return 0, fmt.Errorf("reading the ClickHouse server's clock: %w", err)
	}
	return now, nil
}

// admit proves the ownership of every owned job and returns the jobs that
// may be written, the lease their rows carry (0: unfenced) and the errors of
// the jobs refused. The server's clock is read before the proofs, so the
// lease starts before the broker confirmed ownership.
func (f *fence) admit(ctx context.Context, jobs []*job) ([]*job, uint32, map[*job]error) {
	if f.leaseSecs == 0 {
		return jobs, 0, nil
	}
	owned := false
	for _, j := range jobs {
		owned = owned || j.b.Owner != nil
	}
	if !owned {
		return jobs, 0, nil
	}
	refused := map[*job]error{}
	now, err := f.serverNow(ctx)
	if err != nil {
		for _, j := range jobs {
			refused[j] = err
		}
		return nil, 0, refused
	}
	errs := make([]error, len(jobs))
	var g errgroup.Group
	for i, j := range jobs {
		if j.b.Owner == nil {
			continue
		}
		g.Go(func() error {
			if err := j.b.Owner.ProveOwnership(ctx, j.wp.Daily); err != nil {
				errs[i] = fmt.Errorf("partition %d: %w: %w", j.b.Partition, ErrNotOwner, err)
			}
			return nil
		})
	}
	_ = g.Wait()
	kept := jobs[:0:0]
	for i, j := range jobs {
		if errs[i] != nil {
			refused[j] = errs[i]
			f.metrics.fenced.WithLabelValues("not_owner").Inc()
			f.logger.Warn("write refused by the fence: ownership not proved; nothing written", "partition", j.b.Partition, "err", errs[i])
			continue
		}
		kept = append(kept, j)
	}
	return kept, now + f.leaseSecs, refused
}

// insertContext returns ctx with the INSERT's query id (QueryIDPrefix, the
// process id, a UUID).
func insertContext(ctx context.Context) context.Context {
	return clickhouse.Context(ctx, clickhouse.WithQueryID(QueryIDPrefix+strconv.Itoa(os.Getpid())+"-"+uuid.NewString()))
}

// insertSettings are an INSERT's own settings: squashing (see inserter.send)
// and, when fenced, receive_timeout = the lease, so that the server drops an
// INSERT whose sender stalls in the middle of it (a paused process) instead
// of keeping it open for minutes.
func (f *fence) insertSettings(chunked bool) clickhouse.Settings {
	set := clickhouse.Settings{}
	if chunked {
		set["min_insert_block_size_rows"] = squashRows
		set["min_insert_block_size_bytes"] = 0
	}
	if f.leaseSecs > 0 {
		set["receive_timeout"] = int(f.leaseSecs)
	}
	return set
}

// fenceError marks a refused INSERT (the fence column's throwIf) with
// ErrLeaseExpired.
func (f *fence) fenceError(err error) error {
	var exc *clickhouse.Exception
	if errors.As(err, &exc) && exc.Code == codeThrowIf {
		f.metrics.fenced.WithLabelValues("lease_expired").Inc()
		f.logger.Warn("write refused by the fence: ClickHouse refused an INSERT whose lease had expired; it stored nothing", "err", err)
		return fmt.Errorf("%w: %w", ErrLeaseExpired, err)
	}
	return err
}

// settle waits, before a new owner reads a partition's watermarks, until no
// write of an earlier owner can still land: until the server's clock has
// passed its first reading by the lease and a second (every lease handed out
// before this owner was assigned has then expired), and then until every
// sink INSERT that was running at that point has ended (one that passed its
// fence check before its lease expired may still be writing its part).
// INSERTs that start later are refused by the fence column.
func (f *fence) settle(ctx context.Context, partition int) error {
	start := time.Now()
	t0, err := f.serverNow(ctx)
	if err != nil {
		return err
	}
	until := t0 + f.leaseSecs + 1
	for {
		now, err := f.serverNow(ctx)
		if err != nil {
			return err
		}
		if now >= until {
			break
		}
		if !sleepCtx(ctx, time.Duration(until-now)*time.Second-200*time.Millisecond) {
			return ctx.Err()
		}
	}
	running, err := f.runningEverywhere(ctx, nil)
	if err != nil {
		return err
	}
	logged := time.Now()
	for len(running) > 0 {
		if !sleepCtx(ctx, 100*time.Millisecond) {
			return ctx.Err()
		}
		if running, err = f.runningEverywhere(ctx, running); err != nil {
			return err
		}
		if len(running) > 0 && time.Since(logged) > 5*time.Second {
			logged = time.Now()
			f.logger.Warn("waiting for earlier INSERTs to end before loading the partition", "partition", partition, "running", len(running))
		}
	}
	f.metrics.settle.Observe(time.Since(start).Seconds())
	return nil
}

// runningInserts lists the query ids of the sink INSERTs running on the
// server of conn, among only (nil: any). Query ids are unique (a UUID each),
// so one list serves every server.
func runningInserts(ctx context.Context, conn driver.Conn, only []string) ([]string, error) {
	q := "SELECT query_id FROM system.processes WHERE query_id LIKE '" + QueryIDPrefix + "%'"
	var args []any
	if only != nil {
		// The driver binds a slice as an array literal: has(), not IN,
		// which 18.16 refuses for an array ("Type mismatch in IN").
		q += " AND has(?, query_id)"
		args = append(args, only)
	}
	rows, err := conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("listing running inserts in system.processes: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("scanning system.processes: %w", err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing running inserts in system.processes: %w", err)
	}
	return out, nil
}

// WithSettleWatch adds servers whose running INSERTs settle waits for too:
// the other replicas of a shard, which a writer that failed over may have
// sent an INSERT to. A watched server that cannot be reached is skipped
// with a warning (an INSERT on a dead server is not completing).
func WithSettleWatch(conns ...driver.Conn) Option {
	return func(s *Sink) { s.fence.watch = append(s.fence.watch, conns...) }
}

// runningEverywhere lists the sink INSERTs running on the sink's server and
// on the watched ones, among only (nil: any), as "server index/query id".
func (f *fence) runningEverywhere(ctx context.Context, only []string) ([]string, error) {
	var out []string
	for i, c := range append([]driver.Conn{f.conn}, f.watch...) {
		ids, err := runningInserts(ctx, c, only)
		if err != nil {
			if i == 0 {
				return nil, err
			}
			f.logger.Warn("settle: a watched ClickHouse server cannot be read; not waiting for its INSERTs", "server", i, "err", err)
			continue
		}
		out = append(out, ids...)
	}
	if only != nil && out == nil {
		out = []string{}
	}
	return out, nil
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		d = 50 * time.Millisecond
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// leaseColumns is the column every fenced table has (migration 0005), added
// to each INSERT's column list.
const leaseColumn = "lease_until"

// withLease appends the lease column to an INSERT's column list "(a, b)".
func withLease(cols string) string {
	return strings.TrimSuffix(cols, ")") + ", " + leaseColumn + ")"
}
