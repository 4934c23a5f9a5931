// The types the generated dashboards are checked against: Grafana's own,
// from @grafana/schema (the version pinned in package.json), composed here
// only to say how they appear in JSON and to pick each panel's options by
// its type. schemacheck writes one module per dashboard that imports these.

import type { AnnotationQuery, Dashboard, DataQuery, FieldConfig, FieldConfigSource, Panel } from '@grafana/schema';
import type * as barchart from '@grafana/schema/dist/esm/raw/composable/barchart/panelcfg/x/BarChartPanelCfg_types.gen';
import type * as stat from '@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen';
import type * as table from '@grafana/schema/dist/esm/raw/composable/table/panelcfg/x/TablePanelCfg_types.gen';
import type * as text from '@grafana/schema/dist/esm/raw/composable/text/panelcfg/x/TextPanelCfg_types.gen';
import type * as timeseries from '@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen';

// Json is T as JSON holds it: a string enum (LegendDisplayMode.Table) is
// its value ('table'); everything else keeps its shape, optional fields and
// all, so unknown fields and wrong types still fail.
export type Json<T> = T extends string
  ? `${T}`
  : T extends number | boolean | null | undefined
    ? T
    : T extends ReadonlyArray<infer U>
      ? Array<Json<U>>
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

// Variable is a template variable as Grafana saves it. `definition` (the
// query text its variables list shows) is written by Grafana's frontend and
// modelled by the Foundation SDK, but @grafana/schema's VariableModel does
// not declare it: the one field allowed beyond the published type.
export type Variable = Json<NonNullable<NonNullable<Dashboard['templating']>['list']>[number]> & { definition?: string };

// ClickHouseQuery is a query of the Grafana ClickHouse plugin in its SQL
// editor. @grafana/schema publishes no type for it (a plugin's queries
// extend DataQuery in the plugin's own source): this one follows the
// plugin's CHSqlQuery (src/types/sql.ts) for editorType and rawSql, and the
// plugin SDK's sqlutil FormatQueryOption for format, which its backend reads
// (0 time series, 1 table, 2 logs, 3 trace, 4 multi).
export interface ClickHouseQuery extends DataQuery {
  datasource: { type: 'grafana-clickhouse-datasource'; uid: string };
  editorType: 'sql';
  format: 0 | 1 | 2 | 3 | 4;
  rawSql: string;
}

// PrometheusQuery is the part of Grafana's Prometheus query wardpulse uses
// (Prometheus' query type left @grafana/schema for the plugin's own package).
export interface PrometheusQuery extends DataQuery {
  datasource: { type: 'prometheus'; uid: string };
  expr: string;
  legendFormat?: string;
  range?: boolean;
  instant?: boolean;
}

// V0Dashboard is the v0 (classic, schemaVersion) dashboard of @grafana/schema,
// its variables as above and its annotation targets ClickHouse queries.
export type V0Dashboard = Omit<Json<Dashboard>, 'templating' | 'annotations'> & {
  templating?: { list?: Variable[] };
  annotations?: { list?: Array<Json<AnnotationQuery<ClickHouseQuery>>> };
};

// PanelOf is a panel whose options and custom field config are those its
// panel plugin publishes (panelcfg), selected by type, and whose queries are
// ClickHouse or Prometheus ones.
type PanelOf<T extends string, O, C> = Omit<Json<Panel>, 'type' | 'options' | 'fieldConfig' | 'targets'> & {
  type: T;
  targets?: Array<Json<ClickHouseQuery> | Json<PrometheusQuery>>;
  options: Json<O>;
  fieldConfig?: {
    defaults: Omit<Json<FieldConfig>, 'custom'> & { custom?: Json<C> };
    overrides: Json<FieldConfigSource['overrides']>;
  };
};

// None is a panel without custom field config.
type None = Record<string, never>;

// Panels are the panel types wardpulse uses, by type; a module assigns
// each panel to its own type's entry, so another type fails too.
export interface Panels {
  timeseries: PanelOf<'timeseries', timeseries.Options, timeseries.FieldConfig>;
  table: PanelOf<'table', table.Options, table.FieldConfig>;
  stat: PanelOf<'stat', stat.Options, None>;
  barchart: PanelOf<'barchart', barchart.Options, barchart.FieldConfig>;
  text: PanelOf<'text', text.Options, None>;
}
