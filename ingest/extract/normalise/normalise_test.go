package normalise

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestHTML(t *testing.T) {
	d, err := Normalise(context.Background(), "a.html", []byte(`<html><head><title>T</title><meta property="article:published_time" content="2017-03-15T09:30:00Z"></head>
<body><header><a href="/">Site</a> <a href="/a">Accessibility</a></header><div id="cookie-bar">We use cookies. <button>Accept</button></div>
<nav><ul><li>Home</li></ul></nav>
<article><header><h1>Title &amp; more</h1></header><p>One <b>bold</b> line<br>and a second</p>
<table><tr><th>Date</th><th>Meeting</th></tr><tr><td>1 May</td><td>Forum <i>x</i> | y</td></tr></table>
<ul><li><p>item</p></li></ul><div class="share-buttons">Share on Facebook</div><p>Posted on 15 March 2017</p></article>
<footer>Powered by WordPress</footer></body></html>`), Options{})
	require.NoError(t, err)
	require.Equal(t, HTML, d.Format)
	require.Equal(t, "2017-03-15T09:30:00Z", d.Published)
	require.Equal(t, "T", d.Title)
	require.Equal(t, "# Title & more\n\nOne bold line\n\nand a second\n\n| Date | Meeting |\n|---|\n| 1 May | Forum x / y |\n\n- item\n\nPosted on 15 March 2017\n\n", d.Text)
}

// TestHTMLChromeLines: the site footer's short paragraphs are kept aside
// (they may give the publication date) while the footer leaves the text;
// its lists are not, and a <time> in a list entry (related news) is not
// the page's date.
func TestHTMLChromeLines(t *testing.T) {
	d, err := Normalise(context.Background(), "a.html", []byte(`<html><body><main><article><h1>News</h1><p>Text.</p></article>
<aside><ul><li><a href="#">Other</a> <time datetime="2024-03-01">1 March</time></li></ul></aside>
<ul><li>Old item <time datetime="2020-01-01">1 Jan</time></li></ul></main>
<footer><p class="published">Posted on Friday 8 March 2024 in <a href="#">Community</a></p><ul><li>Menu entry</li></ul><p>Powered by X</p></footer></body></html>`), Options{})
	require.NoError(t, err)
	require.Equal(t, "", d.Published)
	require.Equal(t, []string{"Posted on Friday 8 March 2024 in Community", "Powered by X"}, d.ChromeLines)
	require.NotContains(t, d.Text, "Posted on")

	d, err = Normalise(context.Background(), "b.html", []byte(`<html><body><article><h1>News</h1><div class="meta share-bar">Published: 3 May 2020</div><p>Text.</p>
<div class="related-stories"><div>Posted on 1 May 2020</div></div></article></body></html>`), Options{})
	require.NoError(t, err)
	require.Equal(t, []string{"Published: 3 May 2020"}, d.ChromeLines)

	// An old site's footer is a div by its class: chrome, its lines kept
	// for the publication date.
	d, err = Normalise(context.Background(), "c.html", []byte(`<html><body><div id="content"><h1>Feedback</h1><p>Text.</p></div>
<div class="footer">Office of the Police and Crime Commissioner for Cleveland</div></body></html>`), Options{})
	require.NoError(t, err)
	require.NotContains(t, d.Text, "Office of the")
	require.Equal(t, []string{"Office of the Police and Crime Commissioner for Cleveland"}, d.ChromeLines)
}

// TestHTMLJSONLDPublished: a page's JSON-LD "datePublished" is its
// publication date, as a <meta> one is.
func TestHTMLJSONLDPublished(t *testing.T) {
	d, err := Normalise(context.Background(), "a.html", []byte(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2017-10-13T09:00:00Z","datePublished":"2017-10-12T07:00:00Z"}</script></head><body><p>Text.</p></body></html>`), Options{})
	require.NoError(t, err)
	require.Equal(t, "2017-10-12T07:00:00Z", d.Published)
	require.NotContains(t, d.Text, "NewsArticle")
}

func TestInlineHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"5<sup>th</sup> November", "5th November"},
		{"<strong>Partner meetings.</strong> The PCC", "Partner meetings. The PCC"},
		{"24 September&nbsp;2019 &ndash; Forum", "24 September 2019 – Forum"},
		{"a < b and 3 > 2, <- back", "a < b and 3 > 2, <- back"},
		{"line<br/>next", "line\nnext"},
		{"Tom &amp; Jerry &#8217;s &bogus;", "Tom & Jerry ’s &bogus;"},
		// Site furniture left inline goes whole, its text with it.
		{"Bikes on the beach.\n\n<aside class=\"more\">\n<h3>Read more</h3>\n<ul><li><a href=\"/x\">Market traders fear the worst</a></li></ul>\n</aside>\n\nIt follows a meeting in Skelton.", "Bikes on the beach.\n\n\n\n\nIt follows a meeting in Skelton."},
		{"before <script type=\"text/javascript\">var a = 1;</script>after", "before \nafter"},
		// (not a word that only starts like one: "<asides>" is no aside)
		{"<asides>kept</asides>", "kept"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, InlineHTML(tt.in), tt.in)
	}
}

// TestInlineHTMLTable: an HTML table inside Markdown keeps its cells
// apart as Markdown rows, a header row of <th> cells followed by its rule,
// each cell's inner tags and line breaks gone.
func TestInlineHTMLTable(t *testing.T) {
	got := InlineHTML("<table>\n<thead><tr><th>Ward</th><th>You said</th></tr></thead>\n<tbody>\n<tr><td>North Ormesby</td><td>Youths throwing <em>fireworks</em><br>at houses</td></tr>\n</tbody>\n</table>")
	require.Contains(t, got, "\n| Ward | You said |\n|---|---|\n")
	require.Contains(t, got, "\n| North Ormesby | Youths throwing fireworks at houses |\n")
	require.NotContains(t, got, "<")
}

