// Package aggregate turns a batch of Kafka messages of one partition into the
// rows and ward x theme x day count deltas that processors/chsink stores:
// it validates each event, resolves its place to a ward boundary-aware,
// classifies concern text with the versioned taxonomy (keeping which phrase
// matched), redacts personal data from every free-text field it stores
// (concern text and action, meeting title and location, place) and from
// dead-letter reasons (which quote places), drops duplicate event ids (the first
// occurrence on the log wins) and applies corrections and withdrawals as
// negative deltas for the version they replace.
//
// Build is deterministic given the log and the tables' contents below each
// message's offset, which is what makes a re-processed batch and a full
// replay produce the same counts. A message that cannot be processed is
// returned as a dead letter with the reason; it never fails the batch.
package aggregate

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/processors/redact"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// Unclassified is the theme a concern is counted under in concern_daily when
// neither staff nor the taxonomy gave it one, so totals per ward add up.
const Unclassified = "unclassified"

// Lookup reads what earlier batches stored. chsink.Sink implements it.
type Lookup interface {
	EventLocations(ctx context.Context, ids []string) (map[string]chsink.Loc, error)
	// PreviousConcern looks in the ward given first (the one the new
	// version names), then anywhere.
	PreviousConcern(ctx context.Context, partition int, id string, before int64, ward string) (*chsink.ConcernRow, error)
	PreviousMeeting(ctx context.Context, partition int, id string, before int64) (*chsink.MeetingRow, error)
	PreviousAction(ctx context.Context, partition int, id string, before int64) (*chsink.ActionRow, error)
	PreviousOutcome(ctx context.Context, partition int, id string, before int64) (*chsink.OutcomeRow, error)
	// Ahead reports whether the Previous* lookup of table t cannot be
	// trusted below offset before (see chsink.Sink.Ahead); Build then
	// rebuilds the version from the log (Versions, Log).
	Ahead(partition int, t chsink.Table, before int64) bool
	// Versions lists an entity's stored events below offset before.
	Versions(ctx context.Context, partition int, id string, before int64) ([]chsink.Version, error)
}

// Log reads one message back from the events topic. A Lookup that also
// implements it lets Build rebuild a previous version that a table no longer
// holds (Lookup.Ahead); without it such a batch fails rather than count
// against a wrong version.
type Log interface {
	Message(ctx context.Context, partition int, offset int64) ([]byte, error)
}

// DeadLetter is a message that cannot be processed, and why.
type DeadLetter struct {
	Message kafka.Message
	Reason  string
}

// Duplicate is a message whose event id was already stored or seen earlier
// in the batch. Build drops it (the first occurrence wins); the caller checks
// that it says the same as the first (processors/pipeline sends an id reused
// for other content to the dead-letter topic rather than drop it unseen).
type Duplicate struct {
	Message *kafka.Message // into the batch
	Event   *schemas.Event
	First   chsink.Loc     // where the first occurrence was stored from
	Earlier *schemas.Event // the first occurrence when it is in this batch; nil when stored by an earlier batch
}

// Result is what Build made of a batch.
type Result struct {
	Batch       chsink.Batch
	DeadLetters []DeadLetter
	Duplicates  int
	Dups        []Duplicate // one per duplicate counted in Duplicates
	Processed   int
	bufs        *buffers // the row slices' backing arrays, for Release
}

// Aggregator builds batches. It holds no state between calls and is safe for
// concurrent use.
type Aggregator struct {
	gaz       *gazetteer.Gazetteer
	tax       *taxonomy.Taxonomy
	validator *schemas.Validator
	red       *redact.Redactor
	bufs      sync.Pool // of *buffers
}

// buffers are the slices one Build fills. They are a third of what a batch
// allocates (10,000 messages: about 14 MB), and a fresh batch's are fresh
// pages the kernel must zero, so a stored batch's are reused (Release).
type buffers struct {
	decoded  []decoded
	ids      []string
	events   []chsink.EventRow
	concerns []chsink.ConcernRow
	cells    []chsink.CellDelta
}

// grow returns s emptied, with room for n elements.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

func (a *Aggregator) getBuffers(n int) *buffers {
	b, _ := a.bufs.Get().(*buffers)
	if b == nil {
		b = &buffers{}
	}
	b.decoded, b.ids = grow(b.decoded, n), grow(b.ids, n)
	b.events, b.concerns, b.cells = grow(b.events, n), grow(b.concerns, n), grow(b.cells, 2*n)
	return b
}

