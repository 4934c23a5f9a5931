package demo

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/google/uuid"

	"github.com/wardpulse/wardpulse/schemas"
)

// Follow-ups ("you said, we did", docs/events.md). About 60 % of concerns
// are acted on: the 30 % the main generator draws an action text for (that
// text becomes the action event; the concern keeps no free-text action),
// and as many again drawn here. The first action comes 2 to about 60 days
// after the concern (by the police, the council, a partnership or another
// agency, as its text says), a second one for a fifth of them; 70 % of the
// actioned concerns get an outcome 7 to about 120 days after their last
// action: resolved (55 %), ongoing (20 %, of which 40 % later resolved),
// no further action (15 %) or referred (10 %); 5 % of the concerns not acted
// on get "no further action". Follow-ups that would fall on or after To are
// not emitted, so recent concerns are still open, as in life. They are drawn
// from a generator of their own, so every other event is what it was
// before follow-ups existed, and emitted at the end of the week they fall
// in (events stay in time order week by week). Their ids are UUID v5 of
// ("wardpulse-demo", seed, "followup", n).

// agencyOf says who did what an action text says.
var agencyOf = map[string]string{
	"Passed to the local authority":                     schemas.ByCouncil,
	"Raised with the Community Safety Partnership":      schemas.ByPartnership,
	"Multi-agency ASB team visited":                     schemas.ByPartnership,
	"Council cleared the site and fitted a CCTV sign":   schemas.ByCouncil,
	"Housing provider served a warning letter":          schemas.ByOtherAgency,
	"Fire and rescue service removed the burnt-out car": schemas.ByOtherAgency,
	"Joint patrols with the council's wardens":          schemas.ByPartnership,
}

// moreActions are what the follow-up generator adds for concerns the main
// generator gave no action text.
var moreActions = []string{
	"Neighbourhood team patrolled the area on several evenings", "PCSOs visited residents and took statements",
	"Council cleared the site and fitted a CCTV sign", "Housing provider served a warning letter",
	"Joint patrols with the council's wardens", "Fire and rescue service removed the burnt-out car",
}

var outcomeNotes = map[string][]string{
	schemas.StatusResolved:        {"No further reports since the action", "Residents report the problem has stopped", "Site cleared and kept clear"},
	schemas.StatusOngoing:         {"Patrols continue; residents asked to keep reporting", "Being monitored by the neighbourhood team"},
	schemas.StatusNoFurtherAction: {"No offences found; residents told why", "Not a police matter; residents given advice"},
	schemas.StatusReferred:        {"Passed to the council's community safety team", "Referred to the housing provider"},
}

type followUps struct {
	rng     *rand.Rand
	seed    int64
	seq     int
	pending []schemas.Event
}

func newFollowUps(seed int64) *followUps {
	return &followUps{rng: rand.New(rand.NewPCG(uint64(seed), 0xf0110f0110)), seed: seed}
}

func (f *followUps) id() string {
	f.seq++
	return uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprintf("wardpulse-demo/%d/followup/%d", f.seed, f.seq))).String()
}

// days is 'lo' days plus an exponential wait of mean 'mean' days, at a
// daytime hour.
func (f *followUps) after(t time.Time, lo, mean float64) time.Time {
	d := lo + f.rng.ExpFloat64()*mean
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(d))
	return day.Add(time.Duration(9+f.rng.IntN(8)) * time.Hour)
}

// plan queues the follow-ups of concern ev; action is the text the main
// generator drew for it ("" when none).
func (f *followUps) plan(ev *schemas.Event, action string) {
	at := *ev.OccurredAt
	if action == "" && f.rng.Float64() < 0.43 {
		action = moreActions[f.rng.IntN(len(moreActions))]
	}
	if action == "" {
		if f.rng.Float64() < 0.05 {
			f.outcome(ev.EventID, f.after(at, 7, 20), schemas.StatusNoFurtherAction)
		}
		return
	}
	last := f.after(at, 2, 12)
	f.action(ev.EventID, last, action)
	if f.rng.Float64() < 0.2 {
		last = f.after(last, 7, 20)
		f.action(ev.EventID, last, moreActions[f.rng.IntN(len(moreActions))])
	}
	if f.rng.Float64() >= 0.7 {
		return
	}
	x := f.rng.Float64()
	status := schemas.StatusResolved
	switch {
	case x < 0.10:
		status = schemas.StatusReferred
	case x < 0.25:
		status = schemas.StatusNoFurtherAction
	case x < 0.45:
		status = schemas.StatusOngoing
	}
	out := f.after(last, 7, 30)
	f.outcome(ev.EventID, out, status)
	if status == schemas.StatusOngoing && f.rng.Float64() < 0.4 {
		f.outcome(ev.EventID, f.after(out, 14, 40), schemas.StatusResolved)
	}
}

func (f *followUps) action(concernID string, at time.Time, text string) {
	by, ok := agencyOf[text]
	if !ok {
		by = schemas.ByPolice
	}
	f.pending = append(f.pending, schemas.Event{EventID: f.id(), Type: schemas.TypeAction, SchemaVersion: schemas.CurrentVersion, OccurredAt: &at,
		RecordedAt: &at, Source: &schemas.Source{Name: "demo"}, Action: &schemas.Action{ConcernID: concernID, By: by, Text: text}})
}

func (f *followUps) outcome(concernID string, at time.Time, status string) {
	notes := outcomeNotes[status]
	f.pending = append(f.pending, schemas.Event{EventID: f.id(), Type: schemas.TypeOutcome, SchemaVersion: schemas.CurrentVersion, OccurredAt: &at,
		RecordedAt: &at, Source: &schemas.Source{Name: "demo"}, Outcome: &schemas.Outcome{ConcernID: concernID, Status: status, Note: notes[f.rng.IntN(len(notes))]}})
}

// due removes and returns, in time order, the pending follow-ups before end.
func (f *followUps) due(end time.Time) []schemas.Event {
	sort.SliceStable(f.pending, func(i, j int) bool { return f.pending[i].OccurredAt.Before(*f.pending[j].OccurredAt) })
	n := sort.Search(len(f.pending), func(i int) bool { return !f.pending[i].OccurredAt.Before(end) })
	out := append([]schemas.Event(nil), f.pending[:n]...)
	f.pending = append(f.pending[:0], f.pending[n:]...)
	return out
}
