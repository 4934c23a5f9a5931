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
	q := fmt.Sprintf(`SELECT toString(concern_id), ward_code, ward_name, lad_code, lad_name, place, meeting_id, text,
  themes, staff_themes, matched, action, taxonomy_version, source, %s
FROM %s WHERE %s AND src_partition = ? AND src_offset < ? ORDER BY src_offset DESC, withdrawn LIMIT 1`, versionColumns, s.tables.Concerns, where)
	var r ConcernRow
	found, err := s.latest(ctx, "concern", fmt.Sprint(args[len(args)-1]), q, append(args, uint32(partition), uint64(before)),
		[]any{&r.ConcernID, &r.WardCode, &r.WardName, &r.LADCode, &r.LADName, &r.Place, &r.MeetingID, &r.Text,
			&r.Themes, &r.StaffThemes, &r.Matched, &r.Action, &r.TaxonomyVersion, &r.Source},
		version{&r.OccurredAt, &r.Withdrawn, &r.Offset, &r.DatePrecision})
	if !found {
		return nil, err
	}
	return &r, nil
}

// PreviousMeeting is PreviousConcern for meetings.
func (s *Sink) PreviousMeeting(ctx context.Context, partition int, id string, before int64) (*MeetingRow, error) {
	q := fmt.Sprintf(`SELECT toString(meeting_id), ward_code, ward_name, lad_code, lad_name, place, kind, title, location,
  attendance, themes, source, %s
FROM %s WHERE meeting_id = ? AND src_partition = ? AND src_offset < ? ORDER BY src_offset DESC LIMIT 1`, versionColumns, s.tables.Meetings)
	var r MeetingRow
	found, err := s.latest(ctx, "meeting", id, q, []any{id, uint32(partition), uint64(before)},
		[]any{&r.MeetingID, &r.WardCode, &r.WardName, &r.LADCode, &r.LADName, &r.Place, &r.Kind, &r.Title, &r.Location,
			&r.Attendance, &r.Themes, &r.Source},
		version{&r.OccurredAt, &r.Withdrawn, &r.Offset, &r.DatePrecision})
	if !found {
		return nil, err
	}
	return &r, nil
}

// PreviousAction is PreviousMeeting for actions: the latest version stored
// from the partition before offset `before`, or nil.
func (s *Sink) PreviousAction(ctx context.Context, partition int, id string, before int64) (*ActionRow, error) {
	q := fmt.Sprintf(`SELECT toString(action_id), toString(concern_id), agency, text, source, %s
FROM %s WHERE action_id = ? AND src_partition = ? AND src_offset < ? ORDER BY src_offset DESC LIMIT 1`, versionColumns, s.tables.Actions)
	var r ActionRow
	found, err := s.latest(ctx, "action", id, q, []any{id, uint32(partition), uint64(before)},
		[]any{&r.ActionID, &r.ConcernID, &r.Agency, &r.Text, &r.Source},
		version{&r.OccurredAt, &r.Withdrawn, &r.Offset, &r.DatePrecision})
	if !found {
		return nil, err
	}
	return &r, nil
}

// PreviousOutcome is PreviousAction for outcomes.
func (s *Sink) PreviousOutcome(ctx context.Context, partition int, id string, before int64) (*OutcomeRow, error) {
	q := fmt.Sprintf(`SELECT toString(outcome_id), toString(concern_id), status, note, source, %s
FROM %s WHERE outcome_id = ? AND src_partition = ? AND src_offset < ? ORDER BY src_offset DESC LIMIT 1`, versionColumns, s.tables.Outcomes)
	var r OutcomeRow
	found, err := s.latest(ctx, "outcome", id, q, []any{id, uint32(partition), uint64(before)},
		[]any{&r.OutcomeID, &r.ConcernID, &r.Status, &r.Note, &r.Source},
		version{&r.OccurredAt, &r.Withdrawn, &r.Offset, &r.DatePrecision})
	if !found {
		return nil, err
	}
	return &r, nil
}

