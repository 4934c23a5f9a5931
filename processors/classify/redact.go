package classify

import "regexp"

// Analytics does not need phone numbers, e-mail addresses, addresses or
// vehicle registrations, and concern text is free text that holds them.
// Redact masks what can be recognised reliably; names cannot be, so concern
// text stays a restricted column. The patterns are compiled once and never
// change: this table is the only package-level state besides the embedded
// taxonomy.
//
// Order matters: e-mail first (its local part may hold digits), phone before
// address (a phone number is not a house number), address before postcode
// and registration (so "12 High Street, TS6 7AB" gives "[address], [postcode]").
var redactions = []struct {
	re   *regexp.Regexp
	mask string
	// can is a necessary condition for a match, on the text's counts of
	// digits and upper-case letters and whether it has an '@': the
	// regexps were most of the cost of redacting, and most texts cannot
	// match most of them. Masks only ever remove digits and capitals, so
	// counts taken before any replacement stay necessary after.
	can func(c textCounts) bool
}{
	{regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`), "[email]",
		func(c textCounts) bool { return c.at }},
	// +44 7700 900123, +44 (0)1642 301653, 07700 900123, (01642) 301653, 0800-123-4567.
	// At least 9 digits: 0 + 2 + 3 + 3 (44 + 2 + 3 + 3 with +44).
	{regexp.MustCompile(`(?:\+44\s?(?:\(0\)\s?)?|\(0|\b0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b`), "[phone]",
		func(c textCounts) bool { return c.digits >= 9 }},
	// 12 High Street, 3a Church Lane, 14, Avenue Road.
	{regexp.MustCompile(`\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z']+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Crescent|Cres|Terrace|Way|Grove|Court|Ct|Place|Gardens|Walk|View|Square|Parade|Row|Mews|Green|Hill|Bank|Park)\b\.?`), "[address]",
		func(c textCounts) bool { return c.digits >= 1 && c.upper >= 2 }},
	// TS6 7AB, ts1 2ab, TS17 6BX, SW1A 1AA.
	{regexp.MustCompile(`(?i)\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b`), "[postcode]",
		func(c textCounts) bool { return c.digits >= 2 }},
	// AB12 CDE (2001 on), A123 BCD (prefix, 1983-2001), ABC 123D (suffix, 1963-1983).
	{regexp.MustCompile(`\b(?:[A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b`), "[vrm]",
		func(c textCounts) bool { return c.digits >= 1 && c.upper >= 4 }},
}

type textCounts struct {
	digits, upper int
	at            bool
}

func count(text string) textCounts {
	var c textCounts
	for i := 0; i < len(text); i++ {
		switch b := text[i]; {
		case b >= '0' && b <= '9':
			c.digits++
		case b >= 'A' && b <= 'Z':
			c.upper++
		case b == '@':
			c.at = true
		}
	}
	return c
}

// Redact masks UK phone numbers, e-mail addresses, house-number + street
// addresses, postcodes and UK vehicle registrations in text, replacing each
// with [phone], [email], [address], [postcode] or [vrm]. Called on every
// concern before its text is stored for analytics; safe for concurrent use.
func Redact(text string) string {
	// Every pattern needs a digit, or an '@' for e-mail: most concerns have
	// neither, and the regexps were 15 % of the processor's CPU.
	c := count(text)
	if c.digits == 0 && !c.at {
		return text
	}
	for _, r := range redactions {
		if r.can(c) {
			text = r.re.ReplaceAllString(text, r.mask)
		}
	}
	return text
}
