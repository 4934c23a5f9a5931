package dashboards

import (
	"errors"
	"fmt"

	sdkbarchart "github.com/grafana/grafana-foundation-sdk/go/barchart"
	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
	"github.com/grafana/grafana-foundation-sdk/go/prometheus"
	sdkstat "github.com/grafana/grafana-foundation-sdk/go/stat"
	sdktable "github.com/grafana/grafana-foundation-sdk/go/table"
	sdktext "github.com/grafana/grafana-foundation-sdk/go/text"
	sdktimeseries "github.com/grafana/grafana-foundation-sdk/go/timeseries"

	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

// Generator builds the dashboards from the taxonomy (theme ids and labels)
// and the gazetteer (wards with their boundary periods). It holds no other
// state; All is deterministic for given inputs, which the drift test relies on.
type Generator struct {
	themes *taxonomy.Taxonomy
	gaz    *gazetteer.Gazetteer
}

// New returns a generator over a taxonomy and a gazetteer.
func New(themes *taxonomy.Taxonomy, gaz *gazetteer.Gazetteer) *Generator {
	return &Generator{themes: themes, gaz: gaz}
}

// Default is the generator over the embedded taxonomy and gazetteer: the
// one the committed JSON is generated with.
func Default() *Generator { return New(taxonomy.Default(), gazetteer.Default()) }

// All returns every dashboard, in a fixed order. An error is a builder's
// validation error (a bug in this package, caught by the tests).
func (g *Generator) All() ([]Dashboard, error) {
	var out []Dashboard
	for _, build := range []func() (Dashboard, error){
		g.overview, g.wardDrillDown, g.themeAcrossWards, g.engagement, g.alertsDashboard, g.pipeline, g.followUps,
	} {
		d, err := build()
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// grid lays panels out left to right, wrapping at Grafana's 24 columns
// before a panel would overflow, and numbers them, so ids are unique and
// positions never overlap by construction (the validity test checks it
// anyway). The SDK's DashboardBuilder.WithPanel places panels too, but
// wraps only after a row is full, so a panel that does not fit would hang
// past column 24; panels built here carry their position and id instead.
type grid struct {
	panels   []dashboard.PanelOrRowPanel
	errs     []error
	x, y, rh uint32
}

func (l *grid) add(w, h uint32, b cog.Builder[dashboard.Panel]) {
	p, err := b.Build()
	if err != nil {
		l.errs = append(l.errs, fmt.Errorf("panel %d: %w", len(l.panels)+1, err))
		return
	}
	if l.x+w > 24 {
		l.x, l.y, l.rh = 0, l.y+l.rh, 0
	}
	p.Id = ptr(uint32(len(l.panels) + 1))
	p.GridPos = &dashboard.GridPos{H: h, W: w, X: l.x, Y: l.y}
	// The builders set these to Grafana's defaults; the JSON leaves them
	// out, as Grafana's own editor does.
	p.Transparent, p.RepeatDirection = nil, nil
	l.panels = append(l.panels, dashboard.PanelOrRowPanel{Panel: &p})
	l.x += w
	if h > l.rh {
		l.rh = h
	}
}

// chTarget is a ClickHouse SQL-editor query, format 0 (time series) for
// ShapeTimeSeries and 1 (table) for everything else.
func chTarget(sql string, shape Shape) *ClickHouseQuery {
	ref := ClickHouseRef()
	q := &ClickHouseQuery{RefID: "A", Datasource: &ref, EditorType: "sql", RawSQL: sql, Shape: shape, QueryType: "table", Format: 1}
	if shape == ShapeTimeSeries {
		q.QueryType, q.Format = "timeseries", 0
	}
	return q
}

// style is how a labelled time series draws: the series name is the label
// column's value, so a long frame (time, Theme, concerns) shows "Drugs"
// rather than `concerns {Theme="Drugs"}`; lines of width 2 without fill, or
// stacked bars.
type style struct {
	label string
	bars  bool
}

// labelled is a line series named by the label column.
func labelled(label string) *style { return &style{label: label} }

// timeseries is a ClickHouse time series with a right-hand legend table
// summing each series; s nil keeps Grafana's default drawing.
func timeseries(title, desc, sql string, s *style) *sdktimeseries.PanelBuilder {
	b := sdktimeseries.NewPanelBuilder().Title(title).Description(desc).Datasource(ClickHouseRef()).
		WithTarget(chTarget(sql, ShapeTimeSeries)).
		Unit("none").Decimals(0).
		Legend(common.NewVizLegendOptionsBuilder().DisplayMode(common.LegendDisplayModeTable).
			Placement(common.LegendPlacementRight).ShowLegend(true).Calcs([]string{"sum"})).
		Tooltip(common.NewVizTooltipOptionsBuilder().Mode(common.TooltipDisplayModeMulti).Sort(common.SortOrderDescending))
	switch {
	case s == nil:
	case s.bars:
		b.DisplayName("${__field.labels." + s.label + "}").DrawStyle(common.GraphDrawStyleBars).FillOpacity(80).LineWidth(1).
			Stacking(common.NewStackingConfigBuilder().Mode(common.StackingModeNormal).Group("A"))
	default:
		b.DisplayName("${__field.labels." + s.label + "}").DrawStyle(common.GraphDrawStyleLine).LineWidth(2).FillOpacity(0).
			ShowPoints(common.VisibilityModeAuto).SpanNulls(common.BoolOrFloat64{Bool: ptr(false)})
	}
	return b
}

// bars is a time series of stacked bars named by the label column.
func bars(title, desc, sql, label string) *sdktimeseries.PanelBuilder {
	return timeseries(title, desc, sql, &style{label: label, bars: true})
}

// table is a ClickHouse table: one row per result row, a header, small
// rows, no footer.
func table(title, desc, sql string) *sdktable.PanelBuilder {
	return tableOf(title, desc, chTarget(sql, ShapeTable),
		common.TableCellOptions{TableAutoCellOptions: &common.TableAutoCellOptions{Type: common.TableCellDisplayModeAuto}})
}

// sparklines is a ClickHouse table of a long time series (time, labels,
// value) turned by the timeSeriesTable transformation into one row per
// label set with its values drawn as a sparkline.
func sparklines(title, desc, sql string) *sdktable.PanelBuilder {
	return tableOf(title, desc, chTarget(sql, ShapeTimeSeries),
		common.TableCellOptions{TableSparklineCellOptions: &common.TableSparklineCellOptions{Type: common.TableCellDisplayModeSparkline}}).
		WithTransformation(dashboard.DataTransformerConfig{Id: "timeSeriesTable", Options: map[string]any{}})
}

func tableOf(title, desc string, q *ClickHouseQuery, cells common.TableCellOptions) *sdktable.PanelBuilder {
	return sdktable.NewPanelBuilder().Title(title).Description(desc).Datasource(ClickHouseRef()).
		WithTarget(q).Align(common.FieldTextAlignmentAuto).CellOptions(cells).
		ShowHeader(true).CellHeight(common.TableCellHeightSm)
}

func stat(title, desc, sql string) *sdkstat.PanelBuilder {
	return sdkstat.NewPanelBuilder().Title(title).Description(desc).Datasource(ClickHouseRef()).
		WithTarget(chTarget(sql, ShapeStat)).
		Unit("none").Decimals(0).
		ColorScheme(dashboard.NewFieldColorBuilder().Mode(dashboard.FieldColorModeIdFixed).FixedColor("text")).
		ReduceOptions(common.NewReduceDataOptionsBuilder().Calcs([]string{"lastNotNull"}).Fields("").Values(false)).
		ColorMode(common.BigValueColorModeNone).GraphMode(common.BigValueGraphModeNone).
		TextMode(common.BigValueTextModeValueAndName).JustifyMode(common.BigValueJustifyModeAuto).
		Orientation(common.VizOrientationAuto)
}

func text(content string) *sdktext.PanelBuilder {
	return sdktext.NewPanelBuilder().Title("").Mode(sdktext.TextModeMarkdown).Content(content)
}

// barchartPanel is a ClickHouse bar chart of a table result, one group of
// bars per row labelled by xField.
func barchart(title, desc, xField, sql string) *sdkbarchart.PanelBuilder {
	return sdkbarchart.NewPanelBuilder().Title(title).Description(desc).Datasource(ClickHouseRef()).
		WithTarget(chTarget(sql, ShapeTable)).
		Unit("none").Decimals(0).
		XField(xField).Orientation(common.VizOrientationVertical).GroupWidth(0.8).BarWidth(0.9).
		ShowValue(common.VisibilityModeNever).
		Legend(common.NewVizLegendOptionsBuilder().DisplayMode(common.LegendDisplayModeList).
			Placement(common.LegendPlacementBottom).ShowLegend(true)).
		Tooltip(common.NewVizTooltipOptionsBuilder().Mode(common.TooltipDisplayModeSingle).Sort(common.SortOrderNone))
}

// promPanel is a Prometheus time series; each expr is one query (expr,
// legend format), refIds A, B, ...
func promPanel(title, desc, unit string, exprs ...[2]string) *sdktimeseries.PanelBuilder {
	b := sdktimeseries.NewPanelBuilder().Title(title).Description(desc).Datasource(PrometheusRef()).Unit(unit).
		Legend(common.NewVizLegendOptionsBuilder().DisplayMode(common.LegendDisplayModeList).
			Placement(common.LegendPlacementBottom).ShowLegend(true)).
		Tooltip(common.NewVizTooltipOptionsBuilder().Mode(common.TooltipDisplayModeMulti).Sort(common.SortOrderNone))
	for i, e := range exprs {
		b.WithTarget(prometheus.NewDataqueryBuilder().RefId(string(rune('A' + i))).Datasource(PrometheusRef()).
			Expr(e[0]).LegendFormat(e[1]).Range())
	}
	return b
}

// bucketVar lets the reader choose the time bucket: its value is a
// ClickHouse function name used as $bucket(day). This replaces the plugin's
// $__timeInterval, which expands to toStartOfInterval (absent on 18.16).
// Its current value (Month) is also what the query tests run with.
func bucketVar() cog.Builder[dashboard.VariableModel] {
	opt := func(text, value string, selected bool) dashboard.VariableOption {
		return dashboard.VariableOption{Text: dashboard.StringOrArrayOfString{String: ptr(text)},
			Value: dashboard.StringOrArrayOfString{String: ptr(value)}, Selected: ptr(selected)}
	}
	return dashboard.NewCustomVariableBuilder("bucket").Label("Bucket").
		Description("Time bucket of the trend panels: week (Monday), month or quarter.").
		Values(dashboard.StringOrMap{String: ptr("Week : toMonday,Month : toStartOfMonth,Quarter : toStartOfQuarter")}).
		Current(dashboard.VariableOption{Text: dashboard.StringOrArrayOfString{String: ptr("Month")},
			Value: dashboard.StringOrArrayOfString{String: ptr("toStartOfMonth")}}).
		Options([]dashboard.VariableOption{opt("Week", "toMonday", false), opt("Month", "toStartOfMonth", true), opt("Quarter", "toStartOfQuarter", false)}).
		Multi(false).IncludeAll(false).Hide(dashboard.VariableHideDontHide)
}

// queryVar is a ClickHouse query variable, refreshed on dashboard load. The
// plugin's metricFindQuery takes the first column as the value and the
// second as the text. A multi-value variable offers All and starts on it.
func queryVar(name, label, sql string, multi bool) *dashboard.QueryVariableBuilder {
	b := dashboard.NewQueryVariableBuilder(name).Label(label).Datasource(ClickHouseRef()).
		Query(dashboard.StringOrMap{String: ptr(sql)}).Definition(sql).
		Refresh(dashboard.VariableRefreshOnDashboardLoad).Multi(multi).IncludeAll(multi).
		Sort(dashboard.VariableSortDisabled).Hide(dashboard.VariableHideDontHide)
	if multi {
		b.Current(dashboard.VariableOption{Text: dashboard.StringOrArrayOfString{ArrayOfString: []string{"All"}},
			Value: dashboard.StringOrArrayOfString{ArrayOfString: []string{"$__all"}}})
	}
	return b
}

func vars(bs ...cog.Builder[dashboard.VariableModel]) []cog.Builder[dashboard.VariableModel] {
	return bs
}

func anns(bs ...cog.Builder[dashboard.AnnotationQuery]) []cog.Builder[dashboard.AnnotationQuery] {
	return bs
}

// current sets a single-value variable's current value.
func current(text, value string) dashboard.VariableOption {
	return dashboard.VariableOption{Text: dashboard.StringOrArrayOfString{String: ptr(text)},
		Value: dashboard.StringOrArrayOfString{String: ptr(value)}}
}

// page is what one dashboard is made of, besides uid, title and description.
type page struct {
	vars        []cog.Builder[dashboard.VariableModel]
	annotations []cog.Builder[dashboard.AnnotationQuery]
	grid        *grid
	timeFrom    string // default now-3y
	refresh     string
}

// schemaVersion is the dashboard schema version the JSON declares: the one
// it was written for before the SDK came in (Grafana 11). Grafana migrates
// older versions on load; 40 to 42 change nothing these dashboards use, and
// keeping 39 keeps the JSON Grafana stores the same.
const schemaVersion = 39

// base builds a dashboard with wardpulse's common settings: the tag, UTC,
// shared crosshair, a dropdown linking the other wardpulse dashboards, and
// Grafana's built-in annotations before the page's own.
func base(uid, title, desc string, pg page) (Dashboard, error) {
	if err := errors.Join(pg.grid.errs...); err != nil {
		return Dashboard{}, fmt.Errorf("building dashboard %s: %w", uid, err)
	}
	from := pg.timeFrom
	if from == "" {
		from = "now-3y"
	}
	anns := append([]cog.Builder[dashboard.AnnotationQuery]{
		dashboard.NewAnnotationQueryBuilder().Name("Annotations & Alerts").BuiltIn(1).Type("dashboard").
			Enable(true).Hide(true).IconColor("rgba(0, 211, 255, 1)").
			Datasource(common.DataSourceRef{Type: ptr("grafana"), Uid: ptr("-- Grafana --")}),
	}, pg.annotations...)
	b := dashboard.NewDashboardBuilder(title).Uid(uid).Description(desc).Tags([]string{"wardpulse"}).
		Timezone("utc").Editable().Tooltip(dashboard.DashboardCursorSyncCrosshair).Time(from, "now").
		Link(dashboard.NewDashboardLinkBuilder("wardpulse").Type(dashboard.DashboardLinkTypeDashboards).
			Tags([]string{"wardpulse"}).AsDropdown(true).IncludeVars(false).KeepTime(true)).
		Annotations(anns).Variables(pg.vars)
	if pg.refresh != "" {
		b.Refresh(pg.refresh)
	}
	d, err := b.Build()
	if err != nil {
		return Dashboard{}, fmt.Errorf("building dashboard %s: %w", uid, err)
	}
	d.SchemaVersion = schemaVersion
	d.Panels = pg.grid.panels
	tidy(&d)
	return d, nil
}

// tidy clears what the SDK's constructors fill in that would change how
// Grafana shows the dashboard or that Grafana's published schema does not
// know:
//   - placement "inControlsMenu" on links and annotations (the SDK's
//     default) moves them into Grafana 12's controls menu; absent, they stay
//     above the panels as before;
//   - builtIn 0 on annotations is the same as absent;
//   - auto, auto_min and auto_count belong to interval variables only;
//   - a table's footer options: the table builder always sets them, Grafana
//     12.2 moved the footer out of the panel options (its schema no longer
//     has them), and wardpulse's tables show no footer.
func tidy(d *Dashboard) {
	for _, p := range d.Panels {
		if p.Panel == nil {
			continue
		}
		if o, ok := p.Panel.Options.(*sdktable.Options); ok {
			o.Footer = nil
		}
	}
	for i := range d.Links {
		d.Links[i].Placement = nil
	}
	for i := range d.Annotations.List {
		a := &d.Annotations.List[i]
		a.Placement = nil
		if a.BuiltIn != nil && *a.BuiltIn == 0 {
			a.BuiltIn = nil
		}
	}
	for i := range d.Templating.List {
		v := &d.Templating.List[i]
		v.Auto, v.AutoMin, v.AutoCount = nil, nil, nil
	}
}
