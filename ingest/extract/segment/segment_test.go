package segment

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSegment(t *testing.T) {
	bs := Segment("# Title line\n\nA wrapped\nparagraph of **text**.\n\n3.1 On 10th December the PCC\nattended a meeting.\n• a bullet\n- another [link](http://x)\n\n10 March 2014 – Forum\n\n| Date | Meeting |\n|---|---|\n| 1 May | Forum |\n")
	var got []string
	for _, b := range bs {
		got = append(got, b.Text)
	}
	require.Equal(t, []string{"Title line", "A wrapped paragraph of text.", "3.1 On 10th December the PCC attended a meeting.", "• a bullet", "- another link", "10 March 2014 – Forum", "Date | Meeting", "1 May | Forum"}, got)
	require.True(t, bs[0].Heading)
	require.True(t, bs[2].Section)
	require.True(t, bs[3].Bullet)
	require.False(t, bs[5].Heading, "a line with a day is an entry, not a heading")
	require.True(t, bs[6].Header)
	require.Equal(t, []string{"1 May", "Forum"}, bs[7].Cells)
	for i, b := range bs {
		require.Equal(t, i+1, b.N)
	}
}

func TestSegmentSplitsDatedLines(t *testing.T) {
	bs := Segment("Minutes of the meeting held on\nTuesday 4 September 2018\n6. Date of next meeting\nTuesday 11th June 2019, 6.30pm\n")
	require.Len(t, bs, 3)
	require.Equal(t, "Minutes of the meeting held on Tuesday 4 September 2018", bs[0].Text, "a line that only continues a sentence stays joined")
	require.Equal(t, "Tuesday 11th June 2019, 6.30pm", bs[2].Text)
}

// TestSegmentCapitalTitlesAndPostedLines: a title in capitals is a heading
// of its own, not the first line of the paragraph under it, and a "Posted"
// line is not the last line of the one above.
func TestSegmentCapitalTitlesAndPostedLines(t *testing.T) {
	bs := Segment("HEMLINGTON NEIGHBOURHOOD POLICING TEAM\nYOU SAID - WE DID\nApril to June 2020\n\nOrmesby Neighbourhood Police Team\nPosted 3 September 2020 at 18:42\n")
	var got []string
	for _, b := range bs {
		got = append(got, b.Text)
	}
	require.Equal(t, []string{"HEMLINGTON NEIGHBOURHOOD POLICING TEAM YOU SAID - WE DID", "April to June 2020", "Ormesby Neighbourhood Police Team", "Posted 3 September 2020 at 18:42"}, got)
	require.True(t, bs[0].Heading)

	bs = Segment("Office of the Police and Crime Commissioner\nFor immediate release: Friday 10 July 2015\n")
	require.Len(t, bs, 2, "a press release's release line is a block of its own")
}

// TestSegmentTextRules: a line drawn with one mark ("=====", "-----")
// is no words of the paragraph beside it; under one short line it makes
// that line a heading.
func TestSegmentTextRules(t *testing.T) {
	bs := Segment("=======\n  RESIDENTS' NEWSLETTER\n  Issue 38        Monday 7 April 2025\n=======\n\nFrom the chair\n--------------\nSpring is here at last.\n* * *\nThe AGM was busy.\n")
	var got []string
	for _, b := range bs {
		got = append(got, b.Text)
	}
	require.Equal(t, []string{"RESIDENTS' NEWSLETTER", "Issue 38 Monday 7 April 2025", "From the chair", "Spring is here at last.", "The AGM was busy."}, got)
	require.True(t, bs[2].Heading)
	require.False(t, bs[3].Heading)
	// a line of two words and a dash is no rule
	require.Len(t, Segment("Residents met -- again\nat the hall.\n"), 1)
}

