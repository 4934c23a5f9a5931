// Package demo generates seeded, realistic-looking demo events for the
// Cleveland force area: the PCC's community meetings, partner meetings and
// the concerns raised, with the patterns analysts and the spike detector
// look for. Local mode loads it through ingest; benchmarks scale it up.
//
// # Determinism
//
// Everything is drawn from one PCG source seeded with Config.Seed, and the
// n-th event's id is UUID v5 of ("wardpulse-demo", seed, kind, n): the same
// Config always yields the same events with the same ids, so loading the
// demo twice changes nothing (ingest answers "duplicate"). Config.Now only
// caps recorded_at; pin it in tests.
//
// # Concerns
//
// Per ward x theme x week, the expected count is
//
//		rate = Scale x base x ward weight x theme weight x season(theme, week) x trend(theme, year) + surges
//
//	  - base makes about 3,000 concerns a year across the force area;
//	  - ward weights are log-normal (sigma 0.5), so some wards are busier;
//	  - theme weights: anti-social behaviour 3, speeding 2.5, off-road bikes,
//	    drugs and visible policing 2, down to hate crime 0.2;
//	  - season is 1 + a cos(2 pi (week - peak) / 52): off-road bikes (a 0.8)
//	    and anti-social behaviour (0.4) peak in July, speeding (0.3) in May,
//	    burglary and theft (0.4) in the dark of December;
//	  - trend: drugs +6 %/year, fraud +8 %/year, visible policing +3 %/year
//	    from 2012;
//	  - counts are gamma-Poisson (negative binomial, shape 2): small and
//	    over-dispersed, like the real ones;
//	  - a Surge adds PerWeek expected concerns a week to one ward's theme for
//	    a period. DefaultSurges: off-road bikes in Grangetown in summer 2019,
//	    drugs in Middlesbrough Central in winter 2020-21, speeding in rural
//	    Hutton in spring 2022, and off-road bikes in Eston in the four weeks
//	    before To, so a fresh local system has an open alert to look at.
//
// Concerns outside meetings fall at a random hour of their week; ward
// meetings raise their own (below).
//
// # Meetings
//
// Every ward gets one community meeting a year, on a random day of the part
// of the calendar year it was in force (a ward in force for less than 60
// days of a year, around a boundary change, is not owed one), except the
// planned misses: about 5 % of ward-years, chosen by Config.Missed, so the
// coverage dashboard has gaps to show. Partner meetings, boards, forums and
// events make the year up to MeetingsPerYear (default 100: "roughly 100 a
// year"). Meetings carry a title, a location and an attendance of 8 to 57,
// and raise a handful of concerns (2 + attendance/15 on average, same ward
// and day, concern.meeting_id set), their themes drawn in proportion to the
// ward's rates that week.
//
// The wards are those of schemas/gazetteer in force on each date: the 79
// of 2015-2019, the sets before and after. Middlesbrough's pre-2015 wards
// are not in the list, so Middlesbrough has no events before May 2015.
//
// # Texts
//
// Texts come from templates per theme, worded like the PCC's news items, that
// the taxonomy classifies to exactly that theme (a test holds every template
// to it): about 8 % name a second theme ("...; also fly-tipping"), 2 % no
// theme at all, 4 % carry a phone number or a vehicle registration so
// redaction is exercised. About 10 % carry staff-tagged themes.
//
// # Follow-ups
//
// About 60 % of concerns are followed by action events ("PCSOs increased
// patrols", "Operation Endurance deployed", "Community Speed Watch set
// up"), most of those by an outcome: see followups.go.
package demo

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/google/uuid"

	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
)

// Surge adds PerWeek expected concerns a week to one ward's theme from the
// week of From to To: an absolute rate, so a surge shows even in a quiet
// ward.
type Surge struct {
	WardCode string
	Theme    string
	From, To time.Time
	PerWeek  float64
}

// Config configures the generator. Zero fields take the documented defaults.
type Config struct {
	Seed            int64
	From, To        time.Time // default 2012-05-03 (the first PCC's first year) to today; To is exclusive
	MeetingsPerYear int       // meetings a year, ward meetings included (default 100); the ward meetings are owed whatever this says
	Scale           float64   // multiplies every concern rate (default 1; benchmarks use more)
	Surges          []Surge   // nil means DefaultSurges(To); an empty non-nil slice means none
	Now             time.Time // default time.Now(); caps recorded_at
}

