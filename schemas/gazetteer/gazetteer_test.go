package gazetteer

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDefaultLoadsAndCounts(t *testing.T) {
	g := Default()
	require.Len(t, g.Wards(), 144)
	require.Len(t, g.WardsAt(day("2016-06-01")), 79, "the 79-ward set of 2015-2019")
	require.Len(t, g.WardsAt(day("2024-06-01")), 83, "the current set")
	require.Len(t, g.LADs(), 4)
	require.Equal(t, day("2019-05-02"), ElectionDay(2019))
	require.Same(t, g, Default(), "the embedded data is parsed once and shared")
}

func TestResolve(t *testing.T) {
	g := Default()
	tests := []struct {
		name, place, at string
		wantKind, want  string // want: ward or LAD code
		wantErr         error
	}{
		{"code in force", "E05001509", "2016-03-01", "ward", "E05001509", nil},
		{"old code after its end", "E05001509", "2024-03-01", "", "", ErrNotInForce},
		{"name follows boundaries (old)", "Grangetown", "2016-03-01", "ward", "E05001509", nil},
		{"name follows boundaries (new)", "grangetown", "2024-03-01", "ward", "E05012442", nil},
		{"the day before the 2019 election", "Grangetown", "2019-05-01", "ward", "E05001509", nil},
		{"election day itself", "Grangetown", "2019-05-02", "ward", "E05012442", nil},
		{"and versus &", "Fens & Rossmere", "2016-03-01", "ward", "E05008944", nil},
		{"a town is its LAD", "Billingham", "2020-03-01", "lad", "E06000004", nil},
		{"hills are an area", "Eston Hills", "2020-03-01", "lad", "E06000003", nil},
		{"LAD code", "E06000002", "2020-03-01", "lad", "E06000002", nil},
		{"unknown", "Atlantis", "2020-03-01", "", "", ErrUnknownPlace},
		{"foreign ward code", "E05011111", "2020-03-01", "", "", ErrUnknownPlace},
		{"Middlesbrough's Park", "Park", "2020-03-01", "ward", "E05009869", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := g.Resolve(tt.place, day(tt.at))
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				require.Contains(t, err.Error(), tt.place)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.wantKind, r.Kind)
			if r.Kind == "ward" {
				require.Equal(t, tt.want, r.WardCode)
			} else {
				require.Equal(t, tt.want, r.LADCode)
			}
		})
	}
}

func TestFind(t *testing.T) {
	g := Default()
	text := "Residents in Grangetown and on the Eston Hills complained; Stockton Town Centre too."
	ms := g.Find(text, day("2020-03-01"))
	var got []string
	for _, m := range ms {
		got = append(got, text[m.Start:m.End]+"="+m.Kind)
	}
	require.Equal(t, []string{"Grangetown=ward", "Eston Hills=lad", "Stockton Town Centre=ward"}, got)
}

func TestLoadErrorsNameTheLine(t *testing.T) {
	_, err := Load(strings.NewReader("ward_code,ward_name,lad_code,lad_name,valid_from,valid_to\nE05000001,X,E06000001,H,20x,\n"), nil)
	require.ErrorContains(t, err, "line 2: valid_from")
	_, err = Load(strings.NewReader("code,name\nE05000001,X\n"), nil)
	require.ErrorContains(t, err, "header")
	_, err = Load(strings.NewReader("ward_code,ward_name,lad_code,lad_name,valid_from,valid_to\nE05000001,X,E06000001,H,2010,\n"), strings.NewReader("places:\n  - {name: A, lad: E06999999}\n"))
	require.ErrorContains(t, err, `places[0] "A"`)
	require.False(t, errors.Is(err, ErrUnknownPlace))
}

