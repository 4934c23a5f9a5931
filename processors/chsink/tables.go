package chsink

import (
	"strings"
	"time"
)

// rowTable describes one row table to the write path, in one place: where a
// batch keeps its rows, which watermark they move, their offset, the
// table's sorting key, and each column with the value it takes from a row.
// The INSERT's column list and its columns are both built from cols, so
// they cannot fall out of step.
type rowTable[R any] struct {
	name   func(Tables) string
	rows   func(*Batch) []R
	wm     func(*Watermarks) *int64
	offset func(*R) int64
	order  func(a, b *R) int // the table's sorting key; ties are broken by partition and offset
	cols   []column[R]
}

// column is one column of a row table: its name and how to build its
// values for a block of rows.
type column[R any] struct {
	name  string
	build func(b rowBlock[R]) any
}

// rowBlock is the rows of one block of an INSERT, with each row's
// partition and the time of the flush.
type rowBlock[R any] struct {
	rows  []*R
	parts []uint32
	now   time.Time
}

// value is a column whose value comes from the row alone.
func value[R, T any](name string, f func(*R) T) column[R] {
	return column[R]{name, func(b rowBlock[R]) any { return pick(b.rows, f) }}
}

// srcPartition is the src_partition column: the partition each row came from.
func srcPartition[R any]() column[R] {
	return column[R]{"src_partition", func(b rowBlock[R]) any { return b.parts }}
}

// flushTime is a column holding the time of the flush.
func flushTime[R any](name string) column[R] {
	return column[R]{name, func(b rowBlock[R]) any { return pick(b.rows, func(*R) time.Time { return b.now }) }}
}

// columnList is the INSERT's column list, "(a, b, c)".
func (t rowTable[R]) columnList() string {
	names := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i] = c.name
	}
	return "(" + strings.Join(names, ", ") + ")"
}

// columns builds every column for a block, in the order of columnList.
func (t rowTable[R]) columns(b rowBlock[R]) []any {
	out := make([]any, len(t.cols))
	for i, c := range t.cols {
		out[i] = c.build(b)
	}
	return out
}

var eventsTable = rowTable[EventRow]{
	name:   func(t Tables) string { return t.Events },
	rows:   func(b *Batch) []EventRow { return b.Events },
	wm:     func(w *Watermarks) *int64 { return &w.Events },
	offset: func(r *EventRow) int64 { return r.Offset },
	order:  func(a, b *EventRow) int { return cmpUUID(a.EventID, b.EventID) },
	cols: []column[EventRow]{
		value("event_id", func(r *EventRow) string { return r.EventID }),
		value("type", func(r *EventRow) string { return r.Type }),
		value("schema_version", func(r *EventRow) uint16 { return r.SchemaVersion }),
		value("occurred_at", func(r *EventRow) time.Time { return r.OccurredAt }),
		value("recorded_at", func(r *EventRow) time.Time { return r.RecordedAt }),
		value("source", func(r *EventRow) string { return r.Source }),
		value("ward_code", func(r *EventRow) string { return r.WardCode }),
		value("lad_code", func(r *EventRow) string { return r.LADCode }),
		value("supersedes", func(r *EventRow) string { return r.Supersedes }),
		value("payload", func(r *EventRow) string { return r.Payload }),
		srcPartition[EventRow](),
		value("src_offset", func(r *EventRow) uint64 { return uint64(r.Offset) }),
		flushTime[EventRow]("processed_at"),
	},
}

