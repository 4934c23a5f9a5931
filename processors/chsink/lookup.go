package chsink

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Loc is where an event id was stored from: its Kafka partition and offset.
type Loc struct {
	Partition int
	Offset    int64
}

// EventLocations returns, for the ids the events table holds, the partition
// and offset each was stored from. The processor uses it to count an event id
// once: the first occurrence on the log wins, a later one is a duplicate.
func (s *Sink) EventLocations(ctx context.Context, ids []string) (map[string]Loc, error) {
	out := map[string]Loc{}
	if len(ids) == 0 {
		return out, nil
	}
	defer func(start time.Time) { s.metrics.lookupDuration.Observe(time.Since(start).Seconds()) }(time.Now())
	// clickhouse-go binds a slice as an Array, which 18.16 will not
	// compare with a UUID column; a literal list of parsed UUIDs uses the
	// primary key and cannot inject anything. Chunks keep each query under
	// ClickHouse's max_query_size (256 KiB by default).
	// Only the ids the Bloom filter may hold are asked about (all of them
	// before the first Load has filled it).
	filter := s.seen.isLoaded()
	var maybe []string
	for _, id := range ids {
		u, err := uuid.Parse(id)
		if err != nil {
			return nil, fmt.Errorf("looking up event id %q: %w", id, err)
		}
		if !filter || s.seen.maybe(u) {
			maybe = append(maybe, "'"+u.String()+"'")
		}
	}
	const chunk = 2000
	for startIdx := 0; startIdx < len(maybe); startIdx += chunk {
		lits := maybe[startIdx:min(startIdx+chunk, len(maybe))]
		q := fmt.Sprintf("SELECT toString(event_id), src_partition, src_offset FROM %s WHERE event_id IN (%s)", s.tables.Events, strings.Join(lits, ","))
		if err := s.scanLocations(ctx, q, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Sink) scanLocations(ctx context.Context, q string, out map[string]Loc) error {
	rows, err := s.conn.Query(ctx, q)
	if err != nil {
		return fmt.Errorf("looking up event ids in %s: %w", s.tables.Events, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var p uint32
		var off uint64
		if err := rows.Scan(&id, &p, &off); err != nil {
			return fmt.Errorf("scanning event location: %w", err)
		}
		if prev, ok := out[id]; !ok || int64(off) < prev.Offset {
			out[id] = Loc{Partition: int(p), Offset: int64(off)}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading event locations: %w", err)
	}
	return nil
}

// PreviousConcern returns the latest version of a concern stored from the
// partition before offset `before`, or nil. Bounding by offset keeps a
// re-processed correction from finding itself. concerns is sorted by
// (ward_code, concern_id), so the ward the correction names is tried first
// (the primary key finds it); a concern moved from another ward is then
// looked for by id alone.
func (s *Sink) PreviousConcern(ctx context.Context, partition int, id string, before int64, ward string) (*ConcernRow, error) {
	if ward != "" {
		r, err := s.previousConcern(ctx, "ward_code = ? AND concern_id = ?", []any{ward, id}, partition, before)
		if err != nil || (r != nil && !r.Withdrawn) {
			return r, err
		}
		// A withdrawn row may be what a move to another ward left behind:
		// the search by id decides (at equal offsets the live version wins).
	}
	return s.previousConcern(ctx, "concern_id = ?", []any{id}, partition, before)
}

func (s *Sink) previousConcern(ctx context.Context, where string, args []any, partition int, before int64) (*ConcernRow, error) {
	q := fmt.Sprintf(`SELECT toString(concern_id), occurred_at, ward_code, ward_name, lad_code, lad_name, place, meeting_id, text,
  themes, staff_themes, matched, action, taxonomy_version, source, withdrawn, src_offset, precision, period_start, period_end
FROM %s WHERE %s AND src_partition = ? AND src_offset < ? ORDER BY src_offset DESC, withdrawn LIMIT 1`, s.tables.Concerns, where)
	id := args[len(args)-1]
	rows, err := s.conn.Query(ctx, q, append(args, uint32(partition), uint64(before))...)
	if err != nil {
		return nil, fmt.Errorf("looking up concern %s: %w", id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	var r ConcernRow
	var withdrawn uint8
	var off uint64
	var at time.Time
	if err := rows.Scan(&r.ConcernID, &at, &r.WardCode, &r.WardName, &r.LADCode, &r.LADName, &r.Place, &r.MeetingID, &r.Text,
		&r.Themes, &r.StaffThemes, &r.Matched, &r.Action, &r.TaxonomyVersion, &r.Source, &withdrawn, &off,
		&r.Precision, &r.PeriodStart, &r.PeriodEnd); err != nil {
		return nil, fmt.Errorf("scanning concern %s: %w", id, err)
	}
	r.OccurredAt, r.Withdrawn, r.Offset = at.UTC(), withdrawn == 1, int64(off)
	r.PeriodStart, r.PeriodEnd = dateOf(r.PeriodStart), dateOf(r.PeriodEnd)
	return &r, nil
}

// PreviousMeeting is PreviousConcern for meetings.
func (s *Sink) PreviousMeeting(ctx context.Context, partition int, id string, before int64) (*MeetingRow, error) {
	q := fmt.Sprintf(`SELECT toString(meeting_id), occurred_at, ward_code, ward_name, lad_code, lad_name, place, kind, title, location,
  attendance, themes, source, withdrawn, src_offset, precision, period_start, period_end
FROM %s WHERE meeting_id = ? AND src_partition = ? AND src_offset < ? ORDER BY src_offset DESC LIMIT 1`, s.tables.Meetings)
	rows, err := s.conn.Query(ctx, q, id, uint32(partition), uint64(before))
	if err != nil {
		return nil, fmt.Errorf("looking up meeting %s: %w", id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	var r MeetingRow
	var withdrawn uint8
	var off uint64
	var at time.Time
	if err := rows.Scan(&r.MeetingID, &at, &r.WardCode, &r.WardName, &r.LADCode, &r.LADName, &r.Place, &r.Kind, &r.Title, &r.Location,
		&r.Attendance, &r.Themes, &r.Source, &withdrawn, &off, &r.Precision, &r.PeriodStart, &r.PeriodEnd); err != nil {
		return nil, fmt.Errorf("scanning meeting %s: %w", id, err)
	}
	r.OccurredAt, r.Withdrawn, r.Offset = at.UTC(), withdrawn == 1, int64(off)
	r.PeriodStart, r.PeriodEnd = dateOf(r.PeriodStart), dateOf(r.PeriodEnd)
	return &r, nil
}

// dateOf is a Date column's value as midnight UTC, whatever location the
// driver gave it.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
