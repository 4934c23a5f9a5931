package normalise

import (
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
