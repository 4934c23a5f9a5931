// Package normalise is the first stage of ingest/extract: it turns a
// document in any of the shapes the PCC's history comes in (plain text,
// Markdown, HTML, PDF) into one canonical text the segment stage reads:
// paragraphs separated by blank lines, "# " headings, "- " list items and
// "| a | b |" table rows (a "|---|" line after a header row). On the way it
// drops markup, inline HTML left in text or Markdown ("5<sup>th</sup>",
// "<strong>", "&nbsp;"), entities, scripts and page chrome (menus, cookie
// notices, "share this", "Powered by", page numbers, running headers of a
// PDF), and keeps the metadata a page gives (its title and publication
// date).
package normalise

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Format names how a document was read.
type Format string

// The formats Normalise reads.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
	PDF      Format = "pdf"
)

// Doc is a normalised document.
type Doc struct {
	Format    Format
	Text      string // canonical text (see the package comment)
	Title     string
	Published string // raw date text from <meta>/<time>, "" if none
	// ChromeLines are the short lines of the site's own header and footer
	// and of other chrome (a share bar), which are dropped from Text but
	// may say when the page was published ("Posted on Friday 8 March 2024
	// in Community"); list entries (related links, menus), navigation and
	// blocks of related pages are not among them.
	ChromeLines []string
}

// Options configure Normalise. The zero value is usable.
type Options struct {
	// PDFToText is the pdftotext binary (poppler-utils); "" means
	// "pdftotext" on PATH.
	PDFToText string
	// PDFTimeout bounds one pdftotext run; 0 means 30 seconds.
	PDFTimeout time.Duration
}

// ErrPDFTool is returned when a PDF cannot be read because pdftotext is
// missing or fails.
var ErrPDFTool = errors.New("pdftotext could not read the PDF")

// Sniff decides the format from the name and the first bytes.
func Sniff(name string, b []byte) Format {
	lower := strings.ToLower(name)
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")) || strings.HasSuffix(lower, ".pdf"):
		return PDF
	case strings.HasSuffix(lower, ".html"), strings.HasSuffix(lower, ".htm"), strings.HasSuffix(lower, ".xhtml"):
		return HTML
	case strings.HasSuffix(lower, ".md"), strings.HasSuffix(lower, ".markdown"):
		return Markdown
	}
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<div", "<article", "<?xml"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return HTML
		}
	}
	return Text
}

// Binary reports why b does not look like text, or "".
func Binary(b []byte) string {
	sample := b[:min(len(b), 64<<10)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return "it contains NUL bytes"
	}
	bad, ctrl := 0, 0
	for i := 0; i < len(sample); {
		r, n := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && n == 1 && i+4 < len(sample) { // a cut rune at the end of the sample is fine
			bad++
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			ctrl++
		}
		i += n
	}
	if bad*20 > len(sample) {
		return fmt.Sprintf("%d of its first %d bytes are not UTF-8", bad, len(sample))
	}
	if ctrl*20 > len(sample) {
		return fmt.Sprintf("%d of its first %d bytes are control characters", ctrl, len(sample))
	}
	return ""
}

