package alerting

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Alertmanager pushes alerts to Alertmanager's v2 API (POST /api/v2/alerts)
// on every URL, as Prometheus does (each Alertmanager of a cluster gets
// every alert). A plain JSON POST rather than Alertmanager's generated
// client: the endpoint is one stable JSON shape, and the client module
// pulls go-openapi and half of Alertmanager with it.
//
// Safe for concurrent use once built.
type Alertmanager struct {
	URLs []string
	HTTP *http.Client // nil: a client with a 10s timeout
	// Validity, when set, is sent as the endsAt of open alerts (now +
	// Validity), so Alertmanager keeps them that long without a re-push;
	// zero leaves it to Alertmanager's resolve_timeout (5m by default).
	// Set it to a few run intervals when runs are less frequent than that.
	Validity time.Duration
	// Now is Alertmanager's clock as the notifier sees it; nil: time.Now.
	Now func() time.Time
}

// AMAlert is an alert as Alertmanager's v2 API takes it (POST) and returns
// it (GET, which adds Status and Fingerprint).
type AMAlert struct {
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations,omitempty"`
	StartsAt     time.Time         `json:"startsAt,omitzero"`
	EndsAt       time.Time         `json:"endsAt,omitzero"`
	GeneratorURL string            `json:"generatorURL,omitempty"`
	Fingerprint  string            `json:"fingerprint,omitempty"`
	Status       *struct {
		State       string   `json:"state"` // active, suppressed, unprocessed
		SilencedBy  []string `json:"silencedBy"`
		InhibitedBy []string `json:"inhibitedBy"`
	} `json:"status,omitempty"`
}

// AlertName is the alertname label of every spike alert.
const AlertName = "WardThemeSpike"

// Labels are the alert's Alertmanager labels: what routing, grouping and
// deduplication key on. They must not change during an episode.
func Labels(e Event) map[string]string {
	return map[string]string{"alertname": AlertName, "ward": e.WardName, "ward_code": e.WardCode, "lad": e.LADName,
		"theme": e.Theme, "severity": e.Severity}
}

// Notify posts the open alerts (endsAt now+Validity, or none) and the
// resolved ones (endsAt their decision, or now if that is later than
// Alertmanager's clock) to every URL. It returns the errors of every URL
// that failed, joined.
func (am *Alertmanager) Notify(ctx context.Context, open, resolved []Event) error {
	if len(am.URLs) == 0 || len(open)+len(resolved) == 0 {
		return nil
	}
	now := time.Now
	if am.Now != nil {
		now = am.Now
	}
	t := now().UTC()
	alerts := make([]AMAlert, 0, len(open)+len(resolved))
	for _, e := range open {
		var end time.Time
		if am.Validity > 0 {
			end = t.Add(am.Validity)
		}
		alerts = append(alerts, toAM(e, end, t))
	}
	for _, e := range resolved {
		// Alertmanager compares endsAt with its own clock: a decision
		// dated later (a replayed or simulated clock) would keep the
		// alert active until then.
		alerts = append(alerts, toAM(e, minTime(e.DecidedAt, t), t))
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
		if err := post(ctx, client, u, body); err != nil {
			errs = append(errs, fmt.Errorf("posting %d alerts to %s: %w", len(alerts), u, err))
		}
	}
	return errors.Join(errs...)
}

func post(ctx context.Context, client *http.Client, base string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(base, "/")+"/api/v2/alerts", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %s", resp.StatusCode, bytes.TrimSpace(msg))
	}
	return nil
}

// toAM maps an event to Alertmanager's shape. startsAt is when the episode
// fired (the firing's decided_at, carried by a resolve as fired_at), so both
// pushes agree; it is kept at or before Alertmanager's clock and endsAt.
func toAM(e Event, end, now time.Time) AMAlert {
	start := e.DecidedAt
	if e.FiredAt != nil {
		start = *e.FiredAt
	}
	start = minTime(start.UTC(), now)
	if !end.IsZero() && end.Before(start) {
		start = end
	}
	return AMAlert{Labels: Labels(e), StartsAt: start, EndsAt: end, Annotations: map[string]string{
		"summary": e.Summary,
		"description": fmt.Sprintf("%s in %s (%s): %d concerns in the week of %s against %.1f expected (threshold %.1f, score %.1f, %s). Alert %s, episode since the week of %s.",
			e.ThemeLabel, e.WardName, e.LADName, e.Observed, e.WeekStart, e.Expected, e.Threshold, e.Score, e.DetectorVersion, e.AlertID, e.EpisodeStart),
		"alert_id": e.AlertID,
	}}
}

func minTime(a, b time.Time) time.Time {
	if a.After(b) {
		return b
	}
	return a
}

// Alerts lists the alerts an Alertmanager holds and has not seen resolved
// (GET /api/v2/alerts: active, silenced, inhibited and unprocessed alike;
// Alertmanager never lists a resolved alert), filtered by label matchers
// such as `alertname="WardThemeSpike"`. For operators' tools and tests.
func Alerts(ctx context.Context, client *http.Client, base string, matchers ...string) ([]AMAlert, error) {
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	q := url.Values{}
	for _, m := range matchers {
		q.Add("filter", m)
	}
	u := strings.TrimRight(base, "/") + "/api/v2/alerts?" + q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("listing alerts of %s: %w", base, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("listing alerts of %s: %w", base, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("listing alerts of %s: %w", base, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("listing alerts of %s: status %d: %s", base, resp.StatusCode, bytes.TrimSpace(b))
	}
	var out []AMAlert
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("decoding alerts of %s: %w", base, err)
	}
	return out, nil
}
