package alerting

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Alertmanager pushes alerts to Alertmanager's v2 API. A plain JSON POST:
// the API is one endpoint with a stable shape, and Alertmanager's generated
// client would bring its whole dependency tree for it.
type Alertmanager struct {
	URLs []string
	HTTP *http.Client
}

type amAlert struct {
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations"`
	StartsAt     time.Time         `json:"startsAt"`
	EndsAt       *time.Time        `json:"endsAt,omitempty"`
	GeneratorURL string            `json:"generatorURL,omitempty"`
}

// Labels are the alert's Alertmanager labels: what routing and
// deduplication key on.
func Labels(e Event) map[string]string {
	return map[string]string{"alertname": "WardThemeSpike", "ward": e.WardName, "ward_code": e.WardCode, "lad": e.LADName,
		"theme": e.Theme, "severity": e.Severity}
}

// Notify posts the open alerts (no end: Alertmanager keeps them for its
// resolve_timeout, and every run re-posts them) and the resolved ones (with
// an end, now).
func (am *Alertmanager) Notify(ctx context.Context, open, resolved []Event) error {
	if len(am.URLs) == 0 || len(open)+len(resolved) == 0 {
		return nil
	}
	var alerts []amAlert
	for _, e := range open {
		alerts = append(alerts, toAM(e, nil))
	}
	for _, e := range resolved {
		// Alertmanager compares endsAt with its own clock: a decision
		// dated later than that (a replayed or simulated clock) would
		// keep the alert active until then.
		end := e.DecidedAt
		if now := time.Now().UTC(); end.After(now) {
			end = now
		}
		alerts = append(alerts, toAM(e, &end))
	}
	body, err := json.Marshal(alerts)
	if err != nil {
		return fmt.Errorf("encoding alerts: %w", err)
	}
	client := am.HTTP
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	var errs []error
	for _, u := range am.URLs {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(u, "/")+"/api/v2/alerts", bytes.NewReader(body))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			errs = append(errs, fmt.Errorf("posting alerts to %s: %w", u, err))
			continue
		}
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			errs = append(errs, fmt.Errorf("posting alerts to %s: %d %s", u, resp.StatusCode, msg))
		}
	}
	return errors.Join(errs...)
}

func toAM(e Event, end *time.Time) amAlert {
	start, err := time.Parse(time.DateOnly, e.EpisodeStart)
	if err != nil || e.Status == Firing {
		start = e.DecidedAt
	}
	return amAlert{Labels: Labels(e), StartsAt: start, EndsAt: end, Annotations: map[string]string{
		"summary":     e.Summary,
		"description": fmt.Sprintf("%s in %s (%s): %d concerns in the week of %s against %.1f expected (threshold %.1f, score %.1f). Episode %s.", e.ThemeLabel, e.WardName, e.LADName, e.Observed, e.WeekStart, e.Expected, e.Threshold, e.Score, e.AlertID),
	}}
}