// TestSegmentStarBullets: Markdown list items written with "*" or "+" are
// list entries, each a block, not emphasis joined into one paragraph.
// TestSegmentIndentedMarks: in plain text, a line back at an indented
// list mark, with none of its own, ends the list: "   PCSO to pass both
// to the Sgt." is not more of the item above it; a Markdown item's lazy
// continuation at the margin still is.
func TestSegmentIndentedMarks(t *testing.T) {
	bs := Segment("   Residents raised:\n   - cars racing along Redcar Road West at night. Asked\n     for speed checks.\n   PCSO to pass both to the Sgt.\n")
	require.Len(t, bs, 3)
	require.Equal(t, "- cars racing along Redcar Road West at night. Asked for speed checks.", bs[1].Text)
	require.Equal(t, "PCSO to pass both to the Sgt.", bs[2].Text)
	bs = Segment("- cars racing along Redcar Road West\nat night.\n")
	require.Len(t, bs, 1)
}

func TestSegmentStarBullets(t *testing.T) {
	bs := Segment("* 3 May – APCC general meeting, London.\n* 16 May – Tees Valley group.\n+ 8 June – forum\n\n**Bold** line\n")
	require.Len(t, bs, 4)
	require.True(t, bs[0].Bullet)
	require.True(t, bs[2].Bullet)
	require.Equal(t, "Bold line", bs[3].Text)
}

// TestSegmentDefinitionList: in a Markdown definition list the term on its
// line is a heading and each ": " definition a block of its own.
// TestSegmentKeycapBullets: a post's list numbered with keycap emoji
// ("1️⃣", "🔟") is a list, each item a block; an emoji that opens a
// paragraph ("📍", "👮") or a number in the text is no mark.
func TestSegmentKeycapBullets(t *testing.T) {
	bs := Segment("Here is what you told us at the drop-in:\n1️⃣ Cars parked on the zebra crossing\n2\uFE0F\u20E3 Fireworks let off in the park\n\U0001F51F Graffiti on the bus shelter\n\n📍 We'll be at the library on Friday.\n3 people came to the stall.\n")
	var got []string
	var bullets []bool
	for _, b := range bs {
		got = append(got, b.Text)
		bullets = append(bullets, b.Bullet)
	}
	require.Equal(t, []string{"Here is what you told us at the drop-in:", "1️⃣ Cars parked on the zebra crossing", "2\uFE0F\u20E3 Fireworks let off in the park", "\U0001F51F Graffiti on the bus shelter", "📍 We'll be at the library on Friday. 3 people came to the stall."}, got)
	require.Equal(t, []bool{false, true, true, true, false}, bullets)
}

func TestSegmentDefinitionList(t *testing.T) {
	bs := Segment("## September 2023\n\n**Marton East**\n: *You said:* drivers are going far\ntoo fast.\n: *We did:* speed checks.\n")
	var got []string
	for _, b := range bs {
		got = append(got, b.Text)
	}
	require.Equal(t, []string{"September 2023", "Marton East", "You said: drivers are going far too fast.", "We did: speed checks."}, got)
	require.True(t, bs[1].Heading)
	require.False(t, bs[2].Heading)

	// a short definition followed by another is no term
	bs = Segment("**Marton East**\n: *You said:* speeding.\n: *We did:* checks.\n")
	require.Len(t, bs, 3)
	require.Equal(t, []bool{true, false, false}, []bool{bs[0].Heading, bs[1].Heading, bs[2].Heading})
}

// TestSegmentDateWrappedAfterItsWeekday: a line that ends with a weekday
// (and maybe its day) goes on over the next, whose date finishes it.
func TestSegmentDateWrappedAfterItsWeekday(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Minutes of the meeting held on Wednesday\n14th October 2015 at 7pm", "Minutes of the meeting held on Wednesday 14th October 2015 at 7pm"},
		{"The forum met on Tues.\n5 March 2019 in the library", "The forum met on Tues. 5 March 2019 in the library"},
		{"Notes of the meeting of Thursday 9th\nMay 2019", "Notes of the meeting of Thursday 9th May 2019"},
		{"Residents met on Friday,\n3rd June 2016.", "Residents met on Friday, 3rd June 2016."},
		{"Ward meetings were held on consecutive nights,\n9 and 10 November.", "Ward meetings were held on consecutive nights, 9 and 10 November."},
	} {
		bs := Segment(tc.in)
		require.Len(t, bs, 1, tc.in)
		require.Equal(t, tc.want, bs[0].Text)
	}
	bs := Segment("The meeting closed at 8pm.\n14th October 2015 – Forum")
	require.Len(t, bs, 2, "a dated line after a finished sentence is still an entry of its own")
}