// versionColumns are the columns every previous-version lookup reads after
// its table's own: what version is stored, from where, and its date.
const versionColumns = "occurred_at, withdrawn, src_offset, precision, period_start, period_end"

// version points at a row's fields that versionColumns fill.
type version struct {
	at        *time.Time
	withdrawn *bool
	offset    *int64
	date      *DatePrecision
}

// latest runs a previous-version lookup q, whose columns are the row's own
// (scanned into own) followed by versionColumns (into v), and reports
// whether it found a row.
func (s *Sink) latest(ctx context.Context, what, id, q string, args, own []any, v version) (bool, error) {
	rows, err := s.conn.Query(ctx, q, args...)
	if err != nil {
		return false, fmt.Errorf("looking up %s %s: %w", what, id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		return false, rows.Err()
	}
	var at time.Time
	var withdrawn uint8
	var off uint64
	if err := rows.Scan(append(own, &at, &withdrawn, &off, &v.date.Precision, &v.date.PeriodStart, &v.date.PeriodEnd)...); err != nil {
		return false, fmt.Errorf("scanning %s %s: %w", what, id, err)
	}
	*v.at, *v.withdrawn, *v.offset = at.UTC(), withdrawn == 1, int64(off)
	v.date.PeriodStart, v.date.PeriodEnd = dateOf(v.date.PeriodStart), dateOf(v.date.PeriodEnd)
	return true, nil
}

// dateOf is a Date column's value as midnight UTC, whatever location the
// driver gave it.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Table names one of the row tables whose versions the Previous* lookups
// read.
type Table int

// The row tables Ahead knows.
const (
	TableMeetings Table = iota
	TableConcerns
	TableActions
	TableOutcomes
)

// Ahead reports whether table t may already hold rows of partition from
// offset `before` on: a batch redone after a crash between tables (every
// table but concern_daily written), or after a failed write that may have
// been applied. There the Previous* lookups cannot be trusted: the tables
// are ReplacingMergeTree(src_offset), and a merge with a version stored from
// `before` or later drops the versions a lookup below `before` must find (it
// then finds nothing, or an older one). The caller rebuilds the version from
// the log instead (Versions; aggregate does). A partition not loaded counts
// as ahead.
func (s *Sink) Ahead(partition int, t Table, before int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	w, ok := s.wm[partition]
	if !ok || s.stale[partition] {
		return true
	}
	var wm int64
	switch t {
	case TableMeetings:
		wm = w.Meetings
	case TableConcerns:
		wm = w.Concerns
	case TableActions:
		wm = w.Actions
	default:
		wm = w.Outcomes
	}
	return wm > before
}

// Version is one stored event of an entity (its first event or one that
// supersedes it): the offset it was stored from and its type.
type Version struct {
	Offset int64
	Type   string
}

// Versions returns the events of entity id (the event whose id it is, and
// those that supersede it) stored from partition below offset `before`, in
// offset order. It reads the events table, which keeps every row (a
// MergeTree: nothing is replaced on merge) and holds a row only for an
// event that was processed, not for a dead letter or a duplicate.
func (s *Sink) Versions(ctx context.Context, partition int, id string, before int64) ([]Version, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return nil, fmt.Errorf("looking up versions of %q: %w", id, err)
	}
	// A literal parsed UUID, as in EventLocations: 18.16 compares it with
	// the UUID column, and it cannot inject anything.
	q := fmt.Sprintf("SELECT src_offset, type FROM %s WHERE src_partition = ? AND src_offset < ? AND (event_id = '%s' OR lower(supersedes) = '%s') ORDER BY src_offset",
		s.tables.Events, u, u)
	rows, err := s.conn.Query(ctx, q, uint32(partition), uint64(before))
	if err != nil {
		return nil, fmt.Errorf("looking up versions of %s in %s: %w", id, s.tables.Events, err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var off uint64
		var typ string
		if err := rows.Scan(&off, &typ); err != nil {
			return nil, fmt.Errorf("scanning versions of %s: %w", id, err)
		}
		out = append(out, Version{Offset: int64(off), Type: typ})
	}
	return out, rows.Err()
}
