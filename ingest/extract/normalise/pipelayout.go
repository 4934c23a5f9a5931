package normalise

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pipeRuleRE is a Markdown table's separator row ("|---|:--|").
var pipeRuleRE = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)

// layoutPipeTables turns back into running text the tables a word
// processor used only for layout, as a document converted to text keeps
// them: minutes typed into a two-column grid ("| |Held on Tuesday 5th
// September 2017 | |", "|C/17/05 |discounted the neighbour dispute. | |"),
// each line of the page a row, a wrapped sentence going on in the next
// row. Such a grid has no Markdown separator row and holds one text cell
// a row (beside a short item reference); read as table rows its sentences
// would be cut at every line and its title lines would be cells. A real
// table (several filled cells a row, or a separator row) is left alone.
func layoutPipeTables(s string) string {
	if !strings.Contains(s, "|") {
		return s
	}
	lines := strings.Split(s, "\n")
	var out []string
	for i := 0; i < len(lines); {
		if !pipeRow(lines[i]) {
			out = append(out, lines[i])
			i++
			continue
		}
		j, last := i, i // the run: pipe rows, blank lines between them allowed
		for j < len(lines) && (pipeRow(lines[j]) || strings.TrimSpace(lines[j]) == "") {
			if pipeRow(lines[j]) {
				last = j
			}
			j++
		}
		run := lines[i : last+1]
		if text, ok := layoutGrid(run); ok {
			out = append(out, text...)
		} else {
			out = append(out, run...)
		}
		i = last + 1
	}
	return strings.Join(out, "\n")
}

func pipeRow(l string) bool {
	t := strings.TrimSpace(l)
	return len(t) > 1 && strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|")
}

// layoutGrid reads run (pipe rows and blank lines) as a layout grid: its
// rows' text as paragraphs, a row that goes on from a full previous row
// (no end of sentence) joined to it. ok is false when run is a real table.
func layoutGrid(run []string) (paras []string, ok bool) {
	type row struct {
		text  string
		empty bool
	}
	var rows []row
	filled, maxLen, long := 0, 0, false
	for _, l := range run {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if pipeRuleRE.MatchString(l) {
			return nil, false
		}
		t := strings.TrimSpace(l)
		var texts []string
		for _, c := range strings.Split(t[1:len(t)-1], "|") {
			if c = strings.TrimSpace(c); c != "" {
				texts = append(texts, c)
			}
		}
		switch {
		case len(texts) == 0:
			rows = append(rows, row{empty: true})
			continue
		case len(texts) == 2 && itemRef(texts[0]):
			texts = texts[1:] // "C/17/05": the item's reference
		case len(texts) > 1:
			return nil, false
		}
		n := utf8.RuneCountInString(texts[0])
		maxLen = max(maxLen, n)
		long = long || n >= 60
		filled++
		rows = append(rows, row{text: texts[0]})
	}
	if filled < 4 || !long {
		return nil, false
	}
	var cur []string
	prev := ""
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, "", strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, r := range rows {
		if r.empty {
			flush()
			prev = ""
			continue
		}
		first, _ := utf8.DecodeRuneInString(r.text)
		goesOn := prev != "" && !strings.ContainsAny(prev[len(prev)-1:], ".!?:") &&
			(utf8.RuneCountInString(prev)*4 >= maxLen*3 || unicode.IsLower(first))
		if !goesOn {
			flush()
		}
		cur = append(cur, r.text)
		prev = r.text
	}
	flush()
	return append(paras, ""), true
}

// itemRef: a short cell with no space holding a digit ("C/17/05", "4.2").
func itemRef(c string) bool {
	return len(c) <= 12 && !strings.Contains(c, " ") && strings.ContainsAny(c, "0123456789")
}