// TestSegmentStrayDateCell: a month (or weekday, or day) left alone
// between two table rows ends the date cell of the row above.
func TestSegmentStrayDateCell(t *testing.T) {
	bs := Segment("| Date | Ward |\n|---|---|\n| Tues 17th | Kader |\n\nDec\n\n| Wed 8th Jan | Hemlington |\n\nMar\n\nThe meeting closed.\n")
	var got []string
	for _, b := range bs {
		got = append(got, b.Text)
	}
	require.Equal(t, []string{"Date | Ward", "Tues 17th Dec | Kader", "Wed 8th Jan | Hemlington", "Mar", "The meeting closed."}, got,
		"a month after the last row, with no row under it, stays where it is")
	for i, b := range bs {
		require.Equal(t, i+1, b.N)
	}
}

// TestSegmentHangingSubjectHeads: a short title at the margin with the
// text under it indented ("Dog fouling" over "   Oakfield, along the
// paths ...") heads that text, as the subjects of a report's issues
// grouped by subject do, also when it comes back to the margin right
// after the entry before; an address line, a line that stops mid-phrase,
// a column's fragment, a long line or one over a line no deeper is none.
func TestSegmentHangingSubjectHeads(t *testing.T) {
	tests := []struct {
		name, text string
		heads      []string
	}{
		{"subjects over their entries", "Dog fouling\n   Oakfield, along the paths by the\n   school.\nShop theft\n   Linthorpe: the same two men again.\n", []string{"Dog fouling", "Shop theft"}},
		{"after a blank line", "Noise\n  Parkside (4 May), music late at night.\n", []string{"Noise"}},
		{"an address line", "12 Tarn Road, Hemlington\n   Middlesbrough TS8 0AB\n", nil},
		{"a line that stops mid-phrase", "Meeting of the\n      5 May 2017 Panel\n", nil},
		{"a column's fragment", "of youths gathering near the\n   Police figures for the quarter\n", nil},
		{"a long line", "Drug dealing on the estate and its many side roads\n   Oakfield, by the shops.\n", nil},
		{"over a line no deeper", "Dog fouling\nOakfield, along the paths.\n", nil},
		{"an indented title", "   Dog fouling\n      Oakfield, along the paths.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bs := Segment(tt.text)
			if tt.heads == nil {
				require.Len(t, bs, 1, "one block, not a heading over the text")
				return
			}
			var heads []string
			for _, b := range bs {
				if b.Heading {
					heads = append(heads, b.Text)
				}
			}
			require.Equal(t, tt.heads, heads)
		})
	}
}

// TestSegmentDatedEntryHead: a dated entry's head in title case on a line
// of its own, with what was raised indented under it, is read "head:
// text"; a sentence that opens with a day and wraps, a head with nothing
// indented under it, or a lower-case line under it, is joined as it was.
func TestSegmentDatedEntryHead(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"03/02/22  Eastgate Residents' Forum, Hartlepool\n          Youths throwing stones at buses on the ring road.\n",
			"03/02/22 Eastgate Residents' Forum, Hartlepool: Youths throwing stones at buses on the ring road."},
		{"8 March 2022   Walkabout with the PCSOs, Hutton\n                Litter dumped behind the shops.\n",
			"8 March 2022 Walkabout with the PCSOs, Hutton: Litter dumped behind the shops."},
		// must NOT fire: a sentence opening with its day, wrapped
		{"03/02/22  The Commissioner met residents of Eastgate\n          Residents' Forum members later.\n",
			"03/02/22 The Commissioner met residents of Eastgate Residents' Forum members later."},
		// must NOT fire: the next line at the same margin
		{"03/02/22 Eastgate Residents' Forum, Hartlepool\nYouths throwing stones.\n",
			"03/02/22 Eastgate Residents' Forum, Hartlepool Youths throwing stones."},
		// must NOT fire: the line under it goes on in lower case
		{"03/02/22  Eastgate Residents' Forum at the Old\n          library, Hartlepool.\n",
			"03/02/22 Eastgate Residents' Forum at the Old library, Hartlepool."},
	} {
		bs := Segment(tc.in)
		require.Len(t, bs, 1, tc.in)
		require.Equal(t, tc.want, bs[0].Text)
	}
}
