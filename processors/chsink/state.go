package chsink

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/wardpulse/wardpulse/schemas"
)

// The keys of pipeline_state, the one home of the replay coordination
// protocol (processors/replay writes StateKeyPause and StateKeyGeneration,
// processors/pipeline writes AckKey, processors/pause signs StateKeyPause's
// value under that name).
const (
	// StateKeyGeneration holds the live table generation: the token of the
	// replay that last swapped its tables in ("" on a fresh database).
	StateKeyGeneration = "generation"
	// StateKeyPause holds a replay's signed pause request ("" for none).
	StateKeyPause = "pause"
	// stateKeyAckPrefix starts the per-partition acknowledgement keys.
	stateKeyAckPrefix = "ack/"
)

// AckKey is the key under which the processor of partition acknowledges a
// pause request, with the request's token as the value.
func AckKey(partition int) string {
	return stateKeyAckPrefix + strconv.Itoa(partition)
}

// State is the pipeline's coordination state in pipeline_state: which table
// generation is live (a replay bumps it when it swaps tables in) and whether
// a replay has asked the processors to pause writing while it swaps.
type State struct {
	Generation string
	Pause      string
	Acks       map[string]string // AckKey(partition) -> pause token
}

// ReadState reads the coordination state; a fresh database has Generation "".
func ReadState(ctx context.Context, conn driver.Conn) (State, error) {
	st := State{Acks: map[string]string{}}
	rows, err := conn.Query(ctx, "SELECT key, argMax(value, updated_us) FROM pipeline_state GROUP BY key")
	if err != nil {
		return st, fmt.Errorf("reading pipeline_state: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return st, fmt.Errorf("scanning pipeline_state: %w", err)
		}
		switch {
		case k == StateKeyGeneration:
			st.Generation = v
		case k == StateKeyPause:
			st.Pause = v
		case len(k) > len(stateKeyAckPrefix) && strings.HasPrefix(k, stateKeyAckPrefix):
			st.Acks[k] = v
		}
	}
	return st, rows.Err()
}

// SetState records one key. Later writes win (updated_us is the version).
//
// On a cluster written with an insert quorum, ClickHouse 18.16 takes one
// quorum INSERT per table at a time and refuses the others (code 286): a
// replay's pause request meeting a processor's acknowledgement, or two
// partitions acknowledging together. A refused INSERT stored nothing, so it
// is sent again, for up to quorumRetryFor.
func SetState(ctx context.Context, conn driver.Conn, key, value string) error {
	deadline := time.Now().Add(quorumRetryFor)
	for {
		err := schemas.InsertRow(ctx, conn, "INSERT INTO pipeline_state (key, value, updated_us)",
			key, value, uint64(time.Now().UnixNano()/1e3))
		if err == nil {
			return nil
		}
		if !isQuorumBusy(err) || time.Now().After(deadline) {
			return fmt.Errorf("setting pipeline_state %s: %w", key, err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("setting pipeline_state %s: %w (after: %w)", key, ctx.Err(), err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// quorumRetryFor bounds SetState's retries of an INSERT refused because
// another quorum INSERT into pipeline_state was under way.
const quorumRetryFor = 10 * time.Second

// isQuorumBusy tells an INSERT refused because another quorum INSERT into
// the same table had not reached its quorum yet (code 286,
// UNSATISFIED_QUORUM_FOR_PREVIOUS_WRITE: ClickHouse 18.16 runs one at a
// time per table). Nothing of the refused INSERT was stored.
func isQuorumBusy(err error) bool {
	var exc *clickhouse.Exception
	return errors.As(err, &exc) && exc.Code == 286
}
