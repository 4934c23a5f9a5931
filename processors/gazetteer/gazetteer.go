// Package gazetteer resolves ward codes, ward names and place names to the
// ONS wards of the Cleveland force area, boundary-aware: a name or code is
// resolved to the ward in force on the event's date, so a concern from 2016
// in a ward later split keeps its 2016 ward.
//
// Boundary changes take effect on the ordinary local-election day, which is
// taken to be the first Thursday of May of the CSV's valid_from / valid_to
// year (see cleveland-wards.SOURCES.md).
package gazetteer

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"
)

//go:embed cleveland-wards.csv
var wardsCSV []byte

//go:embed places.yaml
var placesYAML []byte

// Ward is one row of the ward list: a ward as it was between two boundary
// changes. ValidTo 0 means still in force; the range is [ValidFrom, ValidTo)
// in election days.
type Ward struct {
	Code, Name, LADCode, LADName string
	ValidFrom, ValidTo           int
}

// InForce reports whether the ward existed at t.
func (w Ward) InForce(t time.Time) bool {
	if t.Before(ElectionDay(w.ValidFrom)) {
		return false
	}
	return w.ValidTo == 0 || t.Before(ElectionDay(w.ValidTo))
}

// Period is the ward's life as text, e.g. "2019-" or "2003-2019".
func (w Ward) Period() string {
	if w.ValidTo == 0 {
		return strconv.Itoa(w.ValidFrom) + "-"
	}
	return fmt.Sprintf("%d-%d", w.ValidFrom, w.ValidTo)
}

// LAD is a local authority district.
type LAD struct{ Code, Name string }

// Resolution is what a place resolved to: a ward (Kind "ward") or only a
// local authority (Kind "lad", for towns and areas that are not wards).
type Resolution struct {
	Kind                                 string
	WardCode, WardName, LADCode, LADName string
	Text                                 string
}

// Sentinel errors; returned errors wrap them and name the place.
var (
	// ErrUnknownPlace is returned when no ward, authority or known place has the name or code.
	ErrUnknownPlace = errors.New("unknown place")
	// ErrNotInForce is returned when the ward exists but not on the date asked.
	ErrNotInForce = errors.New("ward not in force on that date")
	// ErrAmbiguous is returned when a name matches several wards in force.
	ErrAmbiguous = errors.New("ambiguous place name")
)

// Gazetteer is immutable after Load and safe for concurrent use.
type Gazetteer struct {
	wards  []Ward
	byCode map[string]Ward
	byName map[string][]Ward
	lads   map[string]LAD
	places map[string]LAD // normalised place name -> LAD
	names  []string       // every normalised name, longest first, for Find
}

type placesDoc struct {
	Places []struct {
		Name string `yaml:"name"`
		LAD  string `yaml:"lad"`
	} `yaml:"places"`
}

