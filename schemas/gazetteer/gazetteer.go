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
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

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

// overlaps reports whether two wards were in force in some same year.
func (w Ward) overlaps(o Ward) bool {
	end := func(x Ward) int {
		if x.ValidTo == 0 {
			return 1 << 30
		}
		return x.ValidTo
	}
	return w.ValidFrom < end(o) && o.ValidFrom < end(w)
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
	wards   []Ward
	byCode  map[string]Ward
	byName  map[string][]Ward
	lads    map[string]LAD
	places  map[string][]LAD  // normalised place name -> the LADs it lies in (several: ambiguous)
	within  map[string][]Ward // normalised place name -> the wards that held it, each in its own years
	aliasOf map[string]string // normalised alias -> its place's normalised name ("pallister park" -> "pallister")
	names   []string          // every normalised name, longest first, for Find
}

// placesDoc is the places YAML: towns and areas that are not wards, each
// with the LAD it lies in and other spellings of its name.
type placesDoc struct {
	Places []placeEntry `yaml:"places"`
}

type placeEntry struct {
	Name    string   `yaml:"name"`
	LAD     string   `yaml:"lad"`
	Aliases []string `yaml:"aliases"`
	// Wards are the wards that held the place, one at a time: a village
	// that lies wholly in one ward of each set (a parish's village in
	// the ward named for its parishes) resolves to the one in force at
	// the date asked, and to its LAD before and between them.
	Wards []string `yaml:"wards"`
}

// DataError is returned by Load for a bad row of the ward list or a bad
// entry of the places file; it names the file, line and field.
type DataError struct {
	File   string // "ward list" or "places"
	Line   int    // 1-based; 0 when unknown
	Field  string
	Value  string
	Reason string
}

func (e *DataError) Error() string {
	return fmt.Sprintf("%s line %d: %s %q: %s", e.File, e.Line, e.Field, e.Value, e.Reason)
}

var (
	wardCodeRE = regexp.MustCompile(`^E05[0-9]{6}$`)
	ladCodeRE  = regexp.MustCompile(`^E0[6-9][0-9]{6}$`)
)

// Load reads the ward CSV (header ward_code,ward_name,lad_code,lad_name,
// valid_from,valid_to, as in cleveland-wards.csv) and, when places is not
// nil, the places YAML (unknown keys are errors). Bad rows are *DataError
// naming the line and field. The result is immutable and safe for
// concurrent use.
func Load(wards io.Reader, places io.Reader) (*Gazetteer, error) {
	if wards == nil {
		return nil, errors.New("reading ward list: no reader")
	}
	r := csv.NewReader(wards)
	r.FieldsPerRecord = 6
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("reading ward list header: %w", err)
	}
	want := "ward_code,ward_name,lad_code,lad_name,valid_from,valid_to"
	if got := strings.TrimPrefix(strings.Join(header, ","), "\ufeff"); got != want {
		return nil, &DataError{File: "ward list", Line: 1, Field: "header", Value: got, Reason: "want " + want}
	}
	g := &Gazetteer{byCode: map[string]Ward{}, byName: map[string][]Ward{}, lads: map[string]LAD{}, places: map[string][]LAD{}, within: map[string][]Ward{}, aliasOf: map[string]string{}}
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading ward list: %w", err)
		}
		line, _ := r.FieldPos(0)
		bad := func(field, value, reason string) error {
			return &DataError{File: "ward list", Line: line, Field: field, Value: value, Reason: reason}
		}
		for k := range row {
			row[k] = strings.TrimSpace(row[k])
		}
		from, err := strconv.Atoi(row[4])
		if err != nil {
			return nil, bad("valid_from", row[4], "not a year")
		}
		to := 0
		if row[5] != "" {
			if to, err = strconv.Atoi(row[5]); err != nil {
				return nil, bad("valid_to", row[5], "not a year")
			}
			if to <= from {
				return nil, bad("valid_to", row[5], "not after valid_from "+row[4])
			}
		}
		w := Ward{Code: row[0], Name: row[1], LADCode: row[2], LADName: row[3], ValidFrom: from, ValidTo: to}
		switch {
		case !wardCodeRE.MatchString(w.Code):
			return nil, bad("ward_code", w.Code, "not an ONS ward code (E05 and six digits)")
		case Normalise(w.Name) == "":
			return nil, bad("ward_name", w.Name, "empty")
		case !ladCodeRE.MatchString(w.LADCode):
			return nil, bad("lad_code", w.LADCode, "not an ONS local authority code (E06-E09 and six digits)")
		case w.LADName == "":
			return nil, bad("lad_name", w.LADName, "empty")
		}
		if _, dup := g.byCode[w.Code]; dup {
			return nil, bad("ward_code", w.Code, "listed twice")
		}
		if l, ok := g.lads[w.LADCode]; ok && l.Name != w.LADName {
			return nil, bad("lad_name", w.LADName, "the same lad_code is named "+l.Name+" on an earlier line")
		}
		g.wards = append(g.wards, w)
		g.byCode[w.Code] = w
		n := Normalise(w.Name)
		g.byName[n] = append(g.byName[n], w)
		g.lads[w.LADCode] = LAD{Code: w.LADCode, Name: w.LADName}
	}
	if len(g.wards) == 0 {
		return nil, errors.New("reading ward list: no rows")
	}
	for _, l := range g.lads {
		g.addPlace(Normalise(l.Name), l)
	}
	if places != nil {
		if err := g.loadPlaces(places); err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	for n := range g.byName {
		seen[n] = true
	}
	for n := range g.places {
		seen[n] = true
	}
	for n := range seen {
		g.names = append(g.names, n)
	}
	sort.Slice(g.names, func(i, j int) bool {
		if len(g.names[i]) != len(g.names[j]) {
			return len(g.names[i]) > len(g.names[j])
		}
		return g.names[i] < g.names[j]
	})
	return g, nil
}