// TestWrappedLineIsNoChrome: a hard-wrapped sentence's next line that
// happens to open with a chrome word ("share a fence with the school",
// "search of the garages") is text, not a share bar or a search box;
// the same words on a line of their own, or capitalised, stay chrome.
func TestWrappedLineIsNoChrome(t *testing.T) {
	for _, tt := range []struct {
		text string
		kept bool
	}{
		{"Residents said the allotments, which\nshare a fence with the school, had been broken into.", true},
		{"Officers carried out a careful\nsearch of the garages behind the shops.", true},
		{"Residents raised speeding on the main road.\nShare this article", false},
		{"Residents raised speeding on the main road\nShare this article", false},
		{"Residents raised speeding on the main road.\n\nshare on facebook", false},
		{"Residents raised speeding on the main road.\nshare this page", false},
	} {
		got := dropChrome(tt.text)
		last := strings.Split(tt.text, "\n")
		require.Equal(t, tt.kept, strings.Contains(got, last[len(last)-1]), tt.text)
	}
}

func TestChrome(t *testing.T) {
	for _, s := range []string{"Skip to main content", "Menu   Search   Accessibility", "Home > News > 2015", "Share this article: Facebook | Twitter | Email",
		"This website uses cookies. [Find out more](/cookies) | [Accept](#)", "Powered by WordPress", "Page 1 of 2", "© Office of the PCC", "Home | Neighbourhoods | Redcar | Contact us",
		"Read more: Teesside Park traffic plans go before councillors · Thornaby bonfire cancelled", "Related news: New bins for Seaton Front",
		"Related: Bus lanes plan goes to consultation (Oct 2) | Pier fun run returns (Sept 30)", "Related links: Ward councillors' surgery times",
		"Like · Reply · 14 November 2018 at 22:31"} {
		require.True(t, Chrome(s), s)
	}
	for _, s := range []string{"Residents shared their concern that speeding was a problem.", "Accessibility of the new police station was raised by several residents at the meeting on 3 May, who said the ramp was too steep for wheelchairs and prams.",
		"Posted on Tuesday 22nd May 2018", "| Date | Meeting |", "Read more about the traffic plans on the council's website.", "2.1 On 6th December the Commissioner joined residents", "Like many residents, she wants a reply from the council.",
		"Related to this, residents at the Kader meeting on 3 May raised parking.", "Related issues: speeding was raised again at the meeting on 3 May."} {
		require.False(t, Chrome(s), s)
	}
}

// TestRelatedStoriesList: a list of other stories under its lead line
// goes with it; a list under anything else stays.
func TestRelatedStoriesList(t *testing.T) {
	for _, tt := range []struct {
		text, item string
		kept       bool
	}{
		{"Residents raised parking.\n\nRead more:\n- Library hours cut in Eston (4th June 2020)\n- Bonfire called off (1st June 2020)\n\nThe council replied.", "Library hours cut", false},
		{"Residents raised parking.\n\n**Related stories**\n\n- [Bus station to close for repairs](#)\n", "Bus station to close", false},
		{"Residents raised parking.\n\nMORE FROM THE ECHO\n1. Pier reopens on Friday (12 July 2019)\n", "Pier reopens", false},
		{"Residents raised parking.\n\nRead more:\n- Library hours cut in Eston (4th June 2020)\n\nThe council replied.", "The council replied.", true},
		// (not a lead of other stories: the meeting's own list)
		{"At the meeting on 3 June residents raised:\n- speeding on the front (3rd June 2020)\n- dog fouling", "speeding on the front", true},
		{"More from the meeting:\n- Bins left out on Grange Road\n", "Bins left out", true},
		{"Read more about the scheme on the council's website.\n- Bins left out on Grange Road\n", "Bins left out", true},
	} {
		require.Equal(t, tt.kept, strings.Contains(dropChrome(tt.text), tt.item), tt.text)
	}
}

// TestPDF reads a fixture PDF with the real pdftotext (poppler-utils, which
// `make` installs): page furniture goes, paragraphs and layout tables stay.
func TestPDF(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "extract", "tune", "poe_2018_apr.pdf"))
	require.NoError(t, err)
	d, err := Normalise(t.Context(), "report.pdf", b, Options{})
	require.NoError(t, err, "pdftotext from poppler-utils is required")
	require.Equal(t, PDF, d.Format)
	require.Contains(t, d.Text, "2.1 On 6th February the Commissioner attended the Eston ward meeting")
	require.Contains(t, d.Text, "| Date | Meeting | Location |")
	require.NotContains(t, d.Text, "\f")

	_, err = Normalise(t.Context(), "report.pdf", b, Options{PDFToText: filepath.Join(t.TempDir(), "no-such-pdftotext")})
	require.ErrorIs(t, err, ErrPDFTool)
	_, err = Normalise(t.Context(), "broken.pdf", []byte("%PDF-1.4\nnot really"), Options{})
	require.ErrorIs(t, err, ErrPDFTool)
}

func TestPDFPageChrome(t *testing.T) {
	text := "Report\n\n1.1 First paragraph\n\nPage 1 of 3   Programme of Engagement\f1.2 Second\n\nPage 2 of 3   Programme of Engagement\f1.3 Third\n\nPage 3 of 3   Programme of Engagement\n"
	got := pdfPages(text)
	require.NotContains(t, got, "Page")
	for _, s := range []string{"1.1 First paragraph", "1.2 Second", "1.3 Third"} {
		require.Contains(t, got, s)
	}
	require.Equal(t, "| 19 January | Rural Crime Forum | Guisborough | Hare coursing |", layoutRow(" 19 January Rural Crime Forum     Guisborough   Hare coursing"))
	require.False(t, strings.HasPrefix(layoutRow("an ordinary line of text"), "|"))
}

