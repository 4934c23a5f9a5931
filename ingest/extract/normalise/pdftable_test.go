package normalise

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// tsvOf writes word boxes as pdftotext -tsv does: each line of lines is
// "top|x:word word|x:word ..." (a run of words after x: set with word
// spaces of 3pt, each character 5pt wide, font 12pt high).
func tsvOf(lines ...string) string {
	var b strings.Builder
	b.WriteString("level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n")
	for _, l := range lines {
		parts := strings.Split(l, "|")
		top := parts[0]
		for _, p := range parts[1:] {
			var x float64
			i := strings.Index(p, ":")
			fmt.Sscan(p[:i], &x)
			for _, w := range strings.Fields(p[i+1:]) {
				width := 5 * float64(len([]rune(w)))
				fmt.Fprintf(&b, "5\t1\t0\t0\t0\t0\t%.2f\t%s\t%.2f\t12.0\t100\t%s\n", x, top, width, w)
				x += width + 3
			}
		}
	}
	return b.String()
}

// TestPDFTablesFromWordBoxes: a table is read from the word boxes'
// columns and spacing, whatever its cells' wrapping: a date wrapped over
// two lines either way ("Tues 5" over "Dec", "Wed" over "17 Jan"), a date
// cell closer to the next cell than the layout text shows, a centred
// header, a paragraph above and below it left alone; an evenly spaced
// table of one line a row is read a row a line; an evenly spaced table
// whose cells wrap is left to the layout text.
func TestPDFTablesFromWordBoxes(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  [][]string
	}{
		{"wrapped dates, centred header, padded rows",
			[]string{
				"100|90:The meetings and what residents raised are shown in the table below, as the",
				"112|90:Panel asked at its last meeting.",
				"140|100:Date|180:Meeting|330:What residents told us",
				"160|90:Tues 5|140:Ingleby Barwick North ward|300:Cars taken from driveways",
				"172|90:Dec|140:meeting, Stockton-|300:at night.",
				"184|140:on-Tees",
				"203|90:Wed|140:Stockton Town Centre ward|300:Open drug dealing near",
				"215|90:17 Jan|140:meeting|300:the shops.",
				"234|90:25 Jan|140:Marske drop-in|300:Quad bikes on the beach.",
				"250|84:2.2|110:In addition the Commissioner sat on the transport committee on 18 January, where the",
				"262|84:safety of bus stations across the Tees Valley was discussed.",
			},
			[][]string{
				{"Date", "Meeting", "What residents told us"},
				{"Tues 5 Dec", "Ingleby Barwick North ward meeting, Stockton-on-Tees", "Cars taken from driveways at night."},
				{"Wed 17 Jan", "Stockton Town Centre ward meeting", "Open drug dealing near the shops."},
				{"25 Jan", "Marske drop-in", "Quad bikes on the beach."},
			}},
		{"one line a row, evenly spaced",
			[]string{
				"140|90:Date|160:Meeting|300:Issues",
				"160|90:4 March|160:Yarm ward meeting|300:Speeding",
				"172|90:11 March|160:Hartburn ward meeting|300:Parking",
				"184|90:18 March|160:Kader ward meeting|300:Burglary",
			},
			[][]string{{"Date", "Meeting", "Issues"}, {"4 March", "Yarm ward meeting", "Speeding"}, {"11 March", "Hartburn ward meeting", "Parking"}, {"18 March", "Kader ward meeting", "Burglary"}}},
		{"evenly spaced, wrapped: a row a day, a weekday over its day one cell",
			[]string{
				"140|90:Date|160:Meeting|300:Issues",
				"152|90:4 March|160:Yarm ward meeting|300:Speeding near the",
				"164|300:school",
				"176|90:Wed|160:Hartburn ward|300:Parking",
				"188|90:13 March|160:meeting",
				"200|90:Tues 19|160:Kader ward meeting|300:Burglary",
				"212|90:March",
			},
			[][]string{{"Date", "Meeting", "Issues"}, {"4 March", "Yarm ward meeting", "Speeding near the school"}, {"Wed 13 March", "Hartburn ward meeting", "Parking"}, {"Tues 19 March", "Kader ward meeting", "Burglary"}}},
		{"evenly spaced and wrapped, not of dates: left to the layout text",
			[]string{
				"140|90:Ward|160:You said|300:We did",
				"152|90:Seaton|160:Cars racing on the|300:Speed checks",
				"164|160:sea front",
				"176|90:Hart|160:Burglaries|300:Leaflets",
			},
			nil},
		{"a numbered paragraph just above a table without a header is not its header",
			[]string{
				"112|84:2.1|110:Meetings|300:attended by the Commissioner in the period and what residents raised:",
				"130|90:4 March|160:Yarm ward meeting|300:Speeding",
				"142|90:11 March|160:Hartburn ward meeting|300:Parking",
			},
			[][]string{{"4 March", "Yarm ward meeting", "Speeding"}, {"11 March", "Hartburn ward meeting", "Parking"}}},
		{"numbered paragraphs are no table",
			[]string{
				"100|90:2.1|120:Residents continue to use ward meetings to bring local problems to the",
				"112|90:Commissioner and to officers.",
				"140|90:2.2|120:Outside the ward meeting programme farmers contacted the Office",
				"152|90:repeatedly about hare coursing.",
			},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := pdfTables(tsvOf(tt.lines...))
			if tt.want == nil {
				require.Empty(t, ts)
				return
			}
			require.Len(t, ts, 1)
			require.Equal(t, tt.want, ts[0].rows)
		})
	}
}