func (g *Gazetteer) addPlace(n string, l LAD) {
	for _, have := range g.places[n] {
		if have.Code == l.Code {
			return
		}
	}
	g.places[n] = append(g.places[n], l)
}

// loadPlaces reads the places YAML strictly, then walks it again as nodes
// only to name the line of a bad entry.
func (g *Gazetteer) loadPlaces(places io.Reader) error {
	raw, err := io.ReadAll(places)
	if err != nil {
		return fmt.Errorf("reading places: %w", err)
	}
	var doc placesDoc
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return fmt.Errorf("reading places: %w", err)
	}
	var nodes struct {
		Places []yaml.Node `yaml:"places"`
	}
	_ = yaml.Unmarshal(raw, &nodes) // already decoded strictly above; only for line numbers
	for i, p := range doc.Places {
		line := 0
		if i < len(nodes.Places) {
			line = nodes.Places[i].Line
		}
		bad := func(field, value, reason string) error {
			return &DataError{File: "places", Line: line, Field: fmt.Sprintf("places[%d] %q %s", i, p.Name, field), Value: value, Reason: reason}
		}
		lad, ok := g.lads[p.LAD]
		if !ok {
			return bad("lad", p.LAD, "not a local authority of the ward list")
		}
		var within []Ward
		for _, code := range p.Wards {
			w, ok := g.byCode[code]
			switch {
			case !ok:
				return bad("wards", code, "not a ward of the ward list")
			case w.LADCode != lad.Code:
				return bad("wards", code, "a ward of "+w.LADName+", not of the place's "+lad.Name)
			}
			for _, o := range within {
				if o.overlaps(w) {
					return bad("wards", code, "in force in the same years as "+o.Code+": a place listed here lies in one ward at a time")
				}
			}
			within = append(within, w)
		}
		for _, name := range append([]string{p.Name}, p.Aliases...) {
			n := Normalise(name)
			if n == "" {
				return bad("name", name, "empty")
			}
			g.addPlace(n, lad)
			g.within[n] = append(g.within[n], within...)
			if name != p.Name {
				g.aliasOf[n] = Normalise(p.Name)
			}
		}
	}
	return nil
}

// Default returns the gazetteer built from the embedded ward list and
// places, parsed once and shared (a Gazetteer is immutable). It panics only
// if the embedded files are broken, which TestDefaultLoadsAndCounts rules out.
func Default() *Gazetteer { return parseDefault() }

