package alerting

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/google/uuid"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/processors/detect"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chcluster"
	"github.com/wardpulse/wardpulse/schemas/chtest"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// spreadRow is one row as a processor of its Kafka partition would write it.
type spreadRow struct {
	partition int
	insert    string
	values    []any
}

// spreadData is a force's concerns and meetings over three years, every row
// under the Kafka partition of its entity (of spreadPartitions), and
// concern_daily cells counted per partition, as the processors write them:
// a busy cell has rows from several partitions, so on a cluster it is summed
// across shards.
type spreadData struct {
	rows []spreadRow
}

const spreadPartitions = 4

// spreadSurges builds the data for TestAlerterReadsTheSameOnACluster, the
// week of now holding a surge in wards[0] x themes[0], the week before one
// in wards[1] x themes[1], and a surge in wards[3] x themes[0] this week
// whose concerns were all withdrawn.
func spreadSurges(now time.Time, wards []gazetteer.Ward, themes []string) spreadData {
	rng := rand.New(rand.NewPCG(17, 2))
	var d spreadData
	cur := monday(now)
	offsets := make([]uint64, spreadPartitions)
	next := func(p int) uint64 { o := offsets[p]; offsets[p]++; return o }
	id := func() uuid.UUID {
		var b [16]byte
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80
		return uuid.UUID(b)
	}
	type cell struct {
		p     int
		day   time.Time
		w     gazetteer.Ward
		theme string
	}
	counts := map[cell]int64{}
	kinds := []string{"community_meeting", "street_surgery", "online_survey"}
	meeting := map[string]uuid.UUID{} // per ward and week
	concern := func(w gazetteer.Ward, theme string, at time.Time, withdrawn bool) {
		key := w.Code + at.Format("2006-01-02")
		mid, ok := meeting[key]
		if !ok {
			mid = id()
			meeting[key] = mid
			p := int(mid[0]) % spreadPartitions
			d.rows = append(d.rows, spreadRow{p, "INSERT INTO meetings (meeting_id, occurred_at, day, ward_code, ward_name, lad_code, lad_name, kind, src_partition, src_offset)",
				[]any{mid, at.Add(-time.Hour), dayOf(at), w.Code, w.Name, w.LADCode, w.LADName, kinds[rng.IntN(len(kinds))], uint32(p), next(p)}})
		}
		cid := id()
		p := int(cid[0]) % spreadPartitions
		ins := "INSERT INTO concerns (concern_id, occurred_at, day, ward_code, ward_name, lad_code, lad_name, meeting_id, themes, withdrawn, src_partition, src_offset)"
		d.rows = append(d.rows, spreadRow{p, ins, []any{cid, at, dayOf(at), w.Code, w.Name, w.LADCode, w.LADName, mid.String(), []string{theme}, uint8(0), uint32(p), next(p)}})
		if withdrawn {
			d.rows = append(d.rows, spreadRow{p, ins, []any{cid, at, dayOf(at), w.Code, w.Name, w.LADCode, w.LADName, mid.String(), []string{theme}, uint8(1), uint32(p), next(p)}})
			return
		}
		counts[cell{p, dayOf(at), w, theme}]++
	}
	for wk := cur.AddDate(0, 0, -7*156); !wk.After(cur); wk = wk.AddDate(0, 0, 7) {
		for wi, w := range wards {
			for ti, theme := range themes {
				n := 0
				if rng.IntN(3) == 0 {
					n = 1 + rng.IntN(2)
				}
				switch {
				case wk.Equal(cur) && wi == 0 && ti == 0:
					n = 7
				case wk.Equal(cur.AddDate(0, 0, -7)) && wi == 1 && ti == 1:
					n = 6
				case wk.Equal(cur):
					n = min(n, 1)
				}
				for range n {
					at := wk.Add(time.Duration(rng.IntN(3*24*60)) * time.Minute).Add(9 * time.Hour) // Monday to Wednesday
					concern(w, theme, at, false)
				}
			}
		}
	}
	for range 6 {
		concern(wards[3], themes[0], cur.Add(time.Duration(10+rng.IntN(40))*time.Hour), true)
	}
	cells := make([]cell, 0, len(counts))
	for c := range counts {
		cells = append(cells, c)
	}
	sort.Slice(cells, func(i, j int) bool { return fmt.Sprint(cells[i]) < fmt.Sprint(cells[j]) })
	for _, c := range cells {
		d.rows = append(d.rows, spreadRow{c.p, "INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)",
			[]any{c.day, c.w.Code, c.w.LADCode, c.theme, "t", uint32(c.p), counts[c], int64(0)}})
	}
	for p := range spreadPartitions { // each partition's progress marker
		d.rows = append(d.rows, spreadRow{p, "INSERT INTO concern_daily (day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)",
			[]any{time.Unix(0, 0).UTC(), "", "", "", "", uint32(p), int64(0), int64(offsets[p])}})
	}
	return d
}

