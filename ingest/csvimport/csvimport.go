// Package csvimport reads meeting logs kept as CSV and turns each row into
// a meeting event and one concern event per concern raised, for `wardpulse
// import` to send through ingest like any other source.
//
// # Columns
//
// A header row is required; columns may come in any order, names are
// case-insensitive, and an unknown or repeated column name is an error (a
// misspelt "atendance" would otherwise be dropped without a word):
//
//	date        YYYY-MM-DD, or YYYY-MM-DD HH:MM in UK local time   required
//	ward        ONS ward code (E05...) or ward/place name           required
//	kind        community_meeting | partner_meeting | board |      default community_meeting
//	            forum | event
//	title       free text                                           optional
//	location    free text                                           optional
//	attendance  whole number                                        optional
//	concerns    the concerns raised, separated by |                 optional
//	actions     what was done, separated by |, matched to           optional
//	            concerns by position (may be shorter; leave a part
//	            empty for a concern with no action: "|patrols")
//	action_by   who did each action: police | council |             optional
//	            partnership | other_agency, by position
//	action_dates  when each action was done, YYYY-MM-DD, by position  optional
//	outcomes    each concern's outcome: resolved | ongoing |        optional
//	            no_further_action | referred, by position
//	outcome_dates  as of when, YYYY-MM-DD, by position               with outcomes
//	outcome_notes  a short note a resident may read, by position     optional
//
// Follow-ups ("you said, we did", docs/events.md): an action whose source
// gives who did it and when (action_by and action_dates) is sent as an
// action event for its concern; one that does not stays the concern's
// free-text action (an undated action: the concern counts as actioned). An
// outcome needs its date. Giving who without when (or the reverse), an
// outcome without a date, a note without an outcome, or a follow-up dated
// before the meeting is a bad row: nothing is guessed.
//
// Example: testdata/csvimport/meetings-example.csv.
//
// A date alone becomes the event's `date` (the day is known, the hour is
// not); a date and time is read as the clock on the wall in Cleveland
// (Europe/London, so 18:30 in July is 17:30 UTC) and sent as `occurred_at`.
// The ward is sent as written; ingest resolves it at the meeting's date and
// rejects what it cannot place, and the import reports that by line. Each
// concern has the meeting's ward and time and its meeting_id.
//
// # Ids and re-imports
//
// Event ids are UUID v5 of the document name, the line number and the row's
// content, so importing the same file twice changes nothing (ingest answers
// "duplicate"); an edited row gets new ids. Source is {name: "csv-import",
// document: <file base name>, line: N}.
//
// # Bad rows
//
// A bad row (a bad date, an unknown kind, a non-integer attendance, more
// actions than concerns, a wrong number of fields, broken quoting) is
// skipped and the rest of the file is still read and sent: one typo should
// not hold back a year's log, and the good rows' ids do not depend on the
// bad ones, so the fixed file can simply be imported again. Read then
// returns a *BadRowsError listing every bad row by line and column, and the
// command exits non-zero.
package csvimport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/London without relying on the host's zoneinfo

	"github.com/google/uuid"

	"github.com/wardpulse/wardpulse/schemas"
)

// Sentinel errors a RowError wraps; callers branch on them with errors.Is.
var (
	// ErrBadDate is returned when date is not YYYY-MM-DD or YYYY-MM-DD HH:MM.
	ErrBadDate = errors.New("bad date")
	// ErrMissingWard is returned when ward is empty.
	ErrMissingWard = errors.New("missing ward")
	// ErrUnknownKind is returned when kind is not one of the schema's meeting kinds.
	ErrUnknownKind = errors.New("unknown meeting kind")
	// ErrBadAttendance is returned when attendance is not a whole number.
	ErrBadAttendance = errors.New("bad attendance")
	// ErrTooManyActions is returned when an action has no concern at its position.
	ErrTooManyActions = errors.New("action without a concern")
	// ErrFieldCount is returned when a row has more or fewer fields than the header.
	ErrFieldCount = errors.New("wrong number of fields")
	// ErrBadFollowUp is returned when an action's who or when, or an
	// outcome's status, date or note, is missing, unknown or impossible.
	ErrBadFollowUp = errors.New("bad follow-up")
	// ErrQuoting is returned when a row's CSV quoting is broken.
	ErrQuoting = errors.New("bad quoting")
	// ErrBadHeader is returned when the header lacks date or ward, or has an unknown or repeated column.
	ErrBadHeader = errors.New("bad header")
	// ErrBadRows is matched (errors.Is) by the *BadRowsError Read returns when rows were skipped.
	ErrBadRows = errors.New("bad rows were skipped")
)

