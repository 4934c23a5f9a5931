package schemas

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"
)

// Event types on the log.
const (
	TypeMeeting    = "meeting"
	TypeConcern    = "concern"
	TypeWithdrawal = "withdrawal"
	// Follow-ups of a concern (docs/events.md): what was done, and where
	// it stands. They carry no place: the concern's ward and themes apply.
	TypeAction  = "action"
	TypeOutcome = "outcome"
)

// Who acted on a concern (Action.By).
const (
	ByPolice      = "police"
	ByCouncil     = "council"
	ByPartnership = "partnership"
	ByOtherAgency = "other_agency"
)

// Outcome statuses (Outcome.Status). A concern's status is derived, never
// stored: its latest outcome by event time, else StatusActioned when an
// action exists, else StatusOpen.
const (
	StatusResolved        = "resolved"
	StatusOngoing         = "ongoing"
	StatusNoFurtherAction = "no_further_action"
	StatusReferred        = "referred"
	StatusActioned        = "actioned" // derived only: never in an event
	StatusOpen            = "open"     // derived only: never in an event
)

// IsAgency reports whether by is one of the By* values an action may name.
func IsAgency(by string) bool {
	return by == ByPolice || by == ByCouncil || by == ByPartnership || by == ByOtherAgency
}

// IsOutcomeStatus reports whether status is one an outcome event may carry
// (not the derived StatusActioned or StatusOpen).
func IsOutcomeStatus(status string) bool {
	return status == StatusResolved || status == StatusOngoing || status == StatusNoFurtherAction || status == StatusReferred
}

// IsFollowUp reports whether the event is an action or an outcome.
func (e *Event) IsFollowUp() bool { return e.Type == TypeAction || e.Type == TypeOutcome }

// FollowedConcern is the concern id a follow-up names; "" for other events.
func (e *Event) FollowedConcern() string {
	switch {
	case e.Type == TypeAction && e.Action != nil:
		return e.Action.ConcernID
	case e.Type == TypeOutcome && e.Outcome != nil:
		return e.Outcome.ConcernID
	}
	return ""
}

// HasPlace reports whether the event names a place (ward, ward_code,
// lad_code or place): meetings and concerns must, follow-ups must not,
// withdrawals may.
func (e *Event) HasPlace() bool {
	return e.Ward != "" || e.WardCode != "" || e.LADCode != "" || e.Place != ""
}

// CurrentVersion is the schema version ingest accepts and writes.
const CurrentVersion = 1

// Meeting kinds.
const (
	KindCommunityMeeting = "community_meeting"
	KindPartnerMeeting   = "partner_meeting"
	KindBoard            = "board"
	KindForum            = "forum"
	KindEvent            = "event"
)

// Event is one meeting, concern, action, outcome or withdrawal as it travels on the log. The
// JSON tags mirror event.v1.json; TestEventMatchesSchema keeps them in step.
type Event struct {
	EventID       string      `json:"event_id,omitempty"`
	Type          string      `json:"type"`
	SchemaVersion int         `json:"schema_version"`
	OccurredAt    *time.Time  `json:"occurred_at,omitempty"`
	Date          string      `json:"date,omitempty"`
	Precision     string      `json:"precision,omitempty"`
	Period        *Period     `json:"period,omitempty"`
	RecordedAt    *time.Time  `json:"recorded_at,omitempty"`
	Source        *Source     `json:"source,omitempty"`
	Ward          string      `json:"ward,omitempty"`
	Place         string      `json:"place,omitempty"`
	WardCode      string      `json:"ward_code,omitempty"`
	LADCode       string      `json:"lad_code,omitempty"`
	Themes        []string    `json:"themes,omitempty"`
	Supersedes    string      `json:"supersedes,omitempty"`
	Meeting       *Meeting    `json:"meeting,omitempty"`
	Concern       *Concern    `json:"concern,omitempty"`
	Withdrawal    *Withdrawal `json:"withdrawal,omitempty"`
	Action        *Action     `json:"action,omitempty"`
	Outcome       *Outcome    `json:"outcome,omitempty"`
}

// Date precisions: how much of an event's date its source gives. An event
// without precision is day-precise.
const (
	PrecisionDay    = "day"
	PrecisionMonth  = "month"
	PrecisionPeriod = "period"
)

// MaxPeriodDays bounds a period-precision event's span: a Panel report
// covers two months, a "you said, we did" page a quarter; a span past a
// year says nothing useful about when.
const MaxPeriodDays = 366

// Period is the span, first and last day inclusive (YYYY-MM-DD), of an
// event whose day is not known.
type Period struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// DayPrecise reports whether the event's day is known: only such events
// belong in daily and weekly series (spike detection).
func (e *Event) DayPrecise() bool {
	return e.Precision == "" || e.Precision == PrecisionDay
}

