package replay_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

func TestMain(m *testing.M) { chtest.Main(m) }

// TestAuditReportsProgressPastTheLogEnd: stored progress that points past
// the end of the log (a foreign or doubled marker) is reported with the
// partition, the stored progress and the log end, at once: the audit does
// not wait for offsets the log does not have.
func TestAuditReportsProgressPastTheLogEnd(t *testing.T) {
	ctx := context.Background()
	db := chtest.New(t)
	_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	b, err := kafkatest.Start(kafkatest.Config{}, nil)
	require.NoError(t, err)
	defer b.Close()
	const topic = "events"
	c := &kafka.Client{Addr: kafka.TCP(b.Addrs()...), Timeout: 10 * time.Second}
	_, err = c.CreateTopics(ctx, &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{{Topic: topic, NumPartitions: 1, ReplicationFactor: 1}}})
	require.NoError(t, err)
	w := &kafka.Writer{Addr: kafka.TCP(b.Addrs()...), Topic: topic, BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	require.NoError(t, w.WriteMessages(ctx, kafka.Message{Value: []byte(`{"type":"concern"}`)}, kafka.Message{Value: []byte(`{"type":"concern"}`)}))
	// A marker that says 7 offsets are done; the log has 2.
	require.NoError(t, schemas.InsertRow(ctx, db.Conn, "INSERT INTO concern_daily (day, theme, src_partition, concerns, next_offset)",
		time.Unix(0, 0).UTC(), "", uint32(0), int64(0), int64(7)))

	actx, cancel := context.WithTimeout(ctx, 2*time.Minute) // a hang fails here, not at the test binary's timeout
	defer cancel()
	rep, err := replay.AuditWait(actx, db.Conn, b.Addrs(), topic, "", 10*time.Second, nil)
	require.NoError(t, err)
	require.False(t, rep.OK())
	require.Equal(t, 1, rep.PastEnd)
	require.Equal(t, 2, rep.Messages, "the log is read up to its end")
	require.True(t, strings.Contains(strings.Join(rep.Examples, "\n"), "partition 0: stored progress (sum of concern_daily's markers) is 7, past the end of the log at 2"), "%q", rep.Examples)
}
