package promtest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestAlertmanagerRoundTrip(t *testing.T) {
	ctx := context.Background()
	am, err := StartAlertmanager(ctx, AlertmanagerConfig{Dir: t.TempDir()})
	require.NoError(t, err, "a real Alertmanager is required")
	defer am.Stop()
	body := `[{"labels":{"alertname":"T","ward":"Grangetown"},"annotations":{"summary":"s"},"startsAt":"` + time.Now().UTC().Format(time.RFC3339) + `"}]`
	resp, err := http.Post(am.URL()+"/api/v2/alerts", "application/json", bytes.NewBufferString(body))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	resp, err = http.Get(am.URL() + "/api/v2/alerts")
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var alerts []struct {
		Labels map[string]string `json:"labels"`
	}
	require.NoError(t, json.Unmarshal(b, &alerts))
	require.Len(t, alerts, 1)
	require.Equal(t, "Grangetown", alerts[0].Labels["ward"])
}

func TestPrometheusUp(t *testing.T) {
	ctx := context.Background()
	p, err := StartPrometheus(ctx, PrometheusConfig{Dir: t.TempDir()})
	require.NoError(t, err, "a real Prometheus is required")
	defer p.Stop()
	resp, err := http.Get(p.URL() + "/api/v1/query?query=1%2B1")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	out, err := Promtool(ctx, "--version")
	require.NoError(t, err)
	require.Contains(t, out, "promtool")
}