func TestResolveBoundaries(t *testing.T) {
	g := Default()
	tests := []struct {
		name, place, at string
		wantKind, want  string
		wantErr         error
	}{
		{"2016 code in 2016", "E05001549", "2016-06-01", "ward", "E05001549", nil},
		{"2016 code in 2024 names its period", "E05001549", "2024-06-01", "", "", ErrNotInForce},
		{"old name with and, old set", "Bishopsgarth and Elm Tree", "2016-06-01", "ward", "E05001532", nil},
		{"old name written with &", "Bishopsgarth & Elm Tree", "2016-06-01", "ward", "E05001532", nil},
		{"new name written with and", "Bishopsgarth and Elm Tree", "2024-06-01", "ward", "E05014863", nil},
		{"new & name", "fens & greatham", "2024-06-01", "ward", "E05013040", nil},
		{"new name before it existed", "Fens & Greatham", "2016-06-01", "", "", ErrNotInForce},
		{"village a ward is named for", "Greatham", "2021-10-13", "ward", "E05013040", nil},
		{"area a ward is named for, with its article", "the Headland", "2013-03-12", "ward", "E05008947", nil},
		{"another name of an area a ward is named for", "Pallister Park", "2016-04-13", "ward", "E05009855", nil},
		{"village before the ward named for it", "Greatham", "2016-06-01", "lad", "E06000001", nil},
		{"parish village, old set", "Thorpe Thewles", "2015-09-14", "ward", "E05001542", nil},
		{"parish village, new set", "Thorpe Thewles", "2024-06-01", "ward", "E05014874", nil},
		{"parish village, then in the ward named for it", "Wolviston", "2024-06-01", "ward", "E05014862", nil},
		{"parish village before the ward named for it", "Wolviston", "2016-04-12", "ward", "E05001542", nil},
		{"estate in one ward of the first set only", "Owton Manor", "2016-07-12", "ward", "E05008949", nil},
		{"estate split by the second set: its authority", "Owton Manor", "2022-09-26", "lad", "E06000001", nil},
		{"parish village before its authority's listed wards", "Elwick", "2011-06-01", "lad", "E06000001", nil},
		{"parish village in the ward that held it", "Elwick", "2013-07-16", "ward", "E05008950", nil},
		{"village a ward is named after, old set", "Seaton Carew", "2019-12-03", "ward", "E05008951", nil},
		{"village a ward is named after, new set", "Seaton Carew", "2021-10-14", "ward", "E05013047", nil},
		{"estate a ward is named for", "Thorntree", "2019-10-01", "ward", "E05009856", nil},
		{"estate listed in the ward its short name is in", "Brambles Farm", "2021-10-13", "ward", "E05009856", nil},
		{"town park wholly in the ward", "Albert Park", "2022-04-23", "ward", "E05009869", nil},
		{"town park before its authority's listed wards", "Albert Park", "2013-05-01", "lad", "E06000002", nil},
		{"estate before its authority's listed wards", "Brambles Farm", "2013-05-01", "lad", "E06000002", nil},
		{"town a ward only starts with", "Marton", "2019-10-01", "lad", "E06000002", nil},
		{"ward name before its ward, in the ward named for it", "Rossmere", "2014-06-26", "ward", "E05008944", nil},
		{"St. with a dot and no apostrophe", "St. Germains", "2024-06-01", "ward", "E05012452", nil},
		{"split ward name, old set", "Skelton", "2016-06-01", "ward", "E05001521", nil},
		{"split ward name, now a town", "Skelton", "2024-06-01", "lad", "E06000003", nil},
		{"ward not split, recoded", "Yarm", "2024-06-01", "ward", "E05014884", nil},
		{"ward not split, recoded, old", "Yarm", "2016-06-01", "ward", "E05001552", nil},
		{"town alias", "Thornaby-on-Tees", "2016-06-01", "lad", "E06000004", nil},
		{"LAD name", "Redcar and Cleveland", "2016-06-01", "lad", "E06000003", nil},
		{"LAD name with &", "Redcar & Cleveland", "2016-06-01", "lad", "E06000003", nil},
		{"Stockton town centre is a ward", "Stockton Town Centre", "2024-06-01", "ward", "E05014882", nil},
		{"force area is not a place", "Cleveland", "2016-06-01", "", "", ErrUnknownPlace},
		{"empty", "  ", "2016-06-01", "", "", ErrUnknownPlace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := g.Resolve(tt.place, day(tt.at))
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.wantKind, r.Kind)
			require.Equal(t, tt.place, r.Text)
			if r.Kind == "ward" {
				require.Equal(t, tt.want, r.WardCode)
			} else {
				require.Equal(t, tt.want, r.LADCode)
			}
		})
	}
	_, err := g.Resolve("E05001549", day("2024-06-01"))
	require.ErrorContains(t, err, "2005-2023", "the error names the period")
}

