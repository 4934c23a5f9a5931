package briefing_test

import (
	"context"
	"encoding/json"
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
	"github.com/wardpulse/wardpulse/schemas/chtest"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

func TestMain(m *testing.M) { chtest.Main(m) }

func TestPeriods(t *testing.T) {
	date := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		require.NoError(t, err)
		return d
	}
	tests := []struct{ from, to, want string }{
		{"2019-12-01", "2020-01-31", "2019-10-01 2019-11-30 2018-12-01 2019-01-31"},
		{"2020-01-01", "2020-02-29", "2019-11-01 2019-12-31 2019-01-01 2019-02-28"},
		{"2019-12-10", "2019-12-19", "2019-11-30 2019-12-09 2018-12-10 2018-12-19"},
	}
	for _, tc := range tests {
		t.Run(tc.from, func(t *testing.T) {
			pf, pt, yf, yt := briefing.Periods(date(tc.from), date(tc.to))
			require.Equal(t, tc.want, strings.Join([]string{pf.Format(time.DateOnly), pt.Format(time.DateOnly), yf.Format(time.DateOnly), yt.Format(time.DateOnly)}, " "))
		})
	}
}

// TestBriefingRendersInChromium generates the briefing from fixture data in
// a real ClickHouse, prints it to PDF, and renders it in headless Chromium
// to check, from the DOM, that the charts have bars and the tables rows,
// and keeps a screenshot (BRIEFING_KEEP=dir keeps the files for a look).
func TestBriefingRendersInChromium(t *testing.T) {
	chromium, err := briefing.FindChromium("")
	require.NoError(t, err)
	chtest.Run(t, func(t *testing.T, db *chtest.DB) {
		ctx := context.Background()
		data, err := fixture.Generate(1)
		require.NoError(t, err)
		require.NoError(t, fixture.Load(ctx, db.Conn, data))

		dir := t.TempDir()
		if keep := os.Getenv("BRIEFING_KEEP"); keep != "" {
			dir = keep
		}
		from := time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC)
		to := time.Date(2020, 1, 31, 0, 0, 0, 0, time.UTC)
		src := briefing.Source{Conn: db.Conn, Themes: taxonomy.Default(), Wards: gazetteer.Default()}

		r, err := briefing.Gather(ctx, src, from, to)
		require.NoError(t, err)
		require.NotEmpty(t, r.Meetings)
		require.NotEmpty(t, r.Themes)
		require.NotEmpty(t, r.Places)
		require.NotEmpty(t, r.Ahead)
		require.NotEmpty(t, r.Actions)
		for _, m := range r.Ahead {
			require.True(t, m.Day.After(to), "meetings ahead are after the period")
		}
		var open, resolved int
		for _, a := range r.Alerts {
			if a.Open {
				open++
			} else {
				resolved++
			}
		}
		require.Positive(t, open, "the fixture's Grangetown spike is open")
		require.Positive(t, resolved, "the fixture's Norton North spike was resolved in January")
		want := countFixture(&data, r)
		wantConcerns := int64(want.concerns)
		require.Equal(t, wantConcerns, r.Concerns.Now, "concerns in the period, latest versions, withdrawn ones left out")

		htmlPath, pdfPath, err := briefing.Write(ctx, src, from, to, dir, chromium)
		require.NoError(t, err)
		page, err := os.ReadFile(htmlPath)
		require.NoError(t, err)
		require.NotRegexp(t, `(?i)(src|href)=["']?https?:`, string(page), "the document must not fetch anything")

		dom, err := briefing.Chromium(ctx, chromium, htmlPath, "--dump-dom")
		require.NoError(t, err)
		svgs := regexp.MustCompile(`(?s)<svg class="chart".*?</svg>`).FindAllString(string(dom), -1)
		require.Len(t, svgs, 2, "two bar charts")
		for _, s := range svgs {
			bars := regexp.MustCompile(`<rect class="bar"[^>]*width="([0-9.]+)"`).FindAllStringSubmatch(s, -1)
			require.NotEmpty(t, bars, "chart has bars")
			drawn := 0
			for _, b := range bars {
				if w, _ := strconv.ParseFloat(b[1], 64); w > 0 {
					drawn++
				}
			}
			require.Positive(t, drawn, "chart has bars of non-zero width")
		}
		for _, id := range []string{"summary", "voice", "ahead", "appendix"} {
			sec := regexp.MustCompile(`(?s)<section id="` + id + `".*?</section>`).FindString(string(dom))
			require.NotEmpty(t, sec, "section %s", id)
			rows := strings.Count(sec, "<tr>") - 1
			require.Positive(t, rows, "section %s has a filled table", id)
			require.NotContains(t, sec, `class="empty"`, "section %s", id)
		}
		require.Contains(t, string(dom), "Grangetown (2019-)")

		shot := filepath.Join(dir, "briefing.png")
		_, err = briefing.Chromium(ctx, chromium, htmlPath, "--screenshot="+shot, "--window-size=1000,2600", "--hide-scrollbars")
		require.NoError(t, err)
		st, err := os.Stat(shot)
		require.NoError(t, err)
		require.Greater(t, st.Size(), int64(10000), "screenshot has content")

		info, err := exec.Command("pdfinfo", pdfPath).CombinedOutput()
		require.NoError(t, err, "pdfinfo (poppler-utils): %s", info)
		m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(string(info))
		require.NotNil(t, m, "%s", info)
		pages, _ := strconv.Atoi(m[1])
		require.GreaterOrEqual(t, pages, 1)
		readAsReader(t, pdfPath, string(dom), r, want, pages)
		t.Logf("briefing: %d meetings, %d concerns, %d themes, %d wards, %d alerts, %d actions, %d ahead; PDF %d pages",
			len(r.Meetings), r.Concerns.Now, len(r.Themes), len(r.Places), len(r.Alerts), len(r.Actions), len(r.Ahead), pages)
	})
}