// Normalise reads one document. A PDF is converted with pdftotext -layout
// (bounded by ctx and Options.PDFTimeout); other formats are read in
// memory.
func Normalise(ctx context.Context, name string, b []byte, opts Options) (*Doc, error) {
	f := Sniff(name, b)
	switch f {
	case PDF:
		text, err := pdfText(ctx, b, opts, "-layout")
		if err != nil {
			return nil, err
		}
		if tsv, err := pdfText(ctx, b, opts, "-tsv"); err == nil {
			// Word boxes rebuild the tables the layout text garbles
			// (pdfTables); without them (an older pdftotext) the layout
			// text's own rules stand.
			tables := pdfTables(tsv)
			text = spliceTables(replaceHeads(text, columnHeads(tsv, tables)), tables)
			if cols := columnPages(tsv, tables); len(cols) > 0 {
				text = replacePages(text, cols)
			}
			text = unspaceLetters(text, tsv)
		}
		return &Doc{Format: PDF, Text: pdfPages(text)}, nil
	case HTML:
		d, err := fromHTML([]byte(fixMojibake(string(toUTF8(b, true)))))
		if err != nil {
			return nil, err
		}
		return d, nil
	}
	s := fixMojibake(string(bytes.TrimPrefix(toUTF8(b, false), []byte("\ufeff"))))
	published := ""
	if f == Markdown {
		if title, pub, body, ok := frontMatter(s); ok {
			s, published = body, pub
			if title != "" {
				s = "# " + title + "\n\n" + s
			}
		}
	}
	s = layoutPipeTables(InlineHTML(s))
	if f == Markdown {
		// "> **You said:** ..." then ">" then "> **We did:** ...": a
		// blockquote's marks go, its empty lines part its paragraphs.
		s = blockquoteRE.ReplaceAllString(s, "")
	}
	if f == Text {
		s = cellLineTables(mailQuotes(s))
		// A table laid out with tabs is read by its header's tab stops
		// (tabTables); any other tab between cells (a table pasted from a
		// word processor) is a gap as wide as the layout's.
		s = textHangingLists(textTables(ruledTables(barePipeTables(joinedTables(strings.ReplaceAll(tabTables(s), "\t", "    "))))))
	}
	return &Doc{Format: f, Text: dropChrome(s), Published: published}, nil
}

