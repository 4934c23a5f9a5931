package briefing

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"
)

// wardtiles.csv places every ward of every boundary set on a grid once:
// five columns per local authority (Hartlepool, Middlesbrough, Redcar and
// Cleveland, Stockton-on-Tees, left to right), wards in alphabetical order.
// Wards never in force together may share a tile (a ward and its successor
// keep the tile when the name is kept). It is a tile map grouped by
// authority, not a geographic one: the file holds no coordinates.
//
//go:embed wardtiles.csv
var wardTilesCSV []byte

type tile struct{ col, row int }

var wardTiles = func() map[string]tile {
	recs, err := csv.NewReader(bytes.NewReader(wardTilesCSV)).ReadAll()
	if err != nil {
		panic("briefing: wardtiles.csv: " + err.Error())
	}
	out := map[string]tile{}
	for _, r := range recs[1:] {
		c, err1 := strconv.Atoi(r[3])
		w, err2 := strconv.Atoi(r[4])
		if err1 != nil || err2 != nil {
			panic("briefing: wardtiles.csv: bad tile for " + r[0])
		}
		out[r[0]] = tile{c, w}
	}
	return out
}()

// Tile is a ward in force at the period's end on the ward map.
type Tile struct {
	Name, Authority string
	Col, Row        int
	Now, YearAgo    int64
}

// tiles places the wards in force at the period's end (after places).
func (g *gatherer) tiles() error {
	for _, w := range g.src.Wards.WardsAt(g.r.To) {
		t, ok := wardTiles[w.Code]
		if !ok {
			return fmt.Errorf("briefing: ward %s (%s) has no tile in wardtiles.csv", w.Code, w.Name)
		}
		c := g.r.ByWard[w.Code]
		g.r.Tiles = append(g.r.Tiles, Tile{Name: w.Name, Authority: w.LADName, Col: t.col, Row: t.row, Now: c.Now, YearAgo: c.YearAgo})
	}
	return nil
}

// wardMap draws the wards in force at the period's end as tiles, each
// with its name's first letters and its change on the year before, shaded
// by direction: black (up), hatched (down), light grey (no change), white
// (none raised in either). The sign is written too, so no shade is needed
// to read it.
func wardMap(r *Report) template.HTML {
	const tw, th, pad, top = 40.0, 30.0, 3.0, 22.0
	var up, down, same int
	var b strings.Builder
	var body strings.Builder
	maxCol, maxRow := 0, 0
	ladX := map[string]int{}
	var lads []string
	for _, w := range r.Tiles {
		t := tile{w.Col, w.Row}
		maxCol, maxRow = max(maxCol, t.col), max(maxRow, t.row)
		if x, ok := ladX[w.Authority]; !ok || t.col < x {
			if !ok {
				lads = append(lads, w.Authority)
			}
			ladX[w.Authority] = t.col
		}
		c := w
		fill, ink, mark := "#fff", "#111", ""
		switch d := c.Now - c.YearAgo; {
		case c.Now == 0 && c.YearAgo == 0:
		case d > 0:
			fill, ink, mark = "#111", "#fff", fmt.Sprintf("+%d", d)
			up++
		case d < 0:
			fill, mark = "url(#hatch)", fmt.Sprintf("−%d", -d)
			down++
		default:
			fill, mark = "#ccc", "0"
			same++
		}
		x, y := float64(t.col)*(tw+pad), top+float64(t.row)*(th+pad)
		short := w.Name
		if len([]rune(short)) > 8 {
			short = string([]rune(short)[:7]) + "."
		}
		fmt.Fprintf(&body, `<g class="tile"><title>%s (%s): %d this period, %d a year before</title><rect x="%.0f" y="%.0f" width="%.0f" height="%.0f" fill="%s" stroke="#111"/>`,
			html.EscapeString(w.Name), html.EscapeString(w.Authority), c.Now, c.YearAgo, x, y, tw, th, fill)
		if mark != "" && fill == "url(#hatch)" {
			fmt.Fprintf(&body, `<rect x="%.0f" y="%.0f" width="%.0f" height="11" fill="#fff"/>`, x+2, y+th-13, tw-4)
		}
		fmt.Fprintf(&body, `<text x="%.0f" y="%.0f" class="wname" fill="%s">%s</text>`, x+3, y+10, ink, html.EscapeString(short))
		if mark != "" {
			fmt.Fprintf(&body, `<text x="%.0f" y="%.0f" class="wchange" fill="%s" text-anchor="middle">%s</text>`, x+tw/2, y+th-4, func() string {
				if fill == "url(#hatch)" {
					return "#111"
				}
				return ink
			}(), mark)
		}
		body.WriteString(`</g>`)
	}
	alt := fmt.Sprintf("Ward map, %d wards in force grouped by local authority: concerns up on the year before in %d, down in %d, unchanged in %d, none raised in either period in the rest",
		len(r.Tiles), up, down, same)
	w, h := float64(maxCol+1)*(tw+pad), top+float64(maxRow+1)*(th+pad)
	fmt.Fprintf(&b, `<svg class="wardmap" role="img" aria-label="%s" viewBox="0 0 %.0f %.0f" xmlns="http://www.w3.org/2000/svg"><title>%s</title>`,
		html.EscapeString(alt), w, h, html.EscapeString(alt))
	b.WriteString(svgDefs)
	for _, lad := range lads {
		fmt.Fprintf(&b, `<text x="%.0f" y="14" class="label">%s</text>`, float64(ladX[lad])*(tw+pad), html.EscapeString(lad))
	}
	b.WriteString(body.String())
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