// TestPDFTableHeaderOnEveryPage: a table's header row that the PDF repeats
// over the rows of each page is kept (it is the table's, not running page
// chrome); a running line on every page still goes.
func TestPDFTableHeaderOnEveryPage(t *testing.T) {
	text := "Report\n\n| Date | Meeting | Issues raised |\n| Tue 4 April | Marton East ward meeting | Speeding |\n\nPage 1 of 2   Programme of Engagement\f" +
		"| Date | Meeting | Issues raised |\n| Wed 24 May | Nunthorpe ward meeting | Break-ins |\n\nPage 2 of 2   Programme of Engagement\f"
	got := pdfPages(text)
	require.Equal(t, 2, strings.Count(got, "| Date | Meeting | Issues raised |"), got)
	require.NotContains(t, got, "Programme of Engagement")
}

// TestPDFTableRowSingleSpaced: a row of a layout table whose cells
// pdftotext set one space apart stays a row of the table (date, rest).
func TestPDFTableRowSingleSpaced(t *testing.T) {
	text := "    Date         Meeting              Area           Issues discussed\n" +
		" 19 January Rural Crime Forum     Guisborough   Hare coursing\n" +
		" 26 January Hate Crime Partnership Middlesbrough Under-reporting of hate incidents\n\n" +
		"26 January was a busy day.\n"
	got := pdfPages(text)
	require.Contains(t, got, "| 26 January | Hate Crime Partnership Middlesbrough Under-reporting of hate incidents |\n")
	require.Contains(t, got, "\n26 January was a busy day.\n", "a line after the table's end is text")
}

// TestPDFTableWrappedCells: a cell pdftotext wrapped over two lines is one
// cell of its row; a paragraph after the table is not part of it.
func TestPDFTableWrappedCells(t *testing.T) {
	text := "Date            Meeting                        Location              Issues raised\n" +
		"25 August       Rural Crime Forum              Guisborough           Hare coursing on farmland\n" +
		"                                                                     and thefts of machinery\n" +
		"8               Safer Hartlepool               Hartlepool Civic      Rising number of domestic\n" +
		"September       Partnership                    Centre                abuse referrals\n" +
		"15              North East Police and          Durham                Regional collaboration\n" +
		"Over the period, residents in several wards raised concerns about drug dealing from houses.\n"
	got := pdfPages(text)
	require.Contains(t, got, "| Date | Meeting | Location | Issues raised |\n"+
		"| 25 August | Rural Crime Forum | Guisborough | Hare coursing on farmland and thefts of machinery |\n"+
		"| 8 September | Safer Hartlepool Partnership | Hartlepool Civic Centre | Rising number of domestic abuse referrals |\n"+
		"| 15 | North East Police and | Durham | Regional collaboration |\n"+
		"Over the period, residents in several wards raised concerns about drug dealing from houses.\n")
}

// TestPDFTableWeekdayDates: in a table of dates with their weekdays, a
// date cell wrapped after its day ("Thursday 25th" over "April") opens a
// new row (a weekday opens a day as a digit does) and its month goes with
// it; a weekday's date run into the next cell is cut off.
func TestPDFTableWeekdayDates(t *testing.T) {
	text := " Date                Meeting                  Issues raised by residents\n" +
		" Tuesday 9th April   Skelton Ward             Young men on scramblers using the old\n" +
		"                     Community Meeting        railway path as a race track.\n" +
		" Thursday 25th       Kirkleatham Ward         A run of garden shed break-ins.\n" +
		" April               Community Meeting\n" +
		" Monday 20th May North East regional          Regional collaboration\n"
	got := pdfPages(text)
	require.Contains(t, got, "| Tuesday 9th April | Skelton Ward Community Meeting | Young men on scramblers using the old railway path as a race track. |\n"+
		"| Thursday 25th April | Kirkleatham Ward Community Meeting | A run of garden shed break-ins. |\n"+
		"| Monday 20th May | North East regional | Regional collaboration |\n")
}

// TestTextTables: a plain-text table aligned with spaces becomes table
// rows (a wrapped cell kept in its row); a lone line with a wide gap and
// a two-cell "Date:   ..." pair stay text.
func TestTextTables(t *testing.T) {
	in := "Report\n\nDate:      Tuesday 5 March 2019\nVenue:     Town Hall\n\n" +
		"   Date          Meeting                 Issues raised\n" +
		"   5 March       Hartburn ward meeting   Speeding near the\n" +
		"                                         primary school\n" +
		"   12 March      Yarm ward meeting       None\n\n" +
		"A line   with one gap.\n"
	d, err := Normalise(t.Context(), "r.txt", []byte(in), Options{})
	require.NoError(t, err)
	require.Equal(t, "Report\n\nDate:      Tuesday 5 March 2019\nVenue:     Town Hall\n\n"+
		"| Date | Meeting | Issues raised |\n"+
		"| 5 March | Hartburn ward meeting | Speeding near the primary school |\n"+
		"| 12 March | Yarm ward meeting | None |\n\n"+
		"A line   with one gap.\n", d.Text)
}

