// Package taxonomy is reference data, the versioned list of concern themes
// (taxonomy.yaml, embedded), and the classifier over it: it assigns concern
// text to the stable theme ids, explainably: every theme comes with the
// phrase that matched and where. Matching is on whole words after light
// stemming (plural and -ing/-er forms), so "speeders" matches "speeding" and
// "quad bikes" matches "quad bike", and a multi-word phrase also matches its
// words run together ("offroad"). It is deliberately simple and predictable:
// analysts can read why a concern was counted, and a wrong match is fixed by
// editing phrases.
package taxonomy

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed taxonomy.yaml
var defaultTaxonomy []byte

// Theme is one theme of the taxonomy.
type Theme struct {
	ID      string   `yaml:"id"`
	Label   string   `yaml:"label"`
	Phrases []string `yaml:"phrases"`
}

// Taxonomy is a versioned list of themes, compiled for matching. It is
// immutable after Load and safe for concurrent use.
type Taxonomy struct {
	Version string  `yaml:"version"`
	Themes  []Theme `yaml:"themes"`
	// Synonyms are groups of single words that stand for each other in a
	// phrase ("pavement", "footpath", "kerb"): each phrase of two words or
	// more is also matched with one of its words swapped for another of
	// its group. A variant
	// another theme claims, in any spelling, is left to that theme.
	Synonyms [][]string `yaml:"synonyms"`

	byID     map[string]*Theme
	patterns map[string][]pattern // first stem -> patterns starting with it
	reversed map[string][]pattern // two-word patterns by their second stem (ClassifyReordered)
	tokens   sync.Pool            // *[]token scratch: a slice per text was the classifier's largest allocation
}

type pattern struct {
	theme, phrase string
	stems         []string
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// maxPhraseWords bounds a phrase's length: every way of running adjacent
// words together is registered, which is 2^(n-1) patterns.
const maxPhraseWords = 8

// joinVariants lists ws with every subset of adjacent pairs run together:
// "off road bike" -> "off road bike", "offroad bike", "off roadbike",
// "offroadbike". Hyphens split words in the tokenizer, so this is what makes
// "off-road", "off road" and "offroad" match each other.
func joinVariants(ws []string) [][]string {
	n := len(ws)
	var out [][]string
	for mask := 0; mask < 1<<(n-1); mask++ {
		v := []string{ws[0]}
		for k := 1; k < n; k++ {
			if mask&(1<<(k-1)) != 0 {
				v[len(v)-1] += ws[k]
			} else {
				v = append(v, ws[k])
			}
		}
		out = append(out, v)
	}
	return out
}

// Load reads and validates a taxonomy YAML document. Unknown keys, bad or
// repeated ids, empty phrases and a phrase claimed by two themes are errors
// naming the theme and phrase.
func Load(r io.Reader) (*Taxonomy, error) {
	var t Taxonomy
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("reading taxonomy: %w", err)
	}
	if strings.TrimSpace(t.Version) == "" {
		return nil, errors.New("taxonomy: version is empty")
	}
	if len(t.Themes) == 0 {
		return nil, errors.New("taxonomy: no themes")
	}
	t.byID = map[string]*Theme{}
	t.patterns = map[string][]pattern{}
	owner := map[string]pattern{} // stem key -> the first phrase that claimed it
	for i := range t.Themes {
		th := &t.Themes[i]
		if !idPattern.MatchString(th.ID) {
			return nil, fmt.Errorf("taxonomy: themes[%d]: id %q must be lowercase snake_case", i, th.ID)
		}
		if _, dup := t.byID[th.ID]; dup {
			return nil, fmt.Errorf("taxonomy: theme %s is listed twice", th.ID)
		}
		if th.Label == "" {
			return nil, fmt.Errorf("taxonomy: theme %s has no label", th.ID)
		}
		t.byID[th.ID] = th
		for j, ph := range th.Phrases {
			ws := words(ph)
			if len(ws) == 0 {
				return nil, fmt.Errorf("taxonomy: theme %s phrase %d is empty", th.ID, j)
			}
			if len(ws) > maxPhraseWords {
				return nil, fmt.Errorf("taxonomy: theme %s phrase %q has %d words, at most %d are allowed", th.ID, ph, len(ws), maxPhraseWords)
			}
			// Every spelling of the phrase ("off-road bike", "offroad bike",
			// "off-roadbike"...) is checked and registered, so two themes
			// cannot claim the same text through different spellings.
			for _, v := range joinVariants(ws) {
				stems := make([]string, len(v))
				for k, w := range v {
					stems[k] = stem(w)
				}
				key := strings.Join(stems, " ")
				if o, ok := owner[key]; ok {
					if o.theme != th.ID {
						return nil, fmt.Errorf("taxonomy: phrase %q of theme %s is already a phrase of theme %s (as %q)", ph, th.ID, o.theme, o.phrase)
					}
					continue // the same theme spelling a phrase twice is harmless
				}
				owner[key] = pattern{theme: th.ID, phrase: ph}
				t.add(pattern{theme: th.ID, phrase: ph, stems: stems})
			}
		}
	}
	// Synonym variants, after every written phrase so that a written
	// phrase always wins.
	syn := map[string][]string{} // stem -> the other words of its groups
	for _, g := range t.Synonyms {
		for _, w := range g {
			for _, o := range g {
				if o != w {
					syn[stem(normWord(w))] = append(syn[stem(normWord(w))], normWord(o))
				}
			}
		}
	}
	for i := range t.Themes {
		th := &t.Themes[i]
		for _, ph := range th.Phrases {
			ws := words(ph)
			if len(ws) < 2 {
				continue // a bare word's synonym is another bare word, written or not ("waste ground" is no litter)
			}
			for k, w := range ws {
				for _, o := range syn[stem(w)] {
					v := slices.Clone(ws)
					v[k] = o
					var stems []string
					for _, x := range v {
						for _, y := range words(x) {
							stems = append(stems, stem(y))
						}
					}
					key := strings.Join(stems, " ")
					if _, ok := owner[key]; ok {
						continue // a written phrase, or a variant already made
					}
					owner[key] = pattern{theme: th.ID, phrase: ph}
					t.add(pattern{theme: th.ID, phrase: ph, stems: stems})
				}
			}
		}
	}
	for k := range t.patterns {
		ps := t.patterns[k]
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].stems) > len(ps[j].stems) })
	}
	return &t, nil
}

