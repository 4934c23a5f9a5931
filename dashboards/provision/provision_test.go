package provision_test

import (
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	gapi "github.com/grafana/grafana-api-golang-client"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/dashboards"
	"github.com/wardpulse/wardpulse/dashboards/provision"
)

var update = flag.Bool("update", false, "rewrite deploy/grafana from the generator")

// fakeGrafana implements the Grafana HTTP API endpoints the client calls
// for Push, with in-memory state, and counts the writes. It follows the
// documented behaviour of Grafana's API (404 for a missing uid, 412 when a
// dashboard exists and overwrite is false, id and version added to stored
// dashboards); it is not Grafana.
type fakeGrafana struct {
	mu          sync.Mutex
	datasources map[string]map[string]any // by uid
	folders     map[string]map[string]any // by uid
	dashboards  map[string]map[string]any // by uid: {"dashboard":..., "meta":...}
	writes      []string
	nextID      int
}

func newFake(t *testing.T) (*fakeGrafana, *httptest.Server) {
	f := &fakeGrafana{datasources: map[string]map[string]any{}, folders: map[string]map[string]any{}, dashboards: map[string]map[string]any{}}
	mux := http.NewServeMux()
	reply := func(w http.ResponseWriter, code int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		_ = json.NewEncoder(w).Encode(v)
	}
	body := func(r *http.Request) map[string]any {
		var m map[string]any
		require.NoError(t, json.NewDecoder(r.Body).Decode(&m))
		return m
	}
	auth := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer test-token" {
				reply(w, 401, map[string]any{"message": "Unauthorized"})
				return
			}
			f.mu.Lock()
			defer f.mu.Unlock()
			if r.Method != http.MethodGet {
				f.writes = append(f.writes, r.Method+" "+r.URL.Path)
			}
			h(w, r)
		}
	}
	mux.HandleFunc("GET /api/datasources/uid/{uid}", auth(func(w http.ResponseWriter, r *http.Request) {
		if ds, ok := f.datasources[r.PathValue("uid")]; ok {
			reply(w, 200, ds)
			return
		}
		reply(w, 404, map[string]any{"message": "Data source not found"})
	}))
	mux.HandleFunc("GET /api/datasources/name/{name}", auth(func(w http.ResponseWriter, r *http.Request) {
		for _, ds := range f.datasources {
			if ds["name"] == r.PathValue("name") {
				reply(w, 200, ds)
				return
			}
		}
		reply(w, 404, map[string]any{"message": "Data source not found"})
	}))
	mux.HandleFunc("POST /api/datasources", auth(func(w http.ResponseWriter, r *http.Request) {
		ds := body(r)
		uid, _ := ds["uid"].(string)
		for _, o := range f.datasources {
			if o["name"] == ds["name"] {
				reply(w, 409, map[string]any{"message": "data source with the same name already exists"})
				return
			}
		}
		f.nextID++
		ds["id"] = f.nextID
		delete(ds, "secureJsonData")
		f.datasources[uid] = ds
		reply(w, 200, map[string]any{"id": f.nextID, "message": "Datasource added", "datasource": ds})
	}))
	mux.HandleFunc("PUT /api/datasources/uid/{uid}", auth(func(w http.ResponseWriter, r *http.Request) {
		old, ok := f.datasources[r.PathValue("uid")]
		if !ok {
			reply(w, 404, map[string]any{"message": "Data source not found"})
			return
		}
		ds := body(r)
		ds["id"] = old["id"]
		delete(ds, "secureJsonData")
		f.datasources[r.PathValue("uid")] = ds
		reply(w, 200, map[string]any{"message": "Datasource updated"})
	}))
	mux.HandleFunc("GET /api/folders/{uid}", auth(func(w http.ResponseWriter, r *http.Request) {
		if fo, ok := f.folders[r.PathValue("uid")]; ok {
			reply(w, 200, fo)
			return
		}
		reply(w, 404, map[string]any{"message": "folder not found"})
	}))
	mux.HandleFunc("POST /api/folders", auth(func(w http.ResponseWriter, r *http.Request) {
		fo := body(r)
		f.nextID++
		fo["id"] = f.nextID
		f.folders[fo["uid"].(string)] = fo
		reply(w, 200, fo)
	}))
	mux.HandleFunc("PUT /api/folders/{uid}", auth(func(w http.ResponseWriter, r *http.Request) {
		fo := body(r)
		f.folders[r.PathValue("uid")]["title"] = fo["title"]
		reply(w, 200, f.folders[r.PathValue("uid")])
	}))
	mux.HandleFunc("GET /api/dashboards/uid/{uid}", auth(func(w http.ResponseWriter, r *http.Request) {
		if d, ok := f.dashboards[r.PathValue("uid")]; ok {
			reply(w, 200, d)
			return
		}
		reply(w, 404, map[string]any{"message": "Dashboard not found"})
	}))
	mux.HandleFunc("POST /api/dashboards/db", auth(func(w http.ResponseWriter, r *http.Request) {
		req := body(r)
		d := req["dashboard"].(map[string]any)
		uid := d["uid"].(string)
		version := 1.0
		if old, ok := f.dashboards[uid]; ok {
			if req["overwrite"] != true {
				reply(w, 412, map[string]any{"status": "name-exists", "message": "A dashboard with the same uid already exists"})
				return
			}
			version = old["dashboard"].(map[string]any)["version"].(float64) + 1
		}
		folder, _ := req["folderUid"].(string)
		if _, ok := f.folders[folder]; folder != "" && !ok {
			reply(w, 400, map[string]any{"message": "folder not found"})
			return
		}
		f.nextID++
		d["id"], d["version"] = f.nextID, version
		f.dashboards[uid] = map[string]any{"dashboard": d, "meta": map[string]any{"folderUid": folder, "slug": uid}}
		reply(w, 200, map[string]any{"id": f.nextID, "uid": uid, "status": "success", "version": version})
	}))
	mux.HandleFunc("GET /api/search", auth(func(w http.ResponseWriter, r *http.Request) {
		var out []map[string]any
		for uid, d := range f.dashboards {
			out = append(out, map[string]any{"uid": uid, "title": d["dashboard"].(map[string]any)["title"], "type": "dash-db"})
		}
		reply(w, 200, out)
	}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fakeGrafana) takeWrites() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	w := f.writes
	f.writes = nil
	return w
}