func TestWardsAtCounts(t *testing.T) {
	g := Default()
	perLAD := func(at string) map[string]int {
		m := map[string]int{}
		for _, w := range g.WardsAt(day(at)) {
			m[w.LADName]++
		}
		return m
	}
	// The table of cleveland-wards.SOURCES.md, "Counts per local authority".
	require.Equal(t, map[string]int{"Hartlepool": 11, "Middlesbrough": 20, "Redcar and Cleveland": 22, "Stockton-on-Tees": 26}, perLAD("2016-06-01"))
	require.Equal(t, map[string]int{"Hartlepool": 11, "Middlesbrough": 20, "Redcar and Cleveland": 24, "Stockton-on-Tees": 26}, perLAD("2019-06-01"))
	require.Equal(t, map[string]int{"Hartlepool": 12, "Middlesbrough": 20, "Redcar and Cleveland": 24, "Stockton-on-Tees": 26}, perLAD("2021-06-01"))
	require.Equal(t, map[string]int{"Hartlepool": 12, "Middlesbrough": 20, "Redcar and Cleveland": 24, "Stockton-on-Tees": 27}, perLAD("2024-06-01"))
	require.Len(t, g.WardsAt(day("2019-05-01")), 79, "the day before the 2019 election")
	require.Len(t, g.WardsAt(day("2019-05-02")), 81, "2019 election day")
	require.Equal(t, time.Date(2023, 5, 4, 0, 0, 0, 0, time.UTC), ElectionDay(2023))
}

func TestAmbiguity(t *testing.T) {
	csv := "ward_code,ward_name,lad_code,lad_name,valid_from,valid_to\n" +
		"E05000001,Park,E06000001,Hartlepool,2004,2012\n" +
		"E05000002,Park,E06000002,Middlesbrough,2015,\n" +
		"E05000003,Village,E06000004,Stockton-on-Tees,2005,\n" +
		"E05000004,Village,E06000003,Redcar and Cleveland,2003,\n"
	places := "places:\n  - {name: Central, lad: E06000001}\n  - {name: Central, lad: E06000004}\n"
	g, err := Load(strings.NewReader(csv), strings.NewReader(places))
	require.NoError(t, err)
	tests := []struct {
		name, place, at string
		want            string
		wantErr         error
	}{
		{"two Parks, only one in force", "Park", "2016-06-01", "E05000002", nil},
		{"two Parks, only the other in force", "Park", "2010-06-01", "E05000001", nil},
		{"two Villages in force", "Village", "2016-06-01", "", ErrAmbiguous},
		{"an area in two LADs", "Central", "2016-06-01", "", ErrAmbiguous},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := g.Resolve(tt.place, day(tt.at))
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				require.ErrorContains(t, err, tt.place)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, r.WardCode)
		})
	}
	// A place in another LAD than the one ward of the name makes it ambiguous.
	g, err = Load(strings.NewReader(csv), strings.NewReader("places:\n  - {name: Park, lad: E06000001}\n"))
	require.NoError(t, err)
	_, err = g.Resolve("Park", day("2016-06-01"))
	require.ErrorIs(t, err, ErrAmbiguous)
}