// DefaultSurges are three historic local surges and one in the four weeks
// before to.
func DefaultSurges(to time.Time) []Surge {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	return []Surge{
		{WardCode: "E05012442", Theme: "off_road_bikes", From: d("2019-06-03"), To: d("2019-08-26"), PerWeek: 2.5}, // Grangetown
		{WardCode: "E05009857", Theme: "drugs", From: d("2020-10-05"), To: d("2021-03-29"), PerWeek: 0.8},          // Central, Middlesbrough
		{WardCode: "E05012444", Theme: "speeding", From: d("2022-04-04"), To: d("2022-06-27"), PerWeek: 1},         // Hutton
		{WardCode: "E05012441", Theme: "off_road_bikes", From: monday(to).AddDate(0, 0, -28), To: to, PerWeek: 3},  // Eston, now
	}
}

// missRate is the share of ward-years without the ward's community meeting.
const missRate = 0.05

// Missed reports whether the generator skips ward's community meeting in
// year: about 5 % of ward-years, a pure function of Seed, ward and year, so
// tests and the coverage dashboard's reader can tell planned gaps from bugs.
func (c Config) Missed(wardCode string, year int) bool {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d/%s/%d", c.Seed, wardCode, year)
	return float64(h.Sum64()%10000)/10000 < missRate
}

// OwedMeeting reports whether w is owed a community meeting in year: it was
// in force for at least 60 days of it. It returns the part of the year w
// was in force.
func OwedMeeting(w gazetteer.Ward, year int) (from, to time.Time, owed bool) {
	from, to = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	if s := gazetteer.ElectionDay(w.ValidFrom); s.After(from) {
		from = s
	}
	if w.ValidTo != 0 {
		if e := gazetteer.ElectionDay(w.ValidTo); e.Before(to) {
			to = e
		}
	}
	return from, to, to.Sub(from) >= 60*24*time.Hour
}

var themeWeights = map[string]float64{
	"antisocial_behaviour": 3, "speeding": 2.5, "off_road_bikes": 2, "drugs": 2, "visible_policing": 2,
	"parking_traffic": 1.5, "burglary_theft": 1.2, "environmental": 1.2, "criminal_damage": 0.8,
	"serious_violence": 0.6, "fraud_scams": 0.4, "partnership": 0.4, "domestic_abuse": 0.3,
	"exploitation": 0.3, "rural_crime": 0.3, "hate_crime": 0.2,
}

var peakWeek = map[string]struct {
	week int
	amp  float64
}{
	"off_road_bikes": {28, 0.8}, "antisocial_behaviour": {28, 0.4}, "speeding": {20, 0.3}, "burglary_theft": {51, 0.4},
}

var trendPerYear = map[string]float64{"drugs": 0.06, "fraud_scams": 0.08, "visible_policing": 0.03}