func (t *Taxonomy) add(p pattern) {
	t.patterns[p.stems[0]] = append(t.patterns[p.stems[0]], p)
	if len(p.stems) == 2 && !connectors[p.stems[0]] && !connectors[p.stems[1]] {
		if t.reversed == nil {
			t.reversed = map[string][]pattern{}
		}
		t.reversed[p.stems[1]] = append(t.reversed[p.stems[1]], p)
	}
}

// connectors are the words that may stand between the two words of a
// phrase written the other way round ("drinking in the street" for
// "street drinking"): prepositions and articles, nothing that carries
// meaning of its own. Stemmed as tokens are.
var connectors = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"in", "on", "of", "the", "a", "an", "at", "from", "by", "around", "near", "outside", "for", "to", "into", "along", "across", "behind", "their", "our", "local"} {
		m[stem(w)] = true
	}
	return m
}()

// maxConnectors bounds the connecting words ClassifyReordered skips.
const maxConnectors = 3

// ClassifyReordered is Classify plus the two-word phrases written the
// other way round, joined by at most three connecting words (prepositions,
// articles): "drinking in the street" is "street drinking", "dealing of
// drugs" "drug dealing", "presence of police" "police presence", "rubbish
// dumped" also "dumped rubbish". Residents and staff write a phrase either
// way; the taxonomy lists one. Phrases with a connector among their own
// words ("break-in") are not reordered. Each reordered match is explained
// like any other (Phrase is the taxonomy's spelling).
func (t *Taxonomy) ClassifyReordered(text string) Result {
	res := t.Classify(text)
	if len(t.reversed) == 0 {
		return res
	}
	toks := tokenize(nil, text)
	covered := func(start, end int) bool {
		for _, m := range res.Matches {
			if start < m.End && m.Start < end {
				return true
			}
		}
		return false
	}
	var extra []Match
	for i := range toks {
		for _, p := range t.reversed[toks[i].stem] {
			for j := i + 1; j < len(toks) && j <= i+1+maxConnectors; j++ {
				if toks[j].stem == p.stems[0] {
					if !covered(toks[i].start, toks[j].end) && keepsInflection(p.phrase, text[toks[j].start:toks[j].end]) && !stolenFrom(toks, i, res.Matches) {
						extra = append(extra, Match{Theme: p.theme, Phrase: p.phrase, Start: toks[i].start, End: toks[j].end})
					}
					break
				}
				if !connectors[toks[j].stem] {
					break
				}
			}
		}
	}
	for _, m := range extra {
		res.Matches = append(res.Matches, m)
		if !slices.Contains(res.Themes, m.Theme) {
			res.Themes = append(res.Themes, m.Theme)
		}
	}
	sort.SliceStable(res.Matches, func(i, j int) bool { return res.Matches[i].Start < res.Matches[j].Start })
	sort.Strings(res.Themes)
	return res
}

