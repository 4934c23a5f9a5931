// Package dashboards generates wardpulse's Grafana dashboards from Go source
// into the committed JSON files under json/, so that dashboards are reviewed,
// versioned and drift-checked with the code that fills the tables they read.
//
// The dashboards read ClickHouse through the official Grafana ClickHouse
// plugin (type grafana-clickhouse-datasource) and the services' metrics
// through Prometheus. Both data sources are referenced by fixed uids
// (ClickHouseUID, PrometheusUID) that provisioning creates, so the JSON needs
// no ${DS_...} inputs on import.
package dashboards

// Fixed data source identities, shared by the generated dashboards and by
// the provisioning package that creates the data sources.
const (
	ClickHouseUID  = "wardpulse-clickhouse"
	ClickHouseType = "grafana-clickhouse-datasource"
	PrometheusUID  = "wardpulse-prometheus"
	PrometheusType = "prometheus"
	// FolderUID and FolderTitle name the Grafana folder holding every dashboard.
	FolderUID   = "wardpulse"
	FolderTitle = "wardpulse"
)

// Shape is what a query must return for its panel to draw; the query tests
// check every query's result against it.
type Shape int

const (
	// ShapeNone is for queries not run against ClickHouse (Prometheus).
	ShapeNone Shape = iota
	// ShapeTimeSeries is a time (Date or DateTime) column, at least one
	// numeric column and optionally string label columns (the plugin turns
	// long frames into wide ones, one series per label set).
	ShapeTimeSeries
	// ShapeTable is named columns, at least two.
	ShapeTable
	// ShapeStat is one row holding at least one numeric column.
	ShapeStat
	// ShapeVariable is one column (value and text) or two (value, then text),
	// as the plugin's metricFindQuery reads them.
	ShapeVariable
	// ShapeAnnotation is a time column named time plus a text column.
	ShapeAnnotation
)

// DataSourceRef points at a data source by uid.
type DataSourceRef struct {
	Type string `json:"type"`
	UID  string `json:"uid"`
}

// ClickHouseRef is the reference every ClickHouse panel and variable uses.
func ClickHouseRef() *DataSourceRef { return &DataSourceRef{Type: ClickHouseType, UID: ClickHouseUID} }

// PrometheusRef is the reference every Prometheus panel uses.
func PrometheusRef() *DataSourceRef { return &DataSourceRef{Type: PrometheusType, UID: PrometheusUID} }

// Dashboard is the subset of Grafana's dashboard model wardpulse uses.
// Field order is the JSON order, so rendering is deterministic.
type Dashboard struct {
	UID           string      `json:"uid"`
	Title         string      `json:"title"`
	Description   string      `json:"description,omitempty"`
	Tags          []string    `json:"tags"`
	Timezone      string      `json:"timezone"`
	Editable      bool        `json:"editable"`
	GraphTooltip  int         `json:"graphTooltip"`
	SchemaVersion int         `json:"schemaVersion"`
	Time          TimeRange   `json:"time"`
	Refresh       string      `json:"refresh,omitempty"`
	Links         []Link      `json:"links"`
	Annotations   Annotations `json:"annotations"`
	Templating    Templating  `json:"templating"`
	Panels        []Panel     `json:"panels"`
}

// TimeRange is the dashboard's default time range.
type TimeRange struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Link is a dashboard link; wardpulse links every dashboard to the others by tag.
type Link struct {
	Title       string   `json:"title"`
	Type        string   `json:"type"`
	Tags        []string `json:"tags"`
	AsDropdown  bool     `json:"asDropdown"`
	IncludeVars bool     `json:"includeVars"`
	KeepTime    bool     `json:"keepTime"`
}

// Annotations holds the dashboard's annotation queries.
type Annotations struct {
	List []Annotation `json:"list"`
}

// Annotation is an annotation query; wardpulse's draw spike alerts on the
// time series panels.
type Annotation struct {
	Name       string         `json:"name"`
	Datasource *DataSourceRef `json:"datasource"`
	Enable     bool           `json:"enable"`
	Hide       bool           `json:"hide"`
	IconColor  string         `json:"iconColor"`
	BuiltIn    int            `json:"builtIn,omitempty"`
	Type       string         `json:"type,omitempty"`
	Target     *Target        `json:"target,omitempty"`
}

// Templating holds the dashboard variables.
type Templating struct {
	List []Variable `json:"list"`
}

// Option is one value of a variable.
type Option struct {
	Text     string `json:"text"`
	Value    string `json:"value"`
	Selected bool   `json:"selected"`
}

// Current is a variable's selected value.
type Current struct {
	Text  any `json:"text"`
	Value any `json:"value"`
}

// Variable is a dashboard template variable (query or custom).
type Variable struct {
	Name        string         `json:"name"`
	Label       string         `json:"label"`
	Type        string         `json:"type"`
	Description string         `json:"description,omitempty"`
	Datasource  *DataSourceRef `json:"datasource,omitempty"`
	Query       string         `json:"query"`
	Definition  string         `json:"definition,omitempty"`
	Refresh     int            `json:"refresh"`
	Multi       bool           `json:"multi"`
	IncludeAll  bool           `json:"includeAll"`
	Sort        int            `json:"sort"`
	Hide        int            `json:"hide"`
	Current     *Current       `json:"current,omitempty"`
	Options     []Option       `json:"options"`

	// Default is the value the query tests use when the variable is a query
	// variable: it must be among the values the query returns.
	Default []string `json:"-"`
}

// GridPos places a panel on Grafana's 24-column grid.
type GridPos struct {
	H int `json:"h"`
	W int `json:"w"`
	X int `json:"x"`
	Y int `json:"y"`
}

// FieldConfig is a panel's field defaults and overrides.
type FieldConfig struct {
	Defaults  map[string]any `json:"defaults"`
	Overrides []any          `json:"overrides"`
}

// Transformation is a Grafana data transformation.
type Transformation struct {
	ID      string         `json:"id"`
	Options map[string]any `json:"options"`
}

// Panel is one dashboard panel.
type Panel struct {
	ID              int              `json:"id"`
	Type            string           `json:"type"`
	Title           string           `json:"title"`
	Description     string           `json:"description,omitempty"`
	GridPos         GridPos          `json:"gridPos"`
	Datasource      *DataSourceRef   `json:"datasource,omitempty"`
	Targets         []Target         `json:"targets,omitempty"`
	FieldConfig     *FieldConfig     `json:"fieldConfig,omitempty"`
	Options         map[string]any   `json:"options,omitempty"`
	Transformations []Transformation `json:"transformations,omitempty"`
	Collapsed       *bool            `json:"collapsed,omitempty"`
	Panels          []Panel          `json:"panels,omitempty"`
}

// Target is one panel query. ClickHouse targets use editorType "sql" with
// rawSql; format is sqlutil's FormatQueryOption as the plugin's backend
// reads it (0 time series, 1 table). Prometheus targets use expr.
type Target struct {
	RefID      string         `json:"refId"`
	Datasource *DataSourceRef `json:"datasource"`
	EditorType string         `json:"editorType,omitempty"`
	QueryType  string         `json:"queryType,omitempty"`
	Format     *int           `json:"format,omitempty"`
	RawSQL     string         `json:"rawSql,omitempty"`

	Expr         string `json:"expr,omitempty"`
	LegendFormat string `json:"legendFormat,omitempty"`
	Range        bool   `json:"range,omitempty"`
	Instant      bool   `json:"instant,omitempty"`

	// Shape is what the query tests check the result against.
	Shape Shape `json:"-"`
}