var parseDefault = sync.OnceValue(func() *Gazetteer {
	g, err := Load(bytes.NewReader(wardsCSV), bytes.NewReader(placesYAML))
	if err != nil {
		panic("gazetteer: embedded data is broken: " + err.Error())
	}
	return g
})

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

// Names lists every ward, authority and place name the gazetteer knows,
// normalised (lower case), longest first. The redactor keeps them.
func (g *Gazetteer) Names() []string { return append([]string(nil), g.names...) }

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
	if base, ok := possessive(text); ok && len(g.byName[n]) == 0 && len(g.places[n]) == 0 {
		// "North Ormesby's community meeting": the place, not a name
		// that ends in s.
		n = Normalise(base)
	}
	ws := g.byName[n]
	var live []Ward
	for _, w := range ws {
		if w.InForce(at) {
			live = append(live, w)
		}
	}
	areas := g.places[n]
	switch {
	case len(live) == 1 && !otherLAD(areas, live[0].LADCode):
		return wardRes(live[0], text), nil
	case len(live) == 0 && len(areas) == 1:
		if w, ok := g.namedFor(n, areas[0].Code, at); ok {
			return wardRes(w, text), nil
		}
		for _, w := range g.within[n] {
			if w.InForce(at) {
				return wardRes(w, text), nil // ("Thorpe Thewles" in 2015: Northern Parishes)
			}
		}
		return Resolution{Kind: "lad", LADCode: areas[0].Code, LADName: areas[0].Name, Text: text}, nil
	case len(live)+len(areas) > 1:
		var cands []string
		for _, w := range live {
			cands = append(cands, "ward "+w.Code+" in "+w.LADName)
		}
		for _, l := range areas {
			cands = append(cands, "a place in "+l.Name)
		}
		return Resolution{}, fmt.Errorf("%q on %s could be %s: give the ward code: %w", text, at.Format(time.DateOnly), strings.Join(cands, " or "), ErrAmbiguous)
	case len(ws) > 0:
		if w, ok := g.namedFor(n, ws[0].LADCode, at); ok && len(areas) == 0 {
			// "Rossmere" in 2014, before its own ward (2020): then in
			// "Fens and Rossmere"
			return wardRes(w, text), nil
		}
		return Resolution{}, fmt.Errorf("ward %q was not in force on %s (in force: %s): %w", text, at.Format(time.DateOnly), periods(ws), ErrNotInForce)
	}
	return Resolution{}, fmt.Errorf("%q is not a ward, authority or known place of the Cleveland force area: %w", text, ErrUnknownPlace)
}

// namedFor is the one ward in force at `at`, in lad, whose name joins
// place n with another ("Fens & Greatham" for Greatham, "Berwick Hills &
// Pallister" for Pallister): a ward named for two places holds both. A
// ward that only starts with the name ("Marton East") is no such ward: the
// town may be split between several.
func (g *Gazetteer) namedFor(n, lad string, at time.Time) (Ward, bool) {
	n = strings.TrimPrefix(n, "the ") // ("the Headland": Headland)
	if a, ok := g.aliasOf[n]; ok {
		n = a // ("Pallister Park", another name of Pallister: in "Berwick Hills & Pallister")
	}
	var found []Ward
	for _, w := range g.byCode {
		if w.LADCode != lad || !w.InForce(at) {
			continue
		}
		for _, part := range wardPartsRE.Split(w.Name, -1) {
			if Normalise(part) == n {
				found = append(found, w)
				break
			}
		}
	}
	if len(found) != 1 {
		return Ward{}, false
	}
	return found[0], true
}

// Village reports whether a name is a village the places list puts in a
// ward of its own ("wards"): a place within a ward, not the ward's name.
func (g *Gazetteer) Village(name string) bool {
	return len(g.within[Normalise(name)]) > 0
}

// PartOfWard is the one ward in force at `at`, in any authority, whose
// name joins place with another ("Hardwick" in "Hardwick and Salters
// Lane"): a venue named for the place ("Hardwick Community Centre") is in
// it. False when no ward or several do.
func (g *Gazetteer) PartOfWard(place string, at time.Time) (Resolution, bool) {
	n := Normalise(place)
	var found []Ward
	for _, l := range g.lads {
		if w, ok := g.namedFor(n, l.Code, at); ok {
			found = append(found, w)
		}
	}
	if len(found) != 1 {
		return Resolution{}, false
	}
	return wardRes(found[0], place), true
}

