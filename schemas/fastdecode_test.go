package schemas_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/ingest/demo"
	"github.com/wardpulse/wardpulse/schemas"
)

// agree checks the fast path's one promise: what it accepts, the schema
// accepts, decoded to the same Event.
func agree(t testing.TB, v *schemas.Validator, raw []byte) (fast bool) {
	t.Helper()
	fev, ok := v.DecodeFast(raw)
	if !ok {
		return false
	}
	sev, err := v.DecodeSlow(raw)
	if err != nil {
		t.Fatalf("fast path accepted what the schema refuses (%v):\n%s", err, raw)
	}
	if !equalEvents(fev, sev) {
		t.Fatalf("fast and schema paths decode differently:\n%s\nfast:   %+v\nschema: %+v", raw, fev, sev)
	}
	return true
}

func equalEvents(a, b *schemas.Event) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		return false
	}
	sameTime := func(x, y *time.Time) bool {
		return (x == nil) == (y == nil) && (x == nil || x.Equal(*y) && x.Location().String() == y.Location().String())
	}
	return sameTime(a.OccurredAt, b.OccurredAt) && sameTime(a.RecordedAt, b.RecordedAt) &&
		(a.Themes == nil) == (b.Themes == nil)
}

func demoEvents(t testing.TB, n int) [][]byte {
	t.Helper()
	evs, err := demo.Events(demo.Config{Seed: 7, From: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC),
		Now: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	var out [][]byte
	for i := range evs {
		if len(out) == n {
			break
		}
		b, err := evs[i].Marshal()
		require.NoError(t, err)
		out = append(out, b)
	}
	return out
}

// TestFastDecodeTakesRealEvents: the fast path must actually be the path
// real events take, or it buys nothing.
func TestFastDecodeTakesRealEvents(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	evs := demoEvents(t, 3000)
	require.NotEmpty(t, evs)
	for _, raw := range evs {
		require.True(t, agree(t, v, raw), "a generated event missed the fast path:\n%s", raw)
	}
}

// mutations are values that probe every rule of event.v1.json.
var mutations = []any{
	nil, "", "x", 0, 1, -1, 1.0, 1.5, 1e2, true, []any{}, map[string]any{}, []any{"speeding"}, []any{"speeding", "speeding"},
	[]any{"Bad"}, []any{"a-b"}, []any{""}, []any{1}, make33(),
	"2025-01-01", "2025-1-01", "2025-02-30", "2025-01-01T00:00:00Z", "2025-01-01t00:00:00z", "2025-01-01T24:00:00Z",
	"2025-01-01T00:00:60Z", "2025-02-30T00:00:00Z", "2025-01-01T00:00:00.1234567890Z", "2025-01-01T00:00:00.5+01:00",
	"2025-01-01T00:00:00+1:00", "2025-01-01 00:00:00Z", "2025-01-01T00:00:00", "2025-01-01T00:00:00+24:00", "0000-01-01T00:00:00Z",
	"8c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f", "8C3A7F0E-2B1D-4C55-9E6F-1A2B3C4D5E6F", "8c3a7f0e2b1d4c559e6f1a2b3c4d5e6f",
	"8c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6g", "{8c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f}",
	"E05000001", "e05000001", "E0500000", "E050000012", "E06000003", "E10000003", "E05A00001",
	"meeting", "concern", "withdrawal", "community_meeting", "board", "forum", "event", "partner_meeting",
	strings.Repeat("é", 200), strings.Repeat("é", 201), strings.Repeat("a", 500), strings.Repeat("a", 501),
	strings.Repeat("a", 2000), strings.Repeat("a", 2001), strings.Repeat("a", 20001), "tab\there", "nul\x00", "<&>\u2028",
	100000, 100001, 1 << 40,
	map[string]any{"kind": "board"}, map[string]any{"text": "Speeding"}, map[string]any{"reason": "duplicate"},
	map[string]any{"name": "x", "document": "d", "paragraph": 3, "line": 0}, map[string]any{"kind": "board", "extra": 1},
}

func make33() []any {
	out := make([]any, 33)
	for i := range out {
		out[i] = fmt.Sprintf("t%d", i)
	}
	return out
}

// variants returns the event with each member (and each member of its
// nested objects) removed, or replaced by each mutation, plus an unknown key.
func variants(raw []byte) [][]byte {
	var base map[string]any
	if err := json.Unmarshal(raw, &base); err != nil {
		panic(err)
	}
	var out [][]byte
	emit := func(m map[string]any) {
		b, _ := json.Marshal(m)
		out = append(out, b)
	}
	keys := []string{"event_id", "type", "schema_version", "occurred_at", "date", "recorded_at", "source", "ward", "place",
		"ward_code", "lad_code", "themes", "supersedes", "meeting", "concern", "withdrawal", "unknown", "Type"}
	for _, k := range keys {
		m := clone(base)
		delete(m, k)
		emit(m)
		for _, val := range mutations {
			m := clone(base)
			m[k] = val
			emit(m)
		}
	}
	for _, body := range []string{"meeting", "concern", "source"} {
		inner, ok := base[body].(map[string]any)
		if !ok {
			continue
		}
		for _, k := range []string{"kind", "title", "location", "attendance", "meeting_id", "text", "action", "name", "document", "paragraph", "line", "unknown"} {
			for _, val := range append(mutations, "__delete__") {
				m := clone(base)
				in := clone(inner)
				if val == "__delete__" {
					delete(in, k)
				} else {
					in[k] = val
				}
				m[body] = in
				emit(m)
			}
		}
	}
	// Raw edits JSON re-encoding cannot make.
	s := string(raw)
	for _, edit := range [][2]string{
		{`"type":`, `"Type":`}, {`"type":`, `"type":"meeting","type":`}, {`{"`, `{"type":"concern","`},
		{`"schema_version":1`, `"schema_version":1.0`}, {`"schema_version":1`, `"schema_version":01`}, {`"schema_version":1`, `"schema_version":1e0`},
		{`"text":"`, `"text":"\u0041\n`}, {`"text":"`, `"text":"\ud83d\ude00`}, {`"text":"`, `"text":"\ud83d`}, {`"text":"`, `"text":"\x41`},
		{`"text":"`, "\"text\":\"\t"}, {`"text":"`, "\"text\":\"\xff"}, {`"text":"`, `"text":"\/\"\\\b\f\r\t`},
		{`"ty`, `"t\u0079`}, {`:`, ` : `}, {`}`, `} `}, {`}`, `}x`}, {`{`, `[{`},
	} {
		if strings.Contains(s, edit[0]) {
			out = append(out, []byte(strings.Replace(s, edit[0], edit[1], 1)))
		}
	}
	return out
}

func clone(m map[string]any) map[string]any {
	c := make(map[string]any, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// TestFastDecodeAgreesWithSchema runs thousands of near-valid events
// through both paths.
func TestFastDecodeAgreesWithSchema(t *testing.T) {
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	var bases [][]byte
	seenType := map[string]bool{}
	for _, raw := range demoEvents(t, 2000) {
		var e struct{ Type string }
		_ = json.Unmarshal(raw, &e)
		if !seenType[e.Type] || len(bases) < 6 {
			seenType[e.Type] = true
			bases = append(bases, raw)
		}
	}
	bases = append(bases,
		[]byte(`{"event_id":"8c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","type":"withdrawal","schema_version":1,"date":"2024-03-01","ward":"Eston","supersedes":"9c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","withdrawal":{"reason":"entered twice"}}`),
		[]byte(`{"type":"concern","schema_version":1,"date":"2024-03-01","place":"","themes":["speeding"],"supersedes":"9c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","source":{"document":"x.md","paragraph":4},"concern":{"text":"Cars racing","action":"","meeting_id":"7c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f"}}`),
		[]byte(`{"type":"meeting","schema_version":1,"occurred_at":"2024-03-01T18:30:00.25+01:00","lad_code":"E06000003","meeting":{"kind":"forum","attendance":0,"title":"","location":"Hall"}}`),
		[]byte(`{"event_id":"5c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","type":"action","schema_version":1,"occurred_at":"2024-03-04T09:00:00Z","source":{"name":"staff"},"action":{"concern_id":"9c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","by":"partnership","text":"Joint patrol with the council's wardens"}}`),
		[]byte(`{"type":"outcome","schema_version":1,"date":"2024-04-01","supersedes":"4c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","outcome":{"concern_id":"9c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","status":"referred","note":""}}`),
		[]byte(`{"type":"withdrawal","schema_version":1,"date":"2024-04-02","supersedes":"4c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f"}`),
	)
	var total, fast, slowOK int
	for _, b := range bases {
		require.True(t, agree(t, v, b), "base event should take the fast path:\n%s", b)
		for _, raw := range variants(b) {
			total++
			if agree(t, v, raw) {
				fast++
			} else if _, err := v.DecodeSlow(raw); err == nil {
				slowOK++
			}
		}
	}
	t.Logf("%d variants: %d accepted by the fast path, %d more only by the schema (they take the slow path)", total, fast, slowOK)
	require.Greater(t, total, 5000)
	require.Greater(t, fast, total/20, "the fast path should accept the valid variants")
}

// FuzzFastDecode looks for an input the fast path accepts and the schema
// refuses or decodes differently: go test -fuzz FuzzFastDecode ./schemas
func FuzzFastDecode(f *testing.F) {
	for _, raw := range demoEvents(f, 50) {
		f.Add(raw)
	}
	for _, raw := range followUpSeeds {
		f.Add([]byte(raw))
	}
	v, err := schemas.NewValidator()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, raw []byte) { agree(t, v, raw) })
}

// BenchmarkDecode compares the fast path with the schema path on generated
// events: go test -bench Decode -run '^$' ./schemas
func BenchmarkDecode(b *testing.B) {
	v, err := schemas.NewValidator()
	require.NoError(b, err)
	evs := demoEvents(b, 1000)
	for _, bc := range []struct {
		name string
		f    func([]byte)
	}{
		{"fast", func(raw []byte) { _, _ = v.Decode(raw) }},
		{"schema", func(raw []byte) { _, _ = v.DecodeSlow(raw) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				bc.f(evs[i%len(evs)])
			}
		})
	}
}

// followUpSeeds start the fuzzer on follow-ups, including the rules only
// they have (no place, no themes, one body).
var followUpSeeds = []string{
	`{"type":"action","schema_version":1,"date":"2024-03-04","action":{"concern_id":"9c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","by":"police","text":"Patrols"}}`,
	`{"type":"action","schema_version":1,"date":"2024-03-04","ward":"Eston","action":{"concern_id":"9c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","by":"police","text":"Patrols"}}`,
	`{"type":"outcome","schema_version":1,"date":"2024-03-04","outcome":{"concern_id":"9c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","status":"ongoing","note":"Under review"}}`,
	`{"type":"outcome","schema_version":1,"date":"2024-03-04","outcome":{"concern_id":"9c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","status":"ongoing"},"action":{"concern_id":"9c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f","by":"council","text":"x"}}`,
	`{"type":"withdrawal","schema_version":1,"date":"2024-03-04","supersedes":"9c3a7f0e-2b1d-4c55-9e6f-1a2b3c4d5e6f"}`,
}