func TestFindPrecision(t *testing.T) {
	g := Default()
	at := day("2024-06-01")
	tests := []struct {
		text string
		want []string // "as written=kind:code"
	}{
		{"Residents of Billingham and Thornaby met the PCC.", []string{"Billingham=lad:E06000004", "Thornaby=lad:E06000004"}},
		{"A meeting in Stockton Town Centre, not elsewhere in Stockton.", []string{"Stockton Town Centre=ward:E05014882", "Stockton=lad:E06000004"}},
		{"Youths in the park and the village hall.", nil},
		// A ward named "<Town> Town Centre" written with the descriptor
		// in lower case is still the ward; a town with no such ward stays
		// the town, and a lower-case town is not read.
		{"Traders spoke to the PCC on a walk round Stockton town centre on Friday.", []string{"Stockton town centre=ward:E05014882"}},
		{"Shoppers in Redcar town centre complained about begging.", []string{"Redcar=lad:E06000003"}},
		{"a stroll through stockton town centre", nil},
		{"Officers patrolled the town centre after dark.", nil},
		// Villages that are no ward are their authority.
		{"A meeting in Stillington village hall", []string{"Stillington=lad:E06000004"}},
		// A library named after its place is in it; a road may be anywhere.
		{"a drop-in surgery at South Bank library", []string{"South Bank=ward:E05012456"}},
		{"a drop-in at Yarm Library", []string{"Yarm=ward:E05014884"}},
		{"cars racing along Yarm Road", nil},
		{"At the Loftus street briefing people asked about drugs", []string{"Loftus=ward:E05012447"}},
		{"cars parked on Loftus Street all night", nil},
		// A room or suite named after a place is inside some building,
		// not in that place.
		{"we met in the Thorntree Room at the community hub", nil},
		{"the Eston Suite of the civic centre was full", nil},
		{"the meeting in Thorntree, room 4 of the hub", []string{"Thorntree=ward:E05009856"}},
		{"people in Eston said the room was packed", []string{"Eston=ward:E05012441"}},
		// Kirklevington is a North Yorkshire parish (Hambleton), over the
		// border from Yarm: no place of the force area.
		{"a farm watch meeting in Kirklevington village hall", nil},
		// A name with one more capitalised word and a street's after it is
		// part of the street's name.
		{"the back lanes between Victoria Road and Ayresome Green Lane", nil},
		// A common-word ward at the end of another name is no ward.
		{"the Hart Village PACT met in the village hall", nil},
		{"the Village PACT met in the church hall", []string{"Village=ward:E05014883"}},
		{"residents of Thornaby's Village ward met", []string{"Thornaby=lad:E06000004", "Village=ward:E05014883"}},
		{"residents of Ayresome, Green Lane and the park", []string{"Ayresome=ward:E05009854"}},
		{"a drop-in surgery on Yarm High Street", []string{"Yarm=ward:E05014884"}},
		// A newspaper's name is not where something is.
		{"I. Noble (Darlington and Stockton Times) was present", nil},
		{"the Hartlepool Mail reported", nil},
		// A direction is not where something is.
		{"drivers going far too fast on the A173 towards Skelton at night", nil},
		{"lurchers on the farmland out towards Guisborough", nil},
		{"farmers from Lingdale, Boosbeck and Margrove Park", []string{"Lingdale=ward:E05012446", "Boosbeck=ward:E05012446", "Margrove Park=ward:E05012446"}},
		// "borough" in lower case after a town makes it the authority; a
		// council's name is no place.
		{"Residents from across Stockton borough wrote in.", []string{"Stockton=lad:E06000004"}},
		{"Hartlepool borough-wide figures", []string{"Hartlepool=lad:E06000001"}},
		{"Hartlepool Borough Council said", nil},
		{"Stockton borough council said", nil},
		{"The meeting in Park ward", []string{"Park=ward:E05009869"}},
		// A name that is also a word is a ward when it is one of two
		// whose meeting is held jointly.
		{"Joint Kader and Marton West community meeting", []string{"Kader=ward:E05009860", "Marton West=ward:E05009865"}},
		{"The Kader and Park End & Beckfield ward meetings were held on 19 and 24 January", []string{"Kader=ward:E05009860", "Park End & Beckfield=ward:E05009870"}},
		{"Mr Kader and Marton West residents", []string{"Marton West=ward:E05009865"}},
		// ... or the place a walk goes round
		{"I joined a walkabout around Newport with the neighbourhood team", []string{"Newport=ward:E05009866"}},
		{"We walked round Park on Sunday", []string{"Park=ward:E05009869"}},
		{"Mr Newport walked round the estate", nil},
		{"The Kader and Park End & Beckfield residents came", []string{"Park End & Beckfield=ward:E05009870"}},
		{"Residents of Park complained", nil},
		{"Mr Hart said", nil},
		// A common-word ward where only a place can stand: after "in" or
		// "at", before a bracket, comma or semicolon.
		// ... and later in such a list, each name with its own bracket.
		{"meetings in Kader (1st December) and Ladgate (3rd)", []string{"Kader=ward:E05009860", "Ladgate=ward:E05009861"}},
		{"In May she sat in on meetings at Kader (2nd), Ladgate (9th) and Park (23rd).", []string{"Kader=ward:E05009860", "Ladgate=ward:E05009861", "Park=ward:E05009869"}},
		{"visits in Kader (2nd) and Mr Hart (retired)", []string{"Kader=ward:E05009860"}},
		{"in Kader (2nd) and Park was busy", []string{"Kader=ward:E05009860"}},
		{"Mr Kader (chair), Mr Hart (vice-chair) and Newport (17th)", nil},
		{"Cllr Kader (chair) and Mr Hart, in Park Lane", nil},
		// ... or where a meeting was held, with its day after it
		{"A street briefing was held in Newport the next day", []string{"Newport=ward:E05009866"}},
		{"the surgery took place at Victoria on 3 May", []string{"Victoria=ward:E05013049"}},
		{"a walkabout in Park last Tuesday", []string{"Park=ward:E05009869"}},
		{"she was interested in Victoria on 3 May", nil},
		{"a street briefing was held in Newport Road the next day", nil},
		{"the meeting held in Park for the children", nil},
		// ... or alone in the place slot of a listed meeting: kind, place, day
		{"- Walkabout, Park, 3 May: litter on the green", []string{"Park=ward:E05009869"}},
		{"Street surgery, Victoria (12 June)", []string{"Victoria=ward:E05013049"}},
		{"3 May | Drop-in, Newport | dog fouling", []string{"Newport=ward:E05009866"}},
		{"At the meeting, Victoria, the chair, said no more", nil},
		{"Drop-in, Park Lane shops, 3 May", nil},
		{"Drop-in, Park and Ride car park, 3 May", nil},
		{"Meeting, Victoria said, was well attended", nil},
		// ... or before its own public body's name, in capitals.
		{"Kader Community Council, Middlesbrough", []string{"Kader=ward:E05009860", "Middlesbrough=lad:E06000002"}},
		{"the Park Residents' Association met", []string{"Park=ward:E05009869"}},
		{"he met the Newtown Residents' Forum, where women spoke", []string{"Newtown=ward:E05014873"}},
		{"Victoria Residents' Parking zones", nil},
		{"And last night, at Newport's residents' meeting in the hall", []string{"Newport=ward:E05009866"}},
		{"Mr Newport's residents' parking permit", nil},
		{"Victoria's meeting with the council", nil},
		{"Mr Kader said the community council had met", nil},
		{"Victoria community meeting notes", nil},
		// ... or between "the" and its meeting's name in small letters.
		{"We spent Tuesday at the Ladgate community meeting, which was full", []string{"Ladgate=ward:E05009861"}},
		{"questions at the Park ward forum last week", []string{"Park=ward:E05009869"}},
		{"Mr Hart community meeting chair", nil},
		{"the Victoria community centre opened", nil},
		{"the Hart Village residents' meeting", nil},
		{"meetings of the North Ormesby and Newport community councils", []string{"North Ormesby=ward:E05009867", "Newport=ward:E05009866"}},
		{"meetings of the North Ormesby and Park residents' associations", []string{"North Ormesby=ward:E05009867", "Park=ward:E05009869"}},
		{"the North Ormesby and Park residents' association", []string{"North Ormesby=ward:E05009867"}}, // (a singular in small letters: no list's plural)
		// Every name of a list closed by "wards" is a ward.
		{"Our team covers Stockton Town Centre, Newtown and Hardwick and Salters Lane wards.", []string{"Stockton Town Centre=ward:E05014882", "Newtown=ward:E05014873", "Hardwick and Salters Lane=ward:E05014868"}},
		{"At the virtual Newtown PACT you raised sheds being broken into.", []string{"Newtown=ward:E05014873"}},
		{"People living in the north of Ingleby Barwick turned out.", []string{"Ingleby Barwick=ward:E05014870"}},
		{"People living in Ingleby Barwick turned out.", []string{"Ingleby Barwick=lad:E06000004"}},
		// A side's ward then the other side names both wards: the town.
		{"the Ingleby Barwick (North and South) forum", []string{"Ingleby Barwick (North and South)=lad:E06000004"}},
		{"Marton East and West residents", []string{"Marton East and West=lad:E06000002"}},
		{"Marton East and west of the river", []string{"Marton East=ward:E05015468"}},
		{"Marton East and Coulby Newham", []string{"Marton East=ward:E05015468", "Coulby Newham=ward:E05009858"}},
		{"A newtown pact was signed.", nil},
		{"cars speeding on Marton Road and Yarm Road", nil},
		{"billingham in lower case", nil},
		{"Fens & Greatham and Bishopsgarth and Elm Tree", []string{"Fens & Greatham=ward:E05013040", "Bishopsgarth and Elm Tree=ward:E05014863"}},
		{"İİİ Grangetown", []string{"Grangetown=ward:E05012442"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, m := range g.Find(tt.text, at) {
				code := m.WardCode
				if m.Kind == "lad" {
					code = m.LADCode
				}
				got = append(got, tt.text[m.Start:m.End]+"="+m.Kind+":"+code)
			}
			require.Equal(t, tt.want, got)
		})
	}
}

