package aggregate

import (
	"context"
	"fmt"

	"github.com/segmentio/kafka-go"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas"
)

// logVersion is an entity's latest version before an offset, rebuilt from
// the log: d is the message of its latest meeting, concern, action or
// outcome event (the content), withdrawn and offset those of its latest
// event of any kind.
type logVersion struct {
	d         decoded
	withdrawn bool
	offset    int64
}

// previousFromLog rebuilds entity id's latest version below off from the
// events it is made of, when the table that holds its versions is ahead of
// the batch (Lookup.Ahead): after a crash between tables, a batch is redone
// against tables that already hold its later versions, and a merge may have
// replaced the version it must find. The events table says which events
// were processed (it keeps every row), and the log says what they said: a
// version is a pure function of its event (the version a withdrawal copies
// is the one before it). It returns nil when the entity has no version of
// type typ there, as the table lookup would.
func (a *Aggregator) previousFromLog(ctx context.Context, partition int, id string, off int64, typ string, look Lookup) (*logVersion, error) {
	vs, err := look.Versions(ctx, partition, id, off)
	if err != nil || len(vs) == 0 {
		return nil, err
	}
	content := -1 // the latest event that carries content
	for i, v := range vs {
		if v.Type == schemas.TypeWithdrawal {
			continue
		}
		if v.Type != typ {
			return nil, nil // another kind of entity
		}
		content = i
	}
	if content < 0 {
		return nil, nil
	}
	log, ok := look.(Log)
	if !ok {
		return nil, fmt.Errorf("partition %d offset %d: rebuilding the version of %s stored from offset %d needs the log (the table already holds later versions), and this lookup cannot read it",
			partition, off, id, vs[content].Offset)
	}
	value, err := log.Message(ctx, partition, vs[content].Offset)
	if err != nil {
		return nil, fmt.Errorf("reading version of %s at partition %d offset %d back from the log: %w", id, partition, vs[content].Offset, err)
	}
	msg := &kafka.Message{Partition: partition, Offset: vs[content].Offset, Value: value}
	d, reason := a.decode(msg)
	if reason != "" {
		return nil, fmt.Errorf("version of %s at partition %d offset %d was stored but no longer decodes: %s", id, partition, msg.Offset, reason)
	}
	last := vs[len(vs)-1]
	return &logVersion{d: d, withdrawn: last.Type == schemas.TypeWithdrawal, offset: last.Offset}, nil
}

// previous returns the latest version of id below off: what the table
// answers (stored), or, when the table is ahead of the batch, the version
// rebuilt from the log by build (content, whether withdrawn since, and the
// offset of its latest event).
func previous[R any](ctx context.Context, a *Aggregator, look Lookup, t chsink.Table, typ string, partition int, id string, off int64,
	stored func() (*R, error), build func(d decoded, withdrawn bool, at int64) R) (*R, error) {
	if !look.Ahead(partition, t, off) {
		return stored()
	}
	v, err := a.previousFromLog(ctx, partition, id, off, typ, look)
	if v == nil || err != nil {
		return nil, err
	}
	r := build(v.d, v.withdrawn, v.offset)
	return &r, nil
}

// The row builders make the version event d stores, as of offset at
// (its own, or a later withdrawal's: withdrawn).

// meetingRow is the row of a meeting event.
func (a *Aggregator) meetingRow(d decoded, withdrawn bool, at int64) chsink.MeetingRow {
	ev := d.ev
	return chsink.MeetingRow{
		MeetingID: ev.EntityID(), OccurredAt: d.at, WardCode: d.res.WardCode, WardName: d.res.WardName, LADCode: d.res.LADCode,
		LADName: d.res.LADName, Place: a.red.Redact(ev.Place), Kind: ev.Meeting.Kind, Title: a.red.Redact(ev.Meeting.Title),
		Location:   a.red.Redact(ev.Meeting.Location),
		Attendance: uint32(ev.Meeting.Attendance), Themes: sortedUnique(ev.Themes), Source: sourceName(ev), Withdrawn: withdrawn, Offset: at,
		DatePrecision: datePrecision(ev),
	}
}

// concernRow is the row of a concern event: its themes are the taxonomy's
// and staff's.
func (a *Aggregator) concernRow(d decoded, withdrawn bool, at int64) chsink.ConcernRow {
	ev := d.ev
	cls := a.tax.Classify(ev.Concern.Text)
	themes := cls.Themes // sorted and unique
	if themes == nil {
		themes = []string{}
	}
	if len(ev.Themes) > 0 {
		themes = sortedUnique(append(append([]string{}, cls.Themes...), ev.Themes...))
	}
	matched := make([]string, 0, len(cls.Matches))
	for _, m := range cls.Matches {
		matched = append(matched, m.Theme+":"+m.Phrase)
	}
	return chsink.ConcernRow{
		ConcernID: ev.EntityID(), OccurredAt: d.at, WardCode: d.res.WardCode, WardName: d.res.WardName, LADCode: d.res.LADCode,
		LADName: d.res.LADName, Place: a.red.Redact(ev.Place), MeetingID: ev.Concern.MeetingID, Text: a.red.Redact(ev.Concern.Text),
		Themes: themes, StaffThemes: sortedUnique(ev.Themes), Matched: sortedUnique(matched), Action: a.red.Redact(ev.Concern.Action),
		TaxonomyVersion: a.tax.Version, Source: sourceName(ev), Withdrawn: withdrawn, Offset: at,
		DatePrecision: datePrecision(ev),
	}
}

// actionRow is the row of an action event.
func (a *Aggregator) actionRow(d decoded, withdrawn bool, at int64) chsink.ActionRow {
	ev := d.ev
	return chsink.ActionRow{ActionID: ev.EntityID(), ConcernID: ev.Action.ConcernID, OccurredAt: d.at, Agency: ev.Action.By,
		Text: a.red.Redact(ev.Action.Text), Source: sourceName(ev), Withdrawn: withdrawn, Offset: at, DatePrecision: datePrecision(ev)}
}

// outcomeRow is the row of an outcome event.
func (a *Aggregator) outcomeRow(d decoded, withdrawn bool, at int64) chsink.OutcomeRow {
	ev := d.ev
	return chsink.OutcomeRow{OutcomeID: ev.EntityID(), ConcernID: ev.Outcome.ConcernID, OccurredAt: d.at, Status: ev.Outcome.Status,
		Note: a.red.Redact(ev.Outcome.Note), Source: sourceName(ev), Withdrawn: withdrawn, Offset: at, DatePrecision: datePrecision(ev)}
}
