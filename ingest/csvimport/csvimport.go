// Package csvimport reads meeting logs kept as CSV and turns each row into a
// meeting event and one concern event per concern raised.
//
// Columns (header required, in any order; names are case-insensitive):
//
//	date        YYYY-MM-DD or YYYY-MM-DD HH:MM (UTC)          required
//	ward        ONS ward code (E05...) or ward/place name      required
//	kind        community_meeting | partner_meeting | board |  default community_meeting
//	            forum | event
//	title       free text                                      optional
//	location    free text                                      optional
//	attendance  whole number                                   optional
//	concerns    the concerns raised, separated by |            optional
//	actions     what was done, separated by |, matched to      optional
//	            concerns by position (may be shorter)
//
// Event ids are UUID v5 of the document name, the line number and the row's
// content, so importing the same file twice changes nothing. A bad row is
// reported with its line and column and skipped; good rows are still sent,
// and the import ends with an error saying how many rows were bad.
package csvimport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/wardpulse/wardpulse/schemas"
)

// RowError is a bad row: where it is and what is wrong.
type RowError struct {
	Document string
	Line     int
	Column   string
	Reason   string
}

func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s line %d: %s", e.Document, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s line %d column %s: %s", e.Document, e.Line, e.Column, e.Reason)
}

// ErrBadRows is returned (wrapped) by Read when at least one row was skipped.
var ErrBadRows = errors.New("bad rows were skipped")

var kinds = map[string]bool{schemas.KindCommunityMeeting: true, schemas.KindPartnerMeeting: true, schemas.KindBoard: true, schemas.KindForum: true, schemas.KindEvent: true}

// Read parses the CSV and calls emit with the events of each good row, and
// bad with each bad row's error (bad may be nil). It returns ErrBadRows
// (wrapped, with the count) when rows were skipped, or the error that
// stopped it (an unreadable file, a missing column, emit's error).
func Read(r io.Reader, document string, emit func(line int, evs []schemas.Event) error, bad func(*RowError)) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: empty file, expected a header row", document)
		}
		return fmt.Errorf("%s: reading header: %w", document, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"date", "ward"} {
		if _, ok := col[need]; !ok {
			return fmt.Errorf("%s line 1: missing column %q (header: %s)", document, need, strings.Join(header, ","))
		}
	}
	nBad := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				nBad++
				if bad != nil {
					bad(&RowError{Document: document, Line: pe.Line, Reason: pe.Err.Error()})
				}
				continue
			}
			return fmt.Errorf("%s: reading: %w", document, err)
		}
		if len(rec) != len(header) {
			nBad++
			if bad != nil {
				bad(&RowError{Document: document, Line: line, Reason: fmt.Sprintf("%d fields, the header has %d", len(rec), len(header))})
			}
			continue
		}
		evs, rerr := row(rec, col, document, line)
		if rerr != nil {
			nBad++
			if bad != nil {
				bad(rerr)
			}
			continue
		}
		if err := emit(line, evs); err != nil {
			return err
		}
	}
	if nBad > 0 {
		return fmt.Errorf("%s: %d rows: %w", document, nBad, ErrBadRows)
	}
	return nil
}

func row(rec []string, col map[string]int, document string, line int) ([]schemas.Event, *RowError) {
	get := func(name string) string {
		if i, ok := col[name]; ok {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	fail := func(column, reason string) *RowError {
		return &RowError{Document: document, Line: line, Column: column, Reason: reason}
	}
	ds := get("date")
	var at time.Time
	var err error
	if at, err = time.Parse("2006-01-02 15:04", ds); err != nil {
		if at, err = time.Parse(time.DateOnly, ds); err != nil {
			return nil, fail("date", fmt.Sprintf("%q is not YYYY-MM-DD or YYYY-MM-DD HH:MM", ds))
		}
	}
	ward := get("ward")
	if ward == "" {
		return nil, fail("ward", "empty")
	}
	kind := get("kind")
	if kind == "" {
		kind = schemas.KindCommunityMeeting
	}
	if !kinds[kind] {
		return nil, fail("kind", fmt.Sprintf("%q is not one of community_meeting, partner_meeting, board, forum, event", kind))
	}
	att := 0
	if a := get("attendance"); a != "" {
		if att, err = strconv.Atoi(a); err != nil || att < 0 {
			return nil, fail("attendance", fmt.Sprintf("%q is not a whole number", a))
		}
	}
	content := strings.Join(rec, "\x1f")
	id := func(part string) string {
		return uuid.NewSHA1(uuid.NameSpaceURL, []byte(fmt.Sprintf("wardpulse-csv/%s/%d/%s/%s", document, line, part, content))).String()
	}
	src := &schemas.Source{Name: "csv-import", Document: document, Line: line}
	mid := id("meeting")
	meeting := schemas.Event{EventID: mid, Type: schemas.TypeMeeting, SchemaVersion: schemas.CurrentVersion, OccurredAt: &at, Source: src,
		Ward: ward, Meeting: &schemas.Meeting{Kind: kind, Title: get("title"), Location: get("location"), Attendance: att}}
	evs := []schemas.Event{meeting}
	actions := splitBar(get("actions"))
	for i, text := range splitBar(get("concerns")) {
		c := schemas.Event{EventID: id("concern/" + strconv.Itoa(i)), Type: schemas.TypeConcern, SchemaVersion: schemas.CurrentVersion,
			OccurredAt: &at, Source: src, Ward: ward, Concern: &schemas.Concern{MeetingID: mid, Text: text}}
		if i < len(actions) {
			c.Concern.Action = actions[i]
		}
		evs = append(evs, c)
	}
	return evs, nil
}

func splitBar(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