func TestLoadDataErrors(t *testing.T) {
	const h = "ward_code,ward_name,lad_code,lad_name,valid_from,valid_to\n"
	tests := []struct {
		name, csv, places string
		wantLine          int
		wantField         string
	}{
		{"bad code", h + "E05000001,A,E06000001,H,2010,\nX1,B,E06000001,H,2010,\n", "", 3, "ward_code"},
		{"to before from", h + "E05000001,A,E06000001,H,2010,2009\n", "", 2, "valid_to"},
		{"two names for a LAD", h + "E05000001,A,E06000001,H,2010,\nE05000002,B,E06000001,Hx,2010,\n", "", 3, "lad_name"},
		{"duplicate code", h + "E05000001,A,E06000001,H,2010,\nE05000001,B,E06000001,H,2010,\n", "", 3, "ward_code"},
		{"places: ward of another LAD", h + "E05000001,A,E06000001,H,2010,\nE05000002,B,E06000002,M,2010,\n", "places:\n  - {name: C, lad: E06000001, wards: [E05000002]}\n", 2, `places[0] "C" wards`},
		{"places: two wards at once", h + "E05000001,A,E06000001,H,2010,\nE05000002,B,E06000001,H,2012,\n", "places:\n  - {name: C, lad: E06000001, wards: [E05000001, E05000002]}\n", 2, `places[0] "C" wards`},
		{"places: unknown ward", h + "E05000001,A,E06000001,H,2010,\n", "places:\n  - {name: C, lad: E06000001, wards: [E05000009]}\n", 2, `places[0] "C" wards`},
		{"places: unknown LAD", h + "E05000001,A,E06000001,H,2010,\n", "places:\n  - {name: A, lad: E06000001}\n  - {name: B, lad: E06000009}\n", 3, `places[1] "B" lad`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var places *strings.Reader
			if tt.places != "" {
				places = strings.NewReader(tt.places)
			}
			var err error
			if places != nil {
				_, err = Load(strings.NewReader(tt.csv), places)
			} else {
				_, err = Load(strings.NewReader(tt.csv), nil)
			}
			var de *DataError
			require.ErrorAs(t, err, &de)
			require.Equal(t, tt.wantLine, de.Line)
			require.Equal(t, tt.wantField, de.Field)
		})
	}
	_, err := Load(strings.NewReader(h+"E05000001,A,E06000001,H,2010,\n"), strings.NewReader("places:\n  - {name: A, lad: E06000001, colour: red}\n"))
	require.ErrorContains(t, err, "colour", "unknown keys are errors")
}