// Load reads the ward CSV (header ward_code,ward_name,lad_code,lad_name,
// valid_from,valid_to) and, when places is not nil, the places YAML.
func Load(wards io.Reader, places io.Reader) (*Gazetteer, error) {
	r := csv.NewReader(wards)
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("reading ward list: %w", err)
	}
	if len(rows) < 2 {
		return nil, errors.New("reading ward list: no rows")
	}
	want := []string{"ward_code", "ward_name", "lad_code", "lad_name", "valid_from", "valid_to"}
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		return nil, fmt.Errorf("reading ward list: header is %q, want %q", strings.Join(rows[0], ","), strings.Join(want, ","))
	}
	g := &Gazetteer{byCode: map[string]Ward{}, byName: map[string][]Ward{}, lads: map[string]LAD{}, places: map[string]LAD{}}
	for i, row := range rows[1:] {
		line := i + 2
		from, err := strconv.Atoi(row[4])
		if err != nil {
			return nil, fmt.Errorf("ward list line %d: valid_from %q is not a year", line, row[4])
		}
		to := 0
		if row[5] != "" {
			if to, err = strconv.Atoi(row[5]); err != nil {
				return nil, fmt.Errorf("ward list line %d: valid_to %q is not a year", line, row[5])
			}
		}
		w := Ward{Code: row[0], Name: row[1], LADCode: row[2], LADName: row[3], ValidFrom: from, ValidTo: to}
		if _, dup := g.byCode[w.Code]; dup {
			return nil, fmt.Errorf("ward list line %d: code %s listed twice", line, w.Code)
		}
		g.wards = append(g.wards, w)
		g.byCode[w.Code] = w
		n := Normalise(w.Name)
		g.byName[n] = append(g.byName[n], w)
		g.lads[w.LADCode] = LAD{Code: w.LADCode, Name: w.LADName}
	}
	if places != nil {
		var doc placesDoc
		dec := yaml.NewDecoder(places)
		dec.KnownFields(true)
		if err := dec.Decode(&doc); err != nil {
			return nil, fmt.Errorf("reading places: %w", err)
		}
		for i, p := range doc.Places {
			lad, ok := g.lads[p.LAD]
			if !ok && p.LAD != "" {
				return nil, fmt.Errorf("places[%d] %q: unknown local authority %q", i, p.Name, p.LAD)
			}
			g.places[Normalise(p.Name)] = lad
		}
	}
	for _, l := range g.lads {
		g.places[Normalise(l.Name)] = l
	}
	seen := map[string]bool{}
	for n := range g.byName {
		seen[n] = true
	}
	for n := range g.places {
		seen[n] = true
	}
	for n := range seen {
		if n != "" {
			g.names = append(g.names, n)
		}
	}
	sort.Slice(g.names, func(i, j int) bool {
		if len(g.names[i]) != len(g.names[j]) {
			return len(g.names[i]) > len(g.names[j])
		}
		return g.names[i] < g.names[j]
	})
	return g, nil
}

// Default returns the gazetteer built from the embedded ward list and
// places. It panics only if the embedded files are broken, which
// TestDefaultLoads rules out.
func Default() *Gazetteer {
	g, err := Load(bytes.NewReader(wardsCSV), bytes.NewReader(placesYAML))
	if err != nil {
		panic("gazetteer: embedded data is broken: " + err.Error())
	}
	return g
}

