// Package provision puts wardpulse's data sources, folder and dashboards
// into a Grafana, either through its HTTP API (Push, idempotent: it reads
// each object first and writes only what differs) or as files for Grafana's
// file provisioning (WriteFiles).
package provision

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strconv"

	gapi "github.com/grafana/grafana-api-golang-client"
	"gopkg.in/yaml.v3"

	"github.com/wardpulse/wardpulse/dashboards"
)

// Config is where the data sources point.
type Config struct {
	ClickHouseAddr     string // host:port of the native protocol
	ClickHouseDB       string
	ClickHouseUser     string
	ClickHousePassword string // sent only when a data source is created
	PrometheusURL      string
}

// Change is one object Push looked at and what it did: "created",
// "updated" or "unchanged".
type Change struct {
	Kind, Name, Action string
}

func (c Change) String() string { return fmt.Sprintf("%-10s %-9s %s", c.Kind, c.Action, c.Name) }

// Report lists what Push did, in order.
type Report []Change

// Changed counts the objects created or updated.
func (r Report) Changed() int {
	n := 0
	for _, c := range r {
		if c.Action != "unchanged" {
			n++
		}
	}
	return n
}

// DataSources are the two data sources the dashboards reference by uid.
// The ClickHouse one uses the plugin's v4 settings (host, port, protocol,
// username, defaultDatabase) over the native protocol, which 18.16 speaks.
func DataSources(cfg Config) ([]gapi.DataSource, error) {
	host, port, err := net.SplitHostPort(cfg.ClickHouseAddr)
	if err != nil {
		return nil, fmt.Errorf("reading clickhouse address %q: %w", cfg.ClickHouseAddr, err)
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		return nil, fmt.Errorf("reading clickhouse port %q: %w", port, err)
	}
	user := cfg.ClickHouseUser
	if user == "" {
		user = "default"
	}
	return []gapi.DataSource{
		{UID: dashboards.ClickHouseUID, Name: "wardpulse ClickHouse", Type: dashboards.ClickHouseType, Access: "proxy",
			JSONData: map[string]any{"host": host, "port": p, "protocol": "native", "secure": false, "username": user, "defaultDatabase": cfg.ClickHouseDB}},
		{UID: dashboards.PrometheusUID, Name: "wardpulse Prometheus", Type: dashboards.PrometheusType, Access: "proxy", URL: cfg.PrometheusURL,
			JSONData: map[string]any{"httpMethod": "POST", "timeInterval": "15s"}},
	}, nil
}

// Push creates or updates the data sources, the folder and the dashboards.
// Each object is read first and written only when it differs, so a second
// run reports everything unchanged and writes nothing. The API client has
// no context; ctx is checked between objects.
func Push(ctx context.Context, c *gapi.Client, cfg Config, ds []dashboards.Dashboard) (Report, error) {
	var rep Report
	srcs, err := DataSources(cfg)
	if err != nil {
		return nil, err
	}
	for _, want := range srcs {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		action, err := pushDataSource(c, want, cfg.ClickHousePassword)
		if err != nil {
			return rep, fmt.Errorf("pushing data source %s: %w", want.UID, err)
		}
		rep = append(rep, Change{"datasource", want.Name, action})
	}
	action, err := pushFolder(c)
	if err != nil {
		return rep, fmt.Errorf("pushing folder %s: %w", dashboards.FolderUID, err)
	}
	rep = append(rep, Change{"folder", dashboards.FolderTitle, action})
	for _, d := range ds {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		action, err := pushDashboard(c, d)
		if err != nil {
			return rep, fmt.Errorf("pushing dashboard %s: %w", dashboards.UID(d), err)
		}
		rep = append(rep, Change{"dashboard", dashboards.Title(d), action})
	}
	return rep, nil
}

func isNotFound(err error) bool {
	var nf gapi.ErrNotFound
	return errors.As(err, &nf)
}

// normal round-trips a value through JSON so numbers and maps compare
// the way they come back from Grafana.
func normal(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if json.Unmarshal(b, &out) != nil {
		return v
	}
	return out
}

func pushDataSource(c *gapi.Client, want gapi.DataSource, password string) (string, error) {
	have, err := c.DataSourceByUID(want.UID)
	if isNotFound(err) {
		if password != "" && want.Type == dashboards.ClickHouseType {
			want.SecureJSONData = map[string]any{"password": password}
		}
		if _, err := c.NewDataSource(&want); err != nil {
			return "", fmt.Errorf("creating: %w", err)
		}
		return "created", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading: %w", err)
	}
	same := have.Name == want.Name && have.Type == want.Type && have.URL == want.URL && have.Access == want.Access
	// Only the settings wardpulse sets are compared: Grafana may add others.
	hj, _ := normal(have.JSONData).(map[string]any)
	for k, v := range normal(want.JSONData).(map[string]any) {
		if !reflect.DeepEqual(hj[k], v) {
			same = false
		}
	}
	if same {
		return "unchanged", nil
	}
	want.ID, want.IsDefault = have.ID, have.IsDefault
	merged := map[string]any{}
	for k, v := range have.JSONData {
		merged[k] = v
	}
	for k, v := range want.JSONData {
		merged[k] = v
	}
	want.JSONData = merged
	if err := c.UpdateDataSourceByUID(&want); err != nil {
		return "", fmt.Errorf("updating: %w", err)
	}
	return "updated", nil
}

