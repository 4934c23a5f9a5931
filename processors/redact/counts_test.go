package redact

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// redactAll is Redact without the counts: every rule, always.
func (r *Redactor) redactAll(text string) string {
	for i := range rules {
		text = rules[i].apply(text)
	}
	return r.names(text)
}

// TestCountsNeverSkipAMatch: the fewest digits, capitals and marks each
// rule can match; Redact, which skips the rules a text's counts rule out,
// gives what every rule gives.
func TestCountsNeverSkipAMatch(t *testing.T) {
	r := New(nil)
	for _, s := range []string{
		"call 012 345 678 today", "at 3 Church Lane", "near ts1 2ab", "a car A1 BCD", "a car ABC 1D", "mail x@y.uk",
		"mail x＠y.uk", "x at y.uk", "x (at) y (dot) uk", "x at y dot uk", "tel 123456", "ts6 7", "AB 1", "1 AB",
		"ab12cde", "a1bcd", "abc1d", "qq123456c", "dob 1-1-80", "born 1980", "born 1 may 80", "Mr Smith", "resident Jane", "resident Élodie",
		"AB 12 CDE", "ab12 cde", "a123-bcd", "ABC-123", "1234 AB", "14, Avenue Road", "3a Church Lane", "+44 (0)1642 301653",
		"D.O.B. 1.2.80", "date of birth 1/2/80", "x.y at example.com", "0 7 7 0 0 9 0 0 4 5 6", "QQ 12 34 56 C",
	} {
		require.Equal(t, r.redactAll(s), r.Redact(s), "%q", s)
		require.NotEqual(t, s, r.Redact(s), "%q: the case should be one the redactor masks", s)
	}
}

// FuzzCounts: skipping the rules a text's counts rule out never changes
// what Redact returns, Redact keeps valid UTF-8 valid, and never adds a
// digit.
func FuzzCounts(f *testing.F) {
	for _, s := range []string{"Call 07700 900123", "12 High Street, TS6 7AB", "A123 BCD", "a@b.co", "(0) 12 3 4", "\xff9",
		"jane dot doe at example dot com", "Mr J. Smith", "resident, Jane Doe,", "DOB 01/02/1980", "QQ 12 34 56 C", "＠"} {
		f.Add(s)
	}
	r := New([]string{"Grangetown", "Park End & Beckfield", "off-road bike"})
	f.Fuzz(func(t *testing.T, s string) {
		got := r.Redact(s)
		if want := r.redactAll(s); got != want {
			t.Fatalf("Redact(%q) = %q, all rules give %q", s, got, want)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Redact(%q) = %q is not valid UTF-8", s, got)
		}
		if count(got).digits > count(s).digits {
			t.Fatalf("Redact(%q) = %q has more digits", s, got)
		}
	})
}

// BenchmarkRedact is the cost of one text of each kind the processor
// redacts (ns/op is per text).
func BenchmarkRedact(b *testing.B) {
	r := New([]string{"Grangetown", "Eston"})
	for _, bc := range []struct{ name, text string }{
		{"plain", "Residents raised concerns about off-road motorbikes being ridden on the Eston Hills and speeding on the A174; PCSOs increased patrols."},
		{"lower", "residents raised concerns about off-road motorbikes being ridden on the hills"},
		{"pii", "Called resident Jane Doe on 07700 900456, jane.doe@example.com, TS6 7AB, car AB12 CDE"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			for b.Loop() {
				r.Redact(bc.text)
			}
		})
	}
}