// Release hands the row slices of a Result back for a later Build to reuse.
// Call it at most once, when nothing refers to the Result's rows any more
// (the sink's Write has returned); the Result must not be used after it.
func (a *Aggregator) Release(r *Result) {
	if r.bufs == nil {
		return
	}
	b := r.bufs
	// The batch's slices, grown or not, cleared so that the pool does not
	// keep the rows' strings alive: only up to their length, as nothing
	// past it was written since they were last cleared (or made).
	clear(r.Batch.Events)
	clear(r.Batch.Concerns)
	clear(r.Batch.Cells)
	b.events, b.concerns, b.cells = r.Batch.Events[:0], r.Batch.Concerns[:0], r.Batch.Cells[:0]
	*r = Result{}
	a.bufs.Put(b)
}

// New returns an Aggregator using the gazetteer and taxonomy given.
func New(gaz *gazetteer.Gazetteer, tax *taxonomy.Taxonomy, validator *schemas.Validator) (*Aggregator, error) {
	if gaz == nil || tax == nil || validator == nil {
		return nil, errors.New("aggregate: gazetteer, taxonomy and validator are required")
	}
	// The redactor keeps the gazetteer's names and the taxonomy's phrases:
	// "residents called Park End" is a place, not a person.
	red := redact.New(append(gaz.Names(), tax.Phrases()...))
	return &Aggregator{gaz: gaz, tax: tax, validator: validator, red: red}, nil
}

// TaxonomyVersion is the version of the taxonomy stamped on every row.
func (a *Aggregator) TaxonomyVersion() string { return a.tax.Version }

type decoded struct {
	msg *kafka.Message // into the batch: a copy per message was 2.5 MB per batch
	ev  *schemas.Event
	at  time.Time
	res gazetteer.Resolution
}

// Build processes msgs, which must be consecutive messages of one partition
// in offset order.
func (a *Aggregator) Build(ctx context.Context, partition int, msgs []kafka.Message, look Lookup) (Result, error) {
	var out Result
	if len(msgs) == 0 {
		return out, nil
	}
	out.Batch.Partition = partition
	out.Batch.Next = msgs[len(msgs)-1].Offset + 1

	// Sized up front: growing these slices (and the batch's row slices)
	// was a fifth of the processor's CPU in memmove.
	bufs := a.getBuffers(len(msgs))
	out.bufs = bufs
	ok, ids := bufs.decoded, bufs.ids
	defer func() {
		// decoded and ids do not outlive Build: back into the buffers,
		// cleared (they point at events and messages).
		clear(ok)
		clear(ids)
		bufs.decoded, bufs.ids = ok[:0], ids[:0]
	}()
	out.Batch.Events, out.Batch.Concerns, out.Batch.Cells = bufs.events, bufs.concerns, bufs.cells
	for i := range msgs {
		d, reason := a.decode(&msgs[i])
		if reason != "" {
			out.DeadLetters = append(out.DeadLetters, DeadLetter{Message: msgs[i], Reason: a.red.Redact(reason)})
			continue
		}
		ok = append(ok, d)
		ids = append(ids, d.ev.EventID)
	}
	stored, err := look.EventLocations(ctx, ids)
	if err != nil {
		return out, err
	}
	seen := make(map[string]int, len(ok)) // id -> index in ok of its first occurrence
	// The batch's own latest versions of meetings and concerns (indices
	// into the batch's rows), for corrections that follow their original
	// within one batch.
	local := locals{concerns: map[string]int{}, meetings: map[string]int{}, actions: map[string]int{}, outcomes: map[string]int{}}
	for i, d := range ok {
		id := d.ev.EventID
		loc, found := stored[id]
		if found && (loc.Partition != partition || loc.Offset != d.msg.Offset) {
			out.Duplicates++
			out.Dups = append(out.Dups, Duplicate{Message: d.msg, Event: d.ev, First: loc})
			continue
		}
		if j, dup := seen[id]; dup {
			out.Duplicates++
			out.Dups = append(out.Dups, Duplicate{Message: d.msg, Event: d.ev, First: chsink.Loc{Partition: partition, Offset: ok[j].msg.Offset}, Earlier: ok[j].ev})
			continue
		}
		seen[id] = i
		events := len(out.Batch.Events)
		if reason, err := a.apply(ctx, partition, d, look, &out.Batch, &local); err != nil {
			return out, err
		} else if reason != "" {
			// apply adds the events row first: a dead letter has none
			// (the audit, and Versions, read the events table as what was
			// processed).
			out.Batch.Events = out.Batch.Events[:events]
			out.DeadLetters = append(out.DeadLetters, DeadLetter{Message: *d.msg, Reason: a.red.Redact(reason)})
			continue
		}
		out.Processed++
	}
	return out, nil
}

