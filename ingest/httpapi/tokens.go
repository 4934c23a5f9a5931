package httpapi

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"

	"gopkg.in/yaml.v3"
)

// Token is one source's bearer token, stored as its SHA-256 so a leaked
// config file does not leak the tokens.
type Token struct {
	Source string `yaml:"source"`
	SHA256 string `yaml:"sha256"`
}

// Tokens maps token hashes to sources.
type Tokens struct {
	list []tokenEntry
}

type tokenEntry struct {
	sum    [32]byte
	source string
}

var hexSHA = regexp.MustCompile(`^[0-9a-f]{64}$`)

// LoadTokens reads a YAML document `tokens: [{source: ..., sha256: ...}]`.
// Unknown keys, bad hashes, empty or repeated sources are errors naming the
// entry.
func LoadTokens(r io.Reader) (*Tokens, error) {
	var doc struct {
		Tokens []Token `yaml:"tokens"`
	}
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("reading tokens file: %w", err)
	}
	return NewTokens(doc.Tokens)
}

// NewTokens validates and indexes tokens.
func NewTokens(ts []Token) (*Tokens, error) {
	out := &Tokens{}
	seen := map[string]bool{}
	for i, t := range ts {
		if t.Source == "" {
			return nil, fmt.Errorf("tokens[%d]: source is empty", i)
		}
		if !hexSHA.MatchString(t.SHA256) {
			return nil, fmt.Errorf("tokens[%d] (%s): sha256 must be 64 lowercase hex digits (use `wardpulse hash-token`)", i, t.Source)
		}
		if seen[t.SHA256] {
			return nil, fmt.Errorf("tokens[%d] (%s): the same token hash is listed twice", i, t.Source)
		}
		seen[t.SHA256] = true
		var e tokenEntry
		b, _ := hex.DecodeString(t.SHA256)
		copy(e.sum[:], b)
		e.source = t.Source
		out.list = append(out.list, e)
	}
	if len(out.list) == 0 {
		return nil, errors.New("no tokens configured: every request would be refused")
	}
	return out, nil
}

// HashToken returns the hex SHA-256 of a token, as the tokens file stores it.
func HashToken(token string) string {
	s := sha256.Sum256([]byte(token))
	return hex.EncodeToString(s[:])
}

// Source returns the source a token belongs to. Every entry is compared in
// constant time so timing does not reveal which hash matched.
func (t *Tokens) Source(token string) (string, bool) {
	sum := sha256.Sum256([]byte(token))
	found := ""
	for _, e := range t.list {
		if subtle.ConstantTimeCompare(sum[:], e.sum[:]) == 1 {
			found = e.source
		}
	}
	return found, found != ""
}

// Len is the number of tokens: ingest refuses to start with none.
func (t *Tokens) Len() int { return len(t.list) }
