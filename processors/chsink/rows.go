package chsink

import "time"

// Batch is what one batch of Kafka messages of one partition adds to
// ClickHouse. Rows carry the offset of the message that produced them; Next
// is the offset after the last message of the batch, whether or not that
// message produced rows (duplicates and dead letters produce none).
type Batch struct {
	Partition int
	Next      int64
	// Owner, when the sink is fenced (WithLease), proves before the
	// write that the writer still owns the partition; nil: unfenced.
	Owner    Owner
	Events   []EventRow
	Meetings []MeetingRow
	Concerns []ConcernRow
	Actions  []ActionRow
	Outcomes []OutcomeRow
	Cells    []CellDelta
}

// EventRow is one distinct event as stored in the events table.
type EventRow struct {
	EventID       string
	Type          string
	SchemaVersion uint16
	OccurredAt    time.Time
	RecordedAt    time.Time
	Source        string
	WardCode      string
	LADCode       string
	Supersedes    string
	// Payload is empty unless a caller chooses to keep the raw event: the
	// processor does not, because raw concern text holds personal data
	// the analytics tables should not, and the log keeps it anyway.
	Payload string
	Offset  int64
}

// MeetingRow is one version of a meeting.
type MeetingRow struct {
	MeetingID  string
	OccurredAt time.Time
	WardCode   string
	WardName   string
	LADCode    string
	LADName    string
	Place      string
	Kind       string
	Title      string
	Location   string
	Attendance uint32
	Themes     []string
	Source     string
	Withdrawn  bool
	Offset     int64
	DatePrecision
}

// DatePrecision is how much of a row's date its event gave: Precision ""
// or "day" is a known day; "month" or "period" a span from PeriodStart to
// PeriodEnd (inclusive; OccurredAt is then PeriodStart). Day-precise rows
// store their own day as the span.
type DatePrecision struct {
	Precision   string
	PeriodStart time.Time
	PeriodEnd   time.Time
}

// DayPrecise reports whether the row's day is known: only such concerns
// have concern_daily cells.
func (p DatePrecision) DayPrecise() bool { return p.Precision == "" || p.Precision == "day" }

// columns returns the precision columns' values: "day" and the row's own
// day when no span was given.
func (p DatePrecision) columns(at time.Time) (string, time.Time, time.Time) {
	if p.DayPrecise() {
		d := day(at)
		return "day", d, d
	}
	return p.Precision, day(p.PeriodStart), day(p.PeriodEnd)
}

// ConcernRow is one version of a concern, its text already redacted.
type ConcernRow struct {
	ConcernID       string
	OccurredAt      time.Time
	WardCode        string
	WardName        string
	LADCode         string
	LADName         string
	Place           string
	MeetingID       string
	Text            string
	Themes          []string
	StaffThemes     []string
	Matched         []string
	Action          string
	TaxonomyVersion string
	Source          string
	Withdrawn       bool
	Offset          int64
	DatePrecision
}

// ActionRow is one version of an action event: something done about a
// concern, its text already redacted. It has no place: the concern's applies.
type ActionRow struct {
	ActionID   string
	ConcernID  string
	OccurredAt time.Time
	Agency     string // police, council, partnership, other_agency
	Text       string
	Source     string
	Withdrawn  bool
	Offset     int64
	DatePrecision
}

// OutcomeRow is one version of an outcome event, its note already redacted.
type OutcomeRow struct {
	OutcomeID  string
	ConcernID  string
	OccurredAt time.Time
	Status     string // resolved, ongoing, no_further_action, referred
	Note       string
	Source     string
	Withdrawn  bool
	Offset     int64
	DatePrecision
}

// CellDelta adds Delta concerns to one ward x theme x day cell. Corrections
// and withdrawals produce negative deltas for the cells of the version they
// replace.
type CellDelta struct {
	Day             time.Time
	WardCode        string
	LADCode         string
	Theme           string
	TaxonomyVersion string
	Delta           int64
	Offset          int64
}