// Themes lists the themes the generator writes concerns for, sorted.
func Themes() []string {
	out := make([]string, 0, len(themeWeights))
	for t := range themeWeights {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// concernsPerYear is the yearly volume through channels other than meetings;
// meetings add about 400, and ward weights average about 1.13.
const concernsPerYear = 2300.0

func (c *Config) defaults() error {
	if c.From.IsZero() {
		c.From = time.Date(2012, 5, 3, 0, 0, 0, 0, time.UTC)
	}
	if c.Now.IsZero() {
		c.Now = time.Now().UTC()
	}
	if c.To.IsZero() {
		c.To = c.Now.Truncate(24 * time.Hour)
	}
	if !c.To.After(c.From) {
		return fmt.Errorf("demo: to %s is not after from %s", c.To.Format(time.DateOnly), c.From.Format(time.DateOnly))
	}
	if c.MeetingsPerYear == 0 {
		c.MeetingsPerYear = 100
	}
	if c.Scale == 0 {
		c.Scale = 1
	}
	if c.Scale < 0 || c.MeetingsPerYear < 0 {
		return errors.New("demo: scale and meetings per year must not be negative")
	}
	if c.Surges == nil {
		c.Surges = DefaultSurges(c.To)
	}
	for _, s := range c.Surges {
		if _, ok := themeWeights[s.Theme]; !ok {
			return fmt.Errorf("demo: surge in %s: unknown theme %q", s.WardCode, s.Theme)
		}
	}
	return nil
}

type gen struct {
	cfg    Config
	rng    *rand.Rand
	gaz    *gazetteer.Gazetteer
	seq    int
	emit   func(schemas.Event, []string) error
	wardW  map[string]float64
	themes []string // Themes(), once
	fu     *followUps
}

// Generate calls emit with each event in time order, week by week, without
// holding them, so millions can be generated for benchmarks; it stops at
// emit's first error and returns it. A meeting comes before the concerns
// raised at it.
func Generate(cfg Config, emit func(schemas.Event) error) error {
	return generate(cfg, func(ev schemas.Event, _ []string) error { return emit(ev) })
}

// Events returns all the events Generate would emit: for tests and small
// ranges (a year is about 3,500 events).
func Events(cfg Config) ([]schemas.Event, error) {
	var out []schemas.Event
	err := Generate(cfg, func(ev schemas.Event) error { out = append(out, ev); return nil })
	return out, err
}

// generate is Generate that also tells emit which themes a concern's text
// was written for (nil for meetings and unthemed texts), for the tests.
func generate(cfg Config, emit func(schemas.Event, []string) error) error {
	if err := cfg.defaults(); err != nil {
		return err
	}
	g := &gen{cfg: cfg, rng: rand.New(rand.NewPCG(uint64(cfg.Seed), 0x9e3779b97f4a7c15)), gaz: gazetteer.Default(), emit: emit, wardW: map[string]float64{},
		fu: newFollowUps(cfg.Seed)}
	for _, w := range g.gaz.Wards() {
		g.wardW[w.Code] = math.Exp(0.5 * g.rng.NormFloat64())
	}
	g.themes = Themes()
	meetings := g.planMeetings()
	mi := 0
	base := concernsPerYear / 52 / 80 / sum(themeWeights)
	themes := g.themes
	for week := monday(cfg.From); week.Before(cfg.To); week = week.AddDate(0, 0, 7) {
		end := week.AddDate(0, 0, 7)
		// Meetings of the week, each with the concerns raised there.
		for ; mi < len(meetings) && meetings[mi].at.Before(end); mi++ {
			if err := g.meeting(meetings[mi], base); err != nil {
				return err
			}
		}
		// Concerns through other channels.
		for _, w := range g.gaz.WardsAt(week) {
			for _, th := range themes {
				n := g.draw(g.rate(w.Code, th, week, base))
				for k := 0; k < n; k++ {
					at := week.Add(time.Duration(g.rng.IntN(7*24)) * time.Hour)
					if !at.Before(cfg.To) || at.Before(cfg.From) || !w.InForce(at) {
						continue
					}
					if err := g.concern(w, th, at, ""); err != nil {
						return err
					}
				}
			}
		}
		// The week's follow-ups (those past To are never emitted).
		cut := end
		if cfg.To.Before(cut) {
			cut = cfg.To
		}
		for _, ev := range g.fu.due(cut) {
			if err := emit(ev, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

type plannedMeeting struct {
	at   time.Time
	ward gazetteer.Ward
	kind string
}

var partnerTitles = map[string]string{
	schemas.KindPartnerMeeting: "Community Safety Partnership", schemas.KindBoard: "Health and Wellbeing Board",
	schemas.KindForum: "Rural Crime Forum", schemas.KindEvent: "Youth Assembly",
}

func (g *gen) planMeetings() []plannedMeeting {
	var out []plannedMeeting
	keep := func(m plannedMeeting) {
		if !m.at.Before(g.cfg.From) && m.at.Before(g.cfg.To) {
			out = append(out, m)
		}
	}
	wards := g.gaz.Wards()
	kinds := []string{schemas.KindPartnerMeeting, schemas.KindBoard, schemas.KindForum, schemas.KindEvent}
	for y := g.cfg.From.Year(); y <= g.cfg.To.Year(); y++ {
		owed := 0
		for _, w := range wards {
			from, to, ok := OwedMeeting(w, y)
			if !ok {
				continue
			}
			owed++
			days := int(to.Sub(from).Hours() / 24)
			at := time.Date(from.Year(), from.Month(), from.Day(), 18, 30, 0, 0, time.UTC).AddDate(0, 0, g.rng.IntN(days))
			if !g.cfg.Missed(w.Code, y) {
				keep(plannedMeeting{at: at, ward: w, kind: schemas.KindCommunityMeeting})
			}
		}
		for i := owed; i < g.cfg.MeetingsPerYear; i++ {
			at := time.Date(y, 1, 1, 10, 0, 0, 0, time.UTC).AddDate(0, 0, g.rng.IntN(365))
			inForce := g.gaz.WardsAt(at)
			w := inForce[g.rng.IntN(len(inForce))]
			keep(plannedMeeting{at: at, ward: w, kind: kinds[g.rng.IntN(len(kinds))]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return out
}

func (g *gen) id(kind string) string {
	g.seq++
	return uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprintf("wardpulse-demo/%d/%s/%d", g.cfg.Seed, kind, g.seq))).String()
}

func (g *gen) meeting(m plannedMeeting, base float64) error {
	id := g.id("meeting")
	at := m.at
	title := fmt.Sprintf("%s community meeting", m.ward.Name)
	location := fmt.Sprintf("%s Community Centre", m.ward.Name)
	if m.kind != schemas.KindCommunityMeeting {
		title = m.ward.LADName + " " + partnerTitles[m.kind]
		location = m.ward.LADName + " Civic Centre"
	}
	ev := schemas.Event{EventID: id, Type: schemas.TypeMeeting, SchemaVersion: schemas.CurrentVersion, OccurredAt: &at, RecordedAt: g.recorded(at),
		Source: &schemas.Source{Name: "demo"}, WardCode: m.ward.Code,
		Meeting: &schemas.Meeting{Kind: m.kind, Title: title, Location: location, Attendance: 8 + g.rng.IntN(50)}}
	if err := g.emit(ev, nil); err != nil {
		return err
	}
	// A meeting raises a handful of concerns (more when more attend),
	// their themes drawn in proportion to the ward's current rates.
	themes := g.themes
	weights := make([]float64, len(themes))
	total := 0.0
	for i, th := range themes {
		weights[i] = g.rate(m.ward.Code, th, monday(at), base)
		total += weights[i]
	}
	n := g.draw(2 + float64(ev.Meeting.Attendance)/15)
	for k := 0; k < n && total > 0; k++ {
		x := g.rng.Float64() * total
		i := 0
		for ; i < len(themes)-1 && x >= weights[i]; i++ {
			x -= weights[i]
		}
		if err := g.concern(m.ward, themes[i], at.Add(time.Duration(10+k)*time.Minute), id); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) recorded(at time.Time) *time.Time {
	r := at.Add(time.Duration(1+g.rng.IntN(72)) * time.Hour)
	if r.After(g.cfg.Now) {
		r = g.cfg.Now
	}
	if r.Before(at) {
		r = at
	}
	return &r
}

func (g *gen) concern(w gazetteer.Ward, theme string, at time.Time, meetingID string) error {
	ct := g.text(theme, w.Name)
	ev := schemas.Event{EventID: g.id("concern"), Type: schemas.TypeConcern, SchemaVersion: schemas.CurrentVersion, OccurredAt: &at,
		RecordedAt: g.recorded(at), Source: &schemas.Source{Name: "demo"}, WardCode: w.Code,
		Concern: &schemas.Concern{MeetingID: meetingID, Text: ct.text}}
	action := ""
	if g.rng.Float64() < 0.3 {
		action = g.action(theme) // an action event, not the concern's own text (followups.go)
	}
	if g.rng.Float64() < 0.1 && len(ct.themes) > 0 { // staff tagged it
		ev.Themes = append([]string(nil), ct.themes...)
	}
	if err := g.emit(ev, ct.themes); err != nil {
		return err
	}
	g.fu.plan(&ev, action)
	return nil
}

func (g *gen) rate(ward, theme string, week time.Time, base float64) float64 {
	r := g.cfg.Scale * base * g.wardW[ward] * themeWeights[theme]
	if p, ok := peakWeek[theme]; ok {
		_, wk := week.ISOWeek()
		r *= 1 + p.amp*math.Cos(2*math.Pi*float64(wk-p.week)/52)
	}
	if tr, ok := trendPerYear[theme]; ok {
		r *= math.Pow(1+tr, float64(week.Year()-2012))
	}
	for _, s := range g.cfg.Surges {
		if s.WardCode == ward && s.Theme == theme && !week.Before(monday(s.From)) && week.Before(s.To) {
			r += s.PerWeek
		}
	}
	return r
}

// draw is a gamma-Poisson (negative binomial, shape 2) count with mean m.
func (g *gen) draw(m float64) int {
	if m <= 0 {
		return 0
	}
	const shape = 2.0
	lambda := gamma(g.rng, shape) * m / shape
	// Poisson by inversion: lambda is small.
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= g.rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// gamma draws Gamma(shape, 1) for shape >= 1 (Marsaglia and Tsang).
func gamma(r *rand.Rand, shape float64) float64 {
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}

func monday(t time.Time) time.Time {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func sum(m map[string]float64) float64 {
	s := 0.0
	for _, v := range m {
		s += v
	}
	return s
}
