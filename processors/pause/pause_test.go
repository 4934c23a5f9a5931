package pause_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/pause"
)

func TestVerify(t *testing.T) {
	now := time.Date(2026, 12, 4, 15, 0, 0, 0, time.UTC)
	k, err := pause.NewKey("0123456789abcdef-secret")
	require.NoError(t, err)
	other, err := pause.NewKey("another secret of enough bytes")
	require.NoError(t, err)
	good := k.Sign("gen-1", "tok-2", now)
	for _, tc := range []struct {
		name, value, gen string
		at               time.Time
		want             error
	}{
		{"signed", good, "gen-1", now, nil},
		{"a forged row", "9b2c2f0e-1f6a-4bb3-a0c5-7d8d2cb1f0a1", "gen-1", now, pause.ErrUnsigned},
		{"empty", "", "gen-1", now, pause.ErrUnsigned},
		{"other secret", other.Sign("gen-1", "tok-2", now), "gen-1", now, pause.ErrBadSignature},
		{"other generation (a copied row after its swap)", good, "gen-2", now, pause.ErrBadSignature},
		{"edited token", "v1.tok-3" + good[len("v1.tok-2"):], "gen-1", now, pause.ErrBadSignature},
		{"too old", good, "gen-1", now.Add(2 * time.Hour), pause.ErrExpired},
		{"from the future", good, "gen-1", now.Add(-2 * time.Minute), pause.ErrExpired},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := k.Verify(tc.value, tc.gen, tc.at, time.Hour)
			if tc.want != nil {
				require.ErrorIs(t, err, tc.want)
				return
			}
			require.NoError(t, err)
			require.Equal(t, pause.Request{Token: "tok-2", Generation: "gen-1", At: time.UnixMilli(now.UnixMilli())}, req)
		})
	}
	_, err = pause.NewKey("short")
	require.Error(t, err)
	require.Equal(t, "tok-2", pause.Token(good))
	require.Equal(t, "bad_signature", pause.Reason(pause.ErrBadSignature))
}
