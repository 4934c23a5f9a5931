package normalise

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// toUTF8 decodes a document that is not UTF-8. A page says its encoding
// (a meta charset or http-equiv, which charset.DetermineEncoding reads); a
// text file saved by a word processor on Windows says nothing and is
// Windows-1252 (its curly quotes, dashes and pound signs are bytes 0x80-0xFF
// that are not UTF-8): read as UTF-8 they would reach the stored concern
// text as replacement characters. Valid UTF-8 is returned as it is.
func toUTF8(b []byte, html bool) []byte {
	if utf8.Valid(b) {
		return b
	}
	if html {
		if enc, name, _ := charset.DetermineEncoding(b, "text/html"); name != "utf-8" {
			if out, err := enc.NewDecoder().Bytes(b); err == nil {
				return out
			}
		}
	}
	if out, err := charmap.Windows1252.NewDecoder().Bytes(b); err == nil {
		return out
	}
	return b
}

// fixMojibake repairs text that was UTF-8, was read as Windows-1252 and
// saved again as UTF-8: "the Commissionerâ€™s", "Â· Grangetown (Weds 13th)
// â€“ rubbish", the way a page copied through an old editor or a
// mis-declared export reaches us. Each run of characters outside ASCII
// that Windows-1252 can write is written back to its bytes, and replaced
// by what those bytes say when they are valid UTF-8; a run
// that is not ("£5", "café", "–") stays as it is.
func fixMojibake(s string) string {
	if !strings.ContainsAny(s, "ÂÃâ") {
		return s // (every mojibake of a character this text can hold opens with one of them)
	}
	enc := charmap.Windows1252.NewEncoder()
	var out strings.Builder
	run := func(r []rune) {
		if len(r) >= 2 {
			if b, err := enc.Bytes([]byte(string(r))); err == nil && utf8.Valid(b) {
				out.Write(b)
				return
			}
		}
		out.WriteString(string(r))
	}
	var cur []rune
	for _, c := range s {
		if c >= 0x80 {
			if _, ok := charmap.Windows1252.EncodeRune(c); ok {
				cur = append(cur, c)
				continue
			}
		}
		run(cur)
		cur = cur[:0]
		out.WriteRune(c)
	}
	run(cur)
	return out.String()
}
