package alerting

import (
	"time"

	"github.com/wardpulse/wardpulse/processors/detect"
)

// episode is what the judged weeks of one ward x theme series say as of the
// current week: whether a spike episode is open and, if so, since when.
//
// It is a pure function of the judgements (decideEpisode), so the same
// counts always give the same episode start, hence the same alert id,
// whenever and however often the alerter runs (a restart, a replay of the
// events log, a second alerter).
type episode struct {
	Open  bool
	Start time.Time // first alarm week of the open episode
	// Last is the latest alarming week's judgement (the week that keeps
	// the episode open); Peak the highest-scoring one, which sets the
	// severity.
	Last, Peak detect.Judgement
	// Quiet counts the complete non-alarm weeks since Last.
	Quiet int
	// Force is whether any alarm week of the episode was in the force
	// tier (detect.TierForce): it makes the episode critical.
	Force bool
}

// decideEpisode replays the episode state machine over js, the judgements
// of the last LookbackWeeks weeks in order; the last one is the current,
// partial week.
//
//	          alarm week
//	closed ─────────────► open(start = that week)
//	  ▲                    │ alarm week: quiet = 0
//	  │                    │ complete non-alarm week: quiet++
//	  └──── quiet == resolveWeeks
//
// The current week can open an episode or keep it open (a partial week can
// only under-count, so its alarm is never premature) but never counts as
// quiet: a Monday morning's empty week says nothing yet. Weeks the detector
// could not judge (short history) are non-alarm weeks.
//
// NOTE(alerting): the machine starts closed at the first judged week, so an
// episode whose alarms run longer than the lookback gets a later start than
// the one stored; the alerter keeps the stored episode (it matches open
// episodes by ward and theme, not by id).
func decideEpisode(js []detect.Judgement, resolveWeeks int) episode {
	var ep episode
	for i, j := range js {
		current := i == len(js)-1
		switch {
		case j.Alarm:
			if !ep.Open {
				ep = episode{Open: true, Start: j.WeekStart, Peak: j}
			}
			ep.Last, ep.Quiet = j, 0
			ep.Force = ep.Force || j.Tier == detect.TierForce
			if j.Score > ep.Peak.Score {
				ep.Peak = j
			}
		case ep.Open && !current:
			ep.Quiet++
			if ep.Quiet >= resolveWeeks {
				ep = episode{}
			}
		}
	}
	return ep
}
