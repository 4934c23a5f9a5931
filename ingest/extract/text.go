package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// block is one paragraph of a document after its markup is gone: the unit
// events point back to (source.paragraph is its 1-based number).
type block struct {
	N       int      // 1-based paragraph number in the document
	Text    string   // whitespace-collapsed text
	Heading bool     // a heading: it names the section that follows
	Bullet  bool     // a list item ("•", "-", "1.", "(a)")
	Section bool     // a numbered report paragraph ("3.1"): starts afresh
	Cells   []string // table row cells, when the paragraph is a table row
	Header  bool     // a table header row (<th>, or a Markdown row above |---|)
}

// doc is a document split into paragraphs, with the metadata markup gave.
type doc struct {
	Blocks    []block
	Title     string
	Published string // raw date text from <meta>/<time>, "" if none
}

// format names how the document was parsed, for messages.
type format string

const (
	formatText     format = "text"
	formatMarkdown format = "markdown"
	formatHTML     format = "html"
)

// sniff decides the format from the name and the first bytes: HTML if the
// name says so or the text opens with a tag; Markdown if the name says so.
func sniff(name string, b []byte) format {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".html"), strings.HasSuffix(lower, ".htm"), strings.HasSuffix(lower, ".xhtml"):
		return formatHTML
	case strings.HasSuffix(lower, ".md"), strings.HasSuffix(lower, ".markdown"):
		return formatMarkdown
	}
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 1024)]))
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<div", "<article", "<?xml"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return formatHTML
		}
	}
	return formatText
}

// binary reports why b does not look like text, or "".
func binary(b []byte) string {
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

var (
	bulletRE   = regexp.MustCompile(`^\s*(?:[•●▪◦·*\-–]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])\s+`)
	sectionRE  = regexp.MustCompile(`^\s*[0-9]{1,2}\.[0-9]{1,2}(?:\.[0-9]{1,2})?\.?\s+`)
	mdHeadRE   = regexp.MustCompile(`^\s{0,3}#{1,6}\s+`)
	mdLinkRE   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphRE   = regexp.MustCompile(`(\*\*|__|\*|` + "`" + `)`)
	mdRuleRE   = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	dateLineRE = regexp.MustCompile(`(?i)^\s*(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+[a-z]+|[a-z]+\s+[0-9]{1,2})`)
)

// parseText splits plain text (or Markdown, with markdown true) into
// paragraphs: blank lines separate them, and so does a line that starts a
// list item, a numbered section ("4.2") or a date, because reports put each
// meeting on such a line; other lines of a block are joined, which undoes
// hard wrapping.
func parseText(s string, markdown bool) doc {
	var d doc
	var cur []string
	curBullet, curSection := false, false
	flush := func() {
		if len(cur) > 0 {
			d.add(block{Text: strings.Join(cur, " "), Bullet: curBullet, Section: curSection})
		}
		cur, curBullet, curSection = nil, false, false
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			flush()
			continue
		}
		if markdown {
			if strings.HasPrefix(trimmed, "|") {
				flush()
				if mdRuleRE.MatchString(trimmed) {
					// The row above was the header.
					if n := len(d.Blocks); n > 0 && d.Blocks[n-1].Cells != nil {
						d.Blocks[n-1].Header = true
					}
					continue
				}
				cells := splitCells(trimmed)
				d.add(block{Text: strings.Join(cells, " | "), Cells: cells})
				continue
			}
			if mdHeadRE.MatchString(trimmed) {
				flush()
				d.add(block{Text: mdHeadRE.ReplaceAllString(trimmed, ""), Heading: true})
				continue
			}
			trimmed = mdLinkRE.ReplaceAllString(trimmed, "$1")
			trimmed = mdEmphRE.ReplaceAllString(trimmed, "")
		}
		if bulletRE.MatchString(trimmed) || sectionRE.MatchString(trimmed) || (len(cur) > 0 && dateLineRE.MatchString(trimmed) && startsWithDate(trimmed)) {
			flush()
			curBullet, curSection = bulletRE.MatchString(trimmed), sectionRE.MatchString(trimmed)
		}
		cur = append(cur, trimmed)
	}
	flush()
	return d
}

func splitCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	row = strings.TrimSuffix(row, "|")
	parts := strings.Split(row, "|")
	for i := range parts {
		parts[i] = collapse(mdEmphRE.ReplaceAllString(mdLinkRE.ReplaceAllString(parts[i], "$1"), ""))
	}
	return parts
}

// add appends a paragraph unless it is empty, numbering it.
func (d *doc) add(b block) {
	b.Text = collapse(b.Text)
	if b.Text == "" || !hasWord(b.Text) {
		return
	}
	if furniture(b.Text) {
		return
	}
	if !b.Heading && isHeadingLike(sectionRE.ReplaceAllString(b.Text, "")) && !b.Bullet && b.Cells == nil {
		b.Heading = true
	}
	b.N = len(d.Blocks) + 1
	d.Blocks = append(d.Blocks, b)
}

// furniture is page chrome that news sites put between paragraphs; it is
// dropped so it neither numbers as a paragraph nor splits a story.
func furniture(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "hide ad", "advertisement", "share this", "skip content", "text only", "accessibility options",
		"read more", "share", "print", "tweet", "sponsored", "continue reading", "back to top":
		return true
	}
	return false
}

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// isHeadingLike: a short line without a sentence's final full stop, such
// as "Future Meetings" or "4.0 Meetings".
func isHeadingLike(s string) bool {
	if len(s) > 60 || strings.ContainsAny(s[len(s)-1:], ".:;,!?\"”'’") {
		return false
	}
	if len(dayMentions(findDates(s))) > 0 {
		return false // "11th September – Coulby Newham community meeting" is an entry
	}
	return strings.Count(s, " ") < 8
}

func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }), " ")
}

// parseHTML walks the HTML tree: block elements end paragraphs, table rows
// become rows of cells, script, style and similar elements are dropped
// whole, and <meta>/<time> give the publication date when present.
func parseHTML(b []byte) (doc, error) {
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return doc{}, fmt.Errorf("parsing HTML: %w", err)
	}
	var d doc
	var buf strings.Builder
	var cells []string
	var cellBuf strings.Builder
	inCell := false
	headerRow := false
	heading, bullet := false, false
	flush := func() {
		if buf.Len() > 0 {
			d.add(block{Text: buf.String(), Heading: heading, Bullet: bullet})
		}
		buf.Reset()
		heading, bullet = false, false
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "nav", "form", "button", "select":
				return
			case "title":
				if n.FirstChild != nil {
					d.Title = collapse(n.FirstChild.Data)
				}
				return
			case "meta":
				var prop, content string
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "property", "name", "itemprop":
						prop = strings.ToLower(a.Val)
					case "content":
						content = a.Val
					}
				}
				if d.Published == "" && (prop == "article:published_time" || prop == "datepublished" || prop == "date" || prop == "dc.date" || prop == "pubdate") {
					d.Published = content
				}
				return
			case "time":
				for _, a := range n.Attr {
					if a.Key == "datetime" && d.Published == "" {
						d.Published = a.Val
					}
				}
			}
		}
		if n.Type == html.TextNode {
			if inCell {
				cellBuf.WriteString(n.Data)
			} else {
				buf.WriteString(n.Data)
			}
			return
		}
		isBlock := false
		if n.Type == html.ElementNode {
			switch n.Data {
			case "tr":
				flush()
				cells, headerRow = nil, false
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				if len(cells) > 0 {
					d.add(block{Text: strings.Join(cells, " | "), Cells: cells, Header: headerRow})
				}
				cells = nil
				return
			case "td", "th":
				if n.Data == "th" {
					headerRow = true
				}
				inCell = true
				cellBuf.Reset()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				inCell = false
				cells = append(cells, collapse(cellBuf.String()))
				return
			case "br":
				if inCell {
					cellBuf.WriteString(" ")
				} else {
					flush()
				}
				return
			case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
				"table", "ul", "ol", "blockquote", "pre", "dt", "dd", "main", "aside", "figure", "figcaption", "hr", "address":
				isBlock = !inCell
			}
		}
		if isBlock {
			flush()
			heading = len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
			bullet = n.Data == "li"
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if isBlock {
			if inCell {
				cellBuf.WriteString(" ")
			} else {
				flush()
			}
		} else if n.Type == html.ElementNode && inCell {
			cellBuf.WriteString(" ")
		}
	}
	walk(root)
	flush()
	return d, nil
}
