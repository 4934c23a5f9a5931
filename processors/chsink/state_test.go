package chsink_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas/chcluster"
)

// TestSetStateWithInsertQuorum: on a replicated cluster written with an
// insert quorum, eight partitions acknowledging a pause at once and a
// replay writing its request all store their keys, though ClickHouse 18.16
// takes one quorum INSERT into pipeline_state at a time and refuses the
// others (code 286, seen here before SetState sent refused INSERTs again);
// the other replica reads them all.
func TestSetStateWithInsertQuorum(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cl := chcluster.StartMigrated(ctx, t, "wp")
	quorum := clickhouse.Settings{"insert_quorum": 2, "insert_quorum_timeout": 60000, "select_sequential_consistency": 1}
	conn, err := chcluster.Dial(ctx, cl.Addr(1, 1), "wp", quorum)
	require.NoError(t, err)
	defer conn.Close()
	other, err := chcluster.Dial(ctx, cl.Addr(1, 2), "wp", quorum)
	require.NoError(t, err)
	defer other.Close()

	var wg sync.WaitGroup
	errs := make([]error, 9)
	for p := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[p] = chsink.SetState(ctx, conn, chsink.AckKey(p), "token")
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		errs[8] = chsink.SetState(ctx, conn, chsink.StateKeyPause, "request")
	}()
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "write %d", i)
	}
	st, err := chsink.ReadState(ctx, other)
	require.NoError(t, err)
	require.Equal(t, "request", st.Pause)
	for p := range 8 {
		require.Equal(t, "token", st.Acks[chsink.AckKey(p)], fmt.Sprint("partition ", p))
	}
}