// TestRuledTextTable: a plain-text table underlined by a rule of dash
// runs is read by the rule's columns, whatever the gaps between cells; a
// wrapped cell goes on with its row (a line with no first cell, or one
// that opens in lower case); the table ends where text runs across a
// column again.
func TestRuledTextTable(t *testing.T) {
	in := "4.1 Ward meetings\n\n" +
		"    Date   Ward / venue                          Issues raised by residents\n" +
		"    -----  ------------------------------------  ---------------------------------\n" +
		"    06/08  Ropner ward, Ropner Park pavilion      Youths drinking and shouting in\n" +
		"           Stockton-on-Tees                       the park\n" +
		"    08/08  Nunthorpe ward, Nunthorpe Community    Two recent burglaries\n\n" +
		"    Priority set in June              Update from partners\n" +
		"    --------------------------------  ---------------------------------------\n" +
		"    Youths congregating and abusing   Dispersal order used twice in July;\n" +
		"    staff outside the shops           CCTV camera re-angled.\n" +
		"    Residents agreed to keep youth nuisance at the shops as a priority.\n"
	got := ruledTables(in)
	for _, want := range []string{
		"| Date | Ward / venue | Issues raised by residents |\n|---|---|---|\n",
		"| 06/08 | Ropner ward, Ropner Park pavilion Stockton-on-Tees | Youths drinking and shouting in the park |\n",
		"| 08/08 | Nunthorpe ward, Nunthorpe Community | Two recent burglaries |\n",
		"| Youths congregating and abusing staff outside the shops | Dispersal order used twice in July; CCTV camera re-angled. |\n",
		"\n    Residents agreed to keep youth nuisance at the shops as a priority.",
	} {
		require.Contains(t, got, want)
	}
}

// TestTabSeparatedTextTable: a plain-text table whose cells are parted by
// tabs is read as a table.
func TestTabSeparatedTextTable(t *testing.T) {
	in := "Meetings attended\n\nDate\tMeeting\tIssues raised\n5 March\tHartburn ward meeting\tSpeeding near the school\n12 March\tYarm ward meeting\tShoplifting\n"
	d, err := Normalise(t.Context(), "report.txt", []byte(in), Options{})
	require.NoError(t, err)
	require.Contains(t, d.Text, "| 5 March | Hartburn ward meeting | Speeding near the school |")
	require.Contains(t, d.Text, "| 12 March | Yarm ward meeting | Shoplifting |")
}

// TestTabLaidTextTable: a table typed with tabs in a word processor and
// pasted as text is read by its header's tab stops (eight wide), not by
// gaps of spaces: a cell's pieces land a tab stop or two off the header's,
// a line with its first column empty goes on with the row above, and a
// page break inside the table (a page number, a form feed and the running
// header) is dropped. What must not become a table: a numbered paragraph
// after it, a tab-laid list of two pieces, a header with one row.
func TestTabLaidTextTable(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string // rows that must be in the text
		not      []string // text that must not be
	}{
		{
			name: "wrapped cells off the header's stops, across a page",
			in: "Notes\r\n\r\n\tWhen\t\tWhere\t\t\t\tWhat residents said\r\n" +
				"\t2 Mar\t\tEston ward meeting, the\t\tLitter dumped behind the\r\n" +
				"\t\t\tLibrary, Eston\t\t\tshops; cars racing at night\r\n" +
				"\t9 Mar\t\tHardwick drop-in\t\tCold callers selling\r\n\r\n" +
				"\t\t\t\t\t4\r\n\fSpring Report\t\t\tPage header\r\n\r\n" +
				"\t\t\t\t\t\t\tdriveway repairs\r\n" +
				"\t16 Mar\t\tPark ward meeting\tNone\r\n\r\n" +
				"2.1\tIn April the Commissioner met traders in Redcar about shoplifting from their stores.\r\n" +
				"\fSpring Report\t\t\tPage header\r\n",
			want: []string{
				"| When | Where | What residents said |",
				"| 2 Mar | Eston ward meeting, the Library, Eston | Litter dumped behind the shops; cars racing at night |",
				"| 9 Mar | Hardwick drop-in | Cold callers selling driveway repairs |",
				"| 16 Mar | Park ward meeting | None |",
				"\n2.1\tIn April the Commissioner met traders",
			},
			not: []string{"| 4 |", "| 2.1 |"},
		},
		{
			name: "a list of two pieces a line",
			in:   "Coming up\n\n\tMonday 3 June\t\tYarm ward meeting, Yarm\n\tFriday 7 June\t\tBrambles Farm drop-in\n\tJuly\t\tLoftus residents\n",
			not:  []string{"| Monday 3 June |"},
		},
		{
			name: "a header with one row only",
			in:   "\tDate\t\tMeeting\t\tIssues\n\t4 May\t\tStockton Town Centre\t\tBegging\n\nResidents also wrote to the office.\n",
			not:  []string{"| Date | Meeting | Issues |"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tabTables(tc.in)
			for _, w := range tc.want {
				require.Contains(t, got, w)
			}
			for _, n := range tc.not {
				require.NotContains(t, got, n)
			}
			if len(tc.want) == 0 {
				require.Equal(t, tc.in, got)
			}
		})
	}
}

// TestLayoutPipeTable: minutes a word processor typed into a grid, as a
// conversion to text keeps it (one page line a row, an item reference in
// the first column), read back as paragraphs: a row that goes on from a
// full row without an end of sentence joins it, an empty row ends a
// paragraph. A table with several filled cells a row, or a Markdown
// separator row, stays a table.
func TestLayoutPipeTable(t *testing.T) {
	in := "Acklam Residents\n\n" +
		"| |Minutes of the Meeting | |\n\n" +
		"| |Held on Monday 6th March 2017 | |\n\n" +
		"| |at the Acklam Hub, Hall Drive | |\n\n" +
		"| | | |\n\n" +
		"|A/17/03 |Jean said that cars were again being raced along Hall Drive late at night and that two | |\n\n" +
		"| |neighbours had nearly been hit. | |\n\n" +
		"| |Police Update | |\n"
	d, err := Normalise(t.Context(), "m.txt", []byte(in), Options{})
	require.NoError(t, err)
	require.Equal(t, "Acklam Residents\n\n\nMinutes of the Meeting\n\nHeld on Monday 6th March 2017 at the Acklam Hub, Hall Drive\n\n"+
		"Jean said that cars were again being raced along Hall Drive late at night and that two neighbours had nearly been hit.\n\n"+
		"Police Update\n\n", d.Text)

	for _, table := range []string{
		"| Date | Ward | Issues raised |\n| 5 March | Hartburn | Speeding near the primary school on the main road past the church |\n" +
			"| 12 March | Yarm | None |\n| 19 March | Ropner | Youths |\n| 26 March | Parkfield | Parking |\n",
		"| Issue |\n|---|\n| Speeding near the primary school on the main road past the church and the shops |\n| Youths |\n| Parking |\n| Litter |\n",
	} {
		d, err := Normalise(t.Context(), "m.txt", []byte(table), Options{})
		require.NoError(t, err)
		require.Equal(t, table, d.Text)
	}
}