// Columns lists the columns a meeting log may have, in the usual order.
var Columns = []string{"date", "ward", "kind", "title", "location", "attendance", "concerns", "actions",
	"action_by", "action_dates", "outcomes", "outcome_dates", "outcome_notes"}

// RowError is one bad row: where it is and what is wrong. Column is the
// column's name, empty when the fault is the row's shape.
type RowError struct {
	Document string
	Line     int
	Column   string
	Reason   string
	Err      error // one of the sentinels above
}

func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s line %d: %s", e.Document, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s line %d column %s: %s", e.Document, e.Line, e.Column, e.Reason)
}

func (e *RowError) Unwrap() error { return e.Err }

// BadRowsError is what Read returns when it skipped rows; the good rows
// were emitted.
type BadRowsError struct {
	Document string
	Rows     []*RowError
}

func (e *BadRowsError) Error() string {
	return fmt.Sprintf("%s: %d rows were bad and skipped (first: %s)", e.Document, len(e.Rows), e.Rows[0])
}

// Is makes errors.Is(err, ErrBadRows) true.
func (e *BadRowsError) Is(target error) bool { return target == ErrBadRows }

// Unwrap returns the row errors, so errors.As finds a *RowError and
// errors.Is a row's sentinel.
func (e *BadRowsError) Unwrap() []error {
	out := make([]error, len(e.Rows))
	for i, r := range e.Rows {
		out[i] = r
	}
	return out
}

var kinds = map[string]bool{schemas.KindCommunityMeeting: true, schemas.KindPartnerMeeting: true, schemas.KindBoard: true, schemas.KindForum: true, schemas.KindEvent: true}

// Read parses a meeting log and calls emit, in file order, with each good
// row's line and events (the meeting first, then its concerns). document
// names the file in errors, ids and source.document; pass the base name, so
// the same file imported from another directory keeps its ids.
//
// It returns nil when every row was good, a *BadRowsError (errors.Is
// ErrBadRows) when rows were skipped, and any other error when it stopped
// early: a bad header (wrapping ErrBadHeader), an unreadable input, or
// emit's error, returned as it is.
func Read(r io.Reader, document string, emit func(line int, evs []schemas.Event) error) error {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		return fmt.Errorf("loading the Europe/London time zone: %w", err)
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: empty file, expected a header row (%s): %w", document, strings.Join(Columns, ","), ErrBadHeader)
		}
		return fmt.Errorf("%s: reading the header: %w", document, err)
	}
	col, err := columns(header, document)
	if err != nil {
		return err
	}
	bad := &BadRowsError{Document: document}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return fmt.Errorf("%s: reading: %w", document, err)
			}
			// encoding/csv resumes at the next record after a quoting error.
			bad.Rows = append(bad.Rows, &RowError{Document: document, Line: pe.StartLine, Reason: pe.Err.Error(), Err: ErrQuoting})
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			bad.Rows = append(bad.Rows, &RowError{Document: document, Line: line, Err: ErrFieldCount,
				Reason: fmt.Sprintf("%d fields, the header has %d", len(rec), len(header))})
			continue
		}
		evs, rerr := row(rec, col, document, line, london)
		if rerr != nil {
			bad.Rows = append(bad.Rows, rerr)
			continue
		}
		if err := emit(line, evs); err != nil {
			return err
		}
	}
	if len(bad.Rows) > 0 {
		return bad
	}
	return nil
}

