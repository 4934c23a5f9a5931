package dashboards_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/dashboards"
	"github.com/wardpulse/wardpulse/dashboards/internal/schemacheck"
)

// checker is the schema checker over the npm packages `make setup`
// installs; without Node.js or the pinned packages the test fails saying so.
func checker(t *testing.T) *schemacheck.Checker {
	t.Helper()
	dir, err := schemacheck.DefaultDir()
	require.NoError(t, err)
	c, err := schemacheck.New(dir)
	require.NoError(t, err, "the dashboard schema check needs Node.js and the npm packages pinned in dashboards/internal/schemacheck/package.json")
	return c
}

func rendered(t *testing.T) map[string][]byte {
	t.Helper()
	ds, err := dashboards.Default().All()
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, d := range ds {
		b, err := dashboards.Render(d)
		require.NoError(t, err)
		out[strings.TrimSuffix(dashboards.FileName(d), ".json")] = b
	}
	return out
}

func joined(ds []schemacheck.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// TestDashboardsMatchGrafanaSchema compiles every generated dashboard as a
// literal of Grafana's published types (@grafana/schema's v0 Dashboard, and
// each panel's options and custom field config against its panel plugin's
// types) with tsc: an unknown or misspelt field, a wrong type or a value
// outside an enum fails here rather than in a Grafana.
func TestDashboardsMatchGrafanaSchema(t *testing.T) {
	c := checker(t)
	diags, err := c.Check(context.Background(), rendered(t))
	require.NoError(t, err)
	require.Empty(t, diags, "the dashboards do not fit @grafana/schema:\n%s", joined(diags))
}

// TestSchemaCheckCatchesMistakes is the schema check's negative test: each
// case makes one deliberate mistake in a copy of the overview dashboard,
// and tsc must reject that copy, naming the mistake, while the unchanged
// copy compiled in the same run passes.
func TestSchemaCheckCatchesMistakes(t *testing.T) {
	c := checker(t)
	overview := rendered(t)["overview"]
	panel := func(d map[string]any, typ string) map[string]any {
		for _, p := range d["panels"].([]any) {
			if p := p.(map[string]any); p["type"] == typ {
				return p
			}
		}
		t.Fatalf("the overview has no %s panel", typ)
		return nil
	}
	cases := []struct {
		name, want string
		mistake    func(d map[string]any)
	}{
		{"unknown dashboard field", "timeZone", func(d map[string]any) { d["timeZone"] = "utc" }},
		{"wrong type", "not assignable to type 'boolean'", func(d map[string]any) {
			d["templating"].(map[string]any)["list"].([]any)[0].(map[string]any)["multi"] = "no"
		}},
		{"misspelt legend option", "placment", func(d map[string]any) {
			panel(d, "timeseries")["options"].(map[string]any)["legend"].(map[string]any)["placment"] = "right"
		}},
		{"value outside an enum", `"rainbow"`, func(d map[string]any) {
			panel(d, "stat")["options"].(map[string]any)["colorMode"] = "rainbow"
		}},
		{"misspelt query field", "rawSQL", func(d map[string]any) {
			q := panel(d, "timeseries")["targets"].([]any)[0].(map[string]any)
			q["rawSQL"] = q["rawSql"]
			delete(q, "rawSql")
		}},
		{"unknown panel type", "'timeserie' does not exist", func(d map[string]any) { panel(d, "timeseries")["type"] = "timeserie" }},
		{"misspelt variable field", "inclueAll", func(d map[string]any) {
			d["templating"].(map[string]any)["list"].([]any)[0].(map[string]any)["inclueAll"] = false
		}},
		{"misspelt annotation query field", "rawsql", func(d map[string]any) {
			a := d["annotations"].(map[string]any)["list"].([]any)[1].(map[string]any)["target"].(map[string]any)
			a["rawsql"] = a["rawSql"]
			delete(a, "rawSql")
		}},
		{"misspelt custom field config", "fillOpacty", func(d map[string]any) {
			panel(d, "timeseries")["fieldConfig"].(map[string]any)["defaults"].(map[string]any)["custom"].(map[string]any)["fillOpacty"] = 10
		}},
	}
	in := map[string][]byte{"control": overview}
	module := map[string]string{}
	for i, tc := range cases {
		var d map[string]any
		require.NoError(t, json.Unmarshal(overview, &d))
		tc.mistake(d)
		b, err := json.MarshalIndent(d, "", "  ")
		require.NoError(t, err)
		name := "mistake" + string(rune('a'+i))
		in[name], module[tc.name] = b, name
	}
	diags, err := c.Check(context.Background(), in)
	require.NoError(t, err)
	byModule := map[string][]schemacheck.Diagnostic{}
	for _, d := range diags {
		byModule[d.File] = append(byModule[d.File], d)
	}
	require.Empty(t, byModule["control"], "the unchanged overview must pass:\n%s", joined(byModule["control"]))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := byModule[module[tc.name]]
			require.NotEmpty(t, got, "tsc accepted the mistake")
			require.Contains(t, joined(got), tc.want, "tsc rejected the copy for another reason")
		})
	}
}
