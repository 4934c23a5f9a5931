// Package dashboards generates wardpulse's Grafana dashboards from Go source
// into the committed JSON files under json/, so that dashboards are reviewed,
// versioned and drift-checked with the code that fills the tables they read.
//
// The dashboard model is Grafana's own, from the Grafana Foundation SDK
// (github.com/grafana/grafana-foundation-sdk/go, its dashboard package and
// the typed panel builders): this package adds only what the SDK has no type
// for, the ClickHouse plugin's query (ClickHouseQuery), and the layout.
//
// The dashboards read ClickHouse through the official Grafana ClickHouse
// plugin (type grafana-clickhouse-datasource) and the services' metrics
// through Prometheus. Both data sources are referenced by fixed uids
// (ClickHouseUID, PrometheusUID) that provisioning creates, so the JSON needs
// no ${DS_...} inputs on import.
package dashboards

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/grafana/grafana-foundation-sdk/go/cog/variants"
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

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

// Dashboard is a dashboard in Grafana's classic (v1, schemaVersion-numbered)
// JSON model, as the Foundation SDK types it. The SDK's dashboardv2 model is
// not used: the dashboard HTTP API the push client speaks
// (/api/dashboards/db) and file provisioning take this one.
type Dashboard = dashboard.Dashboard

// UID is a dashboard's uid ("" when unset).
func UID(d Dashboard) string { return deref(d.Uid) }

// Title is a dashboard's title ("" when unset).
func Title(d Dashboard) string { return deref(d.Title) }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func ptr[T any](v T) *T { return &v }

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

// ClickHouseRef is the reference every ClickHouse panel, query, variable
// and annotation uses.
func ClickHouseRef() common.DataSourceRef {
	return common.DataSourceRef{Type: ptr(ClickHouseType), Uid: ptr(ClickHouseUID)}
}

// PrometheusRef is the reference every Prometheus panel and query uses.
func PrometheusRef() common.DataSourceRef {
	return common.DataSourceRef{Type: ptr(PrometheusType), Uid: ptr(PrometheusUID)}
}

// ClickHouseQuery is one query of the Grafana ClickHouse plugin (v4) in its
// SQL editor: editorType "sql" with rawSql; format is sqlutil's
// FormatQueryOption as the plugin's backend reads it (0 time series, 1
// table). The Foundation SDK ships no type for this plugin, so this one
// implements the SDK's variants.Dataquery interface, its slot for a data
// source's query, and goes into panels and annotations like the SDK's own.
// Field order is the JSON order.
type ClickHouseQuery struct {
	RefID      string                `json:"refId"`
	Datasource *common.DataSourceRef `json:"datasource"`
	EditorType string                `json:"editorType"`
	QueryType  string                `json:"queryType"`
	Format     int                   `json:"format"`
	RawSQL     string                `json:"rawSql"`

	// Shape is what the query tests check the result against; it is not
	// part of the JSON.
	Shape Shape `json:"-"`
}

var _ variants.Dataquery = (*ClickHouseQuery)(nil)

// ImplementsDataqueryVariant marks ClickHouseQuery as an SDK data query.
func (*ClickHouseQuery) ImplementsDataqueryVariant() {}

// DataqueryType is the plugin id the query belongs to.
func (*ClickHouseQuery) DataqueryType() string { return ClickHouseType }

// Equals reports whether other is the same ClickHouse query.
func (q *ClickHouseQuery) Equals(other variants.Dataquery) bool {
	o, ok := other.(*ClickHouseQuery)
	return ok && reflect.DeepEqual(q, o)
}

// Validate checks what the plugin needs to run the query.
func (q *ClickHouseQuery) Validate() error {
	var errs []error
	if q.RefID == "" {
		errs = append(errs, errors.New("refId is empty"))
	}
	if q.Datasource == nil || deref(q.Datasource.Uid) == "" {
		errs = append(errs, errors.New("datasource uid is empty"))
	}
	if q.RawSQL == "" {
		errs = append(errs, errors.New("rawSql is empty"))
	}
	if q.Format != 0 && q.Format != 1 {
		errs = append(errs, fmt.Errorf("format %d is neither 0 (time series) nor 1 (table)", q.Format))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("clickhouse query %s: %w", q.RefID, err)
	}
	return nil
}

// Build lets a ClickHouseQuery stand where the SDK's builders take a
// cog.Builder[variants.Dataquery] (WithTarget, annotation Target).
func (q *ClickHouseQuery) Build() (variants.Dataquery, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	return q, nil
}