func columns(header []string, document string) (map[string]int, error) {
	known := map[string]bool{}
	for _, c := range Columns {
		known[c] = true
	}
	col := map[string]int{}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !known[name] {
			return nil, fmt.Errorf("%s line 1 column %d: unknown column %q (known: %s): %w", document, i+1, h, strings.Join(Columns, ","), ErrBadHeader)
		}
		if _, dup := col[name]; dup {
			return nil, fmt.Errorf("%s line 1 column %d: column %q appears twice: %w", document, i+1, name, ErrBadHeader)
		}
		col[name] = i
	}
	for _, need := range []string{"date", "ward"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s line 1: missing column %q (header: %s): %w", document, need, strings.Join(header, ","), ErrBadHeader)
		}
	}
	return col, nil
}

func row(rec []string, col map[string]int, document string, line int, london *time.Location) ([]schemas.Event, *RowError) {
	get := func(name string) string {
		if i, ok := col[name]; ok {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	fail := func(column string, err error, format string, args ...any) *RowError {
		return &RowError{Document: document, Line: line, Column: column, Reason: fmt.Sprintf(format, args...), Err: err}
	}
	ds := get("date")
	var occurred *time.Time
	var day string
	if t, err := time.ParseInLocation("2006-01-02 15:04", ds, london); err == nil {
		t = t.UTC()
		occurred = &t
	} else if _, err := time.Parse(time.DateOnly, ds); err == nil {
		day = ds
	} else {
		return nil, fail("date", ErrBadDate, "%q is not YYYY-MM-DD or YYYY-MM-DD HH:MM", ds)
	}
	ward := get("ward")
	if ward == "" {
		return nil, fail("ward", ErrMissingWard, "empty; give an ONS ward code or a ward name")
	}
	kind := get("kind")
	if kind == "" {
		kind = schemas.KindCommunityMeeting
	}
	if !kinds[kind] {
		return nil, fail("kind", ErrUnknownKind, "%q is not one of community_meeting, partner_meeting, board, forum, event", kind)
	}
	att := 0
	if a := get("attendance"); a != "" {
		n, err := strconv.Atoi(a)
		if err != nil || n < 0 {
			return nil, fail("attendance", ErrBadAttendance, "%q is not a whole number", a)
		}
		att = n
	}
	concerns, actions := splitBar(get("concerns")), splitBar(get("actions"))
	for i, a := range actions {
		if a != "" && (i >= len(concerns) || concerns[i] == "") {
			return nil, fail("actions", ErrTooManyActions, "action %d (%q) has no concern at the same position", i+1, a)
		}
	}
	meetingDay := day
	if occurred != nil {
		meetingDay = occurred.In(london).Format(time.DateOnly)
	}
	fus, ferr := followUps(get, concerns, actions, meetingDay)
	if ferr != nil {
		return nil, fail(ferr.column, ErrBadFollowUp, "%s", ferr.reason)
	}

	content := strings.Join(rec, "\x1f")
	id := func(part string) string {
		return uuid.NewSHA1(uuid.NameSpaceURL, []byte(fmt.Sprintf("wardpulse-csv/%s/%d/%s/%s", document, line, part, content))).String()
	}
	src := &schemas.Source{Name: "csv-import", Document: document, Line: line}
	mid := id("meeting")
	evs := []schemas.Event{{EventID: mid, Type: schemas.TypeMeeting, SchemaVersion: schemas.CurrentVersion, OccurredAt: occurred, Date: day,
		Source: src, Ward: ward, Meeting: &schemas.Meeting{Kind: kind, Title: get("title"), Location: get("location"), Attendance: att}}}
	for i, text := range concerns {
		if text == "" {
			continue
		}
		c := schemas.Event{EventID: id("concern/" + strconv.Itoa(i)), Type: schemas.TypeConcern, SchemaVersion: schemas.CurrentVersion,
			OccurredAt: occurred, Date: day, Source: src, Ward: ward, Concern: &schemas.Concern{MeetingID: mid, Text: text}}
		f := fus[i]
		if i < len(actions) && f.by == "" {
			c.Concern.Action = actions[i] // who or when not given: the concern's own text
		}
		evs = append(evs, c)
		if f.by != "" {
			evs = append(evs, schemas.Event{EventID: id("action/" + strconv.Itoa(i)), Type: schemas.TypeAction, SchemaVersion: schemas.CurrentVersion,
				Date: f.actionDate, Source: src, Action: &schemas.Action{ConcernID: c.EventID, By: f.by, Text: actions[i]}})
		}
		if f.status != "" {
			evs = append(evs, schemas.Event{EventID: id("outcome/" + strconv.Itoa(i)), Type: schemas.TypeOutcome, SchemaVersion: schemas.CurrentVersion,
				Date: f.outcomeDate, Source: src, Outcome: &schemas.Outcome{ConcernID: c.EventID, Status: f.status, Note: f.note}})
		}
	}
	return evs, nil
}

// followUp is what a row says was done about its i-th concern.
type followUp struct {
	by, actionDate            string // both or neither
	status, outcomeDate, note string
}

type followUpError struct{ column, reason string }

// followUps reads the follow-up columns, one entry per concern position.
func followUps(get func(string) string, concerns, actions []string, meetingDay string) ([]followUp, *followUpError) {
	by, adates := splitBar(get("action_by")), splitBar(get("action_dates"))
	outs, odates, notes := splitBar(get("outcomes")), splitBar(get("outcome_dates")), splitBar(get("outcome_notes"))
	at := func(s []string, i int) string {
		if i < len(s) {
			return s[i]
		}
		return ""
	}
	for _, c := range []struct {
		name  string
		parts []string
	}{{"action_by", by}, {"action_dates", adates}, {"outcomes", outs}, {"outcome_dates", odates}, {"outcome_notes", notes}} {
		for i, v := range c.parts {
			if v != "" && at(concerns, i) == "" {
				return nil, &followUpError{c.name, fmt.Sprintf("part %d (%q) has no concern at the same position", i+1, v)}
			}
		}
	}
	date := func(column, v string, i int) *followUpError {
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return &followUpError{column, fmt.Sprintf("part %d: %q is not YYYY-MM-DD", i+1, v)}
		}
		if v < meetingDay {
			return &followUpError{column, fmt.Sprintf("part %d: %s is before the meeting (%s)", i+1, v, meetingDay)}
		}
		return nil
	}
	out := make([]followUp, len(concerns))
	for i := range concerns {
		f := followUp{by: at(by, i), actionDate: at(adates, i), status: at(outs, i), outcomeDate: at(odates, i), note: at(notes, i)}
		switch {
		case (f.by == "") != (f.actionDate == ""):
			return nil, &followUpError{"action_by", fmt.Sprintf("part %d: give both who did the action (action_by) and when (action_dates), or neither", i+1)}
		case f.by != "" && at(actions, i) == "":
			return nil, &followUpError{"action_by", fmt.Sprintf("part %d: who and when are given but the action itself (actions) is empty", i+1)}
		case f.by != "" && !schemas.IsAgency(f.by):
			return nil, &followUpError{"action_by", fmt.Sprintf("part %d: %q is not police, council, partnership or other_agency", i+1, f.by)}
		case f.status != "" && !schemas.IsOutcomeStatus(f.status):
			return nil, &followUpError{"outcomes", fmt.Sprintf("part %d: %q is not resolved, ongoing, no_further_action or referred", i+1, f.status)}
		case (f.status == "") != (f.outcomeDate == ""):
			return nil, &followUpError{"outcome_dates", fmt.Sprintf("part %d: give an outcome (outcomes) and its date (outcome_dates) together", i+1)}
		case f.note != "" && f.status == "":
			return nil, &followUpError{"outcome_notes", fmt.Sprintf("part %d: a note without an outcome", i+1)}
		}
		if f.actionDate != "" {
			if err := date("action_dates", f.actionDate, i); err != nil {
				return nil, err
			}
		}
		if f.outcomeDate != "" {
			if err := date("outcome_dates", f.outcomeDate, i); err != nil {
				return nil, err
			}
		}
		out[i] = f
	}
	return out, nil
}

// splitBar splits a |-separated cell into trimmed parts, keeping empty
// parts in the middle so actions stay matched to concerns by position
// ("|patrols" is no action for the first concern, patrols for the second)
// and dropping empty parts at the end, so "" and "a|" mean none and a.
func splitBar(s string) []string {
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}