// TestPDFListWithoutBulletMarks: a list whose bullets the PDF draws as
// shapes (pdftotext gives none) is found by its indent under a lead-in
// ending with a colon, an item starting after a line that ends a sentence;
// a symbol font's bullet glyph is a bullet; an indented quotation under a
// colon that is one paragraph is no list.
func TestPDFListWithoutBulletMarks(t *testing.T) {
	in := "2. Concerns raised by residents included:\n\n" +
		"       Thornaby – shoplifting at the Teesside Park stores and cars\n" +
		"       parked on the verges.\n" +
		"       Ropner – youths on the bowling green.\n\n" +
		"\uf0b7 Stainton – hare coursing.\n\n" +
		"The Commissioner said:\n" +
		"       We will keep listening to residents and we will act on what they\n" +
		"       tell us.\n"
	require.Equal(t, "2. Concerns raised by residents included:\n\n"+
		"       • Thornaby – shoplifting at the Teesside Park stores and cars\n"+
		"       parked on the verges.\n"+
		"       • Ropner – youths on the bowling green.\n\n"+
		"• Stainton – hare coursing.\n\n"+
		"The Commissioner said:\n"+
		"       We will keep listening to residents and we will act on what they\n"+
		"       tell us.\n", pdfLists(in))
}

// TestWindows1252Documents: a text file saved by a word processor on
// Windows (curly quotes, dashes and pound signs as single bytes) and a page
// that declares windows-1252 are read as that, not as broken UTF-8.
func TestWindows1252Documents(t *testing.T) {
	d, err := Normalise(t.Context(), "m.txt", []byte("Residents\x92 main worry \x96 \xa3300 of damage.\n"), Options{})
	require.NoError(t, err)
	require.Equal(t, "Residents’ main worry – £300 of damage.\n", d.Text)

	page := "<html><head><meta charset=\"windows-1252\"><title>t</title></head><body><main><p>Residents\x92 main worry \x96 motorbikes.</p></main></body></html>"
	d, err = Normalise(t.Context(), "p.html", []byte(page), Options{})
	require.NoError(t, err)
	require.Contains(t, d.Text, "Residents’ main worry – motorbikes.")
}

// TestPDFTwoColumns: a newsletter printed in two columns of running text
// (testdata/two_columns.pdf, printed by headless Chromium from
// two_columns.html) is read down each column in turn, a sentence that goes
// on at the top of the next column in the same paragraph; a page with a
// table of meetings keeps its layout reading.
func TestPDFTwoColumns(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "two_columns.pdf"))
	require.NoError(t, err)
	d, err := Normalise(t.Context(), "news.pdf", b, Options{})
	require.NoError(t, err, "pdftotext from poppler-utils is required")
	text := strings.Join(strings.Fields(d.Text), " ")
	require.Contains(t, text, "The main worry raised was speeding on the A1043 and on Guisborough Road, where residents said lorries pass the school gates far too fast in the morning.")
	require.Contains(t, text, "Others complained of cold callers going door to door offering to fix roofs")
	require.Less(t, strings.Index(text, "several hundred pounds"), strings.Index(text, "Other news"), "a heading over both columns starts a new band")

	// Columns set on their own baselines, headings taller than the text
	// (CSS columns as a browser prints them): read from the word boxes,
	// down the left column, then the right.
	b, err = os.ReadFile(filepath.Join("..", "..", "..", "testdata", "extract", "heldout31", "pcc-engagement-2022-02.pdf"))
	require.NoError(t, err)
	d, err = Normalise(t.Context(), "update.pdf", b, Options{})
	require.NoError(t, err)
	text = strings.Join(strings.Fields(d.Text), " ")
	require.Contains(t, text, "4. At the Seaton ward meeting in Hartlepool on Wednesday 10th November, people spoke about visitors parking")
	require.Contains(t, text, "Ward meetings in December 8. On Tuesday 7th December I visited the Village ward meeting in Stockton, where residents raised drug use")
	require.Less(t, strings.Index(text, "2. I began the month"), strings.Index(text, "8. On Tuesday 7th December"))

	// Justified columns whose gutter is under two line heights, under a
	// cover's "Report to: | ..." labels (no table of the page's own):
	// still two columns.
	b, err = os.ReadFile(filepath.Join("..", "..", "..", "testdata", "extract", "heldout40", "engagement_report_apr2022.pdf"))
	require.NoError(t, err)
	d, err = Normalise(t.Context(), "update.pdf", b, Options{})
	require.NoError(t, err)
	text = strings.Join(strings.Fields(d.Text), " ")
	require.Contains(t, text, "2.2 Thursday 17 February – Throston ward, Hartlepool. Held at Throston Grange Community Centre. Residents raised drivers speeding along Easington Road")

	d = fixturePDF(t, "tune", "poe_2018_apr.pdf")
	require.Contains(t, d.Text, "| Date | Meeting | Location |")
}