// CheckPeriod checks what the JSON Schema cannot: a month- or
// period-precision event's period starts on its date and ends on or after
// it, within MaxPeriodDays; a month is exactly one calendar month. It
// returns nil for a day-precise event.
func (e *Event) CheckPeriod() error {
	if e.DayPrecise() || e.Period == nil {
		return nil
	}
	bad := func(field, reason string) error {
		return &InvalidEventError{Fields: []FieldError{{Field: field, Reason: reason}}}
	}
	if e.OccurredAt != nil {
		return bad("occurred_at", fmt.Sprintf("a %s-precision event has no time of day: give date and period only", e.Precision))
	}
	start, err := time.Parse(time.DateOnly, e.Period.Start)
	if err != nil {
		return bad("period.start", fmt.Sprintf("%q is not a date", e.Period.Start))
	}
	end, err := time.Parse(time.DateOnly, e.Period.End)
	if err != nil {
		return bad("period.end", fmt.Sprintf("%q is not a date", e.Period.End))
	}
	switch {
	case e.Date != e.Period.Start:
		return bad("date", fmt.Sprintf("%s must be the period's start %s (a %s-precision event's date stands for its whole period)", e.Date, e.Period.Start, e.Precision))
	case end.Before(start):
		return bad("period.end", fmt.Sprintf("%s is before the start %s", e.Period.End, e.Period.Start))
	case end.Sub(start) > MaxPeriodDays*24*time.Hour:
		return bad("period.end", fmt.Sprintf("the period %s to %s is longer than %d days", e.Period.Start, e.Period.End, MaxPeriodDays))
	case e.Precision == PrecisionMonth && (start.Day() != 1 || end != start.AddDate(0, 1, -1)):
		return bad("period", fmt.Sprintf("%s to %s is not one calendar month (month precision)", e.Period.Start, e.Period.End))
	}
	return nil
}

// Source says where an event came from: the ingest source (from the bearer
// token) and, for backfilled events, the document and paragraph.
type Source struct {
	Name      string `json:"name,omitempty"`
	Document  string `json:"document,omitempty"`
	Paragraph int    `json:"paragraph,omitempty"`
	Line      int    `json:"line,omitempty"`
}

// Meeting is the body of a meeting event.
type Meeting struct {
	Kind       string `json:"kind"`
	Title      string `json:"title,omitempty"`
	Location   string `json:"location,omitempty"`
	Attendance int    `json:"attendance,omitempty"`
}

// Concern is the body of a concern event. Themes tagged by staff travel in
// Event.Themes; the processor adds what the taxonomy finds in Text.
type Concern struct {
	MeetingID string `json:"meeting_id,omitempty"`
	Text      string `json:"text"`
	Action    string `json:"action,omitempty"`
}

// Action is the body of an action event: something done about a concern.
type Action struct {
	ConcernID string `json:"concern_id"`
	By        string `json:"by"`
	Text      string `json:"text"`
}

// Outcome is the body of an outcome event: where a concern stands.
type Outcome struct {
	ConcernID string `json:"concern_id"`
	Status    string `json:"status"`
	Note      string `json:"note,omitempty"`
}

// Withdrawal is the body of a withdrawal event.
type Withdrawal struct {
	Reason string `json:"reason,omitempty"`
}

// When is the moment the event happened: OccurredAt, or midnight UTC of Date.
func (e *Event) When() (time.Time, error) {
	if e.OccurredAt != nil {
		return e.OccurredAt.UTC(), nil
	}
	if e.Date == "" {
		return time.Time{}, fmt.Errorf("event %s has neither occurred_at nor date", e.EventID)
	}
	t, err := time.Parse(time.DateOnly, e.Date)
	if err != nil {
		return time.Time{}, fmt.Errorf("parsing date %q: %w", e.Date, err)
	}
	return t, nil
}

// EntityID is the id of the meeting or concern the event is about: the event
// itself, or the one it supersedes.
func (e *Event) EntityID() string {
	if e.Supersedes != "" {
		return e.Supersedes
	}
	return e.EventID
}

// Marshal encodes the event as compact JSON, as it is stored on the log.
func (e *Event) Marshal() ([]byte, error) {
	b, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("encoding event %s: %w", e.EventID, err)
	}
	return b, nil
}

// ContentHash identifies what an event says, for telling a resubmission
// (same id, same content: a duplicate) from an id reused for something else
// (a conflict). It hashes the event re-encoded canonically, so key order,
// spacing and escapes in the sender's JSON do not matter, and times are
// compared as instants (UTC). recorded_at is left out: it is bookkeeping
// that ingest fills with its clock, so every resubmission would differ.
// Ingest hashes the event as it publishes it (ids lowercased, source name,
// ward codes resolved) and the processor hashes what it decodes from the
// log: the two agree for the same event.
func (e *Event) ContentHash() (uint64, error) {
	c := *e
	c.RecordedAt = nil
	if c.OccurredAt != nil {
		t := c.OccurredAt.UTC()
		c.OccurredAt = &t
	}
	b, err := json.Marshal(&c)
	if err != nil {
		return 0, fmt.Errorf("encoding event %s for its content hash: %w", e.EventID, err)
	}
	sum := sha256.Sum256(b)
	return binary.BigEndian.Uint64(sum[:8]), nil
}
