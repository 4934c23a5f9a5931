package httpapi

import (
	"sync"
)

// recentIDs remembers the last N accepted event ids with a hash of their
// content, so a client resubmitting an event is told "duplicate" without a
// second copy reaching Kafka, and an id reused for different content is
// refused. It is a fast path only: the processor counts an id once whatever
// reaches the log.
type recentIDs struct {
	mu    sync.Mutex
	cap   int
	byID  map[string]uint64
	order []string
	next  int
}

func newRecentIDs(capacity int) *recentIDs {
	if capacity <= 0 {
		capacity = 1
	}
	return &recentIDs{cap: capacity, byID: make(map[string]uint64, capacity), order: make([]string, 0, capacity)}
}

// lookup returns the stored content hash of id.
func (r *recentIDs) lookup(id string) (uint64, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	h, ok := r.byID[id]
	return h, ok
}

func (r *recentIDs) add(id string, hash uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.byID[id]; ok {
		return
	}
	if len(r.order) < r.cap {
		r.order = append(r.order, id)
	} else {
		delete(r.byID, r.order[r.next])
		r.order[r.next] = id
		r.next = (r.next + 1) % r.cap
	}
	r.byID[id] = hash
}