// wardPartsRE splits a ward's name into the places it joins.
var wardPartsRE = regexp.MustCompile(`(?i)\s+(?:&|and)\s+`)

// wardsLAD is the LAD every ward named n lies in (and no place of that
// name elsewhere), as the place written; an error when they differ.
func (g *Gazetteer) wardsLAD(n, written string) (Resolution, error) {
	ws := g.byName[n]
	if len(ws) == 0 || otherLAD(g.places[n], ws[0].LADCode) {
		return Resolution{}, ErrAmbiguous
	}
	for _, w := range ws[1:] {
		if w.LADCode != ws[0].LADCode {
			return Resolution{}, ErrAmbiguous
		}
	}
	return Resolution{Kind: "lad", LADCode: ws[0].LADCode, LADName: ws[0].LADName, Text: written}, nil
}

// otherLAD reports whether a place of the same name lies in another LAD
// than the ward: then the name alone does not say which is meant.
func otherLAD(areas []LAD, lad string) bool {
	for _, l := range areas {
		if l.Code != lad {
			return true
		}
	}
	return false
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

// Mention is a place found in free text, with byte offsets into the text.
type Mention struct {
	Resolution
	Start, End int
}

// Find returns the places mentioned in text that resolve at `at`, in text
// order, without overlaps: the longest name wins ("Stockton Town Centre"
// beats "Stockton"), and names match on word boundaries, with "&"/"and" and
// punctuation folded as in Normalise. The extractor calls it on every
// paragraph, so it errs towards precision:
//   - every word of the name must be capitalised as written ("Billingham",
//     not "billingham"; "and", "on", "of", "the" excepted), so "the park"
//     and "the village" are not wards;
//   - a ward name that is also a common word or surname ("Park", "Central",
//     "Village", "Victoria", "Hart", "Newport", "Newtown") counts only when
//     followed by "ward" or by "PACT" (a neighbourhood meeting named for
//     its area: "the virtual Newtown PACT");
//   - a name followed by Road, Street, Lane... is a street, not a place
//     ("Marton Road", "Yarm Road").
func (g *Gazetteer) Find(text string, at time.Time) []Mention {
	norm, idx := normaliseWithIndex(text)
	taken := make([]bool, len(norm))
	var out []Mention
	for _, n := range g.names {
		for from := 0; from < len(norm); {
			i := strings.Index(norm[from:], n)
			if i < 0 {
				break
			}
			s, e := from+i, from+i+len(n)
			from = s + 1
			// (a name with its possessive, "North Ormesby's", ends there)
			poss := e < len(norm) && norm[e] == 's' && (e+1 == len(norm) || norm[e+1] == ' ') && apostropheBefore(text, idx[e])
			if (s > 0 && norm[s-1] != ' ') || (e < len(norm) && norm[e] != ' ' && !poss) {
				continue
			}
			if anyTaken(taken[s:e]) {
				continue
			}
			start, end := idx[s], idx[e-1]+runeLen(text, idx[e-1])
			written := text[start:end]
			after := nextWord(text[end:])
			if !(capitalised(written) || townCentreLower(written)) || (isStreetWord(after) && !boroughOf(text[end:]) && !streetMeetingRE.MatchString(text[end:])) || directionBefore(text[:start]) || namedStreetAfter(text[end:]) {
				continue
			}
			if commonWord(n) && ((!strings.EqualFold(after, "ward") && after != "PACT" && !listedPlace(text[:start], text[end:]) && !walkRoundRE.MatchString(text[:start]) && !wardBodyRE.MatchString(text[end:]) && !possMeetingRE.MatchString(text[end:]) && !theMeetingOf(text[:start], text[end:]) && !meetingSlot(text[:start], text[end:])) || (capitalBefore(text[:start]) && !strings.EqualFold(after, "ward"))) {
				// ("Hart Village PACT": Village is the end of another
				// name, not Stockton's Village ward)
				continue
			}
			res, err := g.Resolve(written, at)
			if m := directionOfRE.FindStringSubmatch(text[:start]); m != nil && err == nil && res.Kind != "ward" {
				// "People living in the north of Ingleby Barwick": the
				// town's ward of that side, when one is named so
				if w, werr := g.Resolve(written+" "+strings.ToUpper(m[1][:1])+strings.ToLower(m[1][1:]), at); werr == nil && w.Kind == "ward" {
					res = w
				}
			}
			if err == nil && res.Kind == "ward" {
				if town, tail, ok := g.bothSides(written, text[end:], at); ok {
					// "Ingleby Barwick (East and West)": both wards of
					// the town, so the town, not its first ward
					res, end = town, end+tail
				}
			}
			if errors.Is(err, ErrNotInForce) && !commonWord(n) {
				// "Hemlington" in 2013, before the wards of the list: not
				// a ward of that date, but the authority all its wards
				// lie in. (Not a name that is also a word: "Victoria
				// Ward" in 2011 may be anyone's.)
				res, err = g.wardsLAD(n, written)
			}
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

// bothSides reads a ward named for a side of its town followed by the
// other side ("Ingleby Barwick East and West", "Ingleby Barwick (East and
// West)", a table's "Ward / area" cell of a forum covering the town): the
// writer names both wards of the town, so the place is the town, which
// lies in no one ward of them. It gives the town's resolution and the
// bytes of after the pair takes; ok is false when the text does not go on
// with another side, or the town without its side is no place.
func (g *Gazetteer) bothSides(written, after string, at time.Time) (Resolution, int, bool) {
	sp := strings.LastIndexByte(written, ' ')
	if sp < 0 {
		return Resolution{}, 0, false
	}
	side := strings.TrimPrefix(written[sp+1:], "(")
	m := otherSideRE.FindStringSubmatch(after)
	if m == nil || !sideRE.MatchString(side) || strings.EqualFold(m[1], side) {
		return Resolution{}, 0, false
	}
	town := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(written[:sp]), "("))
	res, err := g.Resolve(town, at)
	if err != nil || res.Kind == "ward" {
		return Resolution{}, 0, false
	}
	return res, len(m[0]), true
}

var (
	// sideRE: a ward name's last word naming a side of its town.
	sideRE = regexp.MustCompile(`^(?:East|West|North|South)$`)
	// otherSideRE: "and West", ") and ..." or " and West)" right after a
	// side's ward: the other side of the town (group 1).
	otherSideRE = regexp.MustCompile(`^\s*(?:and|&)\s+(East|West|North|South)\b\)?`)
)

// possessive is a name without its possessive "'s" ("North Ormesby's").
func possessive(s string) (string, bool) {
	for _, p := range []string{"'s", "’s"} {
		if b, ok := strings.CutSuffix(s, p); ok && b != "" {
			return b, true
		}
	}
	return s, false
}

// apostropheBefore reports whether the rune before byte i of s is an
// apostrophe.
func apostropheBefore(s string, i int) bool {
	return strings.HasSuffix(s[:i], "'") || strings.HasSuffix(s[:i], "’")
}

func anyTaken(b []bool) bool {
	for _, t := range b {
		if t {
			return true
		}
	}
	return false
}

func runeLen(s string, i int) int {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// listedPlace reports whether a name stands where only a place can: after
// "in" or "at" and before a bracket, comma or semicolon ("meetings in
// Kader (1st December), Stainton and Thornton (3rd December) ...", "in
// Newport, residents ..."), or later in such a list, each name with its
// bracket ("in Kader (1st December) and Ladgate (3rd)": a report listing
// meetings with their days writes "in" once, before the first).
func listedPlace(before, after string) bool {
	if wardListRE.MatchString(after) || pairMeetingRE.MatchString(after) {
		return true // "Stockton Town Centre, Newtown and Parkfield and Oxbridge wards", "Kader and Marton West community meeting"
	}
	if a := strings.TrimLeft(after, " \t"); a != "" && a[0] == '(' && bracketListRE.MatchString(before) {
		return true // "ward meetings in Hardwick (2nd), Newtown (9th) and Park (16th)": the list goes on
	}
	b := strings.Fields(before)
	if len(b) == 0 {
		return false
	}
	if w := strings.ToLower(b[len(b)-1]); w != "in" && w != "at" {
		return false
	}
	a := strings.TrimLeft(after, " \t")
	return a != "" && (strings.ContainsRune("(,;", rune(a[0])) || (heldBeforeRE.MatchString(before) && whenAfterRE.MatchString(after)))
}

// heldBeforeRE: a meeting held somewhere, right before "in" or "at" and
// the place ("a street briefing was held in ", "the surgery took place
// at "); whenAfterRE: when, right after the place ("on 11 May", "the
// next day", "last Tuesday"). "A street briefing was held in Newport the
// next day": only a place is where a meeting was held, on a day.
var (
	heldBeforeRE = regexp.MustCompile(`(?i)\b(?:held|took place|met|meeting|surgery|briefing|walkabout|drop-in)\s+(?:in|at)\s+$`)
	whenAfterRE  = regexp.MustCompile(`(?i)^\s+(?:on\s+(?:the\s+)?(?:[0-9]|mon|tue|wed|thu|fri|sat|sun)|the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night|week)|last\s+(?:night|week|month|mon|tue|wed|thu|fri|sat|sun)|yesterday|this\s+(?:morning|afternoon|evening|week))`)
)

// bracketListRE: the text before a name that goes on a list of places
// after "in" or "at", each with its bracket ("meetings in Hardwick (2nd),
// Newtown (9th) and ", "at Kader (1st December) and "): a name after it
// with its own bracket is the list's next place, as the first is.
var bracketListRE = regexp.MustCompile(`\b(?i:in|at)\s+[A-Z][^()]{0,40}?\s*\([^()]{1,30}\)(?:\s*,\s*[A-Z][^()]{0,40}?\s*\([^()]{1,30}\))*\s*(?:,|,?\s+and|&)\s+$`)

// walkRoundRE: a walk round a place, right before its name ("joined a
// walkabout around Newport", "walked round Park"): only a place is walked
// round, though its name is an everyday word or a surname too.
var walkRoundRE = regexp.MustCompile(`(?i)\b(?:walkabouts?|walk|walked|walking|walk-?round)\s+(?:a?round|through)\s+$`)

// wardListRE: the rest of a list of names closed by "wards" ("Newtown and
// Parkfield and Oxbridge wards"): every name in it is a ward.
var wardListRE = regexp.MustCompile(`^(?:\s*(?:,|and|&)\s*(?:[A-Z][\w'’-]*\s*)+?)*\s*(?:,|and|&)?\s*wards\b`)

// pairMeetingRE: the rest of two names whose meeting is held jointly
// ("Kader and Marton West community meeting", "Kader and Park End &
// Beckfield ward meetings"): both are wards.
var pairMeetingRE = regexp.MustCompile(`^\s*(?:and|&)\s+(?:[A-Z][\w'’-]*\s+(?:&\s+)?){1,4}(?:(?:ward|wards'?|joint|community|residents'?|neighbourhood|public)\s+)*(?:meetings?|forums?|surger(?:y|ies)|PACTs?)\b`)

// wardBodyRE: a ward's own public body or meeting after its name, in
// capitals ("Kader Community Council", "Park Residents' Association",
// "the Newtown Residents' Forum"), or the last of a list's plural in any
// case ("the North Ormesby and Newport community councils"; a singular
// in small letters, "Victoria community meeting notes", may be a name's):
// the name is the ward's, though it is an everyday word or surname too.
var wardBodyRE = regexp.MustCompile(`^\s+(?:Community (?:Council|Meeting|Forum)|Residents['’]? (?:Association|Forum|Group|Meeting)|Ward (?:Meeting|Forum)|(?i:community (?:councils|meetings|forums)|residents['’]? (?:associations|forums|groups|meetings)|ward (?:meetings|forums)))\b`)

// possMeetingRE: a name's possessive before its meeting ("at Newport's
// residents' meeting", "Park's ward forum"): the place whose meeting it
// is, though the name is an everyday word or surname too.
var possMeetingRE = regexp.MustCompile(`^['’]s\s+(?i:(?:ward|community|residents['’]?|neighbourhood)\s+)(?i:meeting|forum|surgery|pact)\b`)

// meetingSlot reports whether a name stands alone in the place slot of
// a listed meeting: an item that opens with the meeting's kind, then a
// comma, the name, and a comma, colon or bracket ("- Walkabout, Park, 3
// May: litter", "Street surgery, Victoria (12 June)"). Reports list their
// meetings as kind, place, day; in that slot the name is the ward's,
// though it is an everyday word or a surname too. A kind inside a
// sentence ("At the meeting, Victoria, the chair, said") or a name going
// on ("Drop-in, Park Lane") is not the slot.
func meetingSlot(before, after string) bool {
	a := strings.TrimLeft(after, " \t")
	return meetingSlotRE.MatchString(before) && a != "" && strings.ContainsRune(",:(;|", rune(a[0]))
}

// meetingSlotRE: a listed item's opening, its meeting's kind and a comma,
// right before a name (at the start of the text or of a line, after a
// bullet, a table's bar or a semicolon).
var meetingSlotRE = regexp.MustCompile(`(?:^|[\n|;])\s*(?:[-*•–]\s*)?(?i:(?:street|community|ward|residents['’]?|public|neighbourhood|police|pcc)\s+)?(?i:briefing|walkabout|walk-?round|drop-in|surgery|meeting|pact)\s*,\s+$`)

// theMeetingOf reports whether a name stands between "the" and its own
// meeting's name in small letters, singular ("I started the week at the
// Kader community meeting", "at the Park ward forum on Monday"): a
// meeting named by the article and its kind is a place's, so the name is
// the ward's though it is an everyday word or surname too. Without the
// article ("Victoria community meeting notes", "Mr Hart's ward meeting")
// it may be a person's, and is not taken.
func theMeetingOf(before, after string) bool {
	return theBeforeRE.MatchString(before) && theMeetingRE.MatchString(after)
}

var (
	// theBeforeRE: "the" right before a name.
	theBeforeRE = regexp.MustCompile(`(?:^|[\s(])(?i:the)\s+$`)
	// theMeetingRE: a ward's public meeting in small letters, singular,
	// right after its name ("community meeting", "residents' forum").
	theMeetingRE = regexp.MustCompile(`^\s+(?:community|ward|residents['’]?|neighbourhood)\s+(?:meeting|forum|council|surgery)\b`)
)

// capitalBefore reports whether the word right before a name is
// capitalised and joined to it by a space alone (the name goes on from
// it: "Hart Village", "Coatham Park").
func capitalBefore(before string) bool {
	if before == "" || !strings.HasSuffix(before, " ") {
		return false
	}
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || strings.ContainsAny(w, ",.;:()") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return false
	}
	switch w {
	case "The", "At", "In", "On", "From", "For", "And", "Joint", "Virtual":
		return false
	}
	return true
}

// commonWord lists normalised ward names that are also everyday words or
// surnames, too risky to take as a place without "ward" after them.
func commonWord(n string) bool {
	switch n {
	case "park", "central", "village", "victoria", "hart", "newport", "newtown", "hutton", "kader", "ladgate":
		return true
	}
	return false
}

// namedStreetAfter reports whether the text after a name goes on with one
// more capitalised word and then a street's ("Ayresome Green Lane",
// "Marton Burn Road"): the name is part of a street's.
func namedStreetAfter(after string) bool {
	f := strings.Fields(after)
	if len(f) < 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[0])
	if !unicode.IsUpper(r) || strings.ContainsAny(f[0], ",.;:()") {
		return false
	}
	switch strings.ToLower(f[0]) {
	case "high", "main", "front", "back", "market", "station", "church", "old", "new", "north", "south", "east", "west":
		return false // "Yarm High Street", "Redcar Front Street": the town's own street, told as where
	}
	return isRoadWord(strings.Trim(f[1], ",.;:()"))
}

// streetMeetingRE: a police "street briefing" (or surgery, meeting)
// after a name, in lower case: the place's event, not a street of that
// name ("At the Loftus street briefing people asked about ...").
var streetMeetingRE = regexp.MustCompile(`^\s+street\s+(?:briefings?|surger(?:y|ies)|meetings?)\b`)

// boroughOf reports whether the text after a name says, in lower case,
// that the name is its borough ("across Stockton borough", "Hartlepool
// borough-wide"), not an organisation's name ("Hartlepool Borough
// Council", "Stockton borough council").
func boroughOf(after string) bool {
	rest, ok := strings.CutPrefix(strings.TrimLeft(after, " \t"), "borough")
	if !ok {
		return false
	}
	return !strings.EqualFold(nextWord(rest), "council")
}

// directionBefore reports whether the words before a name make it a
// direction, not where something is ("the A173 towards Skelton", "the
// farmland out towards Guisborough").
// directionOfRE: a side of a town just before its name ("the north of",
// "the western part of").
var directionOfRE = regexp.MustCompile(`(?i)\bthe (north|south|east|west)(?:ern)?(?: part| side| end)? of\s+$`)

func directionBefore(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	switch strings.ToLower(strings.Trim(f[len(f)-1], ",;:")) {
	case "towards", "toward":
		return true
	}
	return len(f) >= 3 && strings.EqualFold(f[len(f)-3], "in") && strings.EqualFold(f[len(f)-2], "the") && strings.EqualFold(f[len(f)-1], "direction") ||
		len(f) >= 4 && strings.EqualFold(strings.Join(f[len(f)-4:], " "), "in the direction of")
}

// isRoadWord reports whether w is a word that ends a road's name
// ("Road", "Lane", "Crescent").
func isRoadWord(w string) bool {
	switch strings.ToLower(w) {
	case "road", "rd", "street", "st", "lane", "avenue", "way", "drive", "close", "crescent", "terrace", "grove":
		return true
	}
	return false
}

func isStreetWord(w string) bool {
	if isRoadWord(w) {
		return true
	}
	switch strings.ToLower(w) {
	case "court", "gardens", "walk", "view", "square", "parade", "row", "bank", "hall", "station", "beck", "woods", "wood", "forest", "moor", "reservoir", "bypass", // (a stream, a wood or a road named for a village: "near Ormesby Beck", "Guisborough Forest")
		"school", "academy", "college", "hospital", "football", "fc", "rugby", "golf", "services", "borough", "council",
		// A room or suite inside a building, named after a place as
		// community hubs and civic centres name theirs ("in the Grove
		// Hill Room at the hub"): where the room is, not the place.
		"room", "suite",
		"times", "gazette", "echo", "mail", "herald", "advertiser", "telegraph": // a newspaper's name ("Darlington and Stockton Times", "Hartlepool Mail")
		return true
	}
	return false
}

// nextWord is the word after the match, skipping spaces, or "".
func nextWord(s string) string {
	s = strings.TrimLeft(s, " \t")
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// capitalised reports whether every word of a name as written starts with
// an upper-case letter, small joining words excepted.
// townCentreLower reports whether a name written with its capitalised town
// before a lower-case "town centre" is a ward named so ("Stockton Town
// Centre"): writers give the ward's name as a description of where they
// were ("a walkabout through Billingford town centre" for the ward
// "Billingford Town Centre"), and the town centre of a town with a ward so
// named is that ward. Find only calls this on text matching a gazetteer
// name, so "Redcar town centre" (no ward of that name) stays the town
// Redcar, and the town word itself must still be capitalised ("stockton
// town centre" is not read).
func townCentreLower(s string) bool {
	f := strings.Fields(s)
	if len(f) < 3 || f[len(f)-2] != "town" || f[len(f)-1] != "centre" {
		return false
	}
	return capitalised(strings.Join(f[:len(f)-2], " "))
}

func capitalised(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		switch strings.ToLower(w) {
		case "and", "on", "of", "the", "upon", "by", "le", "in":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// normaliseWithIndex is Normalise that also maps each output byte back to
// the byte offset in s of the rune that produced it. It lowercases rune by
// rune, so offsets stay right even where lowercasing changes a rune's length.
func normaliseWithIndex(s string) (string, []int) {
	b := make([]byte, 0, len(s))
	idx := make([]int, 0, len(s))
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
			n := len(b)
			b = utf8.AppendRune(b, unicode.ToLower(r))
			for range len(b) - n {
				idx = append(idx, i)
			}
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
