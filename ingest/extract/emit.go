package extract

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/google/uuid"

	"github.com/wardpulse/wardpulse/ingest/extract/dates"
	"github.com/wardpulse/wardpulse/ingest/extract/segment"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// newMeeting emits a meeting. Its themes are those its name says it
// discusses plus topics (extra) the sentence names ("to discuss information
// sharing"); its concerns add theirs in finish.
func (r *run) newMeeting(b *segment.Block, sp dates.Span, title, location string, attendance int, res gazetteer.Resolution, extra []string) *schemas.Event {
	ev := r.event(b, schemas.TypeMeeting, sp, res)
	ev.Meeting = &schemas.Meeting{Kind: meetingKind(title + " " + b.Text), Title: clip(title, 500), Location: clip(location, 500)}
	if attendance > 0 && attendance <= 100000 {
		ev.Meeting.Attendance = attendance
	}
	// A meeting's name says what it discusses ("Rural Crime Forum",
	// "Hate Crime Partnership"), except "Partnership", which is what the
	// body is, not a theme of the meeting.
	for _, th := range r.x.tax.Classify(title).Themes {
		if th != "partnership" {
			ev.Themes = append(ev.Themes, th)
		}
	}
	ev.Themes = sortedUnion(ev.Themes, extra)
	if len(ev.Themes) == 0 {
		ev.Themes = nil
	}
	r.emit(b, ev)
	return ev
}

// meetingKind sorts a meeting into the schema's kinds from its words.
func meetingKind(s string) string {
	l := strings.ToLower(s)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("your force your voice", "community meeting", "residents", "ward meeting", "community council", "tenants", "neighbourhood meeting", "community forum meeting"):
		return schemas.KindCommunityMeeting
	case has("board", "panel", "committee"):
		return schemas.KindBoard
	case has("forum", "assembly", "advisory group", "network"):
		return schemas.KindForum
	case has("event", "launch", "fair", "conference", "ceremony", "awards", "open day", "vigil", "summit", "face the public"):
		return schemas.KindEvent
	case has("partnership", "partner", "agencies", "council", "trust", "service"):
		return schemas.KindPartnerMeeting
	}
	return schemas.KindCommunityMeeting
}

func (r *run) concern(b *segment.Block, cur *meetingCtx, text, action string, res gazetteer.Resolution, sp dates.Span) {
	ev := r.event(b, schemas.TypeConcern, sp, res)
	for _, m := range r.concernMatches(text) {
		ev.Themes = sortedUnion(ev.Themes, []string{m.Theme})
	}
	if len(ev.Themes) == 0 {
		r.problem(b, "theme", clip(text, 120), "no theme of the taxonomy matches: emitted without themes")
	}
	if cur != nil && len(ev.Themes) > 0 && r.toldBefore(cur, ev) {
		// "One grandmother said ... threatened with a knife" after "residents
		// raised knife crime" at the same meeting: the same concern told
		// again, not a second one.
		return
	}
	action = strings.TrimSpace(action)
	by, asEvent := actionFor(action, sp)
	ev.Concern = &schemas.Concern{Text: clip(text, 20000)}
	if !asEvent {
		ev.Concern.Action = clip(action, 20000)
	}
	if cur != nil {
		ev.Concern.MeetingID = cur.ev.EventID
	}
	r.emit(b, ev)
	if asEvent {
		r.emitAction(b, &r.res.Events[len(r.res.Events)-1], sp, by, action)
	}
}

// toldBefore reports whether meeting cur already has a concern, at ev's
// place, with every one of ev's themes.
func (r *run) toldBefore(cur *meetingCtx, ev *schemas.Event) bool {
	have := map[string]bool{}
	for _, e := range r.res.Events {
		if e.Type == schemas.TypeConcern && e.Concern != nil && e.Concern.MeetingID == cur.ev.EventID && e.WardCode == ev.WardCode && e.LADCode == ev.LADCode {
			for _, th := range e.Themes {
				have[th] = true
			}
		}
	}
	for _, th := range ev.Themes {
		if !have[th] {
			return false
		}
	}
	return true
}