// decode validates a message and resolves its place; a non-empty reason
// means the message is a dead letter.
func (a *Aggregator) decode(m *kafka.Message) (decoded, string) {
	ev, err := a.validator.Decode(m.Value)
	if err != nil {
		return decoded{}, err.Error()
	}
	if ev.EventID == "" {
		return decoded{}, "event_id: missing (ingest assigns one; was this message written by another producer?)"
	}
	at, err := ev.When()
	if err != nil {
		return decoded{}, err.Error()
	}
	var res gazetteer.Resolution
	if ev.HasPlace() || !(ev.IsFollowUp() || ev.Type == schemas.TypeWithdrawal) {
		// Follow-ups have no place (their concern's applies), and a
		// withdrawal need not give one.
		place := firstNonEmpty(ev.WardCode, ev.Ward, ev.LADCode, ev.Place)
		if res, err = a.gaz.Resolve(place, at); err != nil {
			return decoded{}, fmt.Sprintf("ward: %v", err)
		}
	}
	for _, th := range ev.Themes {
		if !a.tax.Has(th) {
			return decoded{}, fmt.Sprintf("themes: unknown theme %q (taxonomy %s)", th, a.tax.Version)
		}
	}
	return decoded{msg: m, ev: ev, at: at, res: res}, ""
}

// locals are the batch's own latest versions of each entity (indices into
// the batch's rows), for corrections and withdrawals that follow their
// original within one batch.
type locals struct {
	concerns, meetings, actions, outcomes map[string]int
}

func (a *Aggregator) apply(ctx context.Context, partition int, d decoded, look Lookup, b *chsink.Batch, local *locals) (string, error) {
	concerns, meetings := local.concerns, local.meetings
	ev, off := d.ev, d.msg.Offset
	recorded := d.at
	if ev.RecordedAt != nil {
		recorded = ev.RecordedAt.UTC()
	}
	b.Events = append(b.Events, chsink.EventRow{
		EventID: ev.EventID, Type: ev.Type, SchemaVersion: uint16(ev.SchemaVersion), OccurredAt: d.at, RecordedAt: recorded,
		Source: sourceName(ev), WardCode: d.res.WardCode, LADCode: d.res.LADCode, Supersedes: ev.Supersedes,
		Offset: off, // the raw payload stays on the log: it holds the unredacted text
	})
	entity := ev.EntityID()
	switch ev.Type {
	case schemas.TypeMeeting:
		if ev.Supersedes != "" {
			prev, err := a.previousMeeting(ctx, partition, entity, off, look, b, meetings)
			if err != nil {
				return "", err
			}
			if prev == nil {
				return fmt.Sprintf("supersedes: meeting %s is not on this partition before offset %d (ingest keys every version by the original's id, so it is on this partition unless the original was never sent or the message came from another producer)", entity, off), nil
			}
		}
		b.Meetings = append(b.Meetings, a.meetingRow(d, false, off))
		meetings[entity] = len(b.Meetings) - 1
	case schemas.TypeConcern:
		var prev *chsink.ConcernRow // a copy: b.Concerns may move when it grows
		if ev.Supersedes != "" {
			var err error
			if prev, err = a.previousConcern(ctx, partition, entity, off, d.res.WardCode, look, b, concerns); err != nil {
				return "", err
			}
			if prev == nil {
				return fmt.Sprintf("supersedes: concern %s is not on this partition before offset %d (ingest keys every version by the original's id, so it is on this partition unless the original was never sent or the message came from another producer)", entity, off), nil
			}
		}
		r := a.concernRow(d, false, off)
		if prev != nil && !prev.Withdrawn {
			b.Cells = appendCells(b.Cells, prev, -1, off)
			if prev.WardCode != r.WardCode {
				// concerns is sorted by (ward_code, concern_id): the new
				// version cannot replace a row of another ward, so the old
				// ward's row is replaced by a withdrawn copy.
				w := *prev
				w.Withdrawn, w.Offset = true, off
				b.Concerns = append(b.Concerns, w)
			}
		}
		b.Cells = appendCells(b.Cells, &r, +1, off)
		b.Concerns = append(b.Concerns, r)
		concerns[entity] = len(b.Concerns) - 1
	case schemas.TypeAction, schemas.TypeOutcome:
		return a.applyFollowUp(ctx, partition, d, look, b, local)
	case schemas.TypeWithdrawal:
		if prev, err := a.previousConcern(ctx, partition, entity, off, d.res.WardCode, look, b, concerns); err != nil {
			return "", err
		} else if prev != nil {
			if !prev.Withdrawn {
				b.Cells = appendCells(b.Cells, prev, -1, off)
			}
			w := *prev
			w.Withdrawn, w.Offset = true, off
			b.Concerns = append(b.Concerns, w)
			concerns[entity] = len(b.Concerns) - 1
			return "", nil
		}
		prevM, err := a.previousMeeting(ctx, partition, entity, off, look, b, meetings)
		if err != nil {
			return "", err
		}
		if prevM == nil {
			if found, err := a.withdrawFollowUp(ctx, partition, entity, off, look, b, local); err != nil || found {
				return "", err
			}
			return fmt.Sprintf("supersedes: no meeting, concern, action or outcome %s on this partition before offset %d (ingest keys every version by the original's id, so it is on this partition unless the original was never sent or the message came from another producer)", entity, off), nil
		}
		w := *prevM
		w.Withdrawn, w.Offset = true, off
		b.Meetings = append(b.Meetings, w)
		meetings[entity] = len(b.Meetings) - 1
	default:
		return fmt.Sprintf("type: unknown event type %q", ev.Type), nil
	}
	return "", nil
}

