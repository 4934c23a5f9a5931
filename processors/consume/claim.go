package consume

import (
	"context"
	"fmt"
	"time"

	"github.com/segmentio/kafka-go"
)

// Claim is the ownership of one partition in one generation of the group.
// The consumer hands it to Handler.Handle through the context (ClaimFrom);
// a sink proves with it, just before writing, that the partition has not
// moved to another member (processors/chsink Owner).
type Claim struct {
	gen       *kafka.Generation
	topic     string
	partition int
}

// A Claim is comparable: two are equal only for the same partition assigned
// by the same generation (the same *kafka.Generation of this process).

// proveTimeout bounds one proof: the coordinator connection has no
// deadline of its own.
const proveTimeout = 10 * time.Second

// ProveOwnership commits offset next for the claim's partition with the
// claim's generation id and member id. The broker accepts it only while
// that generation is current and the member in it (else
// ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID or REBALANCE_IN_PROGRESS): a
// partition is handed to another member only in a later generation, so
// success means the claim still held after this call began. next is an
// offset that is already stored (committing it is what the consumer does
// after every batch anyway).
func (c Claim) ProveOwnership(ctx context.Context, next int64) error {
	if c.gen == nil {
		return fmt.Errorf("partition %d: no generation to prove", c.partition)
	}
	ctx, cancel := context.WithTimeout(ctx, proveTimeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- c.gen.CommitOffsets(map[string]map[int]int64{c.topic: {c.partition: max(next, 0)}}) }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("proving membership of generation %d for partition %d: %w", c.gen.ID, c.partition, err)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("proving membership of generation %d for partition %d: %w", c.gen.ID, c.partition, ctx.Err())
	}
}

type claimKey struct{}

// WithClaim returns ctx carrying the claim.
func WithClaim(ctx context.Context, c Claim) context.Context {
	return context.WithValue(ctx, claimKey{}, c)
}

// ClaimFrom returns the claim of the partition whose batch ctx belongs to,
// if the consumer put one there.
func ClaimFrom(ctx context.Context) (Claim, bool) {
	c, ok := ctx.Value(claimKey{}).(Claim)
	return c, ok
}