// TestPDFColumnsAboveATableOverTwoPages: a Panel report whose paragraphs
// run in two columns above a table of meetings (heldout46's) reads the
// columns in turn (a numbered paragraph's number left of its hanging
// lines is the right column's), keeps a paragraph across the page whole,
// leaves the table's title line whole, and gives the table's rest on the
// next page its header again.
func TestPDFColumnsAboveATableOverTwoPages(t *testing.T) {
	d := fixturePDF(t, "heldout46", "poe_panel_2022.pdf")
	text := strings.Join(strings.Fields(d.Text), " ")
	require.Contains(t, text, "3.2 In addition, on 28 June the Commissioner joined the Ingleby Barwick Community Forum at the Ingleby Barwick Community Centre. The forum draws residents from across the town. Anti-social behaviour by groups of teenagers on the estate’s play areas, and the nuisance it causes late at night, was raised by several speakers.")
	require.Contains(t, text, "3.3 On 12 July the Commissioner spoke at the North East Rural Crime Forum")
	require.Contains(t, d.Text, "1.1 This report updates the Panel on the engagement undertaken by the Commissioner,\nSteve Turner,")
	require.Contains(t, d.Text, "\nTable A – Ward meetings attended, June – July 2022\n")
	require.Contains(t, d.Text, "| Ward meeting (date / venue) | Issues raised by residents | Authority |\n| Norton North Thu 23 June")
}

// TestPDFJustifiedColumnsBesideATable: a report's two justified columns
// (their word spaces stretched wider than a cell gap) run into its table
// of meetings; the justified lines are running text, not the table's
// first rows, so the table is found whole with its header (heldout50's),
// and the columns above it are read in turn (heldout51's).
func TestPDFJustifiedColumnsBesideATable(t *testing.T) {
	d := fixturePDF(t, "heldout50", "poe_panel_nov2021.pdf")
	require.Contains(t, d.Text, "| Date | Meeting / venue | Issues raised by residents and follow-up |\n| Thursday 2 September | Nunthorpe ward residents' meeting, Nunthorpe Community Centre, Middlesbrough |")
	require.Contains(t, d.Text, "| Thursday 14 October | Fens & Greatham ward meeting, Greatham Community Centre, Hartlepool |")
	text := strings.Join(strings.Fields(d.Text), " ")
	require.Contains(t, text, "During October, the Commissioner's office received a noticeable number of reports from Hartlepool residents about courier and telephone scams aimed at older people;")

	d = fixturePDF(t, "heldout51", "poe_report_jun_jul_2021.pdf")
	text = strings.Join(strings.Fields(d.Text), " ")
	require.Contains(t, text, "2.1 Belmont, Guisborough (8 June). The first meeting back in person took place at the Sunnyfield House hall. Residents shared their concern that vehicles regularly exceed the limit")
	require.Contains(t, d.Text, "| Tue 8 June | Belmont ward meeting, Guisborough | Redcar & Cleveland | Speeding; off-road motorbikes |")
}

// TestHTMLLayoutTableAndLinkLists: an old site laid out with a table (a
// sidebar cell beside the article's) is read cell by cell as the page's
// columns, not as one row of data; a paragraph of links to other pages
// ("Latest news" headlines with their dates) is no part of the page's
// text, whether or not its cell says it is a sidebar.
func TestHTMLLayoutTableAndLinkLists(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "layout_table.html"))
	require.NoError(t, err)
	for _, page := range []string{string(b), strings.ReplaceAll(string(b), ` class="sidebar"`, "")} {
		d, err := Normalise(t.Context(), "news.html", []byte(page), Options{})
		require.NoError(t, err)
		require.Contains(t, d.Text, "\n# Residents air concerns at Parkfield meeting\n")
		require.Contains(t, d.Text, "\nMore than 30 residents attended the Parkfield and Oxbridge ward meeting")
		require.NotContains(t, d.Text, "Mandale and Victoria on 3 March")
		require.NotContains(t, d.Text, "| Latest news")
	}
}

// TestMarkdownFrontMatter: a static site's Markdown with YAML front matter
// gives its publication date from "date:" and its title as the heading;
// the other fields are no text of the page. A file that merely opens with
// a rule and no closing one is read as it is.
func TestMarkdownFrontMatter(t *testing.T) {
	in := "---\ntitle: \"Commissioner visits Thornaby\"\ndate: 2019-03-14T09:00:00Z\ncategories: [news]\n---\n\nThe Commissioner was at the ward meeting on Tuesday.\n"
	d, err := Normalise(t.Context(), "post.md", []byte(in), Options{})
	require.NoError(t, err)
	require.Equal(t, "# Commissioner visits Thornaby\n\n\nThe Commissioner was at the ward meeting on Tuesday.\n", d.Text)
	require.True(t, strings.HasPrefix(d.Published, "2019-03-14"), d.Published)

	d, err = Normalise(t.Context(), "post.md", []byte("---\n\nNo front matter here.\n"), Options{})
	require.NoError(t, err)
	require.Empty(t, d.Published)
	require.Contains(t, d.Text, "No front matter here.")
}

// TestMarkdownRowWithBreaks: a Markdown table row whose cell lists items
// with <br> stays one row, its items apart by semicolons.
func TestMarkdownRowWithBreaks(t *testing.T) {
	in := "| Date | Issues raised |\n|---|---|\n| 7 March | • Youths on the pavements<br>• Drug dealing near the shops |\n"
	d, err := Normalise(t.Context(), "r.md", []byte(in), Options{})
	require.NoError(t, err)
	require.Contains(t, d.Text, "| 7 March | • Youths on the pavements; • Drug dealing near the shops |\n")
}