// stolenFrom reports whether token i, a reordered phrase's noun, is one of
// the places a theft was from, listed after it ("a spate of burglaries
// from outbuildings and cars parked on driveways"): the cars are what was
// broken into, not parked where they should not be. It is so when "from"
// follows a burglary or theft phrase right away and only the first
// place's word and "and" or "or" stand between "from" and the noun.
func stolenFrom(toks []token, i int, ms []Match) bool {
	if i < 3 || (toks[i-1].stem != "and" && toks[i-1].stem != "or") || toks[i-3].stem != "from" {
		return false
	}
	for _, m := range ms {
		if m.Theme == "burglary_theft" && m.End <= toks[i-3].start && toks[i-3].start-m.End <= 1 {
			return true
		}
	}
	return false
}

// Default returns the embedded taxonomy, parsed once and shared (a
// Taxonomy is immutable: do not change its Themes). It panics only if the
// embedded file is broken, which TestDefaultHasStableIDs rules out.
func Default() *Taxonomy { return parseDefault() }

var parseDefault = sync.OnceValue(func() *Taxonomy {
	t, err := Load(bytes.NewReader(defaultTaxonomy))
	if err != nil {
		panic("taxonomy: embedded taxonomy is broken: " + err.Error())
	}
	return t
})

// IDs lists the theme ids in file order.
func (t *Taxonomy) IDs() []string {
	out := make([]string, len(t.Themes))
	for i, th := range t.Themes {
		out[i] = th.ID
	}
	return out
}

// Phrases lists every theme's phrases as the taxonomy file spells them.
func (t *Taxonomy) Phrases() []string {
	var out []string
	for _, th := range t.Themes {
		out = append(out, th.Phrases...)
	}
	return out
}

// Has reports whether id is a theme.
func (t *Taxonomy) Has(id string) bool { _, ok := t.byID[id]; return ok }

// Label is the human label of a theme, or the id when unknown.
func (t *Taxonomy) Label(id string) string {
	if th, ok := t.byID[id]; ok {
		return th.Label
	}
	return id
}

// Match is one phrase found in the text, with byte offsets.
type Match struct {
	Theme, Phrase string
	Start, End    int
}

// Result is the classification of one text.
type Result struct {
	Themes          []string
	Matches         []Match
	TaxonomyVersion string
}

type token struct {
	stem       string
	start, end int
}