// themes are the themes of text that decide whether it is a concern: a
// phrase inside a proper name ("Safer Hartlepool Partnership", "Rural Crime
// Forum") names an organisation, not a concern, so a match that is
// capitalised and follows a capitalised word does not count.
func (r *run) themes(text string) []string {
	var out []string
	for _, m := range r.concernMatches(text) {
		if inName(text, m.Start) {
			continue
		}
		out = sortedUnion(out, []string{m.Theme})
	}
	return out
}

// concernMatches are the taxonomy's phrases in a concern's text, written
// either way round (taxonomy.ClassifyReordered), less the things stolen: in
// "thefts of quad bikes from farmyards" the bikes are what was taken, not
// a concern about off-road bikes, when the text's theft is counted anyway.
func (r *run) concernMatches(text string) []taxonomy.Match {
	ms := r.x.tax.ClassifyReordered(text).Matches
	theft := false
	for _, m := range ms {
		theft = theft || m.Theme == theftTheme
	}
	if !theft {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		if m.Theme != theftTheme && (stolenBeforeRE.MatchString(text[:m.Start]) || stolenAfterRE.MatchString(text[m.End:])) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// theftTheme is the taxonomy's theme for theft.
const theftTheme = "burglary_theft"

var (
	stolenBeforeRE = regexp.MustCompile(`(?i)\b(?:thefts?\s+of|stealing|stole|steal|steals|broke\s+into|breaking\s+into)\s+(?:(?:the|a|an|their|his|her|two|three|several|some|four|five)\s+)?$`)
	stolenAfterRE  = regexp.MustCompile(`(?i)^\s+(?:(?:were|was|being|had\s+been|have\s+been|has\s+been|are|is|got)\s+)?(?:stolen|taken|nicked)\b`)
)

func inName(text string, start int) bool {
	if start >= len(text) || !(text[start] >= 'A' && text[start] <= 'Z') {
		return false
	}
	prev := strings.TrimRight(text[:start], " ")
	if prev == "" || len(prev) == start {
		return false
	}
	i := strings.LastIndexAny(prev, " (\"“'‘") + 1
	w := prev[i:]
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && !strings.HasSuffix(w, ".") && !strings.HasSuffix(w, ":")
}

// emit gives the event its deterministic id and keeps a copy; later
// changes to ev are not seen (finish derives meeting themes from concerns).
func (r *run) emit(b *segment.Block, ev *schemas.Event) {
	if r.perPara == nil {
		r.perPara = map[int]int{}
	}
	idx := r.perPara[b.N]
	r.perPara[b.N]++
	ev.EventID = uuid.NewSHA1(r.x.ns, fmt.Appendf(nil, "%s/%d/%d", r.hash, b.N, idx)).String()
	r.res.Events = append(r.res.Events, *ev)
}

// finish validates every event against the schema (dropping and reporting
// any that fail, and concerns of a dropped meeting lose their meeting id)
// and counts.
func (r *run) finish() {
	// A meeting carries the themes discussed there: its title's and its
	// concerns'.
	themes := map[string][]string{}
	for _, e := range r.res.Events {
		if e.Type == schemas.TypeConcern && e.Concern.MeetingID != "" {
			themes[e.Concern.MeetingID] = sortedUnion(themes[e.Concern.MeetingID], e.Themes)
		}
	}
	var kept []schemas.Event
	for _, e := range r.res.Events {
		if e.Type == schemas.TypeMeeting {
			e.Themes = sortedUnion(e.Themes, themes[e.EventID])
			if len(e.Themes) == 0 {
				e.Themes = nil
			}
		}
		raw, err := e.Marshal()
		if err == nil {
			_, err = r.x.val.Decode(raw)
		}
		if err != nil {
			r.res.Problems = append(r.res.Problems, Problem{Document: r.res.Document, Paragraph: e.Source.Paragraph, What: "event", Text: e.Type, Reason: "not valid against event.v1.json: " + err.Error()})
			continue
		}
		switch e.Type {
		case schemas.TypeMeeting:
			r.res.Meetings++
		case schemas.TypeConcern:
			r.res.Concerns++
		}
		kept = append(kept, e)
	}
	r.res.Events = kept
}
