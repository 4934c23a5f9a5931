package httpapi

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"
)

// recentIDs remembers the last N accepted event ids with a hash of their
// canonical content (schemas.Event.ContentHash), so a client resubmitting an
// event is told "duplicate" without a second copy reaching Kafka, and an id
// reused for different content is refused. At start it is filled from the
// newest events on the log (API.RebuildIndex), so a restart does not forget
// what was accepted before it. Older ids are the processor's to catch: it
// counts an id once and sends a reuse with other content to the dead-letter
// topic.
//
// Keys are the ids' 16 bytes: at the default 200,000 ids the index is about
// 10 MB, where string keys took twice that.
type recentIDs struct {
	mu      sync.Mutex
	cap     int
	byID    map[uuid.UUID]uint64
	order   []uuid.UUID
	next    int
	pending error // non-nil until the index is rebuilt from the log
}

// errRebuilding is why requests are refused until RebuildIndex has read the log.
var errRebuilding = errors.New("reading the newest events from the log to know which ids are taken")

func newRecentIDs(capacity int) *recentIDs {
	if capacity <= 0 {
		capacity = 1
	}
	return &recentIDs{cap: capacity, byID: make(map[uuid.UUID]uint64, capacity), order: make([]uuid.UUID, 0, capacity)}
}

// lookup returns the stored content hash of id.
func (r *recentIDs) lookup(id string) (uint64, bool) {
	u, err := uuid.Parse(id)
	if err != nil {
		return 0, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	h, ok := r.byID[u]
	return h, ok
}

// add remembers id; an id already held keeps its first hash (the first
// occurrence on the log is the event, as for the processor).
func (r *recentIDs) add(id string, hash uint64) {
	u, err := uuid.Parse(id)
	if err != nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.byID[u]; ok {
		return
	}
	if len(r.order) < r.cap {
		r.order = append(r.order, u)
	} else {
		delete(r.byID, r.order[r.next])
		r.order[r.next] = u
		r.next = (r.next + 1) % r.cap
	}
	r.byID[u] = hash
}

func (r *recentIDs) setPending(err error) {
	r.mu.Lock()
	r.pending = err
	r.mu.Unlock()
}

func (r *recentIDs) readyErr() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.pending
}

// Log reads the newest events on the events topic. ingest/publish.Tail,
// bound to the brokers and topic, implements it.
type Log interface {
	// Tail calls fn with the value of each of about the newest n
	// messages (n split over the partitions), oldest first within a
	// partition.
	Tail(ctx context.Context, n int, fn func(value []byte) error) error
}

// LogFunc adapts a function to Log.
type LogFunc func(ctx context.Context, n int, fn func(value []byte) error) error

// Tail calls f.
func (f LogFunc) Tail(ctx context.Context, n int, fn func([]byte) error) error {
	return f(ctx, n, fn)
}

// RebuildIndex fills the duplicate index from the newest events on the log
// (the newest RecentIDs of them), then
// lets requests in: until it returns nil, POST /v1/events answers 503 with
// Retry-After and /readyz is not ready. It retries with a growing pause
// until it succeeds or ctx ends. Events on the log that do not decode are
// skipped: the processor dead-letters them.
//
// Why the log and not ClickHouse's events table: the log is what ingest
// writes and already reaches; the table lags the log by the processor's
// delay (an event acknowledged a second ago may not be there yet), holds no
// content to compare, and would make ingest depend on ClickHouse.
func (a *API) RebuildIndex(ctx context.Context) error {
	if a.d.Log == nil {
		return nil
	}
	wait := 500 * time.Millisecond
	for {
		n, err := a.rebuildOnce(ctx)
		if err == nil {
			a.recent.setPending(nil)
			a.logger.Info("duplicate index rebuilt from the log", "events", n)
			return nil
		}
		a.recent.setPending(fmt.Errorf("%w: %v", errRebuilding, err))
		a.logger.Warn("rebuilding duplicate index from the log", "err", err, "retry_in", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		wait = min(2*wait, 10*time.Second)
	}
}

func (a *API) rebuildOnce(ctx context.Context) (int, error) {
	fresh := newRecentIDs(a.cfg.RecentIDs)
	n := 0
	err := a.d.Log.Tail(ctx, a.cfg.RecentIDs, func(value []byte) error {
		ev, err := a.d.Validator.Decode(value)
		if err != nil || ev.EventID == "" {
			return nil
		}
		h, err := ev.ContentHash()
		if err != nil {
			return nil
		}
		fresh.add(ev.EventID, h)
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	a.recent.mu.Lock()
	a.recent.byID, a.recent.order, a.recent.next = fresh.byID, fresh.order, fresh.next
	a.recent.mu.Unlock()
	return n, nil
}