func pushFolder(c *gapi.Client) (string, error) {
	f, err := c.FolderByUID(dashboards.FolderUID)
	if isNotFound(err) {
		if _, err := c.NewFolder(dashboards.FolderTitle, dashboards.FolderUID); err != nil {
			return "", fmt.Errorf("creating: %w", err)
		}
		return "created", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading: %w", err)
	}
	if f.Title == dashboards.FolderTitle {
		return "unchanged", nil
	}
	if err := c.UpdateFolder(dashboards.FolderUID, dashboards.FolderTitle); err != nil {
		return "", fmt.Errorf("updating: %w", err)
	}
	return "updated", nil
}

func pushDashboard(c *gapi.Client, d dashboards.Dashboard) (string, error) {
	model, err := dashboards.Model(d)
	if err != nil {
		return "", err
	}
	action := "created"
	have, err := c.DashboardByUID(dashboards.UID(d))
	switch {
	case isNotFound(err):
	case err != nil:
		return "", fmt.Errorf("reading: %w", err)
	default:
		// Grafana adds id and version when it stores a dashboard.
		stored := map[string]any{}
		for k, v := range have.Model {
			if k != "id" && k != "version" {
				stored[k] = v
			}
		}
		if have.Meta.FolderUID == dashboards.FolderUID && reflect.DeepEqual(normal(stored), normal(model)) {
			return "unchanged", nil
		}
		action = "updated"
	}
	_, err = c.NewDashboard(gapi.Dashboard{Model: model, FolderUID: dashboards.FolderUID, Overwrite: true,
		Message: "wardpulse dashboards push"})
	if err != nil {
		return "", fmt.Errorf("saving: %w", err)
	}
	return action, nil
}

// DashboardsPath is where the provisioning files expect the dashboard
// JSON inside the Grafana container (deploy/compose mounts dashboards/json there).
const DashboardsPath = "/var/lib/grafana/dashboards"

// WriteFiles writes Grafana file-provisioning files into dir:
// provisioning/datasources/wardpulse.yaml, provisioning/dashboards/wardpulse.yaml
// (a provider reading dashboardsPath into the wardpulse folder) and, when
// ds is not empty, the dashboard JSON under dashboards/ (the committed
// deploy/grafana leaves it out: compose mounts dashboards/json instead). The ClickHouse password is left to
// Grafana's environment expansion ($WARDPULSE_CLICKHOUSE_PASSWORD), never
// written to a file.
func WriteFiles(dir string, cfg Config, dashboardsPath string, ds []dashboards.Dashboard) ([]string, error) {
	srcs, err := DataSources(cfg)
	if err != nil {
		return nil, err
	}
	type dsFile struct {
		Name           string         `yaml:"name"`
		UID            string         `yaml:"uid"`
		Type           string         `yaml:"type"`
		Access         string         `yaml:"access"`
		URL            string         `yaml:"url,omitempty"`
		Editable       bool           `yaml:"editable"`
		JSONData       map[string]any `yaml:"jsonData"`
		SecureJSONData map[string]any `yaml:"secureJsonData,omitempty"`
	}
	var list []dsFile
	for _, s := range srcs {
		f := dsFile{Name: s.Name, UID: s.UID, Type: s.Type, Access: s.Access, URL: s.URL, Editable: false, JSONData: s.JSONData}
		if s.Type == dashboards.ClickHouseType {
			f.SecureJSONData = map[string]any{"password": "$WARDPULSE_CLICKHOUSE_PASSWORD"}
		}
		list = append(list, f)
	}
	dsDoc := map[string]any{"apiVersion": 1, "datasources": list}
	provDoc := map[string]any{"apiVersion": 1, "providers": []map[string]any{{
		"name": "wardpulse", "orgId": 1, "folder": dashboards.FolderTitle, "folderUid": dashboards.FolderUID, "type": "file",
		"disableDeletion": true, "allowUiUpdates": false, "updateIntervalSeconds": 60,
		"options": map[string]any{"path": dashboardsPath, "foldersFromFilesStructure": false},
	}}}
	var files []string
	for _, f := range []struct {
		path string
		doc  any
	}{
		{filepath.Join(dir, "provisioning", "datasources", "wardpulse.yaml"), dsDoc},
		{filepath.Join(dir, "provisioning", "dashboards", "wardpulse.yaml"), provDoc},
	} {
		b, err := yaml.Marshal(f.doc)
		if err != nil {
			return nil, fmt.Errorf("encoding %s: %w", f.path, err)
		}
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			return nil, fmt.Errorf("creating %s: %w", filepath.Dir(f.path), err)
		}
		b = append([]byte("# Generated by `wardpulse dashboards write-provisioning`; do not edit.\n"), b...)
		if err := os.WriteFile(f.path, b, 0o644); err != nil {
			return nil, fmt.Errorf("writing %s: %w", f.path, err)
		}
		files = append(files, f.path)
	}
	if len(ds) == 0 {
		return files, nil
	}
	written, err := dashboards.Write(filepath.Join(dir, "dashboards"), ds)
	if err != nil {
		return nil, err
	}
	return append(files, written...), nil
}

// DeployConfig is the configuration of the committed deploy/grafana files:
// the service names of deploy/compose, and the read-only ClickHouse user of
// deploy/clickhouse/users.d (Grafana needs no more than SELECT).
func DeployConfig() Config {
	return Config{ClickHouseAddr: "clickhouse:9000", ClickHouseDB: "wardpulse", ClickHouseUser: "wardpulse_reader", PrometheusURL: "http://prometheus:9090"}
}
