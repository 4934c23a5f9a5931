package schemas_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/schemas"
)

// TestDecodeRefusesWhatJSONWouldHide pins that input encoding/json would
// silently change (bad UTF-8 becomes U+FFFD, a repeated key keeps its last
// value) is refused, naming the field.
func TestDecodeRefusesWhatJSONWouldHide(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	tests := []struct {
		name, in, field, reason string
	}{
		{"bad utf-8 in text", "{\"type\":\"concern\",\"schema_version\":1,\"date\":\"2019-12-10\",\"ward\":\"x\",\"concern\":{\"text\":\"bikes \xff on the field\"}}",
			"concern.text", "invalid UTF-8 at byte 93"},
		{"bad utf-8 in a theme", "{\"type\":\"concern\",\"schema_version\":1,\"date\":\"2019-12-10\",\"ward\":\"x\",\"themes\":[\"drugs\",\"sp\xc3eed\"],\"concern\":{\"text\":\"t\"}}",
			"themes.1", "invalid UTF-8"},
		{"bad utf-8 in a key", "{\"type\":\"concern\",\"schema_version\":1,\"date\":\"2019-12-10\",\"ward\":\"x\",\"concern\":{\"te\xe2xt\":\"t\"}}",
			"concern", "a key holds invalid UTF-8"},
		{"repeated top-level key", `{"type":"concern","schema_version":1,"date":"2019-12-10","ward":"x","ward":"y","concern":{"text":"t"}}`,
			"ward", `key "ward" is given twice`},
		{"repeated nested key", `{"type":"concern","schema_version":1,"date":"2019-12-10","ward":"x","concern":{"text":"a","text":"b"}}`,
			"concern.text", `key "text" is given twice`},
		{"repeated key inside an array element", `{"type":"concern","schema_version":1,"date":"2019-12-10","ward":"x","themes":[{"a":1,"a":2}],"concern":{"text":"t"}}`,
			"themes.0.a", `key "a" is given twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := v.Decode([]byte(tt.in))
			var ie *schemas.InvalidEventError
			require.ErrorAs(t, err, &ie)
			require.Len(t, ie.Fields, 1, ie.Error())
			require.Equal(t, tt.field, ie.Fields[0].Field, ie.Error())
			require.Contains(t, ie.Fields[0].Reason, tt.reason)
		})
	}
	// The same keys in other objects are not repeats.
	_, err = v.Decode([]byte(`{"type":"concern","schema_version":1,"date":"2019-12-10","ward":"x","source":{"document":"d"},"concern":{"text":"t"}}`))
	require.NoError(t, err)
}

// TestContentHash pins what counts as the same event: the canonical
// content, whatever the sender's key order, spacing, escapes or time zone,
// and without recorded_at.
func TestContentHash(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	const base = `{"event_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","type":"concern","schema_version":1,"occurred_at":"2024-02-20T19:00:00Z","ward":"Grangetown","concern":{"text":"bikes on the field"}}`
	tests := []struct {
		name, in string
		same     bool
	}{
		{"identical", base, true},
		{"key order and spacing", `{ "concern" : { "text" : "bikes on the field" } , "ward":"Grangetown", "type":"concern",
			"schema_version":1, "occurred_at":"2024-02-20T19:00:00Z", "event_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001" }`, true},
		{"escapes", `{"event_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","type":"concern","schema_version":1,"occurred_at":"2024-02-20T19:00:00Z","ward":"Grangetown","concern":{"text":"bikes on the \u0066ield"}}`, true},
		{"same instant, other zone", `{"event_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","type":"concern","schema_version":1,"occurred_at":"2024-02-20T20:00:00+01:00","ward":"Grangetown","concern":{"text":"bikes on the field"}}`, true},
		{"recorded_at differs", `{"event_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","type":"concern","schema_version":1,"occurred_at":"2024-02-20T19:00:00Z","recorded_at":"2024-03-01T00:00:00Z","ward":"Grangetown","concern":{"text":"bikes on the field"}}`, true},
		{"other text", `{"event_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","type":"concern","schema_version":1,"occurred_at":"2024-02-20T19:00:00Z","ward":"Grangetown","concern":{"text":"cars on the field"}}`, false},
		{"other time", `{"event_id":"0b8e2a52-5f0c-4b0e-9a51-1d7a3c1c0001","type":"concern","schema_version":1,"occurred_at":"2024-02-20T19:00:01Z","ward":"Grangetown","concern":{"text":"bikes on the field"}}`, false},
	}
	hash := func(s string) uint64 {
		ev, err := v.Decode([]byte(s))
		require.NoError(t, err)
		h, err := ev.ContentHash()
		require.NoError(t, err)
		return h
	}
	want := hash(base)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.same, hash(tt.in) == want)
		})
	}
}
