package dashboards

import (
	"github.com/wardpulse/wardpulse/processors/classify"
	"github.com/wardpulse/wardpulse/processors/gazetteer"
)

// Generator builds the dashboards from the taxonomy (theme ids and labels)
// and the gazetteer (wards with their boundary periods). It holds no other
// state; All is deterministic for given inputs, which the drift test relies on.
type Generator struct {
	themes *classify.Taxonomy
	gaz    *gazetteer.Gazetteer
}

// New returns a generator over a taxonomy and a gazetteer.
func New(themes *classify.Taxonomy, gaz *gazetteer.Gazetteer) *Generator {
	return &Generator{themes: themes, gaz: gaz}
}

// Default is the generator over the embedded taxonomy and gazetteer: the
// one the committed JSON is generated with.
func Default() *Generator { return New(classify.Default(), gazetteer.Default()) }

// All returns every dashboard, in a fixed order.
func (g *Generator) All() []Dashboard {
	return []Dashboard{
		g.overview(),
		g.wardDrillDown(),
		g.themeAcrossWards(),
		g.engagement(),
		g.alertsDashboard(),
		g.pipeline(),
	}
}

// grid lays panels out left to right, wrapping at Grafana's 24 columns,
// and numbers them, so ids are unique and positions never overlap by
// construction (the validity test checks it anyway).
type grid struct {
	panels   []Panel
	x, y, rh int
}

func (l *grid) add(w, h int, p Panel) {
	if l.x+w > 24 {
		l.x, l.y, l.rh = 0, l.y+l.rh, 0
	}
	p.ID = len(l.panels) + 1
	p.GridPos = GridPos{H: h, W: w, X: l.x, Y: l.y}
	l.panels = append(l.panels, p)
	l.x += w
	if h > l.rh {
		l.rh = h
	}
}

// row starts a new full-width row with a title.
func (l *grid) row(title string) {
	if l.x > 0 {
		l.x, l.y, l.rh = 0, l.y+l.rh, 0
	}
	collapsed := false
	l.add(24, 1, Panel{Type: "row", Title: title, Collapsed: &collapsed, Panels: []Panel{}})
	l.x, l.y, l.rh = 0, l.y+1, 0
}

func intp(i int) *int { return &i }

// chTarget is a ClickHouse SQL-editor query. format follows sqlutil's
// FormatQueryOption, which the plugin's backend reads: 0 time series, 1 table.
func chTarget(sql string, shape Shape) Target {
	t := Target{RefID: "A", Datasource: ClickHouseRef(), EditorType: "sql", RawSQL: sql, Shape: shape}
	if shape == ShapeTimeSeries {
		t.QueryType, t.Format = "timeseries", intp(0)
	} else {
		t.QueryType, t.Format = "table", intp(1)
	}
	return t
}

// labelled sets the series name to the label columns' values, so a long
// frame (time, Theme, concerns) shows "Drugs" rather than
// `concerns {Theme="Drugs"}`.
func labelled(label string) *FieldConfig {
	return &FieldConfig{Defaults: map[string]any{
		"displayName": "${__field.labels." + label + "}",
		"custom":      map[string]any{"drawStyle": "line", "lineWidth": 2, "fillOpacity": 0, "showPoints": "auto", "spanNulls": false},
		"unit":        "none",
		"decimals":    0,
	}, Overrides: []any{}}
}

func timeseries(title, desc, sql string, fc *FieldConfig) Panel {
	if fc == nil {
		fc = &FieldConfig{Defaults: map[string]any{"unit": "none", "decimals": 0}, Overrides: []any{}}
	}
	return Panel{Type: "timeseries", Title: title, Description: desc, Datasource: ClickHouseRef(),
		Targets: []Target{chTarget(sql, ShapeTimeSeries)}, FieldConfig: fc,
		Options: map[string]any{
			"legend":  map[string]any{"displayMode": "table", "placement": "right", "showLegend": true, "calcs": []string{"sum"}},
			"tooltip": map[string]any{"mode": "multi", "sort": "desc"},
		}}
}

func bars(title, desc, sql string, label string) Panel {
	fc := labelled(label)
	fc.Defaults["custom"] = map[string]any{"drawStyle": "bars", "fillOpacity": 80, "stacking": map[string]any{"mode": "normal", "group": "A"}, "lineWidth": 1}
	p := timeseries(title, desc, sql, fc)
	return p
}