// TestGatherIsTheSameOnEveryEngine runs every query of the briefing on
// ClickHouse 18.16, on a current ClickHouse (chDB 26.5) and through the
// Distributed tables of a replicated 2 x 2 cluster of 18.16 servers, each
// holding the same fixture data (spread over the shards on the cluster, as
// the processors would spread it), for two periods: the reports must be
// equal.
func TestGatherIsTheSameOnEveryEngine(t *testing.T) {
	ctx := context.Background()
	data, err := fixture.Generate(1)
	require.NoError(t, err)
	periods := [][2]time.Time{
		{time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 31, 0, 0, 0, 0, time.UTC)},
		{time.Date(2018, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2018, 4, 30, 0, 0, 0, 0, time.UTC)},
	}
	var dbs []*chtest.DB
	for _, e := range chtest.Engines {
		db := chtest.NewOn(t, e)
		require.NoError(t, fixture.Load(ctx, db.Conn, data))
		dbs = append(dbs, db)
	}
	dbs = append(dbs, fixture.OnCluster(ctx, t, data))
	// Reports are compared as JSON: times then compare by instant, not by
	// which *time.Location value the driver attached (UTC or Etc/UTC).
	reports := map[chtest.Engine][]string{}
	for _, db := range dbs {
		e := db.Engine
		src := briefing.Source{Conn: db.Conn, Themes: taxonomy.Default(), Wards: gazetteer.Default()}
		for _, p := range periods {
			r, err := briefing.Gather(ctx, src, p[0], p[1])
			require.NoError(t, err, "gathering %v on %s", p, e)
			require.NotEmpty(t, r.Meetings, "meetings in %v on %s", p, e)
			require.NotEmpty(t, r.Trends, "monthly trends in %v on %s", p, e)
			require.NotEmpty(t, r.InForce, "wards in force in %v on %s", p, e)
			var raised int64
			for _, s := range r.Trends {
				for k, n := range s.Counts {
					var byAuthority int64
					for _, a := range s.ByAuthority {
						byAuthority += a.Counts[k]
					}
					require.Equal(t, n, byAuthority, "%s in %s: the authorities' small multiples add up to the force's line (%v on %s)", s.Label, r.Months[k].Format("Jan 2006"), p, e)
					raised += n
				}
			}
			require.Positive(t, raised, "trends count concerns in %v on %s", p, e)
			r.Generated = time.Time{}
			j, err := json.MarshalIndent(r, "", " ")
			require.NoError(t, err)
			reports[e] = append(reports[e], string(j))
		}
	}
	first := dbs[0].Engine
	for _, db := range dbs[1:] {
		for i, p := range periods {
			require.JSONEq(t, reports[first][i], reports[db.Engine][i], "the briefing for %s to %s on %s and %s",
				p[0].Format(time.DateOnly), p[1].Format(time.DateOnly), first, db.Engine)
		}
	}
	var names []string
	for _, db := range dbs {
		names = append(names, string(db.Engine))
	}
	t.Logf("the briefings of %d periods are the same on %v", len(periods), names)
}