// TestTextHangingLists: a plain-text list set with a hanging indent after
// its lead-in's colon is one item per line at its least indent, the deeper
// lines going on with their item; a table's rows (several columns apart)
// are left to the table reader.
func TestTextHangingLists(t *testing.T) {
	in := "    period were:\n\n    Tues 3 Dec   - Jesmond Ward, Hartlepool (Clavering Community\n                   Centre)\n    Thurs 12 Dec - Ladgate Ward, Middlesbrough (Marton Community\n                   Room)\n"
	require.Equal(t, "    period were:\n\n    • Tues 3 Dec   - Jesmond Ward, Hartlepool (Clavering Community\n                   Centre)\n    • Thurs 12 Dec - Ladgate Ward, Middlesbrough (Marton Community\n                   Room)\n", textHangingLists(in))
	// (items with marks of their own keep them, and the paragraph at
	// their indent after them gets none: "PC Askew undertook to ... and to
	// arrange" over "patrols at the weekend.")
	marked := "       Members of the public raised the following:\n       (a) Vehicles coming off the A19 and travelling through the\n           village well above the 30 mph limit.\n       (b) Men with lurchers seen on fields off the North Lane,\n           believed to be hare coursing.\n       PC Askew undertook to pass both to the Sergeant and to arrange\n       patrols at the weekend.\n"
	require.Equal(t, marked, textHangingLists(marked))
	table := "    during the period:\n\n         Date        Ward                     Issues raised\n         13 Oct      Mandale and Victoria     Burglary; drug dealing\n                                              from two houses\n"
	require.Equal(t, table, textHangingLists(table))
}

// TestBarePipeTables: a plain-text table whose columns are parted by
// pipes, without Markdown's pipes at the line ends, under a rule of dash
// runs joined by "+", is a table; a paragraph after a blank line is not.
func TestBarePipeTables(t *testing.T) {
	in := "5.2 The table below summarises the recurring matters raised.\n\n    Matter                  | Where raised\n    ------------------------+--------------\n    Off-road motorbikes     | Grangetown\n    Speeding / racing       | Billingham East\n\n6. FORTHCOMING | not a table\n"
	require.Equal(t, "5.2 The table below summarises the recurring matters raised.\n\n| Matter | Where raised |\n|---|---|\n| Off-road motorbikes | Grangetown |\n| Speeding / racing | Billingham East |\n\n\n6. FORTHCOMING | not a table\n", barePipeTables(in))
}

// TestCopyrightOrListItem: "(c)" with a year or a few words is a
// copyright line; "(c)" opening a long line is a minute's item (c).
func TestCopyrightOrListItem(t *testing.T) {
	require.True(t, Chrome("(c) 2014 Hartlepool Borough Council. All rights reserved."))
	require.True(t, Chrome("(c) Teesside Gazette"))
	require.True(t, Chrome("© Office of the Police and Crime Commissioner for Cleveland, St Marks House, Thornaby"))
	require.False(t, Chrome("(c) Residents of Boosbeck High Street again complained that vehicles"))
}

// TestPDFMonthRow: in a PDF's table of dates, a row dated by its month
// alone ("July | Dormanstown | Residents' meeting | Speeding") under a
// dated one is a row of its own, not the wrapped end of the row above.
func TestPDFMonthRow(t *testing.T) {
	d := fixturePDF(t, "heldout65", "poe_report_2024.pdf")
	require.Contains(t, d.Text, "| 24/07 | Northallerton (N. Yorks) | Partner forum | Rural crime |")
	require.Contains(t, d.Text, "| July | Dormanstown | Residents' meeting | Speeding |")
}

// TestPDFColumnsUnderATitle: a report whose title and purpose run across
// the page above two columns of paragraphs and a table is read column by
// column from where the columns start; a row dated "Nov 22" under a dated
// row is a row of its own (heldout70's PDF report).
func TestPDFColumnsUnderATitle(t *testing.T) {
	d := fixturePDF(t, "heldout70", "poe_report_2022.pdf")
	require.Contains(t, d.Text, "2.1 On Tuesday 4 October the Commissioner\njoined the Skelton East ward surgery in the")
	require.Contains(t, d.Text, "2.4 In November the Commissioner also met\nmembers of the Loftus Town Team")
	require.Contains(t, d.Text, "| Nov 22 | Loftus Town Team | Redcar & Cleveland | Theft from vans and outbuildings |")
}

// fixturePDF normalises a PDF of the blind sets (testdata/extract/<set>)
// with the real pdftotext (poppler-utils, which `make` installs).
func fixturePDF(t *testing.T, set, name string) *Doc {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "extract", set, name))
	require.NoError(t, err)
	d, err := Normalise(t.Context(), "report.pdf", b, Options{})
	require.NoError(t, err, "pdftotext from poppler-utils is required")
	return d
}

// TestTextTablesWeekByWeek: a diary pasted from a word processor, its
// rows grouped under week lines, is one table: its header, every week
// line as a row spanning it, a week's lone row and a dash row included.
// A lone line of cells with no table of as many cells near it stays text.
func TestTextTablesWeekByWeek(t *testing.T) {
	in := "Day\tEngagement\tIssues put to the Commissioner\n\nw/c 4 July\nTue 5\tEston ward meeting, Eston\tQuad bikes on the hills.\nThu 7\tBurn Valley residents, Hartlepool\tParking on pavements.\n\nw/c 1 August\n–\tNo community meetings this week.\n\nw/c 8 August\nTue 9\tLoftus drop-in, Loftus Library\tMotorbikes on the cliff path.\n\nDate:\t5 March\tSigned\n"
	d, err := Normalise(context.Background(), "diary.txt", []byte(in), Options{})
	require.NoError(t, err)
	for _, row := range []string{
		"| Day | Engagement | Issues put to the Commissioner |",
		"| w/c 4 July |  |  |",
		"| Tue 5 | Eston ward meeting, Eston | Quad bikes on the hills. |",
		"| w/c 1 August |  |  |",
		"| – | No community meetings this week. |  |",
		"| w/c 8 August |  |  |",
		"| Tue 9 | Loftus drop-in, Loftus Library | Motorbikes on the cliff path. |",
	} {
		require.Contains(t, d.Text, row)
	}
	require.NotContains(t, d.Text, "| Date: |")
}

