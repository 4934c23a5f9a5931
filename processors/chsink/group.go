package chsink

import (
	"context"
	"slices"
	"time"
)

// group is the group commit's state, guarded by Sink.mu.
//
//	Write ─► queue ─► the first job's Write leads: it waits until every
//	         active partition has a job queued (or the group wait), takes the
//	         queue and flushes it; every job's Write returns the result.
//
// A partition has at most one Write in flight, so the queue holds at most one
// job per partition and memory stays bounded by the consumer's batches.
type group struct {
	wait    time.Duration // WithGroupWait; 0: every Write inserts on its own
	queue   []*job
	leading bool              // a Write is waiting to flush the queue
	arrived chan struct{}     // a job was queued (capacity 1, never blocks)
	active  map[int]time.Time // partition -> its last Write
	idle    map[int]bool      // partitions with no batch in hand (SetIdle): not waited for
}

// activeFor is how long a partition counts as writing after its last Write:
// a leader waits for it, up to the group wait, in that time.
const activeFor = 10 * time.Second

func (s *Sink) writeGrouped(ctx context.Context, j *job) error {
	// s.mu is held.
	now := time.Now()
	s.group.active[j.b.Partition] = now
	s.group.queue = append(s.group.queue, j)
	lead := !s.group.leading
	s.group.leading = true
	s.mu.Unlock()
	select {
	case s.group.arrived <- struct{}{}:
	default:
	}
	if !lead {
		// NOTE(lead): not ctx.Done(): the leader may be inserting this
		// job's rows, and returning early would let the partition's next
		// owner load watermarks while they are in flight.
		return <-j.done
	}
	jobs := s.gather(ctx, now)
	s.metrics.groupBatches.Observe(float64(len(jobs)))
	jobs, lease, refused := s.fence.admit(ctx, jobs)
	for o, err := range refused {
		o.done <- err // nothing of it was written
	}
	err := s.flush(ctx, jobs, lease)
	for _, o := range jobs {
		o.done <- err
	}
	return <-j.done
}

// gather waits until every active partition has a job queued, the group
// wait has passed or ctx ends, then takes the queue and hands the lead on.
func (s *Sink) gather(ctx context.Context, start time.Time) []*job {
	timer := time.NewTimer(s.group.wait)
	defer timer.Stop()
	for {
		s.mu.Lock()
		if !s.awaiting(start) {
			return s.takeQueue()
		}
		s.mu.Unlock()
		select {
		case <-s.group.arrived:
		case <-timer.C:
			s.mu.Lock()
			return s.takeQueue()
		case <-ctx.Done():
			s.mu.Lock()
			return s.takeQueue()
		}
	}
}

// awaiting reports whether an active partition that is not idle has no job
// queued yet; s.mu is held.
func (s *Sink) awaiting(now time.Time) bool {
	for p, at := range s.group.active {
		if now.Sub(at) > activeFor {
			delete(s.group.active, p)
			continue
		}
		if s.group.idle[p] || slices.ContainsFunc(s.group.queue, func(j *job) bool { return j.b.Partition == p }) {
			continue
		}
		return true
	}
	return false
}

// SetIdle says whether the partition has a batch in hand (false) or is
// waiting for new messages (true). A group commit does not wait for an idle
// partition: at the end of a backlog, the partition with the most messages
// stores its last batch at once instead of after the group wait.
func (s *Sink) SetIdle(partition int, idle bool) {
	s.mu.Lock()
	if idle {
		s.group.idle[partition] = true
	} else {
		delete(s.group.idle, partition)
	}
	s.mu.Unlock()
	select { // a leader may be waiting for this partition
	case s.group.arrived <- struct{}{}:
	default:
	}
}

// takeQueue empties the queue and ends the lead; s.mu is held and released.
func (s *Sink) takeQueue() []*job {
	jobs := s.group.queue
	s.group.queue = nil
	s.group.leading = false
	s.mu.Unlock()
	return jobs
}
