package normalise

import (
	"regexp"
	"strings"
	"unicode"
)

// chromeRE matches a line that is page chrome rather than content: the
// menus, notices and buttons sites put around an article, and a report's
// page furniture. A line is only dropped whole, and only when short, so a
// sentence that mentions cookies or sharing stays.
var chromeRE = regexp.MustCompile(`(?i)^(?:` +
	`skip to (?:main )?content|skip navigation|jump to (?:main )?content|` +
	`(?:this (?:web)?site|we) uses? cookies.*|.*\bcookies?\b.*\b(?:accept|policy|settings|consent|find out more|agree)\b.*|accept(?: all)? cookies|cookie (?:policy|settings|notice)|` +
	`share(?: this)?(?: article| page| story)?(?: on| via)?\b.*|tweet|print(?: this page)?|email this page|` +
	`.*\bpowered by\b.*|` +
	`accessibility(?: tools| options| statement)?\b.*|text size.*|high contrast|text only|` +
	`home\s*(?:>|›|»|/|\|).*|you are here:.*|` +
	`page [0-9]+(?: of [0-9]+)?|back to (?:top|news|the news|all news)|read more|continue reading|` +
	// ("Read more: Teesside Park traffic plans go before councillors ·
	// Thornaby bonfire cancelled": links to other stories)
	// ("Related: Council to consult on bus lanes (Oct 2) | Pier fun run
	// returns (Sept 30)": a paper's line of other headlines, each with
	// its day, under the story; "Related" alone leads them as "Related
	// news" does, and a headline's day is no meeting's)
	`(?:read more|related(?: (?:news|stories|articles|posts|links))?|more news|see also|you may also like|also read|more stories)\s*:.*|` +
	// ("(c)" with a year or a few words only: "(c) Residents of Boosbeck
	// High Street again complained that ..." is a minute's item (c))
	`(?:©|copyright).*|\(c\)\s*(?:(?:19|20)[0-9]{2}\b.*|(?:\S+\s*){0,6})|all rights reserved.*|` +
	// ("Like · Reply · 14 November 2018 at 22:31": a comment's buttons
	// and its time, not a day the comment tells)
	`like\s*·\s*reply\b.*|` +
	`(?:hide ad|advertisement|sponsored|sign in|log in|register|subscribe|menu|search|close|toggle navigation)` +
	`)\s*$`)

// navLineRE is a line of short menu entries apart by "|", "·" or wide
// spaces ("Home | News | Contact us", "Menu   Search   Accessibility").
var navSepRE = regexp.MustCompile(`\s*(?:\||·|•|\s{3,})\s*`)

// Chrome reports whether a line (markup already gone) is page chrome.
func Chrome(line string) bool {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(line), "*_[]"))
	if t == "" || len(t) > 200 || strings.HasPrefix(t, "|") {
		return false
	}
	if len(t) > 120 && !strings.Contains(strings.ToLower(t), "cookie") {
		return false // a sentence, whatever it starts with
	}
	if chromeRE.MatchString(t) {
		return true
	}
	parts := navSepRE.Split(t, -1)
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if p == "" {
			continue
		}
		if len(strings.Fields(p)) > 3 || strings.ContainsAny(p, ".:;,!?0123456789") {
			return false
		}
	}
	return true
}

// relatedLeadRE is a line on its own that leads a list of links to other
// stories ("Read more:", "Related stories", "MORE FROM THE GAZETTE",
// "### Most read"): a news page's box of other pages, copied as text.
var relatedLeadRE = regexp.MustCompile(`(?i)^(?:#{1,6}\s*)?[*_]*\s*(?:read more|related(?: news| stories| articles| posts| links)?|more (?:news|stories|from\b[^.:!?]{1,40})|see also|you may also like|you might also like|also read|read next|most read|most popular)\s*:?\s*[*_]*\s*:?$`)

// relatedItemRE is an entry of such a list: a bullet, a number or a
// quote mark before a line (a headline, perhaps with its date).
var relatedItemRE = regexp.MustCompile(`^\s*(?:[-*•>›]|[0-9]{1,2}[.)])\s+\S`)

// dropChrome removes chrome lines from canonical text; not a line that
// goes on with a hard-wrapped sentence (wrappedOn).
//
// A list under a lead of related stories goes with it: "Read more:" over
// "- Market hall reopens after fire (3rd June 2021)" and "- Bus route
// axed (1st June 2021)" lists other pages' headlines and their dates, not
// meetings or days this page tells (a text or Markdown copy of a news page
// keeps the box that the HTML reader drops as chrome). Its entries are
// short lines, one each; the list ends at the first line that is none.
func dropChrome(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	out := lines[:0]
	related := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if related {
			if t == "" {
				out = append(out, l)
				continue
			}
			if relatedItemRE.MatchString(l) && len(t) <= 160 {
				continue
			}
			related = false
		}
		if len(t) <= 60 && relatedLeadRE.MatchString(t) && !strings.Contains(strings.ToLower(t), "meeting") {
			// (not "More from the meeting:" over what was raised there)
			related = true
			continue
		}
		if Chrome(l) && !(i > 0 && wrappedOn(lines[i-1], l)) {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// wrappedOn reports whether line goes on with the sentence the line
// before it leaves unfinished, as in a hard-wrapped e-mail or text copy:
// "as a few of our farms" over "share a boundary with theirs. Farmers
// raised ...". Such a line opens in lower case after a line of text that
// ends with neither a sentence's stop nor a colon; a share bar ("Share
// this article"), a menu or a notice stands on its own, capitalised, or
// after a blank line.
func wrappedOn(before, line string) bool {
	b, l := strings.TrimSpace(before), strings.TrimSpace(line)
	if b == "" || l == "" || !unicode.IsLower([]rune(l)[0]) || strings.ContainsAny(b[len(b)-1:], ".!?:;|") {
		return false
	}
	return len(strings.Fields(b)) >= 4 && !Chrome(b)
}