// pdfText runs pdftotext on b in the given mode ("-layout", "-tsv").
func pdfText(ctx context.Context, b []byte, opts Options, mode string) (string, error) {
	bin := opts.PDFToText
	if bin == "" {
		bin = "pdftotext"
	}
	timeout := opts.PDFTimeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	f, err := os.CreateTemp("", "wardpulse-extract-*.pdf")
	if err != nil {
		return "", fmt.Errorf("writing the PDF for pdftotext: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(b); err != nil {
		f.Close()
		return "", fmt.Errorf("writing the PDF for pdftotext: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("writing the PDF for pdftotext: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var out, stderr bytes.Buffer
	args := []string{"-enc", "UTF-8", "-q", f.Name(), "-"}
	if mode != "" { // ("": pdftotext's own reading order)
		args = append([]string{mode}, args...)
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("%w: %s (is poppler-utils installed?)", ErrPDFTool, msg)
	}
	if !utf8.Valid(out.Bytes()) {
		return "", fmt.Errorf("%w: its text is not UTF-8", ErrPDFTool)
	}
	return out.String(), nil
}

var pageNoRE = regexp.MustCompile(`(?i)^\s*(?:page\s+)?[0-9]{1,3}\s*(?:of|/)\s*[0-9]{1,3}\b|^\s*-?\s*[0-9]{1,3}\s*-?\s*$`)

// pdfPages joins pdftotext's pages, dropping each page's running header and
// footer (a short line found on two pages or more) and page numbers, and
// turns layout tables (cells apart by runs of spaces) into table rows.
func pdfPages(text string) string {
	pages := strings.Split(pdfLists(text), "\f")
	seen := map[string]int{}
	for _, p := range pages {
		local := map[string]bool{}
		for _, l := range strings.Split(p, "\n") {
			k := strings.Join(strings.Fields(l), " ")
			if k != "" && len(k) < 100 && !local[k] {
				local[k] = true
				seen[k]++
			}
		}
	}
	var out strings.Builder
	var tab layoutTable
	for _, p := range pages {
		for _, l := range strings.Split(p, "\n") {
			k := strings.Join(strings.Fields(l), " ")
			// (a table's header row repeated over its rows on the next
			// page is no running header: "| Date | Meeting | ... |")
			if k != "" && (seen[k] > 1 && len(pages) > 2 && !strings.HasPrefix(k, "|") || pageNoRE.MatchString(k) || strings.HasPrefix(strings.ToLower(k), "page ") && pageNoRE.MatchString(k[5:])) {
				continue
			}
			if k != "" && strings.Contains(strings.ToLower(k), " page ") && pageNoRE.MatchString(k[strings.LastIndex(strings.ToLower(k), " page ")+6:]) {
				continue
			}
			if k != "" && seen[k] > 1 && pageChrome.MatchString(k) {
				continue
			}
			if tab.continues(l) {
				continue // a wrapped cell's next line, added to its row
			}
			row := layoutRow(l)
			if tab.active() && !strings.HasPrefix(row, "|") && leadDateRE.MatchString(strings.TrimSpace(l)) {
				// A row of the table above whose cells pdftotext set one
				// space apart ("26 January Hate Crime Partnership
				// Middlesbrough Under-reporting of ..."): a row all the
				// same, its date cut off; the find stage splits the rest.
				tab.add(nil, dateCells(strings.TrimSpace(l)))
				continue
			}
			if strings.HasPrefix(row, "|") {
				cells, cols := splitCells(row), layoutCells(l)
				if len(cols) > 0 && len(cells) == len(cols)+1 {
					// layoutRow cut a date off the first cell: the rest
					// starts after it.
					cols = slices.Insert(cols, 1, layoutCell{col: cols[0].col + len([]rune(cells[0])) + 1})
				}
				tab.add(cols, cells)
				continue
			}
			tab.flush(&out)
			out.WriteString(row)
			out.WriteByte('\n')
		}
		tab.flush(&out)
		out.WriteByte('\n')
	}
	return dropChrome(out.String())
}

// textTables turns the tables a plain-text document aligns with spaces
// (minutes' crime figures, an action log) into table rows, as pdfPages
// does for a PDF's, but only a run of two lines or more of three cells or
// more: a single line with a wide gap ("Date:      5 March") stays text.
func textTables(s string) string {
	if !strings.Contains(s, "   ") {
		return s
	}
	lines := strings.Split(s, "\n")
	lone, groups := tableGroups(lines)
	var out strings.Builder
	var run []string // consecutive lines of three cells or more
	runAt := 0       // the line the run starts at
	end := func() {
		if len(run) >= 2 || (len(run) == 1 && lone[runAt]) {
			var tab layoutTable
			for _, l := range run {
				if !tab.continues(l) {
					tab.add(layoutCells(l), splitCells(layoutRow(l)))
				}
			}
			tab.flush(&out)
		} else {
			for _, l := range run {
				out.WriteString(l)
				out.WriteByte('\n')
			}
		}
		run = run[:0]
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "|") && len(layoutCells(l)) >= 3 {
			if len(run) == 0 {
				runAt = i
			}
			run = append(run, l)
			continue
		}
		if k := groups[i]; k > 0 {
			// "w/c 11 July" between the rows of a week-by-week log: a row
			// spanning the table, which dates the rows under it; "–   No
			// community meetings this week": a row of its own.
			end()
			var row []string
			for _, c := range layoutCells(l) {
				row = append(row, c.text)
			}
			for len(row) < k {
				row = append(row, "")
			}
			out.WriteString("| " + strings.Join(row, " | ") + " |\n")
			continue
		}
		if len(run) > 0 && t != "" && !strings.HasPrefix(t, "|") {
			// a wrapped cell's next line goes with the run when it lines up
			// (the run's first line, its header, says which column holds dates)
			probe := layoutTable{}
			probe.add(layoutCells(run[0]), splitCells(layoutRow(run[0])))
			if len(run) > 1 {
				probe.add(layoutCells(run[len(run)-1]), splitCells(layoutRow(run[len(run)-1])))
			}
			if probe.continues(l) {
				run = append(run, l)
				continue
			}
		}
		end()
		out.WriteString(l)
		out.WriteByte('\n')
	}
	end()
	return strings.TrimSuffix(out.String(), "\n")
}

// tableGroups finds, in a plain-text document, the table rows that stand
// alone and the lines that group a table's rows. A diary pasted from a
// word processor ("Day   Engagement   Issues" over "w/c 4 July" over "Tue 5
// ...   ...   ..." rows) breaks its table at every week: a week with one
// engagement leaves a row of three cells alone between two "w/c" lines,
// which textTables would keep as text. A line of cells alone is a row when
// the nearest line of cells before or after it, with only blank lines,
// group lines and dash rows between, has as many cells; a group line ("w/c 11 July",
// "Week commencing 11 July", "August 2016") between such rows is returned
// with the table's number of cells.
func tableGroups(lines []string) (lone map[int]bool, groups map[int]int) {
	lone, groups = map[int]bool{}, map[int]int{}
	cells := make([]int, len(lines))
	for i, l := range lines {
		if t := strings.TrimSpace(l); !strings.HasPrefix(t, "|") {
			if n := len(layoutCells(l)); n >= 3 {
				cells[i] = n
			}
		}
	}
	prev := -1 // the last line of cells
	for i := range lines {
		if cells[i] == 0 {
			continue
		}
		if prev >= 0 && cells[prev] == cells[i] && i > prev+1 {
			var between []int
			ok := true
			for j := prev + 1; j < i && ok; j++ {
				t := strings.TrimSpace(lines[j])
				switch {
				case t == "":
				case groupLineRE.MatchString(t) || dashRow(lines[j]):
					between = append(between, j)
				default:
					ok = false
				}
			}
			if ok && len(between) > 0 {
				lone[prev], lone[i] = true, true
				for _, j := range between {
					groups[j] = cells[i]
				}
			}
		}
		prev = i
	}
	return lone, groups
}

// dashRow reports whether a line is a row of fewer cells whose first
// cell is a dash ("–    No community meetings this week").
func dashRow(l string) bool {
	cells := layoutCells(l)
	return len(cells) == 2 && strings.Trim(cells[0].text, "-–—") == ""
}

// groupLineRE is a line that heads a group of a table's rows: a week
// ("w/c 4 July", "Week commencing Monday 4th July 2016", "w/b 8/8") or a
// month ("August 2016").
var groupLineRE = regexp.MustCompile(`(?i)^(?:(?:w/[cb]|wc|wk\.?\s+comm(?:encing)?\.?|week\s+(?:commencing|beginning|starting|of))\s*:?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?[0-9]{1,2}(?:st|nd|rd|th)?(?:[ /.-][A-Za-z0-9]+){0,2}|(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+[0-9]{4})?)$`)

// pageChrome is a PDF line repeated on pages: "Page 1 of 2 Programme of
// Engagement" and the like.
var pageChrome = regexp.MustCompile(`(?i)\bpage\s+[0-9]+(\s+of\s+[0-9]+)?\b`)

var (
	cellGapRE   = regexp.MustCompile(`\S(?: {3,})\S`)
	cellSplitRE = regexp.MustCompile(` {3,}`)
	// leadDateRE is the day and month a table row opens with, its weekday
	// before it or not ("Monday 20th May").
	leadDateRE = regexp.MustCompile(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+[0-9]{4})?\b`)
)

// dateCells is a row of two cells: the date a line opens with, and the
// rest.
func dateCells(t string) []string {
	m := leadDateRE.FindStringIndex(t)
	return []string{strings.TrimSpace(t[:m[1]]), strings.ReplaceAll(strings.TrimSpace(t[m[1]:]), "|", "/")}
}

// layoutCell is a cell of a layout line and the column (in runes) it
// starts at.
type layoutCell struct {
	col  int
	text string
}

// layoutCells splits a layout line at runs of three spaces or more,
// keeping where each cell starts.
func layoutCells(l string) []layoutCell {
	var out []layoutCell
	r := []rune(strings.TrimRight(l, " "))
	for i := 0; i < len(r); {
		if r[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(r) && !(r[j] == ' ' && j+2 < len(r) && r[j+1] == ' ' && r[j+2] == ' ') {
			j++
		}
		out = append(out, layoutCell{col: i, text: strings.TrimSpace(string(r[i:j]))})
		i = j
	}
	return out
}

// layoutTable gathers the rows of a table pdftotext laid out, so that a
// cell wrapped over several lines ("8" over "September", "Safer
// Hartlepool" over "Partnership") is one cell: a line whose pieces all
// start where the last row's cells start, and which leaves the first
// column empty (or, in a table of dates, does not open with a day), goes
// on with the last row.
type layoutTable struct {
	rows    [][]string
	starts  []layoutCell // the last row's cells, for their columns
	dates   bool         // the first column holds dates
	dateCol int          // the column of dates when it is not the first ("Meeting   Date   Issues"), else 0
}

func (t *layoutTable) active() bool { return len(t.rows) > 0 }

func (t *layoutTable) add(cells []layoutCell, row []string) {
	if !t.active() {
		t.dates = len(row) > 0 && (strings.Contains(strings.ToLower(row[0]), "date") || leadDateRE.MatchString(row[0]))
		t.dateCol = 0
		for i, c := range row {
			if i > 0 && strings.Contains(strings.ToLower(c), "date") {
				t.dateCol = i
				break
			}
		}
	}
	t.rows = append(t.rows, row)
	t.starts = nil
	if len(cells) == len(row) {
		t.starts = cells
	}
}

// continues adds line l to the last row when it is the rest of its
// wrapped cells, and reports whether it did.
func (t *layoutTable) continues(l string) bool {
	if !t.active() || t.starts == nil || strings.TrimSpace(l) == "" {
		return false
	}
	cells := layoutCells(l)
	first := cells[0]
	if first.col <= t.starts[0].col+2 {
		// The first column is written: a new row, unless the table is of
		// dates and this is no day but the rest of one ("September"),
		// short enough to stand in the first column.
		firstRest := t.dates && !opensDay(first.text) && len(t.starts) >= 2 && len([]rune(first.text)) < t.starts[1].col-t.starts[0].col
		// In a table whose dates stand in a later column ("Meeting   Date
		// Issues"), every row has its date: a line with nothing in that
		// column is the rest of the row before ("Coatham ward" over
		// "(online)"), wherever its pieces stand.
		if !firstRest && !t.noDateCell(cells) {
			return false
		}
	}
	idx := make([]int, len(cells))
	for i, c := range cells {
		idx[i] = -1
		for j, s := range t.starts {
			if c.col >= s.col-2 && c.col <= s.col+2 {
				idx[i] = j
			}
		}
		if idx[i] < 0 {
			return false // not aligned with the row: not part of the table
		}
	}
	row := t.rows[len(t.rows)-1]
	for i, c := range cells {
		row[idx[i]] = strings.TrimSpace(row[idx[i]] + " " + strings.ReplaceAll(c.text, "|", "/"))
	}
	return true
}

// noDateCell reports whether the table's dates stand in a later column and
// the line has no piece in it.
func (t *layoutTable) noDateCell(cells []layoutCell) bool {
	if t.dateCol <= 0 || t.dateCol >= len(t.starts) {
		return false
	}
	s := t.starts[t.dateCol]
	for _, c := range cells {
		if c.col >= s.col-2 && c.col <= s.col+2 {
			return false
		}
	}
	return true
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// weekdayRE is a weekday a table's date cell opens with.
var weekdayRE = regexp.MustCompile(`^(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b`)

// opensDay reports whether a date cell opens a day: a digit ("8",
// "25th") or a weekday ("Thursday 25th" wrapped over "April"), not the
// rest of the date before it ("September").
func opensDay(s string) bool { return startsWithDigit(s) || weekdayRE.MatchString(s) }

// flush writes the gathered rows as table rows and ends the table.
func (t *layoutTable) flush(out *strings.Builder) {
	for _, r := range t.rows {
		out.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	*t = layoutTable{}
}

func splitCells(row string) []string {
	row = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(row), "| "), " |")
	return strings.Split(row, " | ")
}

// layoutRow turns a layout line whose cells stand apart by three spaces or
// more (a table pdftotext laid out) into a table row; other lines are kept.
func layoutRow(l string) string {
	t := strings.TrimSpace(l)
	if len(cellGapRE.FindAllStringIndex(t, -1)) < 1 || strings.HasPrefix(t, "|") {
		return strings.TrimRight(l, " ")
	}
	var cells []string
	for i, c := range cellSplitRE.Split(t, -1) {
		// pdftotext often runs a date column into the next one ("19
		// January Rural Crime Forum"): a first cell that opens with a
		// day and month is two.
		if m := leadDateRE.FindStringIndex(c); i == 0 && m != nil && m[1] < len(c) {
			cells = append(cells, strings.TrimSpace(c[:m[1]]))
			c = strings.TrimSpace(c[m[1]:])
		}
		cells = append(cells, strings.ReplaceAll(c, "|", "/"))
	}
	return "| " + strings.Join(cells, " | ") + " |"
}

// blockquoteRE is a Markdown blockquote's mark at the start of a line.
var blockquoteRE = regexp.MustCompile(`(?m)^[ \t]{0,3}>[ \t]?`)

// mailQuoteRE is the quote marks an e-mail reply puts before each line of
// the message it quotes, nested or not ("> ", ">> ", "> > ").
var mailQuoteRE = regexp.MustCompile(`^[ \t]{0,3}(?:>[ \t]?)+`)

// mailQuotes drops the quote marks of a message quoted in a plain-text
// e-mail (a reply or forward pasted with its chain), so that its
// paragraphs, lists and headers read as they were written: a quoted
// line's ">" alone is a blank line between its paragraphs. Only a run of
// three quoted lines or more counts ("> 50 people" alone is text).
func mailQuotes(s string) string {
	if !strings.Contains(s, ">") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && mailQuoteRE.MatchString(lines[j]) {
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				lines[k] = mailQuoteRE.ReplaceAllString(lines[k], "")
			}
		}
		i = max(j, i+1)
	}
	return strings.Join(lines, "\n")
}

// ruleLineRE is a plain-text table's rule under its header: runs of dashes
// or equals signs, one per column ("-----  ----------  --------").
var ruleLineRE = regexp.MustCompile(`^\s*[-=]{3,}(?:\s+[-=]{3,})+\s*$`)

// ruledTables turns a plain-text table whose header is underlined by a
// rule of dash runs into table rows: the runs say where each column starts
// (whatever the gaps between cells, two spaces or one), a line with text
// in the first column starts a row and a line without goes on with it
// (a wrapped cell), and the table ends at a line that starts left of the
// first column.
func ruledTables(s string) string {
	if !strings.Contains(s, "---") && !strings.Contains(s, "===") {
		return s
	}
	lines := strings.Split(s, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		if i == 0 || !ruleLineRE.MatchString(lines[i]) || strings.TrimSpace(lines[i-1]) == "" {
			out = append(out, lines[i])
			continue
		}
		var starts []int
		rule := []rune(lines[i])
		for k, c := range rule {
			if c != ' ' && (k == 0 || rule[k-1] == ' ') {
				starts = append(starts, k)
			}
		}
		cells := func(l string) []string {
			r := []rune(l)
			cs := make([]string, len(starts))
			for k, st := range starts {
				end := len(r)
				if k+1 < len(starts) {
					end = min(starts[k+1], len(r))
				}
				if st < len(r) {
					cs[k] = strings.TrimSpace(string(r[st:end]))
				}
			}
			return cs
		}
		header := cells(lines[i-1])
		var rows [][]string
		j := i + 1
		for ; j < len(lines); j++ {
			l := lines[j]
			t := strings.TrimSpace(l)
			if t == "" {
				continue
			}
			lead := len([]rune(l)) - len([]rune(strings.TrimLeft(l, " ")))
			if lead < starts[0] || strings.HasPrefix(t, "|") || crossesColumn([]rune(l), starts) {
				break // text again: "Residents agreed to keep youth nuisance at the shops ..."
			}
			cs := cells(l)
			if len(rows) == 0 || (cs[0] != "" && !startsLower(cs[0])) {
				rows = append(rows, cs)
				continue
			}
			last := rows[len(rows)-1]
			for k, c := range cs {
				if c != "" {
					last[k] = strings.TrimSpace(last[k] + " " + c)
				}
			}
		}
		if len(rows) == 0 {
			out = append(out, lines[i])
			continue
		}
		row := func(cs []string) string {
			for k := range cs {
				cs[k] = strings.ReplaceAll(cs[k], "|", "/")
			}
			return "| " + strings.Join(cs, " | ") + " |"
		}
		out[len(out)-1] = row(header)
		out = append(out, "|"+strings.Repeat("---|", len(starts)))
		for _, r := range rows {
			out = append(out, row(r))
		}
		out = append(out, "")
		i = j - 1
	}
	return strings.Join(out, "\n")
}

// bareRuleRE is the rule under a plain-text table's header whose columns
// are parted by pipes: dash runs joined by "+" or "|"
// ("--------------+-------------+------").
var bareRuleRE = regexp.MustCompile(`^\s*[-=]{3,}(?:\s*[+|]\s*[-=]{3,})+\s*$`)

// barePipeTables turns a plain-text table whose cells are parted by pipes,
// without the pipes at the ends of its lines that Markdown's have, and
// whose header is underlined ("Matter | Where raised" over
// "-------+------"), into Markdown table rows: each line with a pipe
// after the rule is a row, until a blank line or a line without one.
func barePipeTables(s string) string {
	if !strings.Contains(s, "|") || !strings.Contains(s, "---") {
		return s
	}
	lines := strings.Split(s, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		if i == 0 || !bareRuleRE.MatchString(lines[i]) || !strings.Contains(lines[i-1], "|") || strings.HasPrefix(strings.TrimSpace(lines[i-1]), "|") {
			out = append(out, lines[i])
			continue
		}
		row := func(l string) string {
			cs := strings.Split(strings.TrimSpace(l), "|")
			for k := range cs {
				cs[k] = strings.TrimSpace(cs[k])
			}
			return "| " + strings.Join(cs, " | ") + " |"
		}
		n := len(strings.Split(lines[i-1], "|"))
		out[len(out)-1] = row(lines[i-1])
		out = append(out, "|"+strings.Repeat("---|", n))
		j := i + 1
		for ; j < len(lines) && strings.Contains(lines[j], "|") && strings.TrimSpace(lines[j]) != ""; j++ {
			out = append(out, row(lines[j]))
		}
		out = append(out, "")
		i = j - 1
	}
	return strings.Join(out, "\n")
}

// crossesColumn reports whether a line's text runs over a column's start
// (no space just before it), as a paragraph's does and a row's cells do
// not.
func crossesColumn(r []rune, starts []int) bool {
	for _, st := range starts[1:] {
		if st < len(r) && st > 0 && r[st-1] != ' ' && r[st] != ' ' {
			return true
		}
	}
	return false
}

// startsLower reports whether a cell opens with a lower-case letter: the
// rest of the cell above it wrapped ("Youths congregating and abusing"
// over "staff outside the Hardwick"), not a row of its own.
func startsLower(s string) bool {
	for _, c := range s {
		return unicode.IsLower(c)
	}
	return false
}
