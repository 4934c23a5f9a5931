package briefing

import (
	"fmt"
	"html"
	"html/template"
	"sort"
	"strings"
	"time"
)

// Line charts: a theme's mentions per month. Drawn in black, with the
// values that matter (first, last, peak) written as text, and the same
// sentence as alt text (aria-label and <title>), so a reader without the
// picture, or printing in greyscale, loses nothing.

// describe is a series' alt text: "Speeding, monthly concerns Jan 2017 to
// Dec 2019: 3 in the first month, 5 in the last, peak 9 in Mar 2019".
func describe(label string, months []time.Time, counts []int64) string {
	if len(counts) == 0 {
		return label + ": no months"
	}
	peak := 0
	var total int64
	for i, v := range counts {
		total += v
		if v > counts[peak] {
			peak = i
		}
	}
	return fmt.Sprintf("%s, concerns per month %s to %s: %d in the first month, %d in the last, peak %d in %s, %d in all",
		label, months[0].Format("Jan 2006"), months[len(months)-1].Format("Jan 2006"),
		counts[0], counts[len(counts)-1], counts[peak], months[peak].Format("Jan 2006"), total)
}

// polyline draws counts as a line in a w x h box at (x0, y0), scaled to peak.
func polyline(b *strings.Builder, counts []int64, peak int64, x0, y0, w, h float64, width float64) {
	pts := make([]string, len(counts))
	for i, v := range counts {
		x := x0
		if len(counts) > 1 {
			x = x0 + w*float64(i)/float64(len(counts)-1)
		}
		pts[i] = fmt.Sprintf("%.1f,%.1f", x, y0+h-h*float64(v)/float64(peak))
	}
	fmt.Fprintf(b, `<polyline class="line" points="%s" fill="none" stroke="#111" stroke-width="%.1f"/>`, strings.Join(pts, " "), width)
}

func peakOf(counts []int64) int64 {
	var p int64 = 1
	for _, v := range counts {
		p = max64(p, v)
	}
	return p
}

// sparkline is a small line of the last months of a series, its last value
// marked with a dot.
func sparkline(label string, months []time.Time, counts []int64) template.HTML {
	const w, h = 110.0, 22.0
	alt := describe(label, months, counts)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="spark" role="img" aria-label="%s" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" xmlns="http://www.w3.org/2000/svg"><title>%s</title>`,
		html.EscapeString(alt), w, h, w, h, html.EscapeString(alt))
	peak := peakOf(counts)
	polyline(&b, counts, peak, 2, 2, w-6, h-4, 1.5)
	if n := len(counts); n > 0 {
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="2.2" fill="#111"/>`, w-4, 2+(h-4)-(h-4)*float64(counts[n-1])/float64(peak))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// trendChart is one theme's small multiple over the trend months: a line,
// year ticks, the peak written on the axis, the period's months shaded with
// a hatch (not a colour); beneath it, the same months in each local
// authority as small multiples on one scale, so the authorities compare.
func trendChart(s Series, months []time.Time, periodFrom time.Time) template.HTML {
	const w, left, bottom, top, mini = 300.0, 28.0, 18.0, 18.0, 40.0
	h := 110.0
	if len(s.ByAuthority) > 0 {
		h += mini
	}
	alt := describe(s.Label, months, s.Counts)
	for _, a := range s.ByAuthority {
		alt += "; " + describe(s.Label+" in "+a.Authority, months, a.Counts)
	}
	peak := peakOf(s.Counts)
	pw, ph := w-left-6, 110.0-top-bottom
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="trend" role="img" aria-label="%s" viewBox="0 0 %.0f %.0f" xmlns="http://www.w3.org/2000/svg"><title>%s</title>`,
		html.EscapeString(alt), w, h, html.EscapeString(alt))
	b.WriteString(svgDefs)
	fmt.Fprintf(&b, `<text x="0" y="12" class="label">%s</text>`, html.EscapeString(s.Label))
	n := len(months)
	xAt := func(i int) float64 { return left + pw*float64(i)/float64(max(n-1, 1)) }
	for i, m := range months {
		if !m.Before(time.Date(periodFrom.Year(), periodFrom.Month(), 1, 0, 0, 0, 0, time.UTC)) {
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.0f" width="%.1f" height="%.0f" fill="url(#hatch)" opacity="0.35"/>`, xAt(i)-pw/float64(2*max(n-1, 1)), top, pw/float64(max(n-1, 1)), ph)
			break
		}
	}
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#111"/>`, left, top+ph, left+pw, top+ph)
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#111"/>`, left, top, left, top+ph)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" class="value" text-anchor="end">%d</text><text x="%.0f" y="%.0f" class="value" text-anchor="end">0</text>`, left-3, top+4, peak, left-3, top+ph)
	for i, m := range months {
		if m.Month() == time.January || i == 0 {
			anchor := "start"
			if i > n-6 { // a year starting in the last months: its label ends at its tick, inside the chart
				anchor = "end"
			}
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#111"/><text x="%.1f" y="%.0f" class="value" text-anchor="%s">%d</text>`,
				xAt(i), top+ph, xAt(i), top+ph+3, xAt(i), 110.0-4, anchor, m.Year())
		}
	}
	polyline(&b, s.Counts, peak, left, top, pw, ph, 1.6)
	authorityMultiples(&b, s.ByAuthority, 110.0, w, mini)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// Mover is a theme on the summary: its counts and its sparkline.
