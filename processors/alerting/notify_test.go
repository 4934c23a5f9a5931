package alerting

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/processors/alerting/promtest"
)

// TestAlertmanagerNotify pushes to a real Alertmanager: an open alert is
// held with its labels, annotations, startsAt (when it fired) and endsAt
// (now + Validity); pushing it again changes nothing; a resolve decided on
// a clock ahead of Alertmanager's still resolves it at once.
func TestAlertmanagerNotify(t *testing.T) {
	ctx := context.Background()
	am, err := promtest.StartAlertmanager(ctx, promtest.AlertmanagerConfig{Dir: t.TempDir()})
	require.NoError(t, err, "a real Alertmanager is required")
	t.Cleanup(func() { _ = am.Stop() })

	fired := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	open := Event{AlertID: "E05012442/off_road_bikes/2026-03-09", Status: Firing, WardCode: "E05012442", WardName: "Grangetown",
		LADCode: "E06000003", LADName: "Redcar and Cleveland", Theme: "off_road_bikes", ThemeLabel: "Off-road bikes", Severity: Critical,
		EpisodeStart: "2026-03-09", WeekStart: "2026-03-09", Observed: 7, Expected: 0.4, Threshold: 2, Score: 5.1,
		Summary:         "Off-road bikes, Grangetown: 8 concerns in the last 4 weeks, 1 expected; first raised 9 Mar at the community meeting",
		DetectorVersion: DetectorVersion, DecidedAt: fired}
	n := &Alertmanager{URLs: []string{am.URL() + "/"}, Validity: time.Hour}
	require.NoError(t, n.Notify(ctx, []Event{open}, nil))
	require.NoError(t, n.Notify(ctx, []Event{open}, nil), "re-pushed every run")

	got, err := Alerts(ctx, nil, am.URL(), `alertname="WardThemeSpike"`, `lad="Redcar and Cleveland"`)
	require.NoError(t, err)
	require.Len(t, got, 1)
	a := got[0]
	require.Equal(t, map[string]string{"alertname": "WardThemeSpike", "ward": "Grangetown", "ward_code": "E05012442",
		"lad": "Redcar and Cleveland", "theme": "off_road_bikes", "severity": "critical"}, a.Labels)
	require.Equal(t, open.Summary, a.Annotations["summary"])
	require.Contains(t, a.Annotations["description"], "Off-road bikes in Grangetown (Redcar and Cleveland): 7 concerns in the week of 2026-03-09 against 0.4 expected")
	require.Equal(t, open.AlertID, a.Annotations["alert_id"])
	require.True(t, a.StartsAt.Equal(fired), "startsAt %s, want %s", a.StartsAt, fired)
	require.WithinDuration(t, time.Now().Add(time.Hour), a.EndsAt, time.Minute)
	require.NotNil(t, a.Status)
	require.Equal(t, "active", a.Status.State)

	resolved := open
	resolved.Status, resolved.Summary = Resolved, "back to its usual level"
	resolved.FiredAt = &fired
	resolved.DecidedAt = time.Now().AddDate(0, 0, 21) // a simulated clock
	require.NoError(t, n.Notify(ctx, nil, []Event{resolved}))
	got, err = Alerts(ctx, nil, am.URL())
	require.NoError(t, err)
	require.Empty(t, got)

	bad := &Alertmanager{URLs: []string{am.URL(), "http://127.0.0.1:1"}}
	err = bad.Notify(ctx, []Event{open}, nil)
	require.ErrorContains(t, err, "posting 1 alerts to http://127.0.0.1:1")
	got, err = Alerts(ctx, nil, am.URL())
	require.NoError(t, err)
	require.Len(t, got, 1, "the reachable Alertmanager still got it")
}
