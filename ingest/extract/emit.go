package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

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
	// (read as concerns are: "to tell the commissioner that thieves ..."
	// after "Farmers" is farm theft, not theft besides)
	for _, m := range r.concernMatches(title) {
		if m.Theme != "partnership" {
			ev.Themes = sortedUnion(ev.Themes, []string{m.Theme})
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
		if opensName(text, m.Start, m.End) || inName(text, m.Start) {
			continue // "the Neighbourhood Policing Teams received ...", "the Safer Stockton Partnership": who, not what
		}
		ev.Themes = sortedUnion(ev.Themes, []string{m.Theme})
	}
	if len(ev.Themes) == 0 && r.themeHint != nil {
		ev.Themes = append([]string(nil), r.themeHint...) // (the forum's: forumThemes)
	}
	if len(ev.Themes) == 0 {
		r.problem(b, "theme", clip(text, 120), "no theme of the taxonomy matches: emitted without themes")
	}
	if cur != nil && len(ev.Themes) > 0 {
		// "One grandmother said ... threatened with a knife" after "residents
		// raised knife crime" at the same meeting: the same concern told
		// again, not a second one; a summary row "Fly-tipping; speeding"
		// after the paragraph that told the fly-tipping adds speeding alone.
		if ev.Themes = r.notToldBefore(cur, ev); len(ev.Themes) == 0 {
			return
		}
	}
	action = strings.TrimSpace(action)
	by, asEvent := actionFor(action, sp)
	if cur != nil {
		// (a meeting known by its month, "At the Village ward meeting in
		// September ...": its month says when it was held, not when what
		// was done after it was done, as a meeting's day does not)
		asEvent = false
	}
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

// notToldBefore are ev's themes that meeting cur has no concern of yet at
// ev's place. A concern told before the meeting was, on its day and at its
// place ("Drug dealing and thefts from garden sheds were among the worries
// residents of Village ward shared with the Commissioner on Thursday", then
// the meeting, then what people said there) is one of its concerns.
func (r *run) notToldBefore(cur *meetingCtx, ev *schemas.Event) []string {
	have := map[string]bool{}
	for i := range r.res.Events {
		e := &r.res.Events[i]
		if e.Type != schemas.TypeConcern || e.Concern == nil || e.WardCode != ev.WardCode || e.LADCode != ev.LADCode {
			continue
		}
		if e.Concern.MeetingID == "" && e.Date == ev.Date && e.Date != "" && e.Precision == ev.Precision && e.EventID != cur.ev.EventID {
			e.Concern.MeetingID = cur.ev.EventID // (now known to be its meeting's)
		}
		if e.Concern.MeetingID == cur.ev.EventID {
			for _, th := range e.Themes {
				have[th] = true
			}
		}
	}
	var out []string
	for _, th := range ev.Themes {
		if !have[th] {
			out = append(out, th)
		}
	}
	return out
}

// themes are the themes of text that decide whether it is a concern: a
// phrase inside a proper name ("Safer Hartlepool Partnership", "Rural Crime
// Forum") names an organisation, not a concern, so a match that is
// capitalised and follows a capitalised word does not count.
func (r *run) themes(text string) []string {
	var out []string
	for _, m := range r.concernMatches(text) {
		if inName(text, m.Start) || opensName(text, m.Start, m.End) {
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
	ms := contextDropped(text, genericTrafficDropped(text, r.x.tax.ClassifyReordered(text).Matches))
	theft := false
	for _, m := range ms {
		theft = theft || m.Theme == theftTheme
	}
	if !theft {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		if m.Theme != theftTheme && (stolenBeforeRE.MatchString(text[:m.Start]) || stolenAfter(text[m.End:])) {
			continue
		}
		if m.Theme == theftTheme && (fromFarms(text, m) || farmTheftJustBefore(text, out, m)) {
			m.Theme = ruralTheme
		}
		out = append(out, m)
	}
	return out
}

// farmTheftJustBefore reports whether a farm theft (a theft match made
// rural crime by fromFarms) ends within sixty bytes before theft match m
// in the same sentence, with no second matter between ("and a", "and
// the"): what was taken in those thefts told after them ("thefts from
// farms again, a quad and a trailer taken from one yard"), the same farm
// theft, not a theft of its own.
func farmTheftJustBefore(text string, out []taxonomy.Match, m taxonomy.Match) bool {
	for _, o := range out {
		if o.Theme == ruralTheme && o.Phrase != "" && theftPhraseRE.MatchString(o.Phrase) && o.End <= m.Start && m.Start-o.End <= 60 && !strings.ContainsAny(text[o.End:m.Start], ".;") && !andItemRE.MatchString(text[o.End:m.Start]) {
			return true
		}
	}
	return false
}

// theftPhraseRE: a taxonomy phrase of theft (a farm theft's own, or a
// theft phrase fromFarms made rural).
var theftPhraseRE = regexp.MustCompile(`(?i)\b(?:thefts?|thieves|stolen|stealing|steal|taken|burglar\w*|break-?ins?)\b`)

// contextDropped leaves out a phrase that is the setting of the concern,
// not the concern: a clean-up ("the Easter litter pick had filled 40
// bags": the residents' own work), and what someone tried to report when
// the complaint is how the police answered ("she had waited forty minutes
// to report a break-in next door and nobody came out").
// toldPoliceRE: words that make the police the ones told or met, just
// before the words that name them; or the company on a walkabout
// ("committee members joined the PCSO for a walk round the flats"): whom
// they went with, not policing raised.
var toldPoliceRE = regexp.MustCompile(`(?i)\b(?:told|tell|telling|tells|met|meet|meeting|spoke to|speaking to|talked to|talking to|said to|joined|accompanied|went out with|walked round with)\s+(?:with\s+)?(?:our|the|their|local|two|some)?\s*(?:local\s+|neighbourhood\s+)?$`)

// hostTeamBeforeRE and hostTeamAfterRE: a neighbourhood policing team
// named as the one that held or arranged a meeting ("our neighbourhood
// police team hosted a drop-in", "the neighbourhood policing team ran a
// street briefing"): the host, not the team's presence raised as a
// concern (which is asked for: "residents want a neighbourhood policing
// team back").
var (
	hostTeamBeforeRE = regexp.MustCompile(`(?i)\b(?:the|our|your|their|local)\s+$`)
	hostTeamAfterRE  = regexp.MustCompile(`(?i)^\w*\s+teams?\s+(?:has\s+|have\s+|had\s+)?(?:held|hosted|organised|organized|ran|run|arranged|put on|set up|invited|called|led|came|joined)\b`)
)

// referredOnRE: a clause passing what was raised on to someone ("...
// about bikes on the green, and this has been passed to the Stockton North
// Neighbourhood Policing Team, which has increased patrols"): what follows
// it is who took the matter and what they did, no concern raised.
var referredOnRE = regexp.MustCompile(`(?i)[,;]?\s+(?:and\s+)?(?:this|these|that|they|it|the (?:matter|issue|issues|concerns?|complaints?|reports?))\s+(?:has|have|had|was|were)\s+(?:since\s+|now\s+|also\s+|already\s+)?been\s+(?:passed|referred|reported|forwarded|sent|handed)\s+(?:on\s+)?to\b`)

// impostorBeforeRE: words saying someone posed as what follows ("callers
// pretending to be bank staff or police officers", "men posing as
// council workers or PCSOs").
var impostorBeforeRE = regexp.MustCompile(`(?i)\b(?:pretending to be|pretended to be|pretend to be|posing as|posed as|pose as|claiming to be|claimed to be|impersonating|masquerading as)\b[^.;:]{0,50}$`)

func contextDropped(text string, ms []taxonomy.Match) []taxonomy.Match {
	if loc := referredOnRE.FindStringIndex(text); loc != nil {
		ms = slices.DeleteFunc(slices.Clone(ms), func(m taxonomy.Match) bool { return m.Start >= loc[0] })
	}
	policing := false
	for _, m := range ms {
		policing = policing || m.Theme == "visible_policing"
	}
	out := ms[:0:0]
	for _, m := range ms {
		switch {
		case m.Theme == "antisocial_behaviour" && hasTheme(ms, "off_road_bikes") && onBikesRE.MatchString(text[m.End:]):
			// "gangs of youths on scrambler bikes": the bikes are the
			// nuisance, not the youths besides
			continue
		case (m.Theme == "antisocial_behaviour" || m.Theme == "speeding") && ofTheBikesRE.MatchString(text[m.End:]):
			// "because of the noise and speed of the bikes": what the
			// bikes (raised already) are like, not a nuisance or
			// speeding of their own
			continue
		case m.Theme == theftTheme && hasTheme(ms, "off_road_bikes") && stolenRideRE.MatchString(text[max(0, m.Start-30):min(len(text), m.End+40)]) && !hasOtherTheft(ms, m):
			// "lads on scramblers and quad bikes, some of them believed
			// stolen, racing across the fields": the bikes are the
			// nuisance, not a theft raised
			continue
		case m.Theme == "drugs" && hasTheme(ms, "exploitation") && drawnIntoRE.MatchString(text[max(0, m.Start-80):m.Start]) && !secondWorryRE.MatchString(text[max(0, m.Start-80):m.Start]):
			// (but "drawn into county lines and about drug dealing on the
			// estate" names a second worry, its own concern)
			// "teenagers being drawn into carrying drugs for county lines
			// networks", "drawn into county lines drug supply": the
			// young people's exploitation, the drugs its means
			continue
		case m.Theme == "criminal_damage" && hasTheme(ms, "off_road_bikes") && groundDamageRE.MatchString(text[m.Start:]):
			// "bikes ridden across the playing fields, frightening people
			// and damaging the grass": the ground the riding wears, part
			// of the bikes' nuisance, not damage done to property
			continue
		case m.Theme == "criminal_damage" && windowRE.MatchString(text[max(0, m.Start-12):m.End]) && theftJustBefore(text, ms, m):
			// "three cars broken into ..., one with a window smashed": the
			// way in of the break-in, not damage besides
			continue
		case m.Theme == "visible_policing" && patrolAskRE.MatchString(text[:m.Start]) && matterBefore(ms, m) && !seenOnFootRE.MatchString(text[m.Start:min(len(text), m.End+40)]):
			// "... had been repeatedly damaged and sprayed with graffiti,
			// and asked for more patrols": the remedy asked for the
			// matter raised, not a second one (but officers asked to be
			// seen, "more officers on foot", "on the beat", are policing
			// raised: they ask to see the police)
			continue
		case m.Theme == "visible_policing" && impostorBeforeRE.MatchString(text[max(0, m.Start-60):m.Start]):
			// "callers pretending to be bank staff or police officers":
			// whom the fraudsters pose as, not policing raised
			continue
		case m.Theme == "visible_policing" && toldPoliceRE.MatchString(text[max(0, m.Start-40):m.Start]):
			// "residents told our PCSOs they had found drug
			// paraphernalia", "when Throston residents met their
			// neighbourhood police team": whom residents told, not
			// policing they raised
			continue

		case m.Theme == "visible_policing" && roleNounRE.MatchString(text[m.Start:m.End]) && companyBeforeRE.MatchString(text[max(0, m.Start-80):m.Start]) && !policingWantRE.MatchString(clauseAround(text, m)):
			// "he walked round the ward with the ward councillors, PCSOs
			// and a group of residents, who pointed out dog fouling":
			// the officers who came along, not policing raised
			continue
		case m.Theme == "visible_policing" && roleNounRE.MatchString(text[m.Start:m.End]) && walkersAfterRE.MatchString(text[m.End:]) && !policingWantRE.MatchString(clauseAround(text, m)):
			// "PCSOs and councillors walked the streets of the estate
			// with residents, who pointed out dog mess": the officers
			// who led the walk, not policing raised on it
			continue
		case m.Theme == "visible_policing" && hostTeamBeforeRE.MatchString(text[max(0, m.Start-12):m.Start]) && hostTeamAfterRE.MatchString(text[m.End:]):
			// "the neighbourhood police team held a street briefing after
			// complaints about racing": the team that held the meeting,
			// not policing raised at it
			continue
		case m.Theme == "visible_policing" && officersPresent(text, m):
			// "Sgt Bell and two PCSOs from the town team came along
			// too", "PC Ward was with us and has put the lane on his
			// patrol route", "a PCSO-led drop-in", "PCSO Reed has been
			// holding surgeries at the library": the officers who came
			// to or ran the meeting, not policing raised at it
			continue
		case m.Theme == "visible_policing" && readerAppeal101(text, m):
			// "(officers want to hear more, please ring 101 - you needn't
			// give a name)", "anyone who sees it should call 101 or
			// Crimestoppers": the number the reader is asked to ring, an
			// appeal beside the matter raised, not the 101 service raised
			continue
		case m.Theme == "visible_policing" && patrolsDone(text, m):
			// "the team has since run evening patrols there", "foot
			// patrols began in May", "the warden will arrange extra
			// patrols": patrols someone runs, a report of what was done,
			// not policing the public raised
			continue
		case m.Theme == "visible_policing" && teamPassedTo(text, m):
			// "we passed both on to the neighbourhood police team", "the
			// concerns were shared with the town's neighbourhood policing
			// team": the team a matter went to, not policing raised
			continue
		case m.Theme == "visible_policing" && mobileStationRE.MatchString(text[max(0, m.Start-8):m.Start]) && strings.EqualFold(text[m.Start:m.End], "police station") && !policingWantRE.MatchString(clauseAround(text, m)):
			// "speak to officers at the mobile police station when it
			// calls on the High Street": the touring van, a place to
			// report, not a police station raised
			continue
		case m.Theme == "visible_policing" && officerActs(text, m):
			// "PCSO Dunn asked people to ring Crimestoppers", "the PCSO
			// will ask for the speed van", "neighbourhood officers gave an
			// update": what officers said or will do, not policing raised
			continue
		case m.Theme == "environmental" && litterPickRE.MatchString(text[m.Start:]) && pickDoneRE.MatchString(text[m.End:]):
			continue
		case policing && m.Theme != "visible_policing" && toReportRE.MatchString(text[:m.Start]):
			continue
		case inBriefing(text, m):
			// "met with police for an update on neighbourhood policing": what
			// the meeting was told about, not what it raised
			continue
		case m.Theme == "antisocial_behaviour" && abuseRE.MatchString(text[m.Start:m.End]) && inClause(text, m, ms, "hate_crime"):
			// "racist abuse shouted at them in the street": the abuse is
			// the hate crime, not anti-social behaviour besides
			continue
		}
		out = append(out, m)
	}
	return out
}

// readerAppeal101 reports whether 101 match m is the number the reader is
// asked to ring, in an appeal told beside a concern ("the smell of cannabis
// from a house on the corner (police want details, so ring 101 - you
// needn't give your name)", "anyone with information should call 101 or
// pass it on through Crimestoppers"): an appeal is no complaint about the
// 101 service. The appeal is known by what asks ("please", "asked for",
// "appealing", "anyone with/who ...", "should") just before the number's
// verb, or by what offers the reader another way or anonymity just after
// it ("or Crimestoppers", "- you don't have to give your name"). Not a
// complaint with the number in it: "when you ring 101 nobody answers",
// "people who ring 101 wait an hour".
func readerAppeal101(text string, m taxonomy.Match) bool {
	ph := strings.ToLower(text[m.Start:m.End])
	if !appeal101PhraseRE.MatchString(ph) {
		return false
	}
	after := text[m.End:]
	if end := strings.IndexAny(after, ".;)!?"); end >= 0 {
		after = after[:end]
	}
	if complaint101RE.MatchString(after) {
		return false
	}
	return appealBefore101RE.MatchString(text[max(0, m.Start-80):m.Start]) || appealAfter101RE.MatchString(text[m.End:])
}

var (
	// appeal101PhraseRE: a 101 match that is the verb of ringing and the
	// number ("ring 101", "call 101", "calling 101").
	appeal101PhraseRE = regexp.MustCompile(`^(?:ring|call|phone|contact)\w*\s+(?:police\s+on\s+|the\s+police\s+on\s+|us\s+on\s+)?101$|^101\s+call$`)
	// appealBefore101RE: what asks the reader, just before the verb.
	appealBefore101RE = regexp.MustCompile(`(?i)(?:\bplease(?:\s+(?:keep|continue\s+to|do))?|\b(?:can|could|may)\s+(?:still\s+|also\s+)?(?:tell|report|contact|reach|get in touch with|pass)\b[^.;()]{0,60}?\bby|\b(?:ask|asks|asked|asking|appeal(?:ed|ing|s)?)\b[^.;()]{0,50}?|\banyone\s+(?:with|who|that|seeing|having)\b[^.;()]{0,60}?|\b(?:should|must)|\bor)[\s,:–—-]*$`)
	// appealAfter101RE: another way offered the reader, or anonymity,
	// just after the number.
	appealAfter101RE = regexp.MustCompile(`(?i)^\s*(?:(?:or|and)\s+(?:pass\s+(?:it|details|information)\s+on\s+|report\s+(?:it\s+)?|contact\s+|via\s+|through\s+|tell\s+)?(?:crimestoppers|anonymously|online|in confidence)|[,–—-]\s*(?:you\s+)?(?:don['’]t|do\s+not|needn['’]t|need\s+not)\s+(?:have\s+to\s+|need\s+to\s+)?give)`)
	// complaint101RE: words after the number telling how it answered.
	complaint101RE = regexp.MustCompile(`(?i)\b(?:nobody|no one|no-one|never|wait\w*|hours?|ages|answer\w*|engaged|hung up|queue\w*|got through|get through)\b`)
)

// hasOtherTheft reports whether a theft other than m is told.
func hasOtherTheft(ms []taxonomy.Match, m taxonomy.Match) bool {
	for _, o := range ms {
		if o.Theme == theftTheme && o.Start != m.Start {
			return true
		}
	}
	return false
}

// inBriefing reports whether match m lies in the subject of a briefing
// ("an update on neighbourhood policing", "a presentation about county
// lines").
func inBriefing(text string, m taxonomy.Match) bool {
	for _, loc := range briefingRE.FindAllStringSubmatchIndex(text, -1) {
		if m.Start >= loc[2] && m.Start < loc[3] {
			return true
		}
	}
	return false
}

// onBikesRE: youths on bikes, after the youths' phrase.
var onBikesRE = regexp.MustCompile(`(?i)^\s+(?:on|riding)\s+(?:[\w-]+\s+)?(?:bikes?|motorbikes?|scramblers?|quads?|quad bikes?|mopeds?|motorcycles?)\b`)

// drawnIntoRE: young people drawn into something, before its words.
var drawnIntoRE = regexp.MustCompile(`(?i)\b(?:(?:drawn|groomed|recruited|pulled|lured|sucked|coerced|forced)|(?:drawing|draw|draws|grooming|recruiting|pulling|luring|coercing|forcing)\s+(?:[\w'’-]+\s+){1,3}?)\s*into\b[^.;]*$`)

// secondWorryRE: "and about" after "drawn into ...", opening a second object
// of the worry.
var secondWorryRE = regexp.MustCompile(`(?i)\binto\b[^.;]*\band about\b[^.;]*$`)

// stolenRideRE: the words that make bikes ridden stolen ones ("lads on
// scramblers and quad bikes, some of them believed stolen", "youths on
// stolen quads"): how the nuisance got its machines, not a theft raised
// ("farmers reported stolen quad bikes" is one).
var stolenRideRE = regexp.MustCompile(`(?i)\b(?:(?:believed|thought|suspected|possibly|probably|likely|all|some of them|many of them|some|often)\s+(?:to\s+be\s+|to\s+have\s+been\s+)?stolen\b|\b(?:on|riding|ride|rides|ridden)\s+stolen\s+(?:[\w-]+\s+)?(?:bikes?|motorbikes?|scramblers?|quads?|quad bikes?|mopeds?|motorcycles?|off-road bikes?))`)

// hasTheme reports whether a match of theme is among ms.
func hasTheme(ms []taxonomy.Match, theme string) bool {
	for _, m := range ms {
		if m.Theme == theme {
			return true
		}
	}
	return false
}

// seenOnFootRE: officers asked for as people to see ("more officers on
// foot", "more police on the beat", "officers to be seen").
var seenOnFootRE = regexp.MustCompile(`(?i)\b(?:on foot|on the beat|(?:to be|being) seen|visible)\b`)

// ofTheBikesRE: what follows a word of noise or speed that makes it the
// bikes' ("[noise] and speed of the bikes", "[speed] of those scramblers").
// groundDamageRE: damage told of open ground, grass or paths ("damaging
// the grass", "damage to the verges and the bridleway"), what riding over
// it does, not damage to anyone's property.
var groundDamageRE = regexp.MustCompile(`(?i)^(?:damag\w*|damage to)\s+(?:the\s+|their\s+|our\s+)?(?:grass(?:\s+verges?)?|verges?|lawns?|turf|playing fields?|fields?|pitch(?:es)?|bridleways?|footpaths?|paths?|tracks?)\b`)

var ofTheBikesRE = regexp.MustCompile(`(?i)^(?:\s+and\s+[a-z]+)?\s+of\s+(?:the|those|these|their)\s+(?:(?:motor|quad|off-road|trail|dirt|pit)\s*)?(?:bikes?|motorbikes?|scramblers?|quads?)\b`)

// andItemRE: a second item joined by "and" ("a car stolen and a window
// smashed at the school": two matters).
var andItemRE = regexp.MustCompile(`(?i)\band\s+(?:a|an|the|two|three|several)\b`)

// andBarePlural reports whether the damage match m, or the word just
// before it, opens a second item joined by a bare "and" with its own
// plural noun ("a spate of break-ins on the close and windows broken at
// the chapel": two matters, as with an article; but "cars broken into,
// their windows smashed" is the break-in's way in). from is where the
// theft match ends.
func andBarePlural(text string, from int, m taxonomy.Match) bool {
	tail := text[from:m.End]
	at := m.Start - from
	for _, loc := range andBareRE.FindAllStringSubmatchIndex(tail, -1) {
		if loc[2] > at {
			break
		}
		if loc[2] != at && strings.TrimSpace(tail[loc[3]:at]) != "" {
			continue
		}
		w := strings.ToLower(tail[loc[2]:loc[3]])
		if len(w) >= 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !notPluralWords[w] {
			return true
		}
	}
	return false
}

// andBareRE: "and", perhaps a quantity, and the word after it.
var andBareRE = regexp.MustCompile(`(?i)\band\s+(?:some\s+|other\s+|more\s+|many\s+)?([a-z]+)\b`)

// notPluralWords: words ending in s that are no plural noun.
var notPluralWords = map[string]bool{"this": true, "thus": true, "perhaps": true, "always": true, "besides": true, "across": true, "unless": true, "whereas": true, "sometimes": true, "afterwards": true, "hers": true, "theirs": true, "ours": true, "yours": true, "towards": true, "nevertheless": true}

// windowRE: a window in a damage phrase.
var windowRE = regexp.MustCompile(`(?i)\bwindows?\b`)

// theftJustBefore reports whether a theft match ends within sixty bytes
// before m in the same sentence (no full stop or semicolon between).
func theftJustBefore(text string, ms []taxonomy.Match, m taxonomy.Match) bool {
	for _, o := range ms {
		if o.Theme == theftTheme && o.End <= m.Start && m.Start-o.End <= 60 && !strings.ContainsAny(text[o.End:m.Start], ".;") && !andItemRE.MatchString(text[o.End:m.Start]) && !andBarePlural(text, o.End, m) {
			return true
		}
	}
	return false
}

// matterBefore reports whether a match of another theme than m's comes
// before m (the matter a remedy is asked for).
func matterBefore(ms []taxonomy.Match, m taxonomy.Match) bool {
	for _, o := range ms {
		if o.Theme != m.Theme && o.End <= m.Start {
			return true
		}
	}
	return false
}

// patrolsDone reports whether patrol match m names patrols that someone
// runs, has run or will run, as a report of what officers or partners did
// ("the neighbourhood team has since run a series of night patrols", "we
// are now doing foot patrols in the afternoons", "the inspector has
// arranged additional patrols", "extra patrols began in June", "the
// operation's patrols continue"): the reply to a matter, not the public
// asking for patrols. The doing is a verb of running or arranging just
// before the patrols (with the patrols' kind between) or a verb of starting
// or going on just after them. A request in the clause before keeps the
// match ("residents asked the team to run more patrols", "people want
// patrols stepped up"), and so does a verb the public complains with
// ("patrols never began").
func patrolsDone(text string, m taxonomy.Match) bool {
	if ph := strings.ToLower(text[m.Start:m.End]); ph != "patrol" && ph != "patrols" {
		return false
	}
	before := text[:m.Start]
	if i := strings.LastIndexAny(before, ".;:!?"); i >= 0 {
		before = before[i+1:]
	}
	if patrolWantBeforeRE.MatchString(before) {
		return false
	}
	return patrolDoerBeforeRE.MatchString(before) || patrolGoesOnAfterRE.MatchString(text[m.End:])
}

var (
	// patrolDoerBeforeRE: a verb of running or arranging patrols, just
	// before them, with their kind between ("has since run a series of
	// evening", "will arrange joint", "now doing regular foot").
	patrolDoerBeforeRE = regexp.MustCompile(`(?i)\b(?:run|runs|ran|running|do|does|did|done|doing|carr(?:y|ies|ied|ying)\s+out|conduct(?:s|ed|ing)?|arrang(?:e|es|ed|ing)|extend(?:s|ed|ing)?|increas(?:e|es|ed|ing)|step(?:s|ped|ping)?\s+up|put(?:s|ting)?\s+on|laid\s+on|lay(?:s|ing)?\s+on|mount(?:s|ed|ing)?|organis(?:e|es|ed|ing)|deploy(?:s|ed|ing)?|start(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|add(?:s|ed|ing)?|target(?:s|ed|ing)?)\s+(?:(?:a|an|the|its|their|our|his|her)\s+)?(?:(?:series|number|programme|round|couple)\s+of\s+)?(?:(?:more|extra|additional|increased|regular|further|joint|targeted|high[- ]visibility|high[- ]vis|evening|night|nightly|weekend|foot|late|afternoon|morning|overnight|daily|weekly|police|plain[- ]clothes|mobile|dedicated)[\s-]+){0,3}$`)
	// patrolGoesOnAfterRE: a verb of starting or going on just after the
	// patrols ("patrols began", "patrols continue across the borough").
	patrolGoesOnAfterRE = regexp.MustCompile(`(?i)^s?\s+(?:(?:have|has|had)\s+(?:now\s+|since\s+|already\s+)?(?:begun|started|continued|been\s+(?:increased|stepped\s+up|introduced|extended|carried\s+out|running|run))|began|begun|started|continue[sd]?|continuing|(?:are|were|will\s+be)\s+(?:now\s+)?(?:being\s+)?(?:increased|stepped\s+up|introduced|extended|carried\s+out|run|running)|will\s+(?:continue|start|begin))\b`)
	// patrolWantBeforeRE: a request or complaint earlier in the clause
	// ("asked the team to run more", "want them to carry out").
	patrolWantBeforeRE = regexp.MustCompile(`(?i)\b(?:ask\w*|want\w*|request\w*|call(?:s|ed|ing)?\s+for|urg\w*|press\w*|demand\w*|would\s+like|like\s+to\s+see|need\w*|push\w*|hop(?:e|es|ed|ing)|wish\w*|never|no\s+longer|stopped)\b`)
)

// teamPassedTo reports whether visible-policing match m is the name of a
// policing team a matter was passed, sent or shared to ("we passed it on
// to the neighbourhood police team", "the complaints have been shared
// with the North neighbourhood policing team"): where the matter went, not
// the public raising policing ("residents want a neighbourhood policing
// team back" has no passing to it).
func teamPassedTo(text string, m taxonomy.Match) bool {
	return teamNameAfterRE.MatchString(text[m.End:]) && passedToBeforeRE.MatchString(text[max(0, m.Start-100):m.Start])
}

// officerActs reports whether officers named by match m (a PCSO, the
// neighbourhood officers) lead their clause and then say or do something
// ("PCSO Hale asked residents to keep diaries", "the PCSO will chase the
// camera van", "neighbourhood officers gave an update on the burglaries"):
// the officers' report or promise, not the public raising policing. A
// clause that wants or misses officers keeps the match ("PCSOs said they
// need more officers on foot").
func officerActs(text string, m taxonomy.Match) bool {
	if !roleNounRE.MatchString(text[m.Start:m.End]) || !officerActsAfterRE.MatchString(text[m.End:]) {
		return false
	}
	return clauseHeadBeforeRE.MatchString(text[max(0, m.Start-40):m.Start]) && !policingWantRE.MatchString(clauseAround(text, m))
}

// mobileStationRE: "mobile" just before "police station": the van that
// tours a patch, a way to reach officers offered to readers.
var mobileStationRE = regexp.MustCompile(`(?i)\bmobile\s+$`)

var (
	// teamNameAfterRE: the rest of a team's name after its phrase.
	teamNameAfterRE = regexp.MustCompile(`(?i)^(?:ing)?\s+teams?\b`)
	// passedToBeforeRE: a matter passed, shared or referred to whom
	// follows, the team's place name between ("shared with Stockton
	// North", "passed both on to the council and to the").
	passedToBeforeRE = regexp.MustCompile(`(?i)\b(?:passed|passing|pass|shared|sharing|referred|forwarded|sent|handed|fed|reported|raised)\b[^.;!?]{0,60}?\b(?:to|with)\s+(?:the\s+|our\s+|your\s+)?(?:[A-Z][\w'’-]*\s+){0,3}$`)
	// clauseHeadBeforeRE: nothing before the officers in their clause but
	// an article ("the", "our") or "and".
	clauseHeadBeforeRE = regexp.MustCompile(`(?i)(?:^|[.;:!?(]|\band)\s*(?:the\s+|our\s+|your\s+|a\s+|two\s+|local\s+)?$`)
	// officerActsAfterRE: what the officers then said or will do, after
	// a name or "also".
	officerActsAfterRE = regexp.MustCompile(`(?i)^\s+(?:[A-Z][\w'’-]+\s+)?(?:also\s+|then\s+)?(?:said|says|told|tells|explained|reported|advised|urged|reminded|asked\s+(?:people|residents|everyone|those|members|anyone|the\s+public)|gave|gives|presented|delivered|provided|will\s+(?:request|ask|pass|arrange|look|contact|speak|chase|follow|visit|check|liaise)|agreed\s+to|promised\s+to|is\s+to)\b`)
)

// patrolAskRE: a request for policing, just before its phrase ("and
// asked for more patrols", "calling for extra").
var patrolAskRE = regexp.MustCompile(`(?i)\b(?:asked|asking|called|calling|pressed|pressing|requested|requesting|wanted|appealed)\s+(?:(?:for|whether|if)\s+)?(?:(?:more|extra|additional|increased|regular|further)\s+)?$`)

var (
	// briefingRE: the subject of what a meeting was told ("an update on
	// neighbourhood policing"), or of a gathering of officials and
	// professionals, a few words naming it before its kind ("a Home Office
	// roundtable on neighbourhood policing", "a national conference about
	// county lines"): its topic, not a concern residents raised.
	briefingRE   = regexp.MustCompile(`(?i)\b(?:an?|the|his|her|their)\s+(?:update|briefing|presentation|talk|overview|(?:[\w'’-]+\s+){0,3}?(?:roundtable|round-table|round table|conference|seminar|summit|symposium|webinar|workshop))\s+(?:on|about|from|of)\s+((?:[\w'’-]+\s*){1,4})`)
	abuseRE      = regexp.MustCompile(`(?i)\babus`)
	litterPickRE = regexp.MustCompile(`(?i)^litter[\s-]*pick`)
	pickDoneRE   = regexp.MustCompile(`(?i)^\w*(?:\s+[\w'’]+){0,4}?\s+(?:had\s+|has\s+|have\s+)?(?:filled|collected|cleared|was held|were held|took place|went ahead|gathered|removed|raised)\b`)
	toReportRE   = regexp.MustCompile(`(?i)\bto\s+report\s+(?:a|an|the|their|her|his|my|some)?\s*$`)
)

// ruralTheme is the taxonomy's theme for rural crime, farm theft among it
// (DOMAIN.md).
const ruralTheme = "rural_crime"

// fromFarms reports whether theft match m is farm theft: its clause says
// farmers told it or it names a farm as what was stolen from ("thefts of
// quad bikes and diesel from farm yards", "Farmers described thefts of
// machinery", "tools and a trailer stolen from farms"). The clause ends at
// a stop or at a second thing raised ("thefts from outbuildings and about
// hare coursing on farmland": the sheds' theft is not the farm's).
// Farm animals taken are farm theft too ("a spate of thefts of lambs from
// the hill grazing"): livestock is only kept on farms.
func fromFarms(text string, m taxonomy.Match) bool {
	after := text[m.End:]
	if i := clauseEndRE.FindStringIndex(after); i != nil {
		after = after[:i[0]]
	}
	before := text[:m.Start]
	if i := strings.LastIndexAny(before, ".;:!?"); i >= 0 {
		before = before[i+1:]
	}
	if loc := newClauseRE.FindAllStringIndex(before, -1); loc != nil {
		// "..., which farmers believe is hare coursing, and a run of
		// burglaries from garages": the farmers are another clause's.
		before = before[loc[len(loc)-1][1]:]
	}
	after = farmShopRE.ReplaceAllString(after, "") // shoplifting at a farm shop is shoplifting
	return farmRE.MatchString(after) || farmersRE.MatchString(before)
}

var (
	clauseEndRE = regexp.MustCompile(`(?i)[.;:!?(]|,?\s(?:and|or)\s+(?:about|over|of|on|at|with|that|the\s+(?:number|lack|amount))\b|\b(?:but|while|whereas|as well as)\b`)
	farmRE      = regexp.MustCompile(`(?i)\b(?:farms?|farmyards?|farm\s+(?:yards?|buildings?|sheds?|tanks?|machinery|equipment|vehicles?)|agricultural|farmers?'s?|tractors?|combine harvesters?|livestock|sheep|lambs?|ewes?|cattle|cows|calves|pigs|farmland|field\s+gateways?|paddocks?)\b`)
	farmShopRE  = regexp.MustCompile(`(?i)\bfarm\s+shops?\b`)
	newClauseRE = regexp.MustCompile(`(?i),\s*(?:and|but|while|whereas)\s`)
	farmersRE   = regexp.MustCompile(`(?i)\b(?:farmers|landowners|the farming community)\b`)
)

// genericTrafficDropped leaves out a bare word whose meaning another
// theme in the text says more exactly: "traffic" beside speeding ("Traffic
// comes through far faster than the 30 limit" is speeding, not a second
// concern about traffic), "racing" beside off-road bikes ("Youngsters are
// racing round on motorcycles" is the bikes), and a parking phrase for the
// cars something else is done from ("dealing drugs from cars parked near
// the school", "dealing from a car parked near the shops" is drug
// dealing), and "race track" in the clause of off-road bikes.
func genericTrafficDropped(text string, ms []taxonomy.Match) []taxonomy.Match {
	for i, m := range ms {
		if m.Theme == "speeding" && bikesRiddenRE.MatchString(text[max(0, m.Start-40):m.Start]) {
			// "bikes being ridden at speed along footpaths and across the
			// playing fields": the nuisance bikes, not speeding traffic
			ms = slices.Clone(ms)
			ms[i].Theme = "off_road_bikes"
		}
	}
	has := map[string]bool{}
	for _, m := range ms {
		has[m.Theme] = true
	}
	if len(has) < 2 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		p := strings.ToLower(m.Phrase)
		switch {
		case m.Theme == "parking_traffic" && p == "traffic" && has["speeding"]:
			continue
		case m.Theme == "parking_traffic" && (p == "lorries" || p == "hgv" || p == "heavy goods vehicles") && speedingNear(text, m, ms):
			// ("lorries pass the school gates far too fast": the lorries
			// speed; "the speed of traffic ..., particularly HGVs using the
			// village as a short cut": a second concern)
			continue
		case m.Theme == "parking_traffic" && (p == "rat running" || p == "rat run" || p == "rat runs") && inClause(text, m, ms, "speeding"):
			// "drivers were using Nunthorpe as a rat-run ... and were
			// flying through the village well over 30mph": the speed is
			// the complaint, the rat-run its road
			continue
		case m.Theme == "parking_traffic" && fromCarsRE.MatchString(text[:m.Start]):
			continue
		case m.Theme == "off_road_bikes" && (p == "motorbike" || p == "motorcycle") && carsAndRE.MatchString(text[:m.Start]) && inClause(text, m, ms, "speeding"):
			// "cars and motorbikes racing along Guisborough Road": road
			// traffic speeding, the motorbikes among it
			continue
		case m.Theme == "antisocial_behaviour" && (p == "nuisance" || p == "causing nuisance") && nuisanceOfRE.MatchString(text[m.End:]) && follows(text, m, ms, 30, func(o taxonomy.Match) bool { return o.Theme != m.Theme }):
			// "the nuisance caused by scrambler bikes being ridden across
			// the open land": the bikes are the nuisance, not a second
			// concern of anti-social behaviour
			continue
		case m.Theme == "speeding" && (p == "race track" || p == "racing" || strings.EqualFold(text[m.Start:m.End], "speed")) && has["off_road_bikes"] && inClause(text, m, ms, "off_road_bikes") &&
			!carsBeforeRE.MatchString(text[:m.Start]) && !(p != "racing" && driversTrackRE.MatchString(text[:m.Start])):
			// (not "nuisance motorbikes ... and cars racing on Hart Lane":
			// the cars race)
			// ("Scramblers and quad bikes ... racing along the cycle
			// path", "motorbikes being ridden at speed": the bikes)
			continue
		}
		out = append(out, m)
	}
	return out
}

// carsAndRE: other road vehicles just before "motorbikes" ("cars and
// motorbikes", "cars, vans and motorcycles").
var carsAndRE = regexp.MustCompile(`(?i)\b(?:cars?|vans?|vehicles?|lorries|drivers)(?:,\s+[a-z]+)*\s+(?:and|&)\s+$`)

// nuisanceOfRE: "nuisance" followed by what causes it.
var nuisanceOfRE = regexp.MustCompile(`(?i)^\s+(?:(?:caused|created)\s+)?(?:by|from|of)\s`)

// bikesRiddenRE: bikes ridden (or "travelling", "tearing" ...), just
// before a speeding phrase ("two bikes travelling at speed on a footpath").
var bikesRiddenRE = regexp.MustCompile(`(?i)\b(?:bikes?|motorbikes?|motor bikes?|scramblers?|quads?|quad bikes?|mopeds?|e-?bikes?)\s+(?:being\s+|were\s+|are\s+|was\s+|is\s+)?(?:(?:ridden|driven)\s+(?:at\s+)?|(?:travelling|traveling|going|racing|tearing|flying)\s+at\s+)$`)

// speedingNear reports whether a speeding phrase follows match m closely
// in its clause (within forty characters, no comma between).
func speedingNear(text string, m taxonomy.Match, ms []taxonomy.Match) bool {
	return follows(text, m, ms, 40, func(o taxonomy.Match) bool { return o.Theme == "speeding" })
}

// follows reports whether a phrase that pick takes follows match m within
// `within` characters, in its clause (no comma or stop between).
func follows(text string, m taxonomy.Match, ms []taxonomy.Match, within int, pick func(taxonomy.Match) bool) bool {
	for _, o := range ms {
		if pick(o) && o.Start >= m.End && o.Start-m.End <= within && !strings.ContainsAny(text[m.End:o.Start], ",.;") {
			return true
		}
	}
	return false
}

// carsBeforeRE: a vehicle other than the bikes just before "racing" ("cars
// racing", "drivers racing").
// driversTrackRE: road users treating a road as a race track, told
// before it ("drivers using the A174 through the town as a racetrack"):
// the road's traffic speeding, a concern of its own beside bikes on the
// fields in the same sentence.
var driversTrackRE = regexp.MustCompile(`(?i)\b(?:cars?|vans?|drivers?|motorists?|vehicles?|boy racers)\b[^,.;]{0,70}?\b(?:as|like|into)\s+(?:a|an|their|his|her|some sort of)?\s*(?:own\s+|personal\s+)?$`)

var carsBeforeRE = regexp.MustCompile(`(?i)\b(?:cars?|vans?|drivers?|motorists?|vehicles?|lorries|taxis?|boy racers)\s+(?:[a-z]+\s+){0,2}$`)

// fromCarsRE: the words before a parking phrase that make the cars a
// place something else is done from or to ("dealing drugs from cars
// parked", "catalytic converters cut off cars parked overnight",
// "break-ins to cars parked on driveways").
var fromCarsRE = regexp.MustCompile(`(?i)\b(?:from|off|out of|inside|into|break-?ins?\s+(?:to|of)|damage\s+to)\s+(?:the\s+|their\s+|an?\s+)?$`)

// inClause reports whether a phrase of theme stands in the clause of match
// m (no stop between them): off-road bikes beside "race track" ("young men
// on scramblers using the old railway path as a race track": the bikes'
// track, not cars speeding), hate crime beside abuse.
func inClause(text string, m taxonomy.Match, ms []taxonomy.Match, theme string) bool {
	for _, o := range ms {
		if o.Theme != theme {
			continue
		}
		lo, hi := min(m.End, o.End), max(m.Start, o.Start)
		if lo <= hi && !strings.ContainsAny(text[lo:hi], ".;") {
			return true
		}
	}
	return false
}

// theftTheme is the taxonomy's theme for theft.
const theftTheme = "burglary_theft"

// stolenAfter reports whether what follows a phrase says it was stolen
// ("quad bikes, strimmers and tools stolen", with up to two auxiliaries:
// "mountain bikes are being stolen"), not that something else was
// ("hare coursing, and a trailer stolen from a field gateway": a second
// item with its own article).
func stolenAfter(after string) bool {
	loc := stolenAfterRE.FindString(after)
	return loc != "" && !otherItemRE.MatchString(loc)
}

var otherItemRE = regexp.MustCompile(`(?i)^\s*,?\s*and\s+(?:a|an|the|his|her|their|two|three|several)\s`)

var (
	stolenBeforeRE = regexp.MustCompile(`(?i)\b(?:thefts?\s+of|stealing|stole|steal|steals|broke\s+into|breaking\s+into)\s+(?:[a-z]+(?:\s+[a-z]+)?(?:,|\s+and|\s+or)\s+){0,3}(?:(?:the|a|an|their|his|her|two|three|several|some|four|five)\s+)?$`)
	stolenAfterRE  = regexp.MustCompile(`(?i)^(?:\s*(?:,|\band\b|\bor\b)(?:\s+[\w'’-]+){1,3}?)?\s+(?:(?:were|was|being|had\s+been|have\s+been|has\s+been|are|is|got)\s+){0,2}(?:stolen|taken|nicked)\b` +
		// "Cars parked overnight on the streets off Norton Road were broken
		// into": where the cars stood says nothing of parking.
		`|^(?:\s+[\w'’-]+){0,8}?\s+(?:were|was|had\s+been|have\s+been|has\s+been|got)\s+(?:broken\s+into|stolen|taken|nicked|targeted|ransacked)\b`)
)

// opensName reports whether the capitalised phrase at text[start:end] opens
// a name that goes on after it ("the Neighbourhood Policing Teams across
// Middlesbrough received ..."): an organisation, not a theme.
func opensName(text string, start, end int) bool {
	if start >= len(text) || !(text[start] >= 'A' && text[start] <= 'Z') || start == 0 {
		return false
	}
	if last := strings.LastIndexByte(text[start:end], ' '); last >= 0 && !(text[start+last+1] >= 'A' && text[start+last+1] <= 'Z') {
		return false // "Anti-social behaviour" opening a sentence
	}
	w := nextWordOf(text[end:])
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

// nextWordOf is the word after a space at the start of s, "" if s goes on
// otherwise (a comma, a full stop).
func nextWordOf(s string) string {
	if !strings.HasPrefix(s, " ") {
		return ""
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

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
	if askingWords[strings.ToLower(w)] {
		return false // "Do PCSOs work at night?": a question's first word, no name
	}
	if runInLabel(text, prev[:i], start) {
		return false
	}
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && !strings.HasSuffix(w, ".") && !strings.HasSuffix(w, ":")
}

// runInLabel reports whether the one capitalised word before start is a
// minutes item's label run into its first sentence, as a bold label on its
// own line is once the lines are joined ("3. Environment Litter dropped
// all along the beck path", "Highways Cars parked on both pavements"):
// the label opens the text (after an item number at most) and the words
// from start are a sentence's, capitalised only at their first word, not
// a title-cased name ("Environment Agency", "Crime Stoppers Week").
func runInLabel(text, before string, start int) bool {
	label := strings.TrimSpace(text[len(before):start])
	if labelNotWords[strings.ToLower(label)] {
		return false
	}
	if strings.TrimSpace(itemNumRE.ReplaceAllString(before, "")) != "" {
		return false
	}
	f := strings.Fields(text[start:])
	return len(f) > 1 && len(f[0]) > 1 && f[0][1] >= 'a' && f[0][1] <= 'z' && f[1][0] >= 'a' && f[1][0] <= 'z'
}

// labelNotWords open a sentence, never an item's label: "The PCSO said"
// and "Our PCSO" are no label run into a sentence.
var labelNotWords = map[string]bool{"the": true, "a": true, "an": true, "our": true, "your": true, "their": true, "this": true,
	"that": true, "these": true, "those": true, "his": true, "her": true, "its": true, "my": true, "we": true, "they": true}

// askingWords open questions; capitalised, they start a sentence, never a
// name.
var askingWords = map[string]bool{"do": true, "does": true, "did": true, "are": true, "is": true, "was": true, "were": true,
	"why": true, "how": true, "what": true, "when": true, "where": true, "will": true, "can": true, "could": true,
	"should": true, "would": true, "has": true, "have": true}

// emit gives the event its deterministic id and keeps a copy; later
// changes to ev are not seen (finish derives meeting themes from concerns).
func (r *run) emit(b *segment.Block, ev *schemas.Event) {
	if r.perPara == nil {
		r.perPara = map[int]int{}
	}
	idx := r.perPara[b.N]
	r.perPara[b.N]++
	ev.EventID = uuid.NewSHA1(r.x.ns, fmt.Appendf(nil, "%s/%d/%d", r.hash, b.N, idx)).String()
	r.wardAtDate(ev)
	r.res.Events = append(r.res.Events, *ev)
}

// wardAtDate makes an event's ward the one in force on its date: a place
// resolved at the document's date ("Grangetown" on a page updated in
// August 2019) names the ward of that date, but a row of that page's
// January is in the ward of January (the 2003 set, before the May 2019
// change). The ward of the same name at the date replaces it; with none,
// the event keeps only its authority.
func (r *run) wardAtDate(ev *schemas.Event) {
	if ev.WardCode == "" {
		return
	}
	at, err := time.Parse(time.DateOnly, ev.Date)
	w, ok := r.x.gaz.Ward(ev.WardCode)
	if err != nil || !ok || w.InForce(at) {
		return
	}
	if res, err := r.x.gaz.Resolve(w.Name, at); err == nil && res.Kind == "ward" && res.LADCode == w.LADCode {
		ev.WardCode = res.WardCode
		return
	}
	ev.WardCode = ""
}

// finish validates every event against the schema (dropping and reporting
// any that fail, and concerns of a dropped meeting lose their meeting id)
// and counts.
func (r *run) finish() {
	// A meeting carries the themes discussed there: its title's and its
	// concerns'. A theme is raised at a meeting once: a report that tells
	// the meeting's issues and then recaps them ("Off-road motorbikes:
	// raised at Eston (5 July); Loftus (9 August)") repeats the theme, it
	// does not raise it again.
	// A concern told with no link, on a meeting's day and at its place
	// ("5.1 Eston: ... seven off-road bikes were seized" under "What has
	// been done"), is of that meeting too.
	themes := map[string][]string{}
	meetingAt := map[string]string{} // date, ward and authority -> the meeting's id
	var kept []schemas.Event
	for _, e := range r.res.Events {
		at := e.Date + "/" + e.WardCode + "/" + e.LADCode
		if e.Type == schemas.TypeMeeting && e.DayPrecise() {
			if _, ok := meetingAt[at]; !ok {
				meetingAt[at] = e.EventID
			}
		}
		if e.Type == schemas.TypeConcern {
			id := e.Concern.MeetingID
			if id == "" && e.DayPrecise() {
				id = meetingAt[at]
			}
			if id != "" {
				seen := themes[id]
				e.Themes = slices.DeleteFunc(slices.Clone(e.Themes), func(th string) bool { return slices.Contains(seen, th) })
				if len(e.Themes) == 0 {
					continue
				}
				themes[id] = sortedUnion(seen, e.Themes)
			}
		}
		kept = append(kept, e)
	}
	r.res.Events, kept = kept, nil
	r.res.Events = r.topicConcerns(r.res.Events, themes)
	r.res.Events = r.dropRecaps(r.res.Events, themes)
	r.res.Events = dropMonthRetold(r.res.Events, themes, r.placeUnsaid)
	r.res.Events = dropWeekRetold(r.res.Events, themes)
	r.res.Events = r.dropBareWeek(r.res.Events, themes)
	r.res.Events = dropDayRetold(r.res.Events, themes, r.placeUnsaid)
	// bareBodies: the partnerships' and boards' meetings dropped below as
	// bare. A concern of one of them whose only theme is "partnership"
	// is the body's name read as a theme ("We also took your concerns to
	// the Community Safety Partnership meeting on 2 May"), no concern the
	// public raised there: it goes with its meeting.
	bareBodies := map[string]bool{}
	leftOut := map[string]bool{} // meetings bareOccasion or panelsOwnMinutes left out, whose concerns go with them
	for _, e := range r.res.Events {
		if e.Type == schemas.TypeConcern && e.Concern != nil && leftOut[e.Concern.MeetingID] {
			// (an occasion's themes are its name's: "a briefing on
			// Operation Endurance, the force's operation targeting
			// off-road bikes"; the Panel's sitting is its members')
			r.res.Problems = append(r.res.Problems, Problem{Document: r.res.Document, Paragraph: e.Source.Paragraph, What: "concern", Text: strings.Join(e.Themes, ","), Reason: "raised at a meeting left out (an occasion, the Panel's own sitting): not emitted"})
			continue
		}
		if e.Type == schemas.TypeConcern && e.Concern != nil && bareBodies[e.Concern.MeetingID] && onlyPartnership(e.Themes) {
			r.res.Problems = append(r.res.Problems, Problem{Document: r.res.Document, Paragraph: e.Source.Paragraph, What: "concern", Text: "partnership", Reason: "the name of a partnership's bare meeting, no concern raised there: not emitted"})
			continue
		}
		if e.Type == schemas.TypeMeeting {
			e.Themes = sortedUnion(e.Themes, themes[e.EventID])
			if len(e.Themes) == 0 {
				e.Themes = nil
			}
			if e.Meeting != nil && (partnerBodyRE.MatchString(e.Meeting.Title) && (e.Themes == nil || r.bodyThemesOnly(e)) || bareBodyKind(&e)) {
				// "the Commissioner attended the Safer Hartlepool
				// Partnership (12 May), the Stockton Health and Wellbeing
				// Board (25 May) ...": agencies meeting, with nothing
				// said of what was raised there. (One the document tells
				// what it dealt with, writers count, and it stays.)
				r.res.Problems = append(r.res.Problems, Problem{Document: r.res.Document, Paragraph: e.Source.Paragraph, What: "meeting", Text: e.Meeting.Title, Reason: "a meeting of a partnership or board with nothing said of what was raised there: not emitted"})
				bareBodies[e.EventID] = true
				continue
			}
			if e.Meeting != nil && r.panelsOwnMinutes(e) {
				r.res.Problems = append(r.res.Problems, Problem{Document: r.res.Document, Paragraph: e.Source.Paragraph, What: "meeting", Text: e.Meeting.Title, Reason: "the Police and Crime Panel's own meeting, which its minutes record: not a meeting with the public, not emitted"})
				leftOut[e.EventID] = true
				continue
			}
			if e.Meeting != nil && r.bareOccasion(e) {
				r.res.Problems = append(r.res.Problems, Problem{Document: r.res.Document, Paragraph: e.Source.Paragraph, What: "meeting", Text: e.Meeting.Title, Reason: "an occasion (a fun day, an operation, an agencies' forum) with nothing said of what was raised there: not a meeting with the public, not emitted"})
				leftOut[e.EventID] = true
				continue
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

// topicSaid is what a community meeting's own sentence names among the
// taxonomy's themes ("At the residents' meeting last Thursday it was
// mainly about gangs of youths hanging about outside the off-licence").
type topicSaid struct {
	meeting string // the meeting's event id
	block   int
	text    string
	themes  []string
}

// topicConcerns emits, for a residents' or ward meeting whose own sentence
// names themes that no concern of the meeting carries, one concern of
// those themes, of the meeting: the sentence tells what the meeting was
// about ("it was mainly about gangs of youths", "the Grangetown ward
// meeting reported deliberate fires"), which is what the public raised
// there. Not for the other kinds (a forum's or a partners' meeting names
// its business, "met partners to discuss information sharing"), nor
// "partnership", nor visible policing: a meeting's sentence names the
// officers who were there ("the PACT meeting with PCSO Hall", "police and
// residents met"), which is no concern. themes is each meeting's concerns'
// themes, updated.
func (r *run) topicConcerns(events []schemas.Event, themes map[string][]string) []schemas.Event {
	if len(r.topicsSaid) == 0 {
		return events
	}
	byID := map[string]int{}
	for i, e := range events {
		if e.Type == schemas.TypeMeeting {
			byID[e.EventID] = i
		}
	}
	out := events
	for i, t := range r.topicsSaid {
		at, ok := byID[t.meeting]
		if !ok {
			continue
		}
		m := events[at]
		if m.Meeting == nil || m.Meeting.Kind != schemas.KindCommunityMeeting || topicAskedRE.MatchString(t.text) {
			continue // (a request the concern finder has read, and may have let go: "members asked for Community Speed Watch" on a page not the group's)
		}
		named := map[string]bool{} // themes read from names: the meeting's own ("the road safety meeting"), a body's
		for _, n := range r.concernMatches(t.text) {
			if opensName(t.text, n.Start, n.End) || inName(t.text, n.Start) || meetingNameAfterRE.MatchString(t.text[n.End:]) || meetingNameEndRE.MatchString(t.text[n.Start:n.End]) {
				named[n.Theme] = true // "the Rural Crime Forum's", "our road safety meeting": a name
			}
		}
		var left []string
		for _, th := range t.themes {
			if th != "partnership" && th != "visible_policing" && !named[th] && !slices.Contains(themes[t.meeting], th) {
				left = append(left, th)
			}
		}
		if len(left) == 0 {
			continue
		}
		c := schemas.Event{Type: schemas.TypeConcern, SchemaVersion: m.SchemaVersion, Date: m.Date, Precision: m.Precision, Period: m.Period,
			Source: m.Source, Place: m.Place, WardCode: m.WardCode, LADCode: m.LADCode, Themes: left,
			Concern: &schemas.Concern{MeetingID: m.EventID, Text: clip(t.text, 20000)}}
		c.EventID = uuid.NewSHA1(r.x.ns, fmt.Appendf(nil, "%s/%d/topic/%d", r.hash, t.block, i)).String()
		out = append(out, c)
		themes[t.meeting] = sortedUnion(themes[t.meeting], left)
	}
	return out
}

// topicAskedRE: a clause that tells someone asking for something, a
// request the concern finder reads (and may let go).
var topicAskedRE = regexp.MustCompile(`(?i)\b(?:ask(?:s|ed|ing)?\s+for|call(?:s|ed|ing)?\s+for|request(?:s|ed|ing)?)\b`)

// bodyNouns are the nouns that make the words before them a meeting's or
// a body's name: after a theme's words ("the road safety meeting":
// meetingNameAfterRE) or ending a theme's phrase ("the Rural Crime
// Forum's": meetingNameEndRE).
const bodyNouns = `meetings?|forums?|groups?|partnerships?|boards?|panels?|events?|sessions?|briefings?|surger(?:y|ies)|walkabouts?`

var (
	meetingNameAfterRE = regexp.MustCompile(`(?i)^\s+(?:` + bodyNouns + `)\b`)
	meetingNameEndRE   = regexp.MustCompile(`(?i)\b(?:` + bodyNouns + `)(?:['’]s)?$`)
)

// dropRecaps drops, from a concern told for a month or a period with no
// meeting of its own, each theme that a meeting of the document raised on
// a day inside that span and at its place: a report's summary of what
// came up ("Concerns about drugs at North Ormesby and Roseworth have been
// passed to the teams", "Off-road bikes remained the issue raised most,
// in Grangetown and Roseworth") retells its meetings' concerns. Only a
// ward's: writers count a concern told for a whole authority over the
// period ("Across Hartlepool, off-road bikes were raised at nearly every
// meeting", letters from across Stockton) as one of its own. A concern
// left with no theme goes, and so do the actions told about it.
// raisedRecapRE: a report's summary telling in the passive where a theme
// was raised, with no one who raised it ("Drugs were raised at two
// community meetings in the period, in Redcar and in Hartlepool", "Traffic
// and speed were raised in Stockton"): for a whole authority too, a recap
// of the meetings the report told, when one of them in that authority and
// in the span raised the theme. (Not letters or calls to the office,
// contactsRE: those are the period's own.)
var raisedRecapRE = regexp.MustCompile(`(?i)^\W*(?:[0-9.]+\s+)?(?:[\w'’-]+\s+){1,4}?(?:was|were|had been|have been|has been)\s+(?:also\s+)?(?:raised|discussed|mentioned|brought up)\s+(?:at|in)\b`)

// mostRaisedRE: a report's summary ranking a theme among what was raised
// ("Scramblers are still the most common complaint raised with the
// Commissioner across Redcar", "Litter was once again the concern raised
// most often"): a recap of its meetings, for a whole authority too, as
// raisedRecapRE's passive is, when one of them in that authority and in
// the span raised the theme. A ranking of letters or calls to the office
// (contactsRE) is the period's own.
var mostRaisedRE = regexp.MustCompile(`(?i)\b(?:remains?|remained|is|was|are|were|continues? to be|continued to be)\s+(?:still\s+|again\s+|once again\s+)?the\s+(?:most\s+(?:frequent|common|frequently raised|commonly raised|often raised)|commonest|single most common)\s+(?:issue|concern|complaint|topic|theme)s?\s+(?:raised|brought up|mentioned)\b|\bthe (?:issue|concern|complaint|topic)s? raised (?:most|most often|most frequently)\b`)

func (r *run) dropRecaps(events []schemas.Event, linked map[string][]string) []schemas.Event {
	type raised struct {
		day       time.Time
		ward, lad string
		themes    []string
	}
	var meetings []raised
	for _, e := range events {
		if e.Type != schemas.TypeMeeting || !e.DayPrecise() {
			continue
		}
		day, err := time.Parse(time.DateOnly, e.Date)
		if err != nil {
			continue
		}
		meetings = append(meetings, raised{day, e.WardCode, e.LADCode, sortedUnion(e.Themes, linked[e.EventID])})
	}
	recap := func(e *schemas.Event, th string) bool {
		from, err1 := time.Parse(time.DateOnly, e.Period.Start)
		to, err2 := time.Parse(time.DateOnly, e.Period.End)
		if err1 != nil || err2 != nil || (e.WardCode == "" && (!(raisedRecapRE.MatchString(e.Concern.Text) || mostRaisedRE.MatchString(e.Concern.Text)) || contactsRE.MatchString(e.Concern.Text))) {
			return false
		}
		for _, m := range meetings {
			if m.day.Before(from) || m.day.After(to) || !slices.Contains(m.themes, th) || m.lad != e.LADCode {
				continue
			}
			if e.WardCode == m.ward || e.WardCode == "" {
				return true
			}
		}
		return false
	}
	gone := map[string]bool{}
	out := events[:0]
	for _, e := range events {
		if e.Type == schemas.TypeConcern && e.Concern != nil && e.Concern.MeetingID == "" && e.Period != nil {
			e.Themes = slices.DeleteFunc(slices.Clone(e.Themes), func(th string) bool { return recap(&e, th) })
			if len(e.Themes) == 0 {
				gone[e.EventID] = true
				continue
			}
		}
		if e.Action != nil && gone[e.Action.ConcernID] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// dropDayRetold drops a meeting told first in passing, with no place of
// its own and nothing raised at it, when the document tells a meeting of
// the same kind on the same day in a ward of the same authority: a post
// that opens "a few of you have asked how last night's ward meeting went"
// and then tells "the Park End ward meeting at the library last night"
// with what was raised there speaks of one meeting, first as a teaser
// (where its place, left unsaid, falls back to the document's authority),
// then in full. Not when the first mention raised something of its own,
// names its place, or the day's other meeting is of another kind or in
// another authority (two meetings the same evening are two).
func dropDayRetold(events []schemas.Event, linked map[string][]string, unsaid map[string]bool) []schemas.Event {
	type held struct {
		id, day, kind, ward, lad string
	}
	var days []held
	for _, e := range events {
		if e.Type == schemas.TypeMeeting && e.Meeting != nil && e.DayPrecise() && e.WardCode != "" {
			days = append(days, held{e.EventID, e.Date, e.Meeting.Kind, e.WardCode, e.LADCode})
		}
	}
	if len(days) == 0 {
		return events
	}
	retold := func(e *schemas.Event) bool {
		if e.Type != schemas.TypeMeeting || e.Meeting == nil || !e.DayPrecise() || e.WardCode != "" || !unsaid[e.EventID] || len(e.Themes) > 0 || len(linked[e.EventID]) > 0 {
			return false
		}
		for _, d := range days {
			if d.id != e.EventID && d.day == e.Date && d.kind == e.Meeting.Kind && d.lad == e.LADCode {
				return true
			}
		}
		return false
	}
	return slices.DeleteFunc(events, func(e schemas.Event) bool { return retold(&e) })
}

// dropMonthRetold drops a meeting told only by its month, with nothing
// raised at it, when the document tells a meeting of the same kind in the
// same authority on a day of that month: a newsletter's thanks for coming
// to "our March open meeting" and its report of "the open meeting on
// Tuesday 11th March" tell one meeting, first by its month (where its
// place, left unsaid, falls back to the group's name), then with its day
// and venue. Not when the month's meeting raised something of its own
// (then it was told as a meeting in its own right), nor when the day's
// meeting is of another kind (a forum the same month is another meeting).
//
// The month's meeting must be at the day's meeting's place, or at none its
// sentence names (its ward or authority a fall-back): "the Teesville ward
// meeting earlier this month" beside a South Bank meeting on a day is
// another meeting.
func dropMonthRetold(events []schemas.Event, linked map[string][]string, unsaid map[string]bool) []schemas.Event {
	type held struct {
		day             string
		kind, ward, lad string
	}
	var days []held
	for _, e := range events {
		if e.Type == schemas.TypeMeeting && e.Meeting != nil && e.DayPrecise() {
			days = append(days, held{e.Date, e.Meeting.Kind, e.WardCode, e.LADCode})
		}
	}
	if len(days) == 0 {
		return events
	}
	retold := func(e *schemas.Event) bool {
		if e.Type != schemas.TypeMeeting || e.Meeting == nil || e.Precision != schemas.PrecisionMonth || e.Period == nil || len(e.Themes) > 0 || len(linked[e.EventID]) > 0 {
			return false
		}
		for _, d := range days {
			samePlace := e.WardCode == "" || e.WardCode == d.ward || unsaid[e.EventID]
			if d.kind == e.Meeting.Kind && d.lad == e.LADCode && samePlace && d.day >= e.Period.Start && d.day <= e.Period.End {
				return true
			}
		}
		return false
	}
	return slices.DeleteFunc(events, func(e schemas.Event) bool { return retold(&e) })
}

// dropWeekRetold drops a meeting told for a span of a week or less (a
// news item's opening: "The Commissioner heard from residents in Marton
// last week about speeding and litter") when a paragraph or three after it
// tells a meeting on a day inside that span at its place that raised every
// theme it did ("He attended the Marton West ward meeting on Tuesday 6th
// ... Drivers racing along the main road ... rubbish dumped"): the opening
// sums up the meeting the story then tells with its day, one meeting told
// twice. Its concerns go with it (the day's meeting raised each theme).
// Not when the span's meeting raised a theme the day's did not (then it
// may be another meeting that week), nor when it is told after the day's
// meeting, or at another place (another ward; a town that is not the
// ward's: "people in Marton" and the Park End ward meeting).
func dropWeekRetold(events []schemas.Event, linked map[string][]string) []schemas.Event {
	type held struct {
		day, place string
		ward, lad  string
		para       int
		themes     []string
	}
	var days []held
	for _, e := range events {
		if e.Type == schemas.TypeMeeting && e.Meeting != nil && e.DayPrecise() {
			days = append(days, held{e.Date, e.Place, e.WardCode, e.LADCode, e.Source.Paragraph, sortedUnion(e.Themes, linked[e.EventID])})
		}
	}
	gone := map[string]bool{}
	for _, e := range events {
		if e.Type != schemas.TypeMeeting || e.Meeting == nil || e.DayPrecise() || e.Period == nil {
			continue
		}
		from, err1 := time.Parse(time.DateOnly, e.Period.Start)
		to, err2 := time.Parse(time.DateOnly, e.Period.End)
		if err1 != nil || err2 != nil || to.Sub(from) > 6*24*time.Hour {
			continue
		}
		raised := sortedUnion(e.Themes, linked[e.EventID])
		for _, d := range days {
			samePlace := e.WardCode == d.ward || (e.WardCode == "" && partOf(e.Place, d.place)) // (a town and a ward of it: "Ingleby Barwick" and "Ingleby Barwick North")
			if d.day < e.Period.Start || d.day > e.Period.End || d.lad != e.LADCode || !samePlace ||
				d.para <= e.Source.Paragraph || d.para-e.Source.Paragraph > 3 {
				continue
			}
			if !slices.ContainsFunc(raised, func(th string) bool { return !slices.Contains(d.themes, th) }) {
				gone[e.EventID] = true
				break
			}
		}
	}
	if len(gone) == 0 {
		return events
	}
	out := events[:0]
	for _, e := range events {
		if gone[e.EventID] || (e.Action != nil && gone[e.Action.ConcernID]) {
			continue
		}
		if e.Concern != nil && gone[e.Concern.MeetingID] {
			gone[e.EventID] = true // (and the actions told about it)
			continue
		}
		out = append(out, e)
	}
	return out
}

// dropBareWeek drops a meeting told only by its week ("last week"), placed
// at no ward (its authority a fall-back) and with nothing raised at it. A
// news item writes its week this way when it sums up the visits it tells
// with their days ("the drop-in was one of two she held in the town last
// week") or in a quote's passing remark ("I was at a conference last week,
// but nothing beats hearing from the people of the town"): neither is a
// meeting of its own, and one with no day, no ward and no concern says
// nothing a reader could place. A week's meeting at a ward, or one that
// raised something, stays (dropWeekRetold decides whether it is told twice).
// (A partnership's or board's bare meeting is left to finish's own
// check, which reports it as such.)
func (r *run) dropBareWeek(events []schemas.Event, linked map[string][]string) []schemas.Event {
	return slices.DeleteFunc(events, func(e schemas.Event) bool {
		if e.Type != schemas.TypeMeeting || e.Meeting == nil || e.DayPrecise() || e.Period == nil || e.WardCode != "" || len(e.Themes) > 0 || len(linked[e.EventID]) > 0 || partnerBodyRE.MatchString(e.Meeting.Title) {
			return false
		}
		from, err1 := time.Parse(time.DateOnly, e.Period.Start)
		to, err2 := time.Parse(time.DateOnly, e.Period.End)
		if err1 != nil || err2 != nil || to.Sub(from) > 6*24*time.Hour {
			return false
		}
		r.res.Problems = append(r.res.Problems, Problem{Document: r.res.Document, Paragraph: e.Source.Paragraph, What: "meeting", Text: e.Meeting.Title, Reason: "a meeting told only by its week, at no ward, with nothing raised at it: not emitted"})
		return true
	})
}

// roleNounRE: a police role named alone, which is visible policing only
// when something is said of it; companyBeforeRE: who came along ("with
// the ward councillors, PCSOs and ...", "joined by"); policingWantRE:
// what makes the role a concern (more, fewer, losing, never seen ...).
var (
	roleNounRE      = regexp.MustCompile(`(?i)^(?:pcsos?|police community support officers?|neighbourhood officers?|beat officers?|police officers?)$`)
	companyBeforeRE = regexp.MustCompile(`(?i)\b(?:with|joined by|alongside|accompanied by|together with)\s+(?:the\s+|our\s+|two\s+|local\s+)?(?:[\w'’-]+\s+){0,3}?(?:[\w'’-]+,\s+)*(?:and\s+)?(?:the\s+|our\s+|two\s+|local\s+)?$`)
	// walkersAfterRE: the words after officers that make them the ones
	// who walked ("PCSOs and councillors also walked the streets").
	walkersAfterRE = regexp.MustCompile(`(?i)^\s*(?:(?:and|&)\s+(?:the\s+|two\s+|local\s+|ward\s+)?(?:[\w'’-]+\s+){0,2}?)?(?:also\s+|then\s+|have\s+|had\s+)?(?:walked|toured|went (?:round|around))\b`)
	policingWantRE = regexp.MustCompile(`(?i)\b(?:more|fewer|less|losing|lost|lose|cuts?|cut back|no longer|never|rarely|hardly|seldom|want(?:ed)?|need(?:ed)?|miss(?:ed|ing)?|back on|return|disappear(?:ed)?|gone|visible|visibility|presence|absence|not enough|lack)\b`)
)

// clauseAround is the clause of text that holds match m: from the last
// sentence or clause mark before it to the next after it.
func clauseAround(text string, m taxonomy.Match) string {
	return spanAround(text, m.Start, m.End, ".;:!?")
}

// onlyPartnership reports whether themes are "partnership" alone.
func onlyPartnership(themes []string) bool {
	return len(themes) > 0 && !slices.ContainsFunc(themes, func(th string) bool { return th != "partnership" })
}

// bodyThemesOnly reports whether a partnership's or board's meeting has
// no theme but "partnership" and its paragraph gives that theme only in
// the body's own name: "Wednesday was the Community Safety Partnership
// board" says the body met, not what was raised there, so the meeting is
// as bare as one with no theme at all. ("... met the Safer Neighbourhoods
// Partnership to discuss information sharing" tells what it dealt with.)
func (r *run) bodyThemesOnly(e schemas.Event) bool {
	return r.themesOnlyNamed(e, map[string]bool{"partnership": true})
}

// themesOnlyNamed reports whether every theme of meeting e is in named and
// its paragraph, without the meeting's title, gives none of them: the
// themes come from the body's or occasion's own name, not from what was
// raised there.
func (r *run) themesOnlyNamed(e schemas.Event, named map[string]bool) bool {
	for _, th := range e.Themes {
		if !named[th] {
			return false
		}
	}
	n := e.Source.Paragraph
	if n < 1 || n > len(r.blocks) {
		return false
	}
	for _, m := range r.x.tax.ClassifyReordered(strings.ReplaceAll(r.blocks[n-1].Text, e.Meeting.Title, " ")).Matches {
		if named[m.Theme] {
			return false
		}
	}
	return true
}

// agencyBusinessOnly reports whether a table row's issues cell gives
// themes and all of them are "partnership" (agencies' joint working,
// information sharing between services): the board's business, not a
// resident's concern. A cell with no theme at all is left to the rules
// before (a bare board row is dropped when it is emitted).
func (r *run) agencyBusinessOnly(issues string) bool {
	ms := r.x.tax.ClassifyReordered(issues).Matches
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if m.Theme != "partnership" {
			return false
		}
	}
	return true
}

// bareBodyKind reports whether a meeting with nothing raised at it and no
// ward is a board's, an agencies' or an event's by its kind, though its
// title does not name the body: a list's title cut at its brackets
// ("Other meetings attended: Tees Valley Combined Authority Cabinet (28
// July), ... Community Safety Partnership (16 August)" gives ")"), a
// clause for a title ("met the Youth Council on 10 October, where ...").
// It is the Commissioner's time, as one named a partnership or board is
// (partnerBodyRE), not a meeting with the public. With a ward, with
// something raised, or with a title that names the public ("held one of
// his public meetings in Billingham", beside "The committee hopes ..."),
// it stays: writers count those. (Not the partners' kind: a town
// council's meeting, with its public session, is of that kind.)
func bareBodyKind(e *schemas.Event) bool {
	switch e.Meeting.Kind {
	case schemas.KindBoard, schemas.KindEvent:
		return e.Themes == nil && e.WardCode == "" && !publicTitleRE.MatchString(e.Meeting.Title)
	}
	return false
}

// bareOccasion reports whether a meeting with nothing raised at it is, by
// its title, an occasion rather than a meeting with the public: a fun day,
// a bike-marking event, a police operation's day of action or ride-along,
// a launch, or a forum of agencies or young people's assembly (a rural
// crime forum, a youth assembly). Writers leave these out unless the
// document says what people raised there; then it stays. (An open day at
// a ward's centre stays, as bareBodyKind keeps an event at a ward.)
// A theme the occasion's own name gives ("Rural Crime Forum") is not
// something raised there. A title that is a clause naming a meeting ("At
// the last meeting of the old Skelton ward ... has since carried out two
// days of action") is that meeting's, not the occasion's.
func (r *run) bareOccasion(e schemas.Event) bool {
	t := e.Meeting.Title
	if !occasionTitleRE.MatchString(t) || withPublicRE.MatchString(t) {
		return false
	}
	if e.Themes == nil {
		return true
	}
	named := map[string]bool{}
	for _, m := range r.x.tax.ClassifyReordered(t).Matches {
		named[m.Theme] = true
	}
	return r.themesOnlyNamed(e, named)
}

// panelsOwnMinutes reports whether meeting e is the one the Police and
// Crime Panel's minutes record ("CLEVELAND POLICE AND CRIME PANEL /
// MINUTES of the meeting held at Hartlepool Civic Centre on 2 July 2013"):
// councillors scrutinising the Commissioner, not residents raising
// concerns. The engagement the minutes list is counted; the sitting is
// not, nor what the minutes' own items say of it.
func (r *run) panelsOwnMinutes(e schemas.Event) bool {
	head := false
	for _, b := range r.blocks {
		if b.N > e.Source.Paragraph || b.N > 3 {
			break
		}
		head = head || panelRE.MatchString(b.Text)
		if b.N == e.Source.Paragraph {
			return head && minutesOfRE.MatchString(b.Text)
		}
	}
	return false
}

// minutesOfRE: a record's title line that may follow its body's name on
// the same block ("CLEVELAND POLICE AND CRIME PANEL MINUTES of the meeting
// held ...").
var minutesOfRE = regexp.MustCompile(`(?i)\bminutes of the meeting\b`)

// occasionTitleRE: an occasion's or an agencies' forum's name in a
// meeting's title (bareOccasion).
var occasionTitleRE = regexp.MustCompile(`(?i)\b(?:fun\s*days?|bike[- ]marking|days? of action|(?-i:Operation\s+[A-Z][a-z]+)|ride[- ]alongs?|launch|(?:rural|wildlife|business) crime (?:forum|network)|youth (?:assembly|parliament))\b`)

// withPublicRE: a meeting with the public named in a title.
var withPublicRE = regexp.MustCompile(`(?i)\b(?:meetings?|PACTs?|surger(?:y|ies)|drop-ins?|walkabouts?|street briefings?)\b`)

// publicTitleRE: a meeting's title naming the public or their meeting.
var publicTitleRE = regexp.MustCompile(`(?i)\b(?:public|residents?['’]?|community|ward|PACT|surger(?:y|ies)|drop-ins?|tenants?['’]?)\b`)

// partnerBodyRE: a body of agencies by its name ("Safer Hartlepool
// Partnership", "Health and Wellbeing Board", "Partnership Executive",
// the Police and Crime Panel), or a council's committee by its name
// ("the council's Audit and Governance Committee").
var partnerBodyRE = regexp.MustCompile(`\b(?:Partnership|Board|Executive|Committee|Police and Crime Panel)\b`)

// officersPresent reports whether visible-policing match m names the
// officers who came to, were at, led or held a meeting: a clause opening
// with the police as its subject and going on to say they came along,
// were there or with the writer, joined them, or held or ran the
// sessions ("Sgt Bell and two PCSOs from the town team came along too",
// "PC Ward was with us and has put the lane on his patrol route", "PCSO
// Reed has been holding surgeries at the library, where people mostly
// raised doorstep callers"), or a meeting the police led ("a PCSO-led
// street surgery"). Newsletters and minutes say who attended as company;
// it is not policing raised. A clause that says what people want of the
// police ("PCSOs came along and heard that nobody sees them on foot any
// more") is still a concern (policingWantRE); so is one where the
// officers' coming is what went wrong ("officers turned up two hours
// later": turned up is no verb here).
func officersPresent(text string, m taxonomy.Match) bool {
	if policeLedRE.MatchString(text[m.End:]) {
		return true
	}
	clause := clauseAround(text, m)
	if policingWantRE.MatchString(clause) {
		return false
	}
	lead := presentLeadRE.FindStringIndex(clause)
	if lead == nil {
		return false
	}
	rest := clause[lead[1]:]
	v := presentVerbRE.FindStringIndex(rest)
	return v != nil && v[0] <= 90 && !saidBetweenRE.MatchString(rest[:v[0]])
}

var (
	// policeLedRE: the words just after a police role that make it a
	// meeting's lead ("a PCSO-led street briefing", "police-run drop-in").
	policeLedRE = regexp.MustCompile(`(?i)^[- ](?:led|run|hosted|organised|organized)\b`)
	// presentLeadRE: a clause whose subject is the police, by role and
	// maybe name or number ("Sgt Bell", "two PCSOs", "our neighbourhood
	// officers").
	presentLeadRE = regexp.MustCompile(`(?i)^\W*(?:the\s+|a\s+|an\s+|our\s+|your\s+|two\s+|three\s+|several\s+|some\s+|local\s+)?(?:[a-z]+\s+)?(?:police officers?|officers?|police|pcsos?|pcs?|inspector|insp|sergeant|sgt|constables?|neighbourhood (?:policing )?(?:team|officers?)|(?:police|local) (?:team|officers?))\b`)
	// presentVerbRE: a verb of coming to, being at or holding a meeting
	// (also meeting residents at it, or attending it: "Neighbourhood
	// officers met residents at the village hall meeting on Monday to hear
	// their worries", the officers who came, not policing raised).
	presentVerbRE = regexp.MustCompile(`(?i)\b(?:came along|come along|came too|came with (?:us|them|him|her)|(?:was|were) (?:also\s+)?(?:with us|with them|there|present|in attendance|on hand)|joined (?:us|them|in)|met (?:with\s+)?(?:local\s+|the\s+)?(?:residents|people|villagers|tenants|members of the public|the public)\s+(?:at|in|during)\b|attended\s+(?:the|a|an|their|this)\b[^.;:]{0,40}?\b(?:meetings?|surger(?:y|ies)|drop-ins?|briefings?|walkabouts?|pacts?)\b|popped (?:in|along|by)|dropped in|went along|(?:has|have|had)?\s*(?:also\s+)?(?:been\s+)?(?:holding|held|hosting|hosted|running|ran)\s+(?:a|an|the|their|his|her|weekly|monthly|regular|two|three|several)\b[^.;:]{0,30}?\b(?:surger(?:y|ies)|drop-ins?|street briefings?|briefings?|meetings?|sessions?|stalls?|walkabouts?|clinics?))\b`)
	// saidBetweenRE: a verb of saying between the police and the verb,
	// which makes what follows what they said, not what they did.
	saidBetweenRE = regexp.MustCompile(`(?i)\b(?:said|say|says|told|reported|heard|explained|warned)\b`)
)
