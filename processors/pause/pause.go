// Package pause signs and verifies the pause requests that `wardpulse
// replay` writes to pipeline_state, so that only a holder of the shared
// secret can stop the processors: before, any ClickHouse writer could insert
// one row and stop all processing while readiness said ready.
//
// A request is the value of the chsink.StateKeyPause key:
//
//	v1.<token>.<unix milliseconds>.<base64url HMAC-SHA256>
//
// The MAC covers the key name, the table generation the pause applies to
// (the live one when the replay asked), the token (the replay's id, which
// becomes the next generation) and the time. A request is valid only for
// the generation it names and for MaxAge after it was made, so a copied row
// cannot pause the processors again after its replay finished.
package pause

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/wardpulse/wardpulse/processors/chsink"
)

// Errors Verify returns; each is also a metric label (Reason).
var (
	// ErrUnsigned is returned for a value not in the signed format.
	ErrUnsigned = errors.New("pause request is not signed")
	// ErrBadSignature is returned when the MAC does not match: another
	// secret, another generation, or an edited token or time.
	ErrBadSignature = errors.New("pause request signature does not match")
	// ErrExpired is returned for a request older than the maximum age or
	// dated in the future beyond the allowed skew.
	ErrExpired = errors.New("pause request is expired or from the future")
)

// Reason names err for a metric label: unsigned, bad_signature, expired.
func Reason(err error) string {
	switch {
	case errors.Is(err, ErrUnsigned):
		return "unsigned"
	case errors.Is(err, ErrBadSignature):
		return "bad_signature"
	case errors.Is(err, ErrExpired):
		return "expired"
	}
	return "other"
}

// MinSecret is the shortest secret accepted, in bytes.
const MinSecret = 16

// Key signs and verifies pause requests. It is safe for concurrent use.
type Key struct{ secret []byte }

// NewKey returns a key for secret (at least MinSecret bytes, surrounding
// white space ignored).
func NewKey(secret string) (*Key, error) {
	s := strings.TrimSpace(secret)
	if len(s) < MinSecret {
		return nil, fmt.Errorf("pause secret has %d bytes; at least %d are required", len(s), MinSecret)
	}
	return &Key{secret: []byte(s)}, nil
}

// Request is a verified pause request.
type Request struct {
	Token      string    // the replay's id: the generation its swap will create
	Generation string    // the generation the pause applies to
	At         time.Time // when the replay asked
}

func (k *Key) mac(generation, token string, ms int64) []byte {
	h := hmac.New(sha256.New, k.secret)
	for _, part := range []string{"wardpulse-pause-v1", chsink.StateKeyPause, generation, token, strconv.FormatInt(ms, 10)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return h.Sum(nil)
}

// Sign returns the value of the chsink.StateKeyPause key asking the processors of
// generation to pause for the replay token.
func (k *Key) Sign(generation, token string, at time.Time) string {
	ms := at.UnixMilli()
	return "v1." + token + "." + strconv.FormatInt(ms, 10) + "." + base64.RawURLEncoding.EncodeToString(k.mac(generation, token, ms))
}

// Verify checks value against generation (the live one) at now. A request
// is accepted from maxAge before now up to a minute after (clock skew).
func (k *Key) Verify(value, generation string, now time.Time, maxAge time.Duration) (Request, error) {
	token, ms, sig, ok := parse(value)
	if !ok {
		return Request{}, ErrUnsigned
	}
	want := k.mac(generation, token, ms)
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(got, want) {
		return Request{}, ErrBadSignature
	}
	at := time.UnixMilli(ms)
	if at.Before(now.Add(-maxAge)) || at.After(now.Add(time.Minute)) {
		return Request{}, fmt.Errorf("%w: made %s", ErrExpired, at.UTC().Format(time.RFC3339))
	}
	return Request{Token: token, Generation: generation, At: at}, nil
}

// Token returns the token of a value in the signed format, without
// verifying it ("" when the value is not in that format).
func Token(value string) string {
	t, _, _, _ := parse(value)
	return t
}

func parse(value string) (token string, ms int64, sig string, ok bool) {
	parts := strings.Split(value, ".")
	if len(parts) != 4 || parts[0] != "v1" || parts[1] == "" {
		return "", 0, "", false
	}
	ms, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil {
		return "", 0, "", false
	}
	return parts[1], ms, parts[3], true
}
