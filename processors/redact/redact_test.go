package redact_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/redact"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

const corpusDir = "../../testdata/redaction"

// newRedactor keeps what the processor keeps: the gazetteer's names and the
// taxonomy's phrases.
func newRedactor() *redact.Redactor {
	return redact.New(append(gazetteer.Default().Names(), taxonomy.Default().Phrases()...))
}

type corpusCase struct {
	line     int
	in, want string
}

// readCorpus reads pii.txt ("<" input, ">" expected pairs) or keep.txt (one
// input a line, expected unchanged).
func readCorpus(t *testing.T, name string) []corpusCase {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, name))
	require.NoError(t, err)
	defer f.Close()
	var out []corpusCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case name == "keep.txt":
			out = append(out, corpusCase{line: n, in: line, want: line})
		case strings.HasPrefix(line, "< "):
			out = append(out, corpusCase{line: n, in: line[2:]})
		case strings.HasPrefix(line, "> "):
			if len(out) == 0 || out[len(out)-1].want != "" {
				t.Fatalf("%s:%d: an expected output without an input before it", name, n)
			}
			out[len(out)-1].want = line[2:]
		default:
			t.Fatalf("%s:%d: a line must start with '< ', '> ' or '#': %q", name, n, line)
		}
	}
	require.NoError(t, sc.Err())
	for _, c := range out {
		if c.want == "" {
			t.Fatalf("%s:%d: input without an expected output", name, c.line)
		}
	}
	return out
}

// TestCorpus runs the redactor over testdata/redaction.
func TestCorpus(t *testing.T) {
	r := newRedactor()
	for _, file := range []string{"pii.txt", "keep.txt"} {
		cases := readCorpus(t, file)
		require.NotEmpty(t, cases)
		failed := 0
		for _, c := range cases {
			if got := r.Redact(c.in); got != c.want {
				failed++
				t.Errorf("%s:%d:\n  in   %q\n  want %q\n  got  %q", file, c.line, c.in, c.want, got)
			}
		}
		t.Logf("%s: %d of %d cases as expected", file, len(cases)-failed, len(cases))
	}
}

// TestCorpusKeepsGazetteer: every ward, authority and place name and every
// theme phrase survives, alone and after the words that announce a name.
func TestCorpusKeepsGazetteer(t *testing.T) {
	r := newRedactor()
	var names []string
	g := gazetteer.Default()
	for _, w := range g.Wards() {
		names = append(names, w.Name, w.Name+" ward", "Residents of "+w.Name, "resident "+w.Name, "called "+w.Name, "Meeting in "+w.Name+" on 12 March 2020")
	}
	for _, l := range g.LADs() {
		names = append(names, l.Name, "called "+l.Name+" Council")
	}
	for _, n := range g.Names() {
		names = append(names, n, "called "+strings.ToUpper(n[:1])+n[1:])
	}
	for _, p := range taxonomy.Default().Phrases() {
		names = append(names, p, strings.ToUpper(p), "called "+strings.ToUpper(p[:1])+p[1:])
	}
	changed := 0
	for _, s := range names {
		if got := r.Redact(s); got != s {
			changed++
			t.Errorf("%q became %q", s, got)
		}
	}
	t.Logf("%d ward, place and theme texts, %d changed", len(names), changed)
}
