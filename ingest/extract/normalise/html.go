package normalise

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// skipElements are dropped whole: code, forms and site furniture.
var skipElements = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "iframe": true, "object": true,
	"canvas": true, "nav": true, "form": true, "button": true, "select": true, "aside": true, "dialog": true,
}

// chromeWords in an element's class, id or role mark site furniture
// (cookie bars, share buttons, breadcrumbs, skip links, menus).
var chromeWords = []string{"cookie", "share", "social", "breadcrumb", "skip", "access", "menu", "navbar", "sidebar", "related", "newsletter", "consent", "banner", "masthead", "toolbar", "footer"}

func isChromeElement(n *html.Node, inContent bool) bool {
	if n.Data == "footer" || n.Data == "header" {
		return !inContent // the site's header and footer, not an article's own
	}
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "class", "id", "role":
			v := strings.ToLower(a.Val)
			for _, w := range chromeWords {
				if strings.Contains(v, w) {
					return true
				}
			}
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		}
	}
	return false
}

// fromHTML walks the HTML tree and writes the canonical text: block
// elements end paragraphs, headings and list items keep their marks, table
// rows become rows of cells.
func fromHTML(b []byte) (*Doc, error) {
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	d := &Doc{Format: HTML}
	var out strings.Builder
	var para strings.Builder
	prefix := ""
	flush := func() {
		t := collapse(para.String())
		if t != "" && !Chrome(t) {
			out.WriteString(prefix)
			out.WriteString(t)
			out.WriteString("\n\n")
			prefix = "" // an empty block (a <p> opening inside an <li>) keeps the mark for its text
		}
		para.Reset()
	}
	var cellText func(n *html.Node) string
	cellText = func(n *html.Node) string {
		var sb strings.Builder
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && skipElements[n.Data] {
				return
			}
			if n.Type == html.TextNode {
				sb.WriteString(n.Data)
			}
			if n.Type == html.ElementNode && n.Data == "br" {
				sb.WriteString(" ")
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if n.Type == html.ElementNode && n.Data != "span" && n.Data != "a" && n.Data != "sup" && n.Data != "sub" && n.Data != "b" && n.Data != "i" && n.Data != "strong" && n.Data != "em" {
				sb.WriteString(" ")
			}
		}
		walk(n)
		return strings.ReplaceAll(collapse(sb.String()), "|", "/")
	}
	var spans rowSpans // the table being read's cells spanning rows
	var walk func(n *html.Node, inContent bool)
	walk = func(n *html.Node, inContent bool) {
		if n.Type == html.ElementNode {
			if n.Data == "script" && d.Published == "" && n.FirstChild != nil && isJSONLD(n) {
				// Structured data a news page carries for search engines:
				// {"@type": "NewsArticle", "datePublished": "2017-10-12T07:00:00Z"}.
				if m := ldPublishedRE.FindStringSubmatch(n.FirstChild.Data); m != nil {
					d.Published = m[1]
				}
			}
			if skipElements[n.Data] || isChromeElement(n, inContent) {
				if !skipElements[n.Data] && !otherPages(n) {
					// The site's header and footer, a share bar: their short
					// lines may say when the page was published.
					d.ChromeLines = append(d.ChromeLines, chromeLines(n)...)
				}
				return
			}
			if (n.Data == "p" || n.Data == "div" || n.Data == "ul" || n.Data == "ol") && linkList(n) {
				if n.Data == "p" {
					// ("15 July 2022 · <a>Local News</a>, <a>Crime &
					// Policing</a>": the page's date line among its category
					// links may say when it was published)
					d.ChromeLines = append(d.ChromeLines, chromeLines(n)...)
				}
				return // a list of links to other pages ("Latest news"): their headlines, not this page's text
			}
			switch n.Data {
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
					// A <time> in a list entry is that entry's own date (a
					// list of related news), not the page's.
					if a.Key == "datetime" && d.Published == "" && !inList(n) {
						d.Published = a.Val
					}
				}
			case "article", "main":
				inContent = true
			case "tr":
				flush()
				if pageLayoutRow(n) {
					// A page laid out with a table (a sidebar cell beside the
					// article's): each cell is a column of the page, read as
					// its paragraphs, not a row of data.
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
							walk(c, inContent) // (a cell marked as a sidebar is chrome)
							flush()
							out.WriteString("\n")
						}
					}
					return
				}
				var cells []string
				var elems []*html.Node
				header := false
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
						header = header || c.Data == "th"
						cells = append(cells, cellText(c))
						elems = append(elems, c)
					}
				}
				if len(cells) > 0 {
					cells = spans.row(cells, elems)
					out.WriteString("| " + strings.Join(cells, " | ") + " |\n")
					if header && headerRow(cells) {
						out.WriteString("|---|\n")
					}
				}
				return
			case "table":
				flush()
				outer := spans
				spans = rowSpans{}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c, inContent)
				}
				spans = outer
				out.WriteString("\n")
				return
			case "br":
				flush()
				return
			}
		}
		if n.Type == html.TextNode {
			para.WriteString(n.Data)
			return
		}
		block := false
		if n.Type == html.ElementNode {
			switch n.Data {
			case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
				"ul", "ol", "blockquote", "pre", "dt", "dd", "main", "figure", "figcaption", "hr", "address", "body":
				block = true
			}
		}
		if block {
			flush()
			switch {
			case len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6':
				prefix = "# "
			case n.Data == "li":
				prefix = "- "
			case n.Data == "dt" && len(collapse(textOf(n))) <= 80:
				// A definition list's term heads its definitions ("Marton
				// East" over "You said: ..."), as a Markdown one does.
				prefix = "# "
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inContent)
		}
		if block {
			flush()
			if n.Data == "li" || n.Data[0] == 'h' || n.Data == "dt" {
				prefix = ""
			}
		}
	}
	walk(root, false)
	flush()
	d.Text = out.String()
	if d.Published == "" {
		// a date archive's link in the breadcrumb ("2017 › 08 › 14"): the
		// page's day when nothing else gives one
		d.Published = archiveDay(root)
	}
	return d, nil
}