// TestSpliceTables: a table found in the word boxes replaces its lines of
// the layout text, on its page; one whose lines are not there is left out.
func TestSpliceTables(t *testing.T) {
	layout := "Intro line\n\n  Date     Meeting\nTues 5 Yarm ward\nDec\n\nAfter\f Page two"
	tab := pdfTable{page: 1, lines: []string{"Date Meeting", "Tues 5 Yarm ward", "Dec"}, rows: [][]string{{"Date", "Meeting"}, {"Tues 5 Dec", "Yarm | ward"}}}
	require.Equal(t, "Intro line\n\n| Date | Meeting |\n| Tues 5 Dec | Yarm / ward |\n\nAfter\f Page two", spliceTables(layout, []pdfTable{tab}))
	missing := tab
	missing.lines = []string{"Date Meeting", "Wed 6 Hart ward"}
	require.Equal(t, layout, spliceTables(layout, []pdfTable{missing}))
}

// TestPDFTableUnderHangingParagraphs: numbered paragraphs whose number
// stands in a column of its own (a hanging indent) right above a table do
// not lend it their text column, which lies inside the table's first
// column: the table from its header on is read by its own columns, a date
// wrapped over two lines ("7 February" over "2019") one cell.
func TestPDFTableUnderHangingParagraphs(t *testing.T) {
	ts := pdfTables(tsvOf(
		"100|57:4.1|102:On 4 December the Commissioner attended the Brotton ward meeting at the",
		"112|102:Brotton Library, where residents raised concerns about motorbikes.",
		"134|57:4.2|102:The Commissioner joined residents of Park End and Beckfield at the",
		"146|102:Priory Woods community centre on 15 January 2019.",
		"172|62:Date|150:Meeting|300:Issues raised",
		"194|62:7 February|150:Norton North ward|300:Speeding on the Norton Road, litter",
		"207|62:2019|150:meeting, Norton Library|300:behind the shops",
		"229|62:21 February|150:Jesmond ward meeting,|300:Youths drinking on the field",
		"242|62:2019|150:Hartlepool|300:late into the night",
	))
	require.NotEmpty(t, ts)
	require.Equal(t, [][]string{
		{"Date", "Meeting", "Issues raised"},
		{"7 February 2019", "Norton North ward meeting, Norton Library", "Speeding on the Norton Road, litter behind the shops"},
		{"21 February 2019", "Jesmond ward meeting, Hartlepool", "Youths drinking on the field late into the night"},
	}, ts[len(ts)-1].rows)
}

