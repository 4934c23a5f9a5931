package normalise

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// frontMatter splits a Markdown file's YAML front matter (a static site's
// "---" block: title, date, categories) from its body. The front matter
// says when the page was published ("date: 2019-03-14T09:00:00Z"), which
// its relative dates ("on Tuesday") count from, and its title is the page's
// heading; the rest of it is no text of the page. ok is false when s opens
// with no such block (or one YAML cannot read).
func frontMatter(s string) (title, published, body string, ok bool) {
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		return "", "", s, false
	}
	rest := s[strings.Index(s, "\n")+1:]
	end := strings.Index(rest, "\n---")
	if end < 0 || strings.Count(rest[:end], "\n") > 60 {
		return "", "", s, false
	}
	var fields map[string]any
	if err := yaml.Unmarshal([]byte(rest[:end]), &fields); err != nil {
		return "", "", s, false
	}
	body = rest[end+4:]
	if i := strings.Index(body, "\n"); i >= 0 {
		body = body[i+1:]
	} else {
		body = ""
	}
	if t, ok := fields["title"].(string); ok {
		title = strings.TrimSpace(t)
	}
	for _, k := range []string{"date", "published", "pubDate", "publishDate", "published_at"} {
		switch v := fields[k].(type) {
		case time.Time:
			published = v.Format(time.RFC3339)
		case string:
			published = strings.TrimSpace(v)
		case nil:
			continue
		default:
			published = fmt.Sprint(v)
		}
		break
	}
	return title, published, body, true
}
