package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// triggerKind says what a word before a name is.
type triggerKind int

const (
	notTrigger triggerKind = iota
	// title: Mr, Mrs, Ms, Miss, Mx, Dr, capitalised. What follows is a
	// name whatever its words ("Mrs Victoria" though Victoria is a ward).
	title
	// context: resident, called, named... What follows is a name unless
	// every word of it is a place, theme or organisation word ("called
	// Cleveland Police").
	context
)

// contextWords announce a name: "resident Jane Doe", "called Jane".
var contextWords = []string{"resident", "neighbour", "neighbor", "called", "named", "caller", "victim", "complainant", "contacted"}

func trigger(w string) triggerKind {
	switch w[0] | 0x20 { // the first letters of the titles and contextWords
	case 'm', 'd', 'r', 'n', 'c', 'v':
	default:
		return notTrigger
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr":
		return title
	}
	if len(w) < 5 || len(w) > 11 {
		return notTrigger
	}
	for _, t := range contextWords {
		if strings.EqualFold(w, t) {
			return context
		}
	}
	return notTrigger
}

// orgStart are first words of organisations and operations, never of a
// person's name: "called Operation Phoenix", "contacted Victim Support".
var orgStart = map[string]bool{
	"operation": true, "police": true, "council": true, "crimestoppers": true, "victim": true, "nhs": true, "pcso": true,
	"pcsos": true, "pcc": true, "cleveland": true, "teesside": true, "neighbourhood": true, "community": true, "safer": true,
	"youth": true, "fire": true, "rspca": true, "highways": true, "environment": true, "the": true,
}

// maxNameWords is how many capitalised words after a trigger are taken for
// the name: a first name, a middle name or initial, a surname.
const maxNameWords = 3

// names masks the name after each trigger word with [name]: a run of up to
// three capitalised words or initials, each after one space ("Mr. J.
// Smith", "resident, Jane Doe,").
func (r *Redactor) names(text string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		if !isLetter(text[i]) || i > 0 && isWordByte(text[i-1]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isLetter(text[j]) {
			j++
		}
		kind := trigger(text[i:j])
		i = j
		if kind == notTrigger {
			continue
		}
		if j < len(text) && (kind == title && text[j] == '.' || kind == context && text[j] == ',') {
			j++
		}
		if j >= len(text) || text[j] != ' ' {
			continue
		}
		start, end := j+1, -1
		allKept, orgFirst := true, false
		for n, p := 0, start; n < maxNameWords; n++ {
			e := capWord(text, p)
			if e < 0 {
				break
			}
			w := strings.TrimSuffix(text[p:e], ".")
			if n == 0 {
				orgFirst = orgStart[strings.ToLower(w)]
			}
			if !r.kept(w) {
				allKept = false
			}
			end = e
			if e >= len(text) || text[e] != ' ' {
				break
			}
			p = e + 1
		}
		if end < 0 || kind == context && (allKept || orgFirst) {
			continue
		}
		b.WriteString(text[last:start])
		b.WriteString("[name]")
		last, i = end, end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// capWord returns the end of the capitalised word or initial at p ("Jane",
// "O'Brien", "Smith-Jones", "Zoë", "Élodie", "J."), or -1.
func capWord(text string, p int) int {
	r, n := utf8.DecodeRuneInString(text[p:])
	if n == 0 || !unicode.IsUpper(r) {
		return -1
	}
	e := p + n
	for e < len(text) {
		r, n := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) && r != '\'' && r != '-' && r != '’' {
			break
		}
		e += n
	}
	if e == p+n && e < len(text) && text[e] == '.' {
		e++ // an initial
	}
	return e
}

func isLetter(b byte) bool { return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' }