// TestPDFTableBeforeHangingParagraphs: numbered paragraphs set with a
// hanging indent right under a table (their number at the page's margin,
// left of the table's cells, their text starting inside the table's first
// column) end the table rather than lend it their text column, which would
// cut every first cell in two and lose the rows; and the paragraphs, whose
// first cells are section numbers with no header over them, are no table
// of their own (their numbers would be read as days of a table of dates).
// A header over numbered rows keeps them a table.
func TestPDFTableBeforeHangingParagraphs(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  [][][]string
	}{
		{"paragraphs under a table end it and are no table",
			[]string{
				"100|62:Date|140:Meeting|300:Issues raised",
				"120|68:Thursday|140:Hart ward meeting,|300:Speeding on the",
				"133|68:9 March|140:Hart Village Hall|300:A179 past the school",
				"153|68:Monday 13|140:Seaton ward meeting|300:Dog fouling along",
				"166|68:March|300:the sea front",
				"190|57:4.2|85:Later that month the Commissioner walked round the estate",
				"205|85:with the ward councillors and the neighbourhood team.",
				"225|57:4.3|85:Letters about parking reached the Office through March and",
				"240|85:were passed to the council.",
			},
			[][][]string{{
				{"Date", "Meeting", "Issues raised"},
				{"Thursday 9 March", "Hart ward meeting, Hart Village Hall", "Speeding on the A179 past the school"},
				{"Monday 13 March", "Seaton ward meeting", "Dog fouling along the sea front"},
			}}},
		{"numbered rows under a header stay a table",
			[]string{
				"100|62:Item|140:Action",
				"120|62:4.2|140:Clerk to write to the highways team about",
				"133|140:the parking on Station Road",
				"153|62:4.3|140:Chair to invite the neighbourhood sergeant",
			},
			[][][]string{{
				{"Item", "Action"},
				{"4.2", "Clerk to write to the highways team about the parking on Station Road"},
				{"4.3", "Chair to invite the neighbourhood sergeant"},
			}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][][]string
			for _, tb := range pdfTables(tsvOf(tt.lines...)) {
				got = append(got, tb.rows)
			}
			require.Equal(t, tt.want, got)
		})
	}
}

// TestPDFColumnsBesideADiaryBox: a newsletter's two columns, whose right
// column holds a box of short dated lines level with the left column's
// story; the word boxes take the story's lines beside the box for a
// table's rows, but the first of them goes on with a sentence, so the
// page is still read column by column and the story's sentence is whole.
func TestPDFColumnsBesideADiaryBox(t *testing.T) {
	var lines []string
	for i := 0; i < 7; i++ {
		lines = append(lines, fmt.Sprintf("%d|40:the left column runs on here with words|300:and the right column runs on with words", 100+12*i))
	}
	lines = append(lines,
		"188|40:The chair thanked all who came and",
		"200|40:promised to pass on every",
		"212|40:comment to the|320:Sat 6th May – Litter pick",
		"224|40:council before the summer.|320:meet at the park gates",
		"240|320:Tues 9th May – PACT meeting with",
		"250|40:Garden news|320:the police team, St Mary's",
		"264|320:Church Hall",
	)
	tsv := tsvOf(lines...)
	pages := columnPages(tsv, pdfTables(tsv))
	require.Contains(t, pages, 1)
	text := strings.Join(strings.Fields(pages[1]), " ")
	require.Contains(t, text, "promised to pass on every comment to the council before the summer.")
	require.Contains(t, text, "Tues 9th May – PACT meeting with the police team, St Mary's Church Hall")
}

// TestPDFColumnsRightColumnSetBack: a newsletter's right column whose
// upper part is a box, its text set in by the box's padding, and whose
// story under the box starts a little further left: the gutter is the
// middle of the white between the columns (midGutter), not the box's
// edge, or the story's lines would be taken for lines across the page
// and run into the left column's. A line across the page (a footer) is
// still read as one.
func TestPDFColumnsRightColumnSetBack(t *testing.T) {
	var lines []string
	for i := 0; i < 7; i++ {
		lines = append(lines, fmt.Sprintf("%d|40:the left column runs on here with words|320:and the boxed column runs on with words", 100+12*i))
	}
	lines = append(lines,
		"188|40:The chair thanked all who came and",
		"196|310:Winter fair",
		"200|40:promised to pass on every",
		"210|310:Our winter fair raised enough",
		"212|40:comment to the",
		"222|310:for two new benches by the pond.",
		"224|40:council before the summer.",
		"260|60:Printed by volunteers and delivered to every house in the village by hand",
	)
	tsv := tsvOf(lines...)
	pages := columnPages(tsv, pdfTables(tsv))
	require.Contains(t, pages, 1)
	text := strings.Join(strings.Fields(pages[1]), " ")
	require.Contains(t, text, "The chair thanked all who came and promised to pass on every comment to the council before the summer.")
	require.Contains(t, text, "Winter fair Our winter fair raised enough for two new benches by the pond.")
	require.Contains(t, text, "Printed by volunteers and delivered to every house in the village by hand")
}

