package main

import (
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/processors/alerting/promtest"
)

// TestDeployConfigsLoad decodes deploy/config/*.yaml with the services' own
// strict configuration code, so a renamed key breaks the build, not a
// deployment.
func TestDeployConfigsLoad(t *testing.T) {
	type registrar interface{ RegisterFlags(*flag.FlagSet) }
	for file, cfg := range map[string]registrar{
		"ingest.yaml":  &ingestConfig{},
		"process.yaml": &processConfig{},
		"alerts.yaml":  &alertsConfig{},
	} {
		t.Run(file, func(t *testing.T) {
			fs := flag.NewFlagSet(file, flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			cfg.RegisterFlags(fs)
			require.NoError(t, config.Parse(fs, []string{"-config.file", filepath.Join("..", "..", "deploy", "config", file)}, cfg))
		})
	}
	f, err := os.Open(filepath.Join("..", "..", "deploy", "config", "tokens.yaml"))
	require.NoError(t, err)
	defer f.Close()
	_, err = httpapi.LoadTokens(f)
	require.ErrorContains(t, err, "no tokens configured", "the shipped tokens file holds no token: every deployment makes its own")
	b, err := os.ReadFile(filepath.Join("..", "..", "deploy", "config", "tokens.yaml"))
	require.NoError(t, err)
	require.NotContains(t, string(b), httpapi.HashToken("change-me"))

	// And ingest refuses to start with it.
	var icfg ingestConfig
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	icfg.RegisterFlags(fs)
	require.NoError(t, fs.Parse([]string{"-listen", "127.0.0.1:0", "-metrics.listen", "127.0.0.1:0", "-tokens-file", "deploy/config/tokens.yaml"}))
	err = serveIngest(context.Background(), icfg, &httpapi.Tokens{}, discard(), newRegistry(), nil)
	require.ErrorContains(t, err, "holds no token")
}

// TestComposeFile parses the compose file and checks that every service's
// wardpulse subcommand exists and its config file is in deploy/config.
func TestComposeFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "deploy", "compose", "docker-compose.yml"))
	require.NoError(t, err)
	var doc struct {
		Services map[string]struct {
			Image   string            `yaml:"image"`
			Build   any               `yaml:"build"`
			Command []string          `yaml:"command"`
			Volumes []string          `yaml:"volumes"`
			Ports   []string          `yaml:"ports"`
			Secrets []string          `yaml:"secrets"`
			Env     map[string]string `yaml:"environment"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
		Secrets map[string]struct {
			Environment string `yaml:"environment"`
			File        string `yaml:"file"`
		} `yaml:"secrets"`
	}
	require.NoError(t, yaml.Unmarshal(b, &doc))
	cmds := commands()
	for name, s := range doc.Services {
		require.True(t, s.Image != "" || s.Build != nil, "service %s has neither image nor build", name)
		for _, v := range s.Volumes {
			src := strings.Split(v, ":")[0]
			if strings.HasPrefix(src, ".") {
				_, err := os.Stat(filepath.Join("..", "..", "deploy", "compose", src))
				require.NoError(t, err, "service %s mounts %s", name, src)
			} else {
				require.Contains(t, doc.Volumes, src, "service %s uses undeclared volume %s", name, src)
			}
		}
		for _, sec := range s.Secrets {
			require.Contains(t, doc.Secrets, sec, "service %s uses undeclared secret %s", name, sec)
		}
		// Least privilege: only the API and Grafana are reachable from
		// outside the compose network.
		if name != "ingest" && name != "grafana" {
			require.Empty(t, s.Ports, "service %s must not publish ports", name)
		}
		if s.Build == nil {
			continue
		}
		require.NotEmpty(t, s.Command, name)
		_, ok := cmds[s.Command[0]]
		require.True(t, ok, "service %s runs unknown subcommand %q", name, s.Command[0])
		for i, a := range s.Command {
			if a == "-config.file" {
				_, err := os.Stat(filepath.Join("..", "..", "deploy", "config", filepath.Base(s.Command[i+1])))
				require.NoError(t, err, "service %s config", name)
			}
		}
	}
}

// TestPrometheusAndAlertmanagerFiles runs the real promtool and amtool on
// deploy/prometheus and deploy/alertmanager, including the rule unit tests.
func TestPrometheusAndAlertmanagerFiles(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join("..", "..", "deploy")
	out, err := promtest.Promtool(ctx, "check", "config", filepath.Join(dir, "prometheus", "prometheus.yml"))
	require.NoError(t, err, out)
	out, err = promtest.Promtool(ctx, "check", "rules", filepath.Join(dir, "prometheus", "rules", "wardpulse.rules.yml"))
	require.NoError(t, err, out)
	require.Contains(t, out, "SUCCESS")
	out, err = promtest.Promtool(ctx, "test", "rules", filepath.Join(dir, "prometheus", "rules", "wardpulse.rules.test.yml"))
	require.NoError(t, err, out)
	require.Contains(t, out, "SUCCESS")
	out, err = promtest.Amtool(ctx, "check-config", filepath.Join(dir, "alertmanager", "alertmanager.yml"))
	require.NoError(t, err, out)
	require.Contains(t, out, "SUCCESS")
}

// TestComposeSecrets: every secret the compose file reads from the
// environment is listed in env.example (the .env template), no password is
// written into a committed file, the data source and the services use the
// users of deploy/clickhouse/users.d, and ingest's /metrics is scraped on
// its own port.
func TestComposeSecrets(t *testing.T) {
	dir := filepath.Join("..", "..", "deploy")
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(dir, rel))
		require.NoError(t, err)
		return string(b)
	}
	compose, example := read("compose/docker-compose.yml"), read("compose/env.example")
	for _, m := range regexp.MustCompile(`\$\{([A-Z_]+):\?|environment: ([A-Z_]+)\}`).FindAllStringSubmatch(compose, -1) {
		v := m[1] + m[2]
		require.Contains(t, example, "\n"+v+"=\n", "env.example must list %s (empty)", v)
	}
	require.Contains(t, read("compose/.gitignore"), ".env")
	users := read("clickhouse/users.d/wardpulse.xml")
	require.NotContains(t, users, "<password>", "passwords come from the environment")
	require.Contains(t, read("grafana/provisioning/datasources/wardpulse.yaml"), "username: wardpulse_reader")
	for _, f := range []string{"config/process.yaml", "config/alerts.yaml"} {
		require.Contains(t, read(f), "username: wardpulse_writer", f)
		require.NotContains(t, read(f), "password:", f)
	}
	require.Contains(t, read("prometheus/prometheus.yml"), `"ingest:9080"`)
	require.Contains(t, read("config/ingest.yaml"), "metrics_listen: 0.0.0.0:9080")
}