var meetingsTable = rowTable[MeetingRow]{
	name:   func(t Tables) string { return t.Meetings },
	rows:   func(b *Batch) []MeetingRow { return b.Meetings },
	wm:     func(w *Watermarks) *int64 { return &w.Meetings },
	offset: func(r *MeetingRow) int64 { return r.Offset },
	order:  func(a, b *MeetingRow) int { return cmpUUID(a.MeetingID, b.MeetingID) },
	cols: []column[MeetingRow]{
		value("meeting_id", func(r *MeetingRow) string { return r.MeetingID }),
		value("occurred_at", func(r *MeetingRow) time.Time { return r.OccurredAt }),
		value("day", func(r *MeetingRow) time.Time { return day(r.OccurredAt) }),
		value("ward_code", func(r *MeetingRow) string { return r.WardCode }),
		value("ward_name", func(r *MeetingRow) string { return r.WardName }),
		value("lad_code", func(r *MeetingRow) string { return r.LADCode }),
		value("lad_name", func(r *MeetingRow) string { return r.LADName }),
		value("place", func(r *MeetingRow) string { return r.Place }),
		value("kind", func(r *MeetingRow) string { return r.Kind }),
		value("title", func(r *MeetingRow) string { return r.Title }),
		value("location", func(r *MeetingRow) string { return r.Location }),
		value("attendance", func(r *MeetingRow) uint32 { return r.Attendance }),
		value("themes", func(r *MeetingRow) []string { return nonNil(r.Themes) }),
		value("source", func(r *MeetingRow) string { return r.Source }),
		value("withdrawn", func(r *MeetingRow) uint8 { return b2u(r.Withdrawn) }),
		srcPartition[MeetingRow](),
		value("src_offset", func(r *MeetingRow) uint64 { return uint64(r.Offset) }),
		value("precision", func(r *MeetingRow) string { p, _, _ := r.columns(r.OccurredAt); return p }),
		value("period_start", func(r *MeetingRow) time.Time { _, s, _ := r.columns(r.OccurredAt); return s }),
		value("period_end", func(r *MeetingRow) time.Time { _, _, e := r.columns(r.OccurredAt); return e }),
	},
}

var concernsTable = rowTable[ConcernRow]{
	name:   func(t Tables) string { return t.Concerns },
	rows:   func(b *Batch) []ConcernRow { return b.Concerns },
	wm:     func(w *Watermarks) *int64 { return &w.Concerns },
	offset: func(r *ConcernRow) int64 { return r.Offset },
	order: func(a, b *ConcernRow) int {
		if c := strings.Compare(a.WardCode, b.WardCode); c != 0 {
			return c
		}
		return cmpUUID(a.ConcernID, b.ConcernID)
	},
	cols: []column[ConcernRow]{
		value("concern_id", func(r *ConcernRow) string { return r.ConcernID }),
		value("occurred_at", func(r *ConcernRow) time.Time { return r.OccurredAt }),
		value("day", func(r *ConcernRow) time.Time { return day(r.OccurredAt) }),
		value("ward_code", func(r *ConcernRow) string { return r.WardCode }),
		value("ward_name", func(r *ConcernRow) string { return r.WardName }),
		value("lad_code", func(r *ConcernRow) string { return r.LADCode }),
		value("lad_name", func(r *ConcernRow) string { return r.LADName }),
		value("place", func(r *ConcernRow) string { return r.Place }),
		value("meeting_id", func(r *ConcernRow) string { return r.MeetingID }),
		value("text", func(r *ConcernRow) string { return r.Text }),
		value("themes", func(r *ConcernRow) []string { return nonNil(r.Themes) }),
		value("staff_themes", func(r *ConcernRow) []string { return nonNil(r.StaffThemes) }),
		value("matched", func(r *ConcernRow) []string { return nonNil(r.Matched) }),
		value("action", func(r *ConcernRow) string { return r.Action }),
		value("taxonomy_version", func(r *ConcernRow) string { return r.TaxonomyVersion }),
		value("source", func(r *ConcernRow) string { return r.Source }),
		value("withdrawn", func(r *ConcernRow) uint8 { return b2u(r.Withdrawn) }),
		srcPartition[ConcernRow](),
		value("src_offset", func(r *ConcernRow) uint64 { return uint64(r.Offset) }),
		value("precision", func(r *ConcernRow) string { p, _, _ := r.columns(r.OccurredAt); return p }),
		value("period_start", func(r *ConcernRow) time.Time { _, s, _ := r.columns(r.OccurredAt); return s }),
		value("period_end", func(r *ConcernRow) time.Time { _, _, e := r.columns(r.OccurredAt); return e }),
	},
}

// dailyColumns are concern_daily's columns, in the order prepareDaily lays
// them out.
const dailyColumns = "(day, ward_code, lad_code, theme, taxonomy_version, src_partition, concerns, next_offset)"