func table(title, desc, sql string) Panel {
	return Panel{Type: "table", Title: title, Description: desc, Datasource: ClickHouseRef(),
		Targets:     []Target{chTarget(sql, ShapeTable)},
		FieldConfig: &FieldConfig{Defaults: map[string]any{"custom": map[string]any{"align": "auto", "cellOptions": map[string]any{"type": "auto"}}}, Overrides: []any{}},
		Options:     map[string]any{"showHeader": true, "cellHeight": "sm", "footer": map[string]any{"show": false, "reducer": []string{"sum"}}}}
}

func stat(title, desc, sql string) Panel {
	return Panel{Type: "stat", Title: title, Description: desc, Datasource: ClickHouseRef(),
		Targets:     []Target{chTarget(sql, ShapeStat)},
		FieldConfig: &FieldConfig{Defaults: map[string]any{"unit": "none", "decimals": 0, "color": map[string]any{"mode": "fixed", "fixedColor": "text"}}, Overrides: []any{}},
		Options: map[string]any{"reduceOptions": map[string]any{"calcs": []string{"lastNotNull"}, "fields": "", "values": false},
			"colorMode": "none", "graphMode": "none", "textMode": "value_and_name", "justifyMode": "auto"}}
}

func text(content string) Panel {
	return Panel{Type: "text", Title: "", Options: map[string]any{"mode": "markdown", "content": content}}
}

// promPanel is a Prometheus time series; each expr is one query.
func promPanel(title, desc, unit string, exprs ...[2]string) Panel {
	p := Panel{Type: "timeseries", Title: title, Description: desc, Datasource: PrometheusRef(),
		FieldConfig: &FieldConfig{Defaults: map[string]any{"unit": unit}, Overrides: []any{}},
		Options:     map[string]any{"legend": map[string]any{"displayMode": "list", "placement": "bottom", "showLegend": true}, "tooltip": map[string]any{"mode": "multi", "sort": "none"}}}
	for i, e := range exprs {
		p.Targets = append(p.Targets, Target{RefID: string(rune('A' + i)), Datasource: PrometheusRef(), Expr: e[0], LegendFormat: e[1], Range: true})
	}
	return p
}

// bucketVar lets the reader choose the time bucket: its value is a
// ClickHouse function name used as $bucket(day). This replaces the plugin's
// $__timeInterval, which expands to toStartOfInterval (absent on 18.16).
func bucketVar() Variable {
	opts := []Option{{"Week", "toMonday", false}, {"Month", "toStartOfMonth", true}, {"Quarter", "toStartOfQuarter", false}}
	return Variable{Name: "bucket", Label: "Bucket", Type: "custom",
		Description: "Time bucket of the trend panels: week (Monday), month or quarter.",
		Query:       "Week : toMonday,Month : toStartOfMonth,Quarter : toStartOfQuarter",
		Current:     &Current{Text: "Month", Value: "toStartOfMonth"}, Options: opts, Default: []string{"toStartOfMonth"}}
}

// queryVar is a ClickHouse query variable. The plugin's metricFindQuery
// takes the first column as the value and the second as the text.
func queryVar(name, label, sql string, multi bool, def ...string) Variable {
	v := Variable{Name: name, Label: label, Type: "query", Datasource: ClickHouseRef(), Query: sql, Definition: sql,
		Refresh: 1, Multi: multi, IncludeAll: multi, Options: []Option{}, Default: def}
	if multi {
		v.Current = &Current{Text: []string{"All"}, Value: []string{"$__all"}}
	}
	return v
}

func base(uid, title, desc string, vars []Variable, ann []Annotation, panels []Panel) Dashboard {
	list := []Annotation{{Name: "Annotations & Alerts", BuiltIn: 1, Type: "dashboard", Enable: true, Hide: true,
		IconColor: "rgba(0, 211, 255, 1)", Datasource: &DataSourceRef{Type: "grafana", UID: "-- Grafana --"}}}
	list = append(list, ann...)
	if vars == nil {
		vars = []Variable{}
	}
	return Dashboard{UID: uid, Title: title, Description: desc, Tags: []string{"wardpulse"}, Timezone: "utc",
		Editable: true, GraphTooltip: 1, SchemaVersion: 39, Time: TimeRange{From: "now-3y", To: "now"},
		Links:       []Link{{Title: "wardpulse", Type: "dashboards", Tags: []string{"wardpulse"}, AsDropdown: true, IncludeVars: false, KeepTime: true}},
		Annotations: Annotations{List: list}, Templating: Templating{List: vars}, Panels: panels}
}