// load writes the rows of the partitions for which on says true over conn,
// one block per statement.
func (d spreadData) load(ctx context.Context, t *testing.T, conn driver.Conn, on func(partition int) bool) {
	t.Helper()
	batches := map[string]driver.Batch{}
	var order []string
	for _, r := range d.rows {
		if !on(r.partition) {
			continue
		}
		b, ok := batches[r.insert]
		if !ok {
			var err error
			b, err = conn.PrepareBatch(ctx, r.insert)
			require.NoError(t, err, r.insert)
			batches[r.insert] = b
			order = append(order, r.insert)
		}
		require.NoError(t, b.Append(r.values...), r.insert)
	}
	for _, ins := range order {
		require.NoError(t, batches[ins].Send(), ins)
	}
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// alerterTarget is where one engine's alerter reads (reader) and its sink
// writes (writer): the same database on one server; on a cluster the
// Distributed tables and the first shard's local tables.
type alerterTarget struct {
	name           string
	reader, writer driver.Conn
}

// TestAlerterReadsTheSameOnACluster runs the alerter's reads (the alert
// state, the weekly counts that are the surge detector's input, the
// progress marker that triggers runs, the first concern of each episode for
// the summary) and whole runs of the alerter (firing, a restart, resolving)
// with its alerts sink, on ClickHouse 18.16, on chDB 26.5 and on a
// replicated 2 x 2 cluster of 18.16 servers (reads through the Distributed
// tables, the sink writing the first shard's local alerts table with insert
// quorum, as docs/cluster.md says), each holding the same rows (spread over
// the shards by Kafka partition on the cluster): every answer and every
// alert event must be the same.
func TestAlerterReadsTheSameOnACluster(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 12, 20, 0, 0, 0, time.UTC) // a Thursday
	g := gazetteer.Default()
	var wards []gazetteer.Ward
	inForce := g.WardsAt(now)
	for i := range 6 { // spread over the force's authorities
		wards = append(wards, inForce[i*len(inForce)/6])
	}
	themes := []string{"off_road_bikes", "drugs", "speeding"}
	data := spreadSurges(now, wards, themes)

	var targets []alerterTarget
	for _, e := range chtest.Engines {
		db := chtest.NewOn(t, e)
		_, err := schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
		require.NoError(t, err)
		data.load(ctx, t, db.Conn, func(int) bool { return true })
		targets = append(targets, alerterTarget{string(e), db.Conn, db.Conn})
	}
	c := chcluster.StartMigrated(ctx, t, "wp")
	quorum := clickhouse.Settings{"insert_quorum": c.Replicas(), "select_sequential_consistency": 1}
	var shards []driver.Conn
	for s := 1; s <= c.Shards(); s++ {
		conn, err := chcluster.Dial(ctx, c.Addr(s, 1)+","+c.Addr(s, 2), "wp", quorum)
		require.NoError(t, err)
		t.Cleanup(func() { conn.Close() })
		data.load(ctx, t, conn, func(p int) bool { return consume.ShardOf(p, c.Shards()) == s })
		shards = append(shards, conn)
	}
	reader, err := chcluster.Dial(ctx, c.Addr(2, 2)+","+c.Addr(1, 2), schemas.ReaderDatabase("wp"), nil)
	require.NoError(t, err)
	t.Cleanup(func() { reader.Close() })
	targets = append(targets, alerterTarget{"clickhouse-18.16 cluster 2x2", reader, shards[0]})

	// A firing alert already stored for wards[2] x themes[2], whose weeks
	// are quiet: the first run resolves it.
	seed := Event{AlertID: fmt.Sprintf("%s/%s/%s", wards[2].Code, themes[2], monday(now).AddDate(0, 0, -21).Format(time.DateOnly)), Status: Firing,
		WardCode: wards[2].Code, WardName: wards[2].Name, LADCode: wards[2].LADCode, LADName: wards[2].LADName, Theme: themes[2], Severity: Warning,
		EpisodeStart: monday(now).AddDate(0, 0, -21).Format(time.DateOnly), WeekStart: monday(now).AddDate(0, 0, -21).Format(time.DateOnly),
		Observed: 6, Expected: 0.5, Summary: "seeded", DetectorVersion: DetectorVersion, DecidedAt: now.AddDate(0, 0, -18)}

	type answers struct {
		State    map[string]Event
		Weekly   map[string]map[string]int
		Starts   map[string]string
		Marker   string
		First    map[string]string
		Events   []Event
		Restart  []Event
		Resolves []Event
		Stored   [][]string
	}
	var got []answers
	for _, tg := range targets {
		var a answers
		p := &memProducer{}
		seedMsg, err := json.Marshal(seed)
		require.NoError(t, err)
		require.NoError(t, p.WriteMessages(ctx, kafka.Message{Key: []byte(seed.AlertID), Value: seedMsg}))
		storeOn := func() {
			s := NewSink(tg.writer, nil)
			_, err := s.Assign(ctx, 0)
			require.NoError(t, err)
			p.mu.Lock()
			msgs := append([]kafka.Message(nil), p.msgs...)
			p.mu.Unlock()
			require.NoError(t, s.Handle(ctx, 0, msgs), tg.name)
		}
		storeOn()
		clock := now
		alerter := func() *Alerter {
			al, err := New(Config{Detector: detect.DefaultConfig()}, Deps{Conn: tg.reader, Producer: p, Gazetteer: g,
				Taxonomy: taxonomy.Default(), Now: func() time.Time { return clock }}, nil, nil)
			require.NoError(t, err)
			return al
		}
		al := alerter()
		a.State, err = al.state(ctx)
		require.NoError(t, err, tg.name)
		series, starts, err := al.weekly(ctx, monday(now))
		require.NoError(t, err, tg.name)
		a.Weekly, a.Starts, a.First = map[string]map[string]int{}, map[string]string{}, map[string]string{}
		for k, s := range series {
			ws := map[string]int{}
			for w, n := range s {
				ws[w.Format(time.DateOnly)] = n
			}
			a.Weekly[k.ward+"/"+k.theme] = ws
			a.First[k.ward+"/"+k.theme], err = al.firstRaised(ctx, k, monday(now).AddDate(0, 0, -7))
			require.NoError(t, err, tg.name)
		}
		for w, s := range starts {
			a.Starts[w] = s.Format(time.DateOnly)
		}
		a.Marker, err = al.marker(ctx)
		require.NoError(t, err, tg.name)

		require.NoError(t, al.RunOnce(ctx), tg.name)
		a.Events = p.events(t)[1:]
		storeOn()
		require.NoError(t, alerter().RunOnce(ctx), tg.name) // a restart decides nothing new
		a.Restart = p.events(t)[1+len(a.Events):]
		clock = now.AddDate(0, 0, 28)
		require.NoError(t, alerter().RunOnce(ctx), tg.name)
		a.Resolves = p.events(t)[1+len(a.Events)+len(a.Restart):]
		storeOn()
		rows, err := tg.reader.Query(ctx, "SELECT alert_id, status, toString(src_offset) FROM alerts ORDER BY src_offset")
		require.NoError(t, err)
		for rows.Next() {
			var id, status, off string
			require.NoError(t, rows.Scan(&id, &status, &off))
			a.Stored = append(a.Stored, []string{id, status, off})
		}
		require.NoError(t, rows.Err())
		rows.Close()
		got = append(got, a)
	}

	// What the first engine answered, checked against what the data holds.
	first := got[0]
	surge, before := wards[0].Code+"/"+themes[0], wards[1].Code+"/"+themes[1]
	require.Equal(t, 7, first.Weekly[surge][monday(now).Format(time.DateOnly)])
	require.LessOrEqual(t, first.Weekly[wards[3].Code+"/"+themes[0]][monday(now).Format(time.DateOnly)], 1, "the withdrawn surge is not counted")
	require.Contains(t, first.First[surge], "; first raised ")
	ids := map[string]string{}
	for _, e := range first.Events {
		ids[e.AlertID] = e.Status
	}
	require.Equal(t, map[string]string{
		surge + "/" + monday(now).Format(time.DateOnly):                    Firing,
		before + "/" + monday(now).AddDate(0, 0, -7).Format(time.DateOnly): Firing,
		seed.AlertID: Resolved,
	}, ids, "the surges fire and the seeded alert, quiet, resolves")
	require.Empty(t, first.Restart, "a restart fires nothing again")
	require.Len(t, first.Resolves, 2, "both surges resolve four weeks later")
	require.Len(t, first.Stored, 6)
	// The cluster's answers are sums and joins across shards: the surge
	// week's count has rows on both shards, and concerns' meetings sit on
	// the other shard.
	surgeShards, crossMeetings := map[int]bool{}, 0
	meetingShard := map[string]int{}
	for _, r := range data.rows {
		if strings.HasPrefix(r.insert, "INSERT INTO meetings") {
			meetingShard[r.values[0].(uuid.UUID).String()] = consume.ShardOf(r.partition, 2)
		}
	}
	for _, r := range data.rows {
		switch {
		case strings.HasPrefix(r.insert, "INSERT INTO concern_daily") && r.values[1] == wards[0].Code && r.values[3] == themes[0] && !r.values[0].(time.Time).Before(monday(now)):
			surgeShards[consume.ShardOf(r.partition, 2)] = true
		case strings.HasPrefix(r.insert, "INSERT INTO concerns") && meetingShard[r.values[7].(string)] != consume.ShardOf(r.partition, 2):
			crossMeetings++
		}
	}
	require.Len(t, surgeShards, 2, "the surge's cells are on both shards")
	require.Positive(t, crossMeetings, "concerns whose meeting is on the other shard")
	for i, a := range got[1:] {
		want, _ := json.MarshalIndent(first, "", " ")
		have, _ := json.MarshalIndent(a, "", " ")
		require.JSONEq(t, string(want), string(have), "the alerter's reads and decisions on %s and %s", targets[0].name, targets[i+1].name)
	}
	t.Logf("alerter: %d series read, %d events then %d resolves, the same on %s, %s and %s", len(first.Weekly), len(first.Events), len(first.Resolves),
		targets[0].name, targets[1].name, targets[2].name)
}
