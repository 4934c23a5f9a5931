package chsink

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

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
func SetState(ctx context.Context, conn driver.Conn, key, value string) error {
	if err := schemas.InsertRow(ctx, conn, "INSERT INTO pipeline_state (key, value, updated_us)",
		key, value, uint64(time.Now().UnixNano()/1e3)); err != nil {
		return fmt.Errorf("setting pipeline_state %s: %w", key, err)
	}
	return nil
}