// TestPDFLetterSpacedLine: a masthead set with wide letter spacing prints
// each letter as a word box of its own, which the layout text writes apart
// ("P A R K W A R D N E W S"); the word boxes' wider gaps between words
// give its words back. A line of words is left as it is.
func TestPDFLetterSpacedLine(t *testing.T) {
	tsv := tsvOf(
		"40|40:P|47:A|54:R|61:K|74:W|81:A|88:R|95:D|108:N|115:E|122:W|129:S",
		"60|40:Issue 4 of the newsletter",
	)
	layout := "      P A R K W A R D N E W S\n   Issue 4 of the newsletter\n"
	require.Equal(t, "      PARK WARD NEWS\n   Issue 4 of the newsletter\n", unspaceLetters(layout, tsv))
}

// TestPDFTableCentredCells: a table whose cells are set in the middle of
// their rows (an HTML table's default, printed to PDF) has a row's cells
// of one, two and three lines on baselines half a line apart. Each
// column's cells are read by their own line spacing and a row is the
// cells beside each other: the tallest cell's first line above the row's
// date, an authority alone on a line right of the table's edge, and a
// centred header. A day's superscript suffix, set smaller on a baseline of
// its own, opens no column and drops out of the date.
func TestPDFTableCentredCells(t *testing.T) {
	centred := []string{
		"60|84:The meetings the Commissioner attended in the period are below.",
		"100|90:Date|160:Meeting|300:Council|420:What residents said",
		"120|400:Gangs of youths outside the",
		"127|90:Tue 7|160:Hardwick and Salters",
		"134|300:Stockton-on-Tees|400:shops; dealing from a",
		"141|90:June|160:Lane Community Council",
		"148|400:flat",
		"170|90:Fri 3|160:Hart Village Residents'|400:Speeding through the village",
		"177|300:Hartlepool",
		"184|90:June|160:Association|400:and farm thefts",
		// a row whose cells are all of two lines: no cell set lower
		// bridges its lines, its cells' own line spacing joins them
		"210|90:Sat 11|160:Seaton Residents'|300:Hartlepool|400:Parking on the front",
		"224|90:June|160:Forum|300:Borough|400:every weekend",
	}
	want := [][]string{
		{"Date", "Meeting", "Council", "What residents said"},
		{"Tue 7 June", "Hardwick and Salters Lane Community Council", "Stockton-on-Tees", "Gangs of youths outside the shops; dealing from a flat"},
		{"Fri 3 June", "Hart Village Residents' Association", "Hartlepool", "Speeding through the village and farm thefts"},
		{"Sat 11 June", "Seaton Residents' Forum", "Hartlepool Borough", "Parking on the front every weekend"},
	}
	ts := pdfTables(tsvOf(centred...))
	require.Len(t, ts, 1)
	require.Equal(t, want, ts[0].rows)

	// the same table with "7th" and "3rd" set as superscripts: both
	// suffixes stand at one left edge, on lines of their own
	sup := append([]string(nil), centred[:3]...)
	sup = append(sup, "124|118:th")
	sup = append(sup, centred[3:7]...)
	sup = append(sup, "167|118:rd")
	sup = append(sup, centred[7:]...)
	tsv := strings.NewReplacer("\t12.0\t100\tth\n", "\t8.0\t100\tth\n", "\t12.0\t100\trd\n", "\t8.0\t100\trd\n").Replace(tsvOf(sup...))
	ts = pdfTables(tsv)
	require.Len(t, ts, 1)
	require.Equal(t, want, ts[0].rows)

	// the suffixes on lines of the table's other cells ("th" beside the
	// first line of "Gangs of youths", "rd" beside "Hartlepool")
	beside := append([]string(nil), centred...)
	beside[2] = "120|118:th|400:Gangs of youths outside the"
	beside[8] = "177|118:rd|300:Hartlepool"
	tsv = strings.NewReplacer("\t12.0\t100\tth\n", "\t8.0\t100\tth\n", "\t12.0\t100\trd\n", "\t8.0\t100\trd\n").Replace(tsvOf(beside...))
	ts = pdfTables(tsv)
	require.Len(t, ts, 1)
	require.Equal(t, want, ts[0].rows)

	// must not: a plain table of one line a row, lines a line apart, is
	// read as before (no cell of it is set at another height)
	plain := pdfTables(tsvOf(
		"140|90:Date|160:Meeting|300:Issues",
		"160|90:4 March|160:Yarm ward meeting|300:Speeding",
		"172|90:11 March|160:Hartburn ward meeting|300:Parking",
	))
	require.Len(t, plain, 1)
	require.Equal(t, [][]string{{"Date", "Meeting", "Issues"}, {"4 March", "Yarm ward meeting", "Speeding"}, {"11 March", "Hartburn ward meeting", "Parking"}}, plain[0].rows)
}