// archiveDay is the day of the last link to a day of a date archive whose
// text is that day ("<a href="/noticeboard/2017/08/14/">14</a>", a
// breadcrumb's last step), anywhere in the page (breadcrumbs are chrome),
// or "".
func archiveDay(n *html.Node) string {
	day := ""
	if n.Type == html.ElementNode && n.Data == "a" {
		for _, a := range n.Attr {
			if m := archiveDayRE.FindStringSubmatch(a.Val); a.Key == "href" && m != nil && strings.TrimLeft(strings.TrimSpace(textOf(n)), "0") == strings.TrimLeft(m[3], "0") {
				day = m[1] + "-" + m[2] + "-" + m[3]
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if d := archiveDay(c); d != "" {
			day = d
		}
	}
	return day
}

// archiveDayRE is a link to a day of a date archive ("/noticeboard/2017/08/14/"),
// the last step of a breadcrumb whose link text is the day.
var archiveDayRE = regexp.MustCompile(`/((?:19|20)[0-9]{2})/([01][0-9])/([0-3][0-9])/?$`)

// ldPublishedRE is the publication date of a page's JSON-LD.
var ldPublishedRE = regexp.MustCompile(`"datePublished"\s*:\s*"([0-9]{4}-[0-9]{2}-[0-9]{2}[^"]*)"`)

// isJSONLD reports whether a <script> holds JSON-LD structured data.
func isJSONLD(n *html.Node) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, "type") && strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json") {
			return true
		}
	}
	return false
}

// otherPages reports whether n lists other pages (related news, "most
// read"), whose dates are theirs.
func otherPages(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "class", "id":
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "related") || strings.Contains(v, "popular") || strings.Contains(v, "latest") || strings.Contains(v, "most-read") || strings.Contains(v, "more-news") {
				return true
			}
		}
	}
	return false
}

// textOf is the text under n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sb.WriteString(textOf(c))
	}
	return sb.String()
}

// inList reports whether n is inside a list entry.
func inList(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "li" || p.Data == "dd" || p.Data == "dt") {
			return true
		}
	}
	return false
}

// chromeLines are the short lines (at most 120 characters) of a site
// header's or footer's paragraphs, outside its lists, menus and forms.
func chromeLines(n *html.Node) []string {
	var lines []string
	var para strings.Builder
	flush := func() {
		if t := collapse(para.String()); t != "" && len(t) <= 120 {
			lines = append(lines, t)
		}
		para.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "ul", "ol", "dl", "nav", "form", "button", "select", "script", "style", "table":
				flush()
				return
			case "p", "div", "br", "address", "section", "h1", "h2", "h3", "h4", "h5", "h6":
				flush()
				defer flush()
			}
		}
		if n.Type == html.TextNode {
			para.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return lines
}

// collapse joins whitespace runs (non-breaking spaces included) into one
// space.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v' || r == '\u00a0' || r == '\u2009' || r == '\u202f'
	}), " ")
}

// pageLayoutRow reports whether a table row lays out a page rather than holding
// data: one of its cells holds headings or several paragraphs, or a
// table of its own (an old site's sidebar beside its article). Its cells
// are then read as the page's columns.
func pageLayoutRow(tr *html.Node) bool {
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.Data != "td" && c.Data != "th") {
			continue
		}
		blocks := 0
		var count func(n *html.Node) bool
		count = func(n *html.Node) bool {
			for k := n.FirstChild; k != nil; k = k.NextSibling {
				if k.Type != html.ElementNode {
					continue
				}
				switch k.Data {
				case "h1", "h2", "h3", "h4", "h5", "h6", "table":
					return true
				case "p", "ul", "ol", "div":
					blocks++
				}
				if count(k) {
					return true
				}
			}
			return false
		}
		if count(c) || blocks >= 3 {
			return true
		}
	}
	return false
}

// linkList reports whether an element is a list of links to other pages:
// two links or more, and hardly any text outside them (a separator, a
// date). Their headlines ("Hardwick residents meet police, 24 February")
// would read as this page's meetings.
func linkList(n *html.Node) bool {
	links, in, out := 0, 0, 0
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.ElementNode && n.Data == "a" {
			links++
			inLink = true
		}
		if n.Type == html.TextNode {
			for _, r := range n.Data {
				if unicode.IsLetter(r) {
					if inLink {
						in++
					} else {
						out++
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return links >= 2 && in > 0 && out*3 <= in
}
