// Package demo generates seeded, realistic-looking demo events for the
// Cleveland force area: the PCC's community meetings, partner meetings and
// the concerns raised, with the patterns analysts look for.
//
// The model, per ward x theme x week (all drawn from one seeded source, so
// the same Config always yields the same events, with the same ids):
//
//   - rate = scale x ward weight x theme weight x season(theme, week) x
//     trend(theme, year) x base + surge(ward, theme, week), where base
//     makes about 3,000 concerns a year across the force area (the brief:
//     "a few thousand a year"); ward weights are log-normal (sigma 0.5), so
//     some wards are busier;
//   - season: off-road bikes and anti-social behaviour peak in July,
//     speeding in late spring, burglary in the dark of December;
//   - trend: drugs +6 %/year, fraud +8 %/year, visible policing +3 %/year;
//   - counts are gamma-Poisson (negative binomial, shape 2): small and
//     over-dispersed, like the real ones;
//   - surges multiply one ward's theme for a few weeks (Surges; the
//     defaults include one in the last weeks before To, so a fresh local
//     system has an open alert to look at).
//
// Meetings: one community meeting a year in every ward in force (about 5 %
// of ward-years are skipped, so the coverage dashboard has gaps to show),
// plus about 20 partner meetings, boards and forums a year. Each meeting
// raises a handful of concerns (2 + attendance/15 on average; same ward and
// day, concern.meeting_id set), themes drawn in proportion to the ward's
// rates; the rest arrive through other channels during the week. Texts come
// from templates per theme that the taxonomy classifies to that theme; a few
// carry two themes, some an action, and some a phone number or vehicle
// registration so redaction is exercised.
package demo

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/google/uuid"

	"github.com/wardpulse/wardpulse/processors/gazetteer"
	"github.com/wardpulse/wardpulse/schemas"
)

// Surge adds PerWeek expected concerns a week to one ward's theme for a
// period: an absolute rate, so a surge shows even in a quiet ward.
type Surge struct {
	WardCode string
	Theme    string
	From, To time.Time
	PerWeek  float64
}

// Config configures the generator. Zero fields take the documented defaults.
type Config struct {
	Seed            int64
	From, To        time.Time // default 2012-05-03 (the first PCC's first year) to today
	MeetingsPerYear int       // partner meetings, boards and forums a year besides the ward meetings (default 20)
	Scale           float64   // multiplies every concern rate (default 1)
	Surges          []Surge   // default DefaultSurges(To)
	Now             time.Time // default time.Now(); recorded_at of every event
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

// Themes lists the themes the generator writes concerns for.
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
		c.MeetingsPerYear = 20
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
	return nil
}

type gen struct {
	cfg   Config
	rng   *rand.Rand
	gaz   *gazetteer.Gazetteer
	seq   int
	emit  func(schemas.Event) error
	wardW map[string]float64
}

// Generate emits the events in time order, week by week, without holding
// them, so millions can be generated for benchmarks.
func Generate(cfg Config, emit func(schemas.Event) error) error {
	if err := cfg.defaults(); err != nil {
		return err
	}
	g := &gen{cfg: cfg, rng: rand.New(rand.NewPCG(uint64(cfg.Seed), 0x9e3779b97f4a7c15)), gaz: gazetteer.Default(), emit: emit, wardW: map[string]float64{}}
	for _, w := range g.gaz.Wards() {
		g.wardW[w.Code] = math.Exp(0.5 * g.rng.NormFloat64())
	}
	meetings := g.planMeetings()
	mi := 0
	base := concernsPerYear / 52 / 80 / sum(themeWeights)
	themes := Themes()
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
	}
	return nil
}

type plannedMeeting struct {
	at   time.Time
	ward gazetteer.Ward
	kind string
}

func (g *gen) planMeetings() []plannedMeeting {
	var out []plannedMeeting
	for y := g.cfg.From.Year(); y <= g.cfg.To.Year(); y++ {
		for _, w := range g.gaz.WardsAt(time.Date(y, 7, 1, 0, 0, 0, 0, time.UTC)) {
			skip := g.rng.Float64() < 0.05
			at := time.Date(y, 1, 1, 18, 30, 0, 0, time.UTC).AddDate(0, 0, g.rng.IntN(365))
			if skip {
				continue
			}
			if w.InForce(at) && !at.Before(g.cfg.From) && at.Before(g.cfg.To) {
				out = append(out, plannedMeeting{at: at, ward: w, kind: schemas.KindCommunityMeeting})
			}
		}
		kinds := []string{schemas.KindPartnerMeeting, schemas.KindBoard, schemas.KindForum, schemas.KindEvent}
		for i := 0; i < g.cfg.MeetingsPerYear; i++ {
			at := time.Date(y, 1, 1, 10, 0, 0, 0, time.UTC).AddDate(0, 0, g.rng.IntN(365))
			wards := g.gaz.WardsAt(at)
			w := wards[g.rng.IntN(len(wards))]
			if !at.Before(g.cfg.From) && at.Before(g.cfg.To) {
				out = append(out, plannedMeeting{at: at, ward: w, kind: kinds[g.rng.IntN(len(kinds))]})
			}
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
		title = fmt.Sprintf("%s %s", m.ward.LADName, map[string]string{
			schemas.KindPartnerMeeting: "Community Safety Partnership", schemas.KindBoard: "Health and Wellbeing Board",
			schemas.KindForum: "Rural Crime Forum", schemas.KindEvent: "Youth Assembly"}[m.kind])
		location = m.ward.LADName + " Civic Centre"
	}
	ev := schemas.Event{EventID: id, Type: schemas.TypeMeeting, SchemaVersion: schemas.CurrentVersion, OccurredAt: &at, RecordedAt: g.recorded(at),
		Source: &schemas.Source{Name: "demo"}, WardCode: m.ward.Code,
		Meeting: &schemas.Meeting{Kind: m.kind, Title: title, Location: location, Attendance: 8 + g.rng.IntN(50)}}
	if err := g.emit(ev); err != nil {
		return err
	}
	// A meeting raises a handful of concerns (more when more attend),
	// their themes drawn in proportion to the ward's current rates.
	themes := Themes()
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
	return &r
}

func (g *gen) concern(w gazetteer.Ward, theme string, at time.Time, meetingID string) error {
	text := g.text(theme, w.Name)
	ev := schemas.Event{EventID: g.id("concern"), Type: schemas.TypeConcern, SchemaVersion: schemas.CurrentVersion, OccurredAt: &at,
		RecordedAt: g.recorded(at), Source: &schemas.Source{Name: "demo"}, WardCode: w.Code,
		Concern: &schemas.Concern{MeetingID: meetingID, Text: text}}
	if g.rng.Float64() < 0.3 {
		ev.Concern.Action = g.action(theme)
	}
	if g.rng.Float64() < 0.1 { // staff tagged it
		ev.Themes = []string{theme}
	}
	return g.emit(ev)
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
