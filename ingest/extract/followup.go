package extract

import (
	"regexp"
	"time"

	"github.com/wardpulse/wardpulse/ingest/extract/dates"
	"github.com/wardpulse/wardpulse/ingest/extract/segment"
	"github.com/wardpulse/wardpulse/schemas"
)

// Follow-ups from documents ("you said, we did", docs/events.md), precision
// first. What a document says was done about a concern becomes an action
// event only when both of these are clearly stated:
//
//   - who did it: the text names exactly one kind of agency (the police:
//     police, officers, PCSOs, the neighbourhood team, a named Operation;
//     the council: council, local authority, wardens; a partnership:
//     partnership, multi-agency, partner agencies; another agency: the fire
//     service, a housing association or provider, the NHS) and does not say
//     it was done with someone else ("with", "joint", "together");
//   - when: the concern is dated to a month or a span (a "you said, we did"
//     page's quarter), and the action is given that same span. A concern
//     dated to a day (a meeting's) does not say when the action was done,
//     and no day is invented; nor does a meeting's month.
//
// Otherwise the text stays the concern's own action (which counts as
// actioned, undated). Outcomes are never extracted: pages rarely state one
// in words a rule can read without guessing.
var (
	byPoliceRE      = regexp.MustCompile(`(?i)\b(?:police|officers?|pcsos?|neighbourhood (?:policing )?team|operation [a-z]+)\b`)
	byCouncilRE     = regexp.MustCompile(`(?i)\b(?:council|local authority|wardens?)\b`)
	byPartnershipRE = regexp.MustCompile(`(?i)\b(?:partnership|multi-agency|partner agencies)\b`)
	byOtherRE       = regexp.MustCompile(`(?i)\b(?:fire (?:and rescue )?service|fire brigade|housing (?:association|provider)|nhs)\b`)
	sharedRE        = regexp.MustCompile(`(?i)\b(?:with|joint|jointly|together)\b`)
)

// agencyNamed is who the action text clearly says acted, or "".
func agencyNamed(action string) string {
	if sharedRE.MatchString(action) {
		return ""
	}
	found := ""
	for _, c := range []struct {
		re *regexp.Regexp
		by string
	}{{byPoliceRE, schemas.ByPolice}, {byCouncilRE, schemas.ByCouncil}, {byPartnershipRE, schemas.ByPartnership}, {byOtherRE, schemas.ByOtherAgency}} {
		if c.re.MatchString(action) {
			if found != "" {
				return ""
			}
			found = c.by
		}
	}
	return found
}

// actionFor says whether what was done about a concern dated sp becomes an
// action event, and by whom.
func actionFor(action string, sp dates.Span) (string, bool) {
	if action == "" || (sp.Precision != dates.Month && sp.Precision != dates.Period) {
		return "", false
	}
	by := agencyNamed(action)
	return by, by != ""
}

// emitAction emits the action event of the concern just emitted: same span
// and source, no place (the concern's applies).
func (r *run) emitAction(b *segment.Block, concern *schemas.Event, sp dates.Span, by, text string) {
	ev := &schemas.Event{Type: schemas.TypeAction, SchemaVersion: schemas.CurrentVersion, Date: sp.Start.Format(time.DateOnly),
		Precision: sp.Precision, Period: &schemas.Period{Start: sp.Start.Format(time.DateOnly), End: sp.End.Format(time.DateOnly)},
		Source: concern.Source, Action: &schemas.Action{ConcernID: concern.EventID, By: by, Text: clip(text, 2000)}}
	r.emit(b, ev)
}