// previousConcern returns a copy of the latest earlier version, from the
// batch itself or from what earlier batches stored; nil when there is none.
func (a *Aggregator) previousConcern(ctx context.Context, partition int, id string, off int64, ward string, look Lookup, b *chsink.Batch, local map[string]int) (*chsink.ConcernRow, error) {
	if i, ok := local[id]; ok {
		r := b.Concerns[i]
		return &r, nil
	}
	return previous(ctx, a, look, chsink.TableConcerns, schemas.TypeConcern, partition, id, off,
		func() (*chsink.ConcernRow, error) { return look.PreviousConcern(ctx, partition, id, off, ward) },
		a.concernRow)
}

func (a *Aggregator) previousMeeting(ctx context.Context, partition int, id string, off int64, look Lookup, b *chsink.Batch, local map[string]int) (*chsink.MeetingRow, error) {
	if i, ok := local[id]; ok {
		r := b.Meetings[i]
		return &r, nil
	}
	return previous(ctx, a, look, chsink.TableMeetings, schemas.TypeMeeting, partition, id, off,
		func() (*chsink.MeetingRow, error) { return look.PreviousMeeting(ctx, partition, id, off) },
		a.meetingRow)
}

// appendCells adds the concern_daily deltas of one concern version. A
// version whose day is unknown (month or period precision) has none:
// concern_daily, and so the weekly series spike detection reads, counts
// known days only; month and period views read the concerns table.
func appendCells(dst []chsink.CellDelta, r *chsink.ConcernRow, sign int64, off int64) []chsink.CellDelta {
	if !r.DayPrecise() {
		return dst
	}
	if len(r.Themes) == 0 {
		return append(dst, chsink.CellDelta{Day: r.OccurredAt, WardCode: r.WardCode, LADCode: r.LADCode, Theme: Unclassified,
			TaxonomyVersion: r.TaxonomyVersion, Delta: sign, Offset: off})
	}
	for _, th := range r.Themes {
		dst = append(dst, chsink.CellDelta{Day: r.OccurredAt, WardCode: r.WardCode, LADCode: r.LADCode, Theme: th,
			TaxonomyVersion: r.TaxonomyVersion, Delta: sign, Offset: off})
	}
	return dst
}

// datePrecision carries an event's date precision to its row; the
// validator has checked that the period's bounds are dates.
func datePrecision(ev *schemas.Event) chsink.DatePrecision {
	if ev.DayPrecise() || ev.Period == nil {
		return chsink.DatePrecision{}
	}
	start, _ := time.Parse(time.DateOnly, ev.Period.Start)
	end, _ := time.Parse(time.DateOnly, ev.Period.End)
	return chsink.DatePrecision{Precision: ev.Precision, PeriodStart: start, PeriodEnd: end}
}

func sourceName(ev *schemas.Event) string {
	if ev.Source == nil {
		return ""
	}
	return ev.Source.Name
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func sortedUnique(s []string) []string {
	if len(s) == 0 {
		return []string{}
	}
	c := append([]string(nil), s...)
	sort.Strings(c)
	out := c[:0]
	for i, v := range c {
		if i == 0 || v != c[i-1] {
			out = append(out, v)
		}
	}
	return out
}
