package schemacheck

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseReadsTscDiagnostics(t *testing.T) {
	out := "/tmp/schemacheck-1/overview.ts(12,5): error TS2322: Type 'string' is not assignable to type 'boolean'.\n" +
		"  The expected type comes from property 'multi'.\n" +
		"ward.ts(3,1): error TS2353: Object literal may only specify known properties, and '\"x\"' does not exist.\n" +
		"Found 2 errors in 2 files.\n"
	got := parse("/tmp/schemacheck-1", []byte(out))
	require.Equal(t, []Diagnostic{
		{File: "overview", Line: 12, Col: 5, Message: "TS2322: Type 'string' is not assignable to type 'boolean'.\nThe expected type comes from property 'multi'."},
		{File: "ward", Line: 3, Col: 1, Message: "TS2353: Object literal may only specify known properties, and '\"x\"' does not exist."},
	}, got)
}

func TestModuleTypesEachPanelByItsType(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		err      string
	}{
		{"panels", `{"title": "x", "panels": [{"type": "stat"}, {"type": "a\"b"}]}`,
			[]string{"export const dashboard: V0Dashboard = {", `export const panel0: Panels["stat"] = {"type": "stat"};`, `export const panel1: Panels["a\"b"] = {"type": "a\"b"};`}, ""},
		{"no panels", `{"title": "x"}`, []string{"export const dashboard: V0Dashboard = "}, ""},
		{"not JSON", `{"title"`, nil, "reading dashboard JSON"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Module([]byte(tc.in))
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			for _, w := range tc.want {
				require.Contains(t, string(m), w)
			}
			require.Equal(t, len(tc.want)-1, strings.Count(string(m), "export const panel"))
		})
	}
}

func TestPinsAreExact(t *testing.T) {
	pins, err := Pins()
	require.NoError(t, err)
	require.Contains(t, pins, "@grafana/schema")
	require.Contains(t, pins, "typescript")
	for name, v := range pins {
		require.Regexp(t, `^\d+\.\d+\.\d+$`, v, "%s must be pinned to an exact version", name)
	}
}