func FuzzFind(f *testing.F) {
	f.Add("Residents in Grangetown and on the Eston Hills; Stockton Town Centre & Fens & Greatham")
	f.Add("\xff\xfeİ&&& Park ward")
	g := Default()
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range g.Find(s, day("2024-06-01")) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
		}
		_, _ = g.Resolve(s, day("2016-06-01"))
	})
}

// TestPossessivePlaces: "North Ormesby's community meeting" names North
// Ormesby (found and resolved), while a name merely running into an s is
// not a place.
func TestPossessivePlaces(t *testing.T) {
	g := Default()
	for _, text := range []string{"at North Ormesby's community meeting", "at North Ormesby’s community meeting"} {
		ms := g.Find(text, day("2021-09-23"))
		require.Len(t, ms, 1, text)
		require.Equal(t, "North Ormesby", text[ms[0].Start:ms[0].End])
		require.Equal(t, "E05009867", ms[0].WardCode)
	}
	r, err := g.Resolve("North Ormesby's", day("2021-09-23"))
	require.NoError(t, err)
	require.Equal(t, "E05009867", r.WardCode)
	require.Empty(t, g.Find("at North Ormesbys community meeting", day("2021-09-23")))
}

// TestFindWardBeforeTheList: a ward name, not a word, written at a date
// before the wards of that name were in force is the authority they all
// lie in (Middlesbrough's list starts in 2015); a name that is also a word
// ("Victoria Ward" in 2011) is not taken.
func TestFindWardBeforeTheList(t *testing.T) {
	g := Default()
	at := day("2011-10-25")
	var got []string
	for _, text := range []string{"the Hemlington ward meeting", "the Victoria Ward community meeting", "Coulby Newham residents"} {
		for _, m := range g.Find(text, at) {
			got = append(got, text[m.Start:m.End]+"="+m.Kind+":"+m.LADCode+m.WardCode)
		}
	}
	require.Equal(t, []string{"Hemlington=lad:E06000002", "Coulby Newham=lad:E06000002"}, got)
	ms := g.Find("the Hemlington ward meeting", day("2016-03-11"))
	require.Len(t, ms, 1)
	require.Equal(t, "ward", ms[0].Kind, "in force: the ward")
}
