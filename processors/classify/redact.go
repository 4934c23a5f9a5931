package classify

import "regexp"

// Analytics does not need names, phone numbers, addresses or vehicle
// registrations, and concern text is free text that holds them. Redact masks
// what can be recognised reliably; names cannot be, so concern text stays a
// restricted column (see README "Personal data").
var redactions = []struct {
	re   *regexp.Regexp
	mask string
}{
	{regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`), "[email]"},
	{regexp.MustCompile(`(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b`), "[phone]"},
	{regexp.MustCompile(`\b\d{1,4}[a-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Crescent|Terrace|Way|Grove|Court|Place|Gardens|Walk|View)\b`), "[address]"},
	{regexp.MustCompile(`(?i)\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b`), "[postcode]"},
	{regexp.MustCompile(`\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b`), "[vrm]"},
}

// Redact masks e-mail addresses, UK phone numbers, house-number addresses,
// postcodes and current-format vehicle registrations.
func Redact(text string) string {
	for _, r := range redactions {
		text = r.re.ReplaceAllString(text, r.mask)
	}
	return text
}