// TestFixMojibake: text that was UTF-8, read as Windows-1252 and saved as
// UTF-8 again is repaired; text whose characters outside ASCII are what
// they say is left as it is.
func TestFixMojibake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Commissionerâ€™s engagement work", "The Commissioner’s engagement work"},
		{"Â· Grangetown (Weds 13th) â€“ rubbish dumped", "· Grangetown (Weds 13th) – rubbish dumped"},
		{"a fine of Â£50 and a cafÃ© owner", "a fine of £50 and a café owner"},
		{"a fine of £50 – a café owner’s “view”", "a fine of £50 – a café owner’s “view”"},
		{"Ã on its own, and Â alone", "Ã on its own, and Â alone"},
		{"Zoë’s café â€“ open", "Zoë’s café – open"}, // (two characters together that are no UTF-8 as bytes stay)
		{"plain ASCII", "plain ASCII"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, fixMojibake(tt.in), tt.in)
	}
	d, err := Normalise(context.Background(), "report.txt", []byte("2.1  The Commissionerâ€™s engagement work\n"), Options{})
	require.NoError(t, err)
	require.Contains(t, d.Text, "The Commissioner’s engagement work")
}

// TestJoinedTables: a web page's table scraped to text with its cells run
// together ("Where and whenYou saidWe did", "Hall - 4/5/22Dogs fouling
// ...") and its rows hard-wrapped is read back as rows; a line with one
// inner capital ("McDonald") or prose after the header is left alone.
func TestJoinedTables(t *testing.T) {
	in := "Feedback\n\nWhere and whenYou saidWe did\nForum, Town Hall - 4/5/22Dogs fouling the\npath by the school.Extra bins put in.\nStreet surgery - June 2022Cars parked on\nthe verge.Leaflets given out. Tickets\nissued.\n\nMcDonald saidThe end.\n"
	require.Equal(t, "Feedback\n\n| Where and when | You said | We did |\n|---|---|---|\n"+
		"| Forum, Town Hall - 4/5/22 | Dogs fouling the path by the school. | Extra bins put in. |\n"+
		"| Street surgery - June 2022 | Cars parked on the verge. | Leaflets given out. Tickets issued. |\n"+
		"\nMcDonald saidThe end.\n", joinedTables(in))
	d, err := Normalise(t.Context(), "page.txt", []byte(in), Options{})
	require.NoError(t, err)
	require.Contains(t, d.Text, "| Street surgery - June 2022 | Cars parked on the verge. |")
	prose := "Where and whenYou saidWe did\nWe will tell you at the next meeting.\n"
	require.Equal(t, prose, joinedTables(prose))
	require.Nil(t, joinedHeader("Follow us Facebook X Instagram YouTube"))
}

// TestMailQuotes: the "> " marks of a message quoted in a plain-text
// e-mail go, nested or not, a ">" alone leaving a blank line between its
// paragraphs and its list items on lines of their own; a line or two
// that open with ">" are text.
func TestMailQuotes(t *testing.T) {
	in := "See below.\n\n> Hi all,\n>\n> Notes of last night:\n> * bikes on the\n> old railway\n>> Could you send notes?\n\n> 50 people came\n"
	require.Equal(t, "See below.\n\nHi all,\n\nNotes of last night:\n* bikes on the\nold railway\nCould you send notes?\n\n> 50 people came\n", mailQuotes(in))
	d, err := Normalise(t.Context(), "mail.txt", []byte(in), Options{})
	require.NoError(t, err)
	require.Contains(t, d.Text, "\nNotes of last night:\n")
}

// TestMailQuotesForwarded: a forwarded message's quoted body under its
// "-----Original Message-----" loses its marks at every depth; a line
// opening with ">" alone in a text is left.
func TestMailQuotesForwarded(t *testing.T) {
	in := "Hi all, see below.\n\n-----Original Message-----\nFrom: Beat team\n\n> Good evening,\n>\n> NORTON PACT - 3 May, Norton Library\n> Residents raised speeding.\n> > Earlier: all quiet.\n"
	require.Equal(t, "Hi all, see below.\n\n-----Original Message-----\nFrom: Beat team\n\nGood evening,\n\nNORTON PACT - 3 May, Norton Library\nResidents raised speeding.\nEarlier: all quiet.\n", mailQuotes(in))
	few := "Attendance:\n> 40 residents\n"
	require.Equal(t, few, mailQuotes(few))
}

// TestCellLineTables: a table scraped one cell per line (its labels, then
// a paragraph per row) is a table again, a row's first cell taking the
// date on the line under it; a paragraph that does not fit ends it, and
// short lines with no rows under them are left.
func TestCellLineTables(t *testing.T) {
	in := "Intro.\n\nWard\nYou said\nWe did\n\nNorton North PACT\n3 May\nSpeeding on the High Street.\nSpeed checks.\n\nRoseworth surgery\nLitter by the shops.\nCleared.\n\nCrime figures\nDown 5%.\n"
	require.Equal(t, "Intro.\n\n| Ward | You said | We did |\n|---|---|---|\n| Norton North PACT 3 May | Speeding on the High Street. | Speed checks. |\n| Roseworth surgery | Litter by the shops. | Cleared. |\n\nCrime figures\nDown 5%.\n", cellLineTables(in))
	lone := "Contact us\nReport\nSearch\n\nThe ward meeting was busy.\n"
	require.Equal(t, lone, cellLineTables(lone))
}
