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
	entityRE   = regexp.MustCompile(`&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});`)
)

// InlineHTML removes the HTML a text or Markdown document carries inline:
// block tags end a line, other tags go (their text stays: "5<sup>th</sup>"
// becomes "5th"), entities are decoded and non-breaking spaces become
// spaces.
func InlineHTML(s string) string {
	if strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 && !strings.Contains(s, "\u00a0") {
		return s
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = breakTagRE.ReplaceAllString(s, "\n")
		s = tagRE.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = entityRE.ReplaceAllStringFunc(s, html.UnescapeString)
	}
	return strings.ReplaceAll(s, "\u00a0", " ")
}