// Classify finds the taxonomy's phrases in text.
func (t *Taxonomy) Classify(text string) Result {
	scratch, _ := t.tokens.Get().(*[]token)
	if scratch == nil {
		scratch = new([]token)
	}
	toks := tokenize((*scratch)[:0], text)
	defer func() {
		*scratch = toks[:0]
		t.tokens.Put(scratch)
	}()
	res := Result{TaxonomyVersion: t.Version}
	for i := 0; i < len(toks); {
		adv := 1
		for _, p := range t.patterns[toks[i].stem] {
			if i+len(p.stems) > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < len(p.stems); k++ {
				if toks[i+k].stem != p.stems[k] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			res.Matches = append(res.Matches, Match{Theme: p.theme, Phrase: p.phrase, Start: toks[i].start, End: toks[i+len(p.stems)-1].end})
			if !slices.Contains(res.Themes, p.theme) { // a handful of themes at most
				res.Themes = append(res.Themes, p.theme)
			}
			adv = len(p.stems) // longest first: consume the phrase
			break
		}
		i += adv
	}
	sort.Strings(res.Themes)
	return res
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize appends the words of s to out.
func tokenize(out []token, s string) []token {
	// Lowercased once for the whole text when that keeps byte offsets
	// (ASCII), instead of a string per capitalised word.
	lower := ""
	if isASCII(s) {
		lower = strings.ToLower(s)
	}
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := s[start:end]
			if lower != "" {
				w = lower[start:end]
			}
			out = append(out, token{stem: stem(normWord(w)), start: start, end: end})
			start = -1
		}
	}
	for i, r := range s {
		if isWordRune(r) || ((r == '\'' || r == '’') && start >= 0) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// words splits s as tokenize does and returns each word normalised but not
// stemmed, so adjacent words can be run together before stemming.
func words(s string) []string {
	var out []string
	for _, t := range tokenize(nil, s) {
		out = append(out, normWord(s[t.start:t.end]))
	}
	return out
}

// normWord lowercases a word, drops a possessive "'s" and any other
// apostrophe ("don't" == "dont").
func normWord(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if strings.IndexByte(w, '\'') >= 0 || strings.Contains(w, "’") {
		w = strings.NewReplacer("'", "", "’", "").Replace(w)
	}
	return w
}

// stem is a light suffix stripper: enough to fold plurals and the -ing/-er/
// -ed forms residents write, small enough to reason about.
func stem(w string) string {
	w = strings.ToLower(w)
	// Words whose stem would collide with an unrelated word are kept whole:
	// "parking" is not "Park" (a Middlesbrough ward, or a green space),
	// nor "parked cars" "the park car park",
	// "racing" is not "race" (as in race hate), "meeting" is not "meet".
	// Then irregular plurals.
	switch w {
	case "parking", "parked", "racing", "meeting", "meetings", "evening", "morning", "building", "housing",
		"nothing", "something", "thing", "things", "ring", "king", "spring", "news", "bus", "gas",
		"litter",  // "litter" would stem to "lit" ("fires being lit")
		"revving": // "revving" would stem to "rev" ("Chair: Rev. P. Wardell")
		return w
	case "knives":
		return "knif"
	// Irregular past forms residents write, to their verb's stem:
	// "vehicles driven dangerously" is "driving dangerously".
	case "driven", "drove":
		return "driv"
	case "ridden", "rode":
		return "rid"
	case "stolen", "stole":
		return "steal"
	case "broken", "broke":
		return "break"
	case "thrown", "threw":
		return "throw"
	case "sold":
		return "sell"
	case "dealt":
		return "deal"
	case "burnt":
		return "burn"
	case "thieves":
		return "thief"
	}
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 5 && strings.HasSuffix(w, "ers"):
		w = w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "er"):
		w = w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"): // "speed", "need" are words, not past tenses
		w = w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		w = w[:len(w)-1]
	}
	// Doubled final consonant after stripping: "speed" from "speeding" is
	// fine, "dealing" -> "deal", but "scramblers" -> "scrambl" and
	// "scrambler" -> "scrambl" agree either way.
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1]
	}
	return strings.TrimSuffix(w, "e")
}

// keepsInflection reports whether w, the text's word for a two-word
// phrase's first word written after the second, keeps that word's -ed or
// -ing form: "cars parked across driveways" is "parked cars" reordered,
// "the beach car park" (a place) is not; "drinking in the street" is
// "street drinking".
func keepsInflection(phrase, w string) bool {
	ws := words(phrase)
	if len(ws) != 2 {
		return true
	}
	first := ws[0]
	if !strings.HasSuffix(first, "ed") && !strings.HasSuffix(first, "ing") {
		return true
	}
	w = normWord(w)
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "en")
}
