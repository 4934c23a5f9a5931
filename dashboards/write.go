package dashboards

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// FileName is the committed file a dashboard is written to, under json/.
func FileName(d Dashboard) string { return strings.TrimPrefix(UID(d), "wardpulse-") + ".json" }

// Render is a dashboard's JSON as committed: two-space indent, trailing
// newline, no HTML escaping (so SQL's < and > stay readable in review).
func Render(d Dashboard) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("encoding dashboard %s: %w", UID(d), err)
	}
	return b.Bytes(), nil
}

// Model is a dashboard as the generic map the Grafana API client sends.
func Model(d Dashboard) (map[string]any, error) {
	b, err := Render(d)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("decoding dashboard %s: %w", UID(d), err)
	}
	return m, nil
}

// Write renders every dashboard into dir (created if missing) and returns
// the files written.
func Write(dir string, ds []Dashboard) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating dashboard directory %s: %w", dir, err)
	}
	var files []string
	for _, d := range ds {
		b, err := Render(d)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, FileName(d))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return nil, fmt.Errorf("writing dashboard %s: %w", p, err)
		}
		files = append(files, p)
	}
	return files, nil
}
