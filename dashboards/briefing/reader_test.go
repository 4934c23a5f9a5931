package briefing_test

import (
	"fmt"
	"html"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/dashboards/briefing"
	"github.com/wardpulse/wardpulse/dashboards/internal/fixture"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
)

// reading is what a reader counts from the fixture without the briefing's
// queries: the latest version of each row, withdrawn ones left out.
type reading struct {
	meetings, attendance, concerns, previous, yearAgo, unvisited int
}

func countFixture(data *fixture.Data, r *briefing.Report) reading {
	var out reading
	in := func(t, from, to time.Time) bool { return !t.Before(from) && t.Before(to.AddDate(0, 0, 1)) }
	concerns := map[string]fixture.Concern{}
	for _, c := range data.Concerns {
		if o, ok := concerns[c.ID.String()]; !ok || c.Offset > o.Offset {
			concerns[c.ID.String()] = c
		}
	}
	for _, c := range concerns {
		if c.Withdrawn {
			continue
		}
		if in(c.At, r.From, r.To) {
			out.concerns++
		}
		if in(c.At, r.PrevFrom, r.PrevTo) {
			out.previous++
		}
		if in(c.At, r.YearFrom, r.YearTo) {
			out.yearAgo++
		}
	}
	meetings := map[string]fixture.Meeting{}
	for _, m := range data.Meetings {
		if o, ok := meetings[m.ID.String()]; !ok || m.Offset > o.Offset {
			meetings[m.ID.String()] = m
		}
	}
	visited := map[string]bool{}
	for _, m := range meetings {
		if m.Withdrawn {
			continue
		}
		if in(m.At, r.From, r.To) {
			out.meetings++
			out.attendance += int(m.Attendance)
		}
		if in(m.At, r.To.AddDate(-1, 0, 1), r.To) {
			visited[m.WardCode] = true
		}
	}
	for _, w := range gazetteer.Default().WardsAt(r.To) {
		if !visited[w.Code] {
			out.unvisited++
		}
	}
	return out
}

// pdfText is one page's text (pdftotext; layout keeps table rows on a line).
func pdfText(t *testing.T, pdf string, page int, layout bool) string {
	args := []string{"-f", strconv.Itoa(page), "-l", strconv.Itoa(page)}
	if layout {
		args = append(args, "-layout")
	}
	out, err := exec.Command("pdftotext", append(args, pdf, "-")...).Output()
	require.NoError(t, err, "pdftotext (poppler-utils) page %d", page)
	return string(out)
}