// ElectionDay is the first Thursday of May of year, when ward boundaries change.
func ElectionDay(year int) time.Time {
	d := time.Date(year, time.May, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Thursday {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// Ward returns the ward with an ONS code.
func (g *Gazetteer) Ward(code string) (Ward, bool) {
	w, ok := g.byCode[strings.ToUpper(strings.TrimSpace(code))]
	return w, ok
}

// LAD returns a local authority by code.
func (g *Gazetteer) LAD(code string) (LAD, bool) {
	l, ok := g.lads[strings.ToUpper(strings.TrimSpace(code))]
	return l, ok
}

// LADs lists the local authorities, by code.
func (g *Gazetteer) LADs() []LAD {
	out := make([]LAD, 0, len(g.lads))
	for _, l := range g.lads {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Wards lists every ward row.
func (g *Gazetteer) Wards() []Ward { return append([]Ward(nil), g.wards...) }

// WardsAt lists the wards in force at t.
func (g *Gazetteer) WardsAt(t time.Time) []Ward {
	var out []Ward
	for _, w := range g.wards {
		if w.InForce(t) {
			out = append(out, w)
		}
	}
	return out
}

// Normalise folds case, "&" / "and", punctuation and spacing so "Fens &
// Greatham", "fens and greatham" and "Fens-and-Greatham" compare equal.
func Normalise(s string) string {
	var b strings.Builder
	s = strings.ToLower(strings.ReplaceAll(s, "&", " and "))
	space := true
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		case r == '\'' || r == '’' || r == '.':
			// "St. Germain's" == "St Germains"
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// Resolve resolves an ONS ward code, an ONS local-authority code, a ward name
// or a known town or area, as in force at `at`.
func (g *Gazetteer) Resolve(place string, at time.Time) (Resolution, error) {
	text := strings.TrimSpace(place)
	if text == "" {
		return Resolution{}, fmt.Errorf("empty place: %w", ErrUnknownPlace)
	}
	code := strings.ToUpper(text)
	if w, ok := g.byCode[code]; ok {
		if !w.InForce(at) {
			return Resolution{}, fmt.Errorf("ward %s %s was in force %s, not on %s: %w", w.Code, w.Name, w.Period(), at.Format(time.DateOnly), ErrNotInForce)
		}
		return wardRes(w, text), nil
	}
	if l, ok := g.lads[code]; ok {
		return Resolution{Kind: "lad", LADCode: l.Code, LADName: l.Name, Text: text}, nil
	}
	if strings.HasPrefix(code, "E05") || strings.HasPrefix(code, "E06") {
		return Resolution{}, fmt.Errorf("code %s is not a ward or authority of the Cleveland force area: %w", text, ErrUnknownPlace)
	}
	n := Normalise(text)
	if ws := g.byName[n]; len(ws) > 0 {
		var live []Ward
		for _, w := range ws {
			if w.InForce(at) {
				live = append(live, w)
			}
		}
		switch len(live) {
		case 1:
			return wardRes(live[0], text), nil
		case 0:
			if l, ok := g.places[n]; ok && l.Code != "" {
				return Resolution{Kind: "lad", LADCode: l.Code, LADName: l.Name, Text: text}, nil
			}
			return Resolution{}, fmt.Errorf("ward %q was not in force on %s (periods: %s): %w", text, at.Format(time.DateOnly), periods(ws), ErrNotInForce)
		default:
			return Resolution{}, fmt.Errorf("%q names %d wards in force on %s (%s): give the ward code: %w", text, len(live), at.Format(time.DateOnly), codes(live), ErrAmbiguous)
		}
	}
	if l, ok := g.places[n]; ok && l.Code != "" {
		return Resolution{Kind: "lad", LADCode: l.Code, LADName: l.Name, Text: text}, nil
	}
	return Resolution{}, fmt.Errorf("%q is not a ward, authority or known place of the Cleveland force area: %w", text, ErrUnknownPlace)
}

func wardRes(w Ward, text string) Resolution {
	return Resolution{Kind: "ward", WardCode: w.Code, WardName: w.Name, LADCode: w.LADCode, LADName: w.LADName, Text: text}
}

func periods(ws []Ward) string {
	var s []string
	for _, w := range ws {
		s = append(s, w.Code+" "+w.Period())
	}
	return strings.Join(s, ", ")
}

func codes(ws []Ward) string {
	var s []string
	for _, w := range ws {
		s = append(s, w.Code+" "+w.LADName)
	}
	return strings.Join(s, ", ")
}

// Mention is a place found in free text, with byte offsets.
type Mention struct {
	Resolution
	Start, End int
}

// Find returns the places mentioned in text that resolve at `at`, longest
// match first and without overlaps ("Stockton Town Centre" beats "Stockton").
func (g *Gazetteer) Find(text string, at time.Time) []Mention {
	lower := strings.ToLower(text)
	norm, idx := normaliseWithIndex(lower)
	taken := make([]bool, len(norm))
	var out []Mention
	for _, n := range g.names {
		from := 0
		for {
			i := strings.Index(norm[from:], n)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(n)
			from = s + 1
			if (s > 0 && norm[s-1] != ' ') || (e < len(norm) && norm[e] != ' ') {
				continue
			}
			free := true
			for k := s; k < e; k++ {
				if taken[k] {
					free = false
					break
				}
			}
			if !free {
				continue
			}
			start, end := idx[s], idx[e-1]+1
			res, err := g.Resolve(text[start:end], at)
			if err != nil {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			out = append(out, Mention{Resolution: res, Start: start, End: end})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// normaliseWithIndex is Normalise that also maps each output byte back to
// its byte offset in s.
func normaliseWithIndex(s string) (string, []int) {
	var b []byte
	var idx []int
	space := true
	for i, r := range s {
		switch {
		case r == '&':
			if !space {
				b, idx = append(b, ' '), append(idx, i)
			}
			b, idx = append(b, 'a', 'n', 'd', ' '), append(idx, i, i, i, i)
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			enc := []byte(string(r))
			for range enc {
				idx = append(idx, i)
			}
			b = append(b, enc...)
			space = false
		case r == '\'' || r == '’' || r == '.':
		default:
			if !space {
				b, idx = append(b, ' '), append(idx, i)
				space = true
			}
		}
	}
	return string(b), idx
}
