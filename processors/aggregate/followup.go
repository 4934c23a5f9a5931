package aggregate

import (
	"context"
	"fmt"

	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas"
)

// applyFollowUp adds an action or outcome version. Its concern is not looked
// up: a follow-up may reach the log before its concern (another partition,
// another source), and queries join concerns on concern_id, so one whose
// concern is unknown is kept and shows nowhere until the concern is stored
// (wardpulse audit counts them). A correction (supersedes) must find the
// version it replaces on this partition, as for meetings.
func (a *Aggregator) applyFollowUp(ctx context.Context, partition int, d decoded, look Lookup, b *chsink.Batch, local *locals) (string, error) {
	ev, off, entity := d.ev, d.msg.Offset, d.ev.EntityID()
	if ev.Supersedes != "" {
		found, err := a.previousFollowUp(ctx, ev.Type, partition, entity, off, look, b, local)
		if err != nil {
			return "", err
		}
		if !found {
			return fmt.Sprintf("supersedes: %s %s is not on this partition before offset %d (ingest keys every version by the original's id, so it is on this partition unless the original was never sent or the message came from another producer)", ev.Type, entity, off), nil
		}
	}
	switch ev.Type {
	case schemas.TypeAction:
		b.Actions = append(b.Actions, a.actionRow(d, false, d.msg.Offset))
		local.actions[entity] = len(b.Actions) - 1
	case schemas.TypeOutcome:
		b.Outcomes = append(b.Outcomes, a.outcomeRow(d, false, d.msg.Offset))
		local.outcomes[entity] = len(b.Outcomes) - 1
	}
	return "", nil
}

// previousFollowUp reports whether a version of the action or outcome id is
// on this partition before off, in the batch or stored.
func (a *Aggregator) previousFollowUp(ctx context.Context, typ string, partition int, id string, off int64, look Lookup, b *chsink.Batch, local *locals) (bool, error) {
	if typ == schemas.TypeAction {
		if _, ok := local.actions[id]; ok {
			return true, nil
		}
		r, err := a.previousAction(ctx, partition, id, off, look)
		return r != nil, err
	}
	if _, ok := local.outcomes[id]; ok {
		return true, nil
	}
	r, err := a.previousOutcome(ctx, partition, id, off, look)
	return r != nil, err
}

// previousAction is the latest stored version of action id before off:
// from the table, or rebuilt from the log when the table is ahead.
func (a *Aggregator) previousAction(ctx context.Context, partition int, id string, off int64, look Lookup) (*chsink.ActionRow, error) {
	return previous(ctx, a, look, chsink.TableActions, schemas.TypeAction, partition, id, off,
		func() (*chsink.ActionRow, error) { return look.PreviousAction(ctx, partition, id, off) },
		a.actionRow)
}

// previousOutcome is previousAction for outcomes.
func (a *Aggregator) previousOutcome(ctx context.Context, partition int, id string, off int64, look Lookup) (*chsink.OutcomeRow, error) {
	return previous(ctx, a, look, chsink.TableOutcomes, schemas.TypeOutcome, partition, id, off,
		func() (*chsink.OutcomeRow, error) { return look.PreviousOutcome(ctx, partition, id, off) },
		a.outcomeRow)
}

// withdrawFollowUp withdraws the action or outcome id when one is on this
// partition before off, adding its withdrawn copy; it reports whether one was.
func (a *Aggregator) withdrawFollowUp(ctx context.Context, partition int, id string, off int64, look Lookup, b *chsink.Batch, local *locals) (bool, error) {
	found, err := withdrawLatest(local.actions, &b.Actions, id, func() (*chsink.ActionRow, error) { return a.previousAction(ctx, partition, id, off, look) },
		func(r *chsink.ActionRow) { r.Withdrawn, r.Offset = true, off })
	if err != nil || found {
		return found, err
	}
	return withdrawLatest(local.outcomes, &b.Outcomes, id, func() (*chsink.OutcomeRow, error) { return a.previousOutcome(ctx, partition, id, off, look) },
		func(r *chsink.OutcomeRow) { r.Withdrawn, r.Offset = true, off })
}

// withdrawLatest finds the latest version of id, in the batch (local
// indexes rows) or stored (stored), and appends its withdrawn copy (withdraw
// marks it); it reports whether there was one.
func withdrawLatest[R any](local map[string]int, rows *[]R, id string, stored func() (*R, error), withdraw func(*R)) (bool, error) {
	var prev R
	if i, ok := local[id]; ok {
		prev = (*rows)[i]
	} else {
		r, err := stored()
		if err != nil || r == nil {
			return false, err
		}
		prev = *r
	}
	withdraw(&prev)
	*rows = append(*rows, prev)
	local[id] = len(*rows) - 1
	return true, nil
}