func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// readAsReader checks the printed briefing page by page, as the Panel
// would read it: the summary on page 1 with the right figures, the section
// order, every chart there, no page blank, the body before the appendix at
// most 6 pages, and no table continued on a page without its header row.
func readAsReader(t *testing.T, pdf, dom string, r *briefing.Report, want reading, pages int) {
	texts := make([]string, pages+1)
	for p := 1; p <= pages; p++ {
		texts[p] = pdfText(t, pdf, p, true)
	}

	// Page 1: the summary and its headline numbers, counted independently.
	one := words(pdfText(t, pdf, 1, false))
	for _, s := range []string{"Summary", "Themes moving most", "Spikes and what was done", "Concerns open longer than 90 days", "Wards not visited in the last 12 months",
		fmt.Sprintf("meetings attended, %d people attending", want.attendance),
		fmt.Sprintf("on the previous period (%d)", want.previous),
		fmt.Sprintf("on the year before (%d)", want.yearAgo)} {
		require.Contains(t, one, s, "page 1")
	}
	figures := regexp.MustCompile(`(?m)^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$`).FindStringSubmatch(texts[1])
	require.NotNil(t, figures, "page 1's four headline figures on one line:\n%s", texts[1])
	require.Equal(t, []string{strconv.Itoa(want.meetings), strconv.Itoa(want.concerns), strconv.Itoa(len(r.Alerts)), strconv.Itoa(want.unvisited)},
		figures[1:], "meetings, concerns, alerts, wards not visited")

	// Section order, across the pages.
	headings := []string{"Summary", "1. Purpose", "2. Your Force Your Voice", "Concerns by theme", "Trends over three years",
		"Where concerns were raised", "Spikes alerted and their outcome", "You said, we did",
		"3. Meetings", "4. Forthcoming meetings", "Appendix: meetings attended"}
	all := words(strings.Join(texts, "\n"))
	last, appendix := -1, 0
	for _, h := range headings {
		i := strings.Index(all[last+1:], h)
		require.GreaterOrEqual(t, i, 0, "heading %q after the one before", h)
		last += 1 + i
	}
	for p := 1; p <= pages; p++ {
		if strings.Contains(texts[p], "Appendix: meetings attended") {
			appendix = p
		}
	}
	require.LessOrEqual(t, appendix-1, 6, "the main body before the appendix (page %d) is at most 6 pages", appendix)

	// Every chart: its alt text in the document, its visible text printed.
	charts := regexp.MustCompile(`<svg class="(chart|trend|spark|wardmap)" role="img" aria-label="([^"]+)"`).FindAllStringSubmatch(dom, -1)
	kinds := map[string]int{}
	for _, c := range charts {
		require.NotEmpty(t, strings.TrimSpace(c[2]), "chart alt text")
		kinds[c[1]]++
	}
	require.Equal(t, 2, kinds["chart"], "bar charts: themes, authorities")
	require.Equal(t, 1, kinds["wardmap"], "the ward map")
	require.Contains(t, all, "Stockton-on-Tees", "the ward map's authority labels printed")
	require.Equal(t, len(r.MainThemes), kinds["trend"], "a trend chart per main theme")
	require.Equal(t, 3, kinds["spark"], "a sparkline per theme moving most")
	for _, s := range []string{"This period", "Previous period", "Same period a year before", "Meetings in the period"} {
		require.Contains(t, all, s, "bar chart legends printed")
	}
	trends := ""
	for p := 1; p <= pages; p++ {
		if strings.Contains(texts[p], "Trends over three years") {
			trends = words(texts[p] + "\n" + texts[min(p+1, pages)])
		}
	}
	for _, s := range r.Trends[:len(r.MainThemes)] {
		require.Contains(t, trends, s.Label, "trend chart of %s printed", s.Label)
		require.Len(t, s.ByAuthority, 4, "small multiples of %s: one per local authority", s.Label)
		for _, a := range s.ByAuthority {
			require.Contains(t, dom, html.EscapeString(s.Label+" in "+a.Authority), "the alt text of %s in %s", s.Label, a.Authority)
			require.Contains(t, trends, strings.Fields(a.Authority)[0], "the %s panel of %s printed", a.Authority, s.Label)
		}
	}

	// No page blank: rendered to an image, enough dark pixels.
	dir := t.TempDir()
	out, err := exec.Command("pdftoppm", "-r", "40", "-png", pdf, filepath.Join(dir, "p")).CombinedOutput()
	require.NoError(t, err, "pdftoppm: %s", out)
	shots, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	require.Len(t, shots, pages)
	for _, s := range shots {
		f, err := os.Open(s)
		require.NoError(t, err)
		img, err := png.Decode(f)
		f.Close()
		require.NoError(t, err)
		dark := 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if cr, cg, cb, _ := img.At(x, y).RGBA(); (cr+cg+cb)/3 < 0x8000 {
					dark++
				}
			}
		}
		require.Greater(t, dark, 200, "%s is not blank", filepath.Base(s))
	}

	// Tables: a page whose first line is a table's body row continues a
	// table without its header. Body rows start with a date or with a
	// theme or ward label; header rows start with a column name.
	var starts []string
	for _, c := range append(append([]briefing.Compare(nil), r.Themes...), r.Places...) {
		starts = append(starts, regexp.QuoteMeta(strings.Fields(c.Label)[0]))
	}
	row := regexp.MustCompile(`^(\d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}|(` + strings.Join(starts, "|") + `)\s{2,})`)
	header := regexp.MustCompile(`^(Date|Theme|Ward|Since)\s{2,}`)
	continued := 0
	for p := 2; p <= pages; p++ {
		first := ""
		for _, l := range strings.Split(texts[p], "\n") {
			if strings.TrimSpace(l) != "" {
				first = strings.TrimSpace(l)
				break
			}
		}
		require.False(t, row.MatchString(first) && !header.MatchString(first), "page %d starts inside a table without its header: %q", p, first)
		if header.MatchString(first) {
			continued++
		}
	}
	t.Logf("read as a reader: %d pages, appendix on page %d, %d pages start with a repeated table header", pages, appendix, continued)
}