type Mover struct {
	Compare
	Spark template.HTML
}

// movers are the three themes whose count changed most on the previous
// period (ties: the larger count now, then the label), each with a
// sparkline of its last twelve months.
func movers(r *Report) []Mover {
	cs := append([]Compare(nil), r.Themes...)
	abs := func(v int64) int64 {
		if v < 0 {
			return -v
		}
		return v
	}
	sort.SliceStable(cs, func(i, j int) bool {
		di, dj := abs(cs[i].Now-cs[i].Previous), abs(cs[j].Now-cs[j].Previous)
		if di != dj {
			return di > dj
		}
		if cs[i].Now != cs[j].Now {
			return cs[i].Now > cs[j].Now
		}
		return cs[i].Label < cs[j].Label
	})
	var out []Mover
	for _, c := range cs {
		if len(out) == 3 || c.Now == c.Previous {
			break
		}
		m := Mover{Compare: c}
		for _, s := range r.Trends {
			if s.Theme == c.Sub && len(r.Months) >= 12 {
				m.Spark = sparkline(c.Label, r.Months[len(r.Months)-12:], s.Counts[len(s.Counts)-12:])
			}
		}
		out = append(out, m)
	}
	return out
}

// authorityMultiples draws one small panel per local authority in a row
// from y0, each with the authority's name and its peak, all on the largest
// authority's scale: a panel's height is comparable with its neighbours'.
func authorityMultiples(b *strings.Builder, as []AuthoritySeries, y0, w, h float64) {
	if len(as) == 0 {
		return
	}
	var peak int64 = 1
	for _, a := range as {
		peak = max(peak, peakOf(a.Counts))
	}
	const gap, label = 6.0, 11.0
	pw := (w - gap*float64(len(as)-1)) / float64(len(as))
	for i, a := range as {
		x := float64(i) * (pw + gap)
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" class="mini">%s</text>`, x, y0+label-2, html.EscapeString(short(a.Authority)))
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#111"/>`, x, y0+h-2, x+pw, y0+h-2)
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" class="mini" text-anchor="end">max %d</text>`, x+pw, y0+label-2, peakOf(a.Counts))
		polyline(b, a.Counts, peak, x, y0+label, pw, h-label-2, 1.1)
	}
}

// short is an authority's name as a panel label: its first word
// ("Redcar and Cleveland" -> "Redcar").
func short(name string) string {
	if i := strings.IndexAny(name, " -"); i > 0 {
		return name[:i]
	}
	return name
}
