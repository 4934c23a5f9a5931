package extract

import (
	"regexp"
	"sort"
	"strings"

	"github.com/wardpulse/wardpulse/ingest/extract/dates"
)

var (
	titleRE    = regexp.MustCompile(`(?:(?:[A-Z0-9][\w'’&.-]*|of|the|and|for|on|&|in|de|ward|community|residents'?|public|safety|youth|neighbourhood|partnership|crime)\s+){1,8}(?i:meeting|forum|board|assembly|surgery|event|panel|partnership|group|council|conference|fair|launch|committee|network|walkabout|drop-in|day|summit|workshop|vigil|ceremony|awards|consultation|briefing|association)s?\b`)
	locationRE = regexp.MustCompile(`\bat\s+(?:the\s+)?((?:[A-Z][\w'’&.-]*\s+){0,5}(?:Centre|Center|Hall|Church|Library|School|Academy|College|Club|House|Station|Hub|Rooms?|Chapel|Institute|Pavilion|Café|Cafe|Hotel|Stadium|Headquarters|Offices?))\b`)
)

// meetingTitle is the longest run of capitalised words ending in a meeting
// word ("Safer Hartlepool Partnership Face the Public event"), else the
// sentence without its leading date, bounded.
func meetingTitle(sent string, date dates.Mention) string {
	best := ""
	for _, m := range titleRE.FindAllString(sent, -1) {
		m = strings.TrimSpace(m)
		for _, w := range []string{"the ", "of ", "and ", "for ", "on ", "& ", "in ", "The "} {
			m = strings.TrimPrefix(m, w)
		}
		if len(m) > len(best) && strings.Contains(m, " ") && len(dates.Find(m)) == 0 {
			best = m
		}
	}
	if best == "" {
		best = sent
		if i := strings.Index(sent, date.Text); i >= 0 && i < 3 {
			best = sent[i+len(date.Text):]
		}
		best = strings.Trim(best, " –—-:,.")
	}
	return clip(best, 300)
}

// beforeColon is s up to ": ", where an entry's concerns begin.
func beforeColon(s string) string {
	head, _, _ := strings.Cut(s, ": ")
	return head
}

// firstMatchSentence is the first sentence of s that re matches, or s.
func firstMatchSentence(s string, re *regexp.Regexp) string {
	for _, sent := range sentences(s) {
		if re.MatchString(sent) {
			return sent
		}
	}
	return s
}

func locationIn(sent string) string {
	if m := locationRE.FindStringSubmatch(sent); m != nil {
		return clip(m[1], 300)
	}
	return ""
}

func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut]
}

func sortedUnion(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string{}, a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// sentences splits a paragraph at ". ", "! ", "? " before a capital, a
// digit or a quote, except after common abbreviations (Mr., St., Cllr.).
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s)-2; i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1 // after the stop, and after a quotation it closes ("... safe." The police ...)
		if s[end] == '"' || s[end] == '\'' {
			end++
		} else if strings.HasPrefix(s[end:], "”") || strings.HasPrefix(s[end:], "’") {
			end += len("”")
		}
		if end+1 >= len(s) || s[end] != ' ' {
			continue
		}
		if end > i+1 && s[end+1] != '"' && !strings.HasPrefix(s[end+1:], "“") && !(s[end+1] >= 'A' && s[end+1] <= 'Z') {
			continue
		}
		if end > i+1 {
			out = append(out, strings.TrimSpace(s[start:end]))
			start = end + 1
			i = end
			continue
		}
		n := s[i+2]
		item := i+4 < len(s) && n >= 'a' && n <= 'h' && s[i+3] == ')' && s[i+4] == ' ' // "... next Tuesday. b) Fly Tipping Problems – ...": an item of minutes
		bracket := n == '(' && i+3 < len(s) && s[i+3] >= 'A' && s[i+3] <= 'Z'          // "... was down. (Police figures: ...)": a bracketed sentence
		if !(n >= 'A' && n <= 'Z') && !(n >= '0' && n <= '9') && n != '"' && n != 0xE2 && n != '\'' && !item && !bracket {
			continue
		}
		word := s[strings.LastIndexAny(s[:i], " (")+1 : i]
		switch strings.ToLower(word) {
		case "mr", "mrs", "ms", "dr", "st", "cllr", "no", "insp", "sgt", "pc", "supt", "ch", "det", "rev", "prof", "etc":
			continue
		}
		if len(word) == 1 {
			continue // an initial
		}
		out = append(out, strings.TrimSpace(s[start:i+1]))
		start = i + 2
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// sentenceAround returns the sentence of s containing byte offset at.
func sentenceAround(s string, at int) string {
	pos := 0
	for _, sent := range sentences(s) {
		i := strings.Index(s[pos:], sent)
		if i < 0 {
			continue
		}
		if at >= pos+i && at < pos+i+len(sent) {
			return sent
		}
		pos += i + len(sent)
	}
	return s
}

// lastSentence is the last of a paragraph's sentences, or "".
func lastSentence(s string) string {
	ss := sentences(s)
	if len(ss) == 0 {
		return ""
	}
	return ss[len(ss)-1]
}