func TestPushIsIdempotent(t *testing.T) {
	fake, srv := newFake(t)
	client, err := gapi.New(srv.URL, gapi.Config{APIKey: "test-token"})
	require.NoError(t, err)
	cfg := provision.Config{ClickHouseAddr: "clickhouse:9000", ClickHouseDB: "wardpulse", ClickHousePassword: "secret", PrometheusURL: "http://prometheus:9090"}
	ds, err := dashboards.Default().All()
	require.NoError(t, err)
	ctx := context.Background()

	rep, err := provision.Push(ctx, client, cfg, ds)
	require.NoError(t, err)
	require.Equal(t, 2+1+len(ds), rep.Changed(), "first push creates everything: %v", rep)
	for _, c := range rep {
		require.Equal(t, "created", c.Action, c.String())
	}
	require.Len(t, fake.takeWrites(), 2+1+len(ds))

	rep, err = provision.Push(ctx, client, cfg, ds)
	require.NoError(t, err)
	require.Zero(t, rep.Changed(), "second push changes nothing: %v", rep)
	require.Empty(t, fake.takeWrites(), "second push writes nothing")

	// A changed dashboard and a moved Prometheus are updated, nothing else.
	changed := "changed"
	ds[2].Panels[0].Panel.Title = &changed
	cfg.PrometheusURL = "http://prometheus-2:9090"
	rep, err = provision.Push(ctx, client, cfg, ds)
	require.NoError(t, err)
	require.Equal(t, 2, rep.Changed(), "%v", rep)
	require.Equal(t, []string{"POST /api/dashboards/db", "PUT /api/datasources/uid/" + dashboards.PrometheusUID}, sortStrings(fake.takeWrites()))
	stored := fake.dashboards[dashboards.UID(ds[2])]["dashboard"].(map[string]any)
	require.Equal(t, "changed", stored["panels"].([]any)[0].(map[string]any)["title"])
	require.Equal(t, 2.0, stored["version"])

	// A data source someone edited by hand is put back.
	fake.datasources[dashboards.ClickHouseUID]["jsonData"].(map[string]any)["defaultDatabase"] = "other"
	rep, err = provision.Push(ctx, client, cfg, ds)
	require.NoError(t, err)
	require.Equal(t, 1, rep.Changed(), "%v", rep)
	require.Equal(t, "wardpulse", fake.datasources[dashboards.ClickHouseUID]["jsonData"].(map[string]any)["defaultDatabase"])
}

func TestPushReportsAuthErrors(t *testing.T) {
	_, srv := newFake(t)
	client, err := gapi.New(srv.URL, gapi.Config{APIKey: "wrong"})
	require.NoError(t, err)
	ds, err := dashboards.Default().All()
	require.NoError(t, err)
	_, err = provision.Push(context.Background(), client, provision.Config{ClickHouseAddr: "h:9000", ClickHouseDB: "wardpulse"}, ds)
	require.ErrorContains(t, err, "status: 401")
}

func sortStrings(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestDeployFilesAreGenerated is the drift check of deploy/grafana: the
// committed provisioning files are what write-provisioning produces with
// the compose defaults. Run with -update to rewrite them.
func TestDeployFilesAreGenerated(t *testing.T) {
	cfg := provision.DeployConfig()
	dir := filepath.Join("..", "..", "deploy", "grafana")
	if *update {
		_, err := provision.WriteFiles(dir, cfg, provision.DashboardsPath, nil)
		require.NoError(t, err)
	}
	tmp := t.TempDir()
	files, err := provision.WriteFiles(tmp, cfg, provision.DashboardsPath, nil)
	require.NoError(t, err)
	for _, f := range files {
		rel, err := filepath.Rel(tmp, f)
		require.NoError(t, err)
		want, err := os.ReadFile(f)
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(dir, rel))
		require.NoError(t, err, "run go test ./dashboards/provision -update")
		require.Equal(t, string(want), string(got), "deploy/grafana/%s is stale: run with -update", rel)
	}
	b, err := os.ReadFile(filepath.Join(dir, "provisioning", "datasources", "wardpulse.yaml"))
	require.NoError(t, err)
	require.True(t, strings.Contains(string(b), "uid: "+dashboards.ClickHouseUID) && strings.Contains(string(b), "uid: "+dashboards.PrometheusUID))
	require.NotContains(t, string(b), "secret")
}
