package normalise

import (
	"html"
	"regexp"
	"strings"
)

var (
	// tagRE is an HTML tag left in text or Markdown: an element name after
	// "<" or "</", so "a < b" and "<- back" stay as they are.
	tagRE      = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,500})?/?>`)
	breakTagRE = regexp.MustCompile(`(?i)<br\s*/?>|</?(?:p|div|li|tr|h[1-6]|table|ul|ol)(?:\s[^<>]{0,500})?>`)
	trRE       = regexp.MustCompile(`(?is)<tr\b[^<>]{0,500}>(.*?)</tr\s*>`)
	cellRE     = regexp.MustCompile(`(?is)<t([dh])\b[^<>]{0,500}>(.*?)</t[dh]\s*>`)
	entityRE   = regexp.MustCompile(`&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)
	// furnitureRE is a whole element of skipElements' kind left inline (a
	// news export's "<aside class=\"read-more\">" box of other stories, a
	// script): dropped with its text, as an HTML page's are. RE2 has no
	// back-references, so each element is spelt out.
	furnitureRE = regexp.MustCompile(`(?is)<aside\b[^<>]{0,500}>.*?</aside\s*>|<nav\b[^<>]{0,500}>.*?</nav\s*>|<script\b[^<>]{0,500}>.*?</script\s*>|<style\b[^<>]{0,500}>.*?</style\s*>|<noscript\b[^<>]{0,500}>.*?</noscript\s*>|<form\b[^<>]{0,500}>.*?</form\s*>|<svg\b[^<>]{0,500}>.*?</svg\s*>|<dialog\b[^<>]{0,500}>.*?</dialog\s*>`)
)

// InlineHTML removes the HTML a text or Markdown document carries inline:
// site furniture goes whole (an aside, a nav, a script), block tags end a
// line, other tags go (their text stays: "5<sup>th</sup>"
// becomes "5th"), entities are decoded and non-breaking spaces become
// spaces.
func InlineHTML(s string) string {
	if strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 && !strings.Contains(s, "\u00a0") {
		return s
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = furnitureRE.ReplaceAllString(s, "\n")
		s = inlineRows(s)
		s = rowBreaks(s)
		s = breakTagRE.ReplaceAllString(s, "\n")
		s = tagRE.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = entityRE.ReplaceAllStringFunc(s, html.UnescapeString)
	}
	return strings.ReplaceAll(s, "\u00a0", " ")
}

// rowBreaks keeps a Markdown table row on its line: a <br> inside it
// ("| • Youths on e-scooters<br>• Drug dealing near the shops |", a cell's
// list) separates the cell's items, it does not end the row.
func rowBreaks(s string) string {
	if !brRE.MatchString(s) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "|") {
			lines[i] = brRE.ReplaceAllString(l, "; ")
		}
	}
	return strings.Join(lines, "\n")
}

var brRE = regexp.MustCompile(`(?i)<br\s*/?>`)

// inlineRows writes the rows of an HTML table left inside Markdown or text
// as Markdown table rows ("<tr><td>North Ormesby</td><td>Youths throwing
// fireworks</td></tr>" is "| North Ormesby | Youths throwing fireworks
// |"), a row of header cells followed by its rule, so its cells stay
// apart; what is inside a cell loses its tags and line breaks.
func inlineRows(s string) string {
	if !strings.Contains(strings.ToLower(s), "<tr") {
		return s
	}
	return trRE.ReplaceAllStringFunc(s, func(tr string) string {
		cells := cellRE.FindAllStringSubmatch(tr, -1)
		if len(cells) == 0 {
			return tr
		}
		head := true
		var b strings.Builder
		b.WriteString("\n|")
		for _, c := range cells {
			head = head && strings.EqualFold(c[1], "h")
			text := strings.Join(strings.Fields(tagRE.ReplaceAllString(breakTagRE.ReplaceAllString(c[2], " "), "")), " ")
			b.WriteString(" " + strings.ReplaceAll(text, "|", "/") + " |")
		}
		if head {
			b.WriteString("\n|" + strings.Repeat("---|", len(cells)))
		}
		b.WriteString("\n")
		return b.String()
	})
}
