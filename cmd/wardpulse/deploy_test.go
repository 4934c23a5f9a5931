package main

import (
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/deploy/local/promtest"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
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
	toks, err := httpapi.LoadTokens(f)
	require.NoError(t, err)
	src, ok := toks.Source("change-me")
	require.True(t, ok)
	require.Equal(t, "ywyv-staff", src)
}

// TestComposeFile parses the compose file and checks that every service's
// wardpulse subcommand exists and its config file is in deploy/config.
func TestComposeFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "deploy", "compose", "docker-compose.yml"))
	require.NoError(t, err)
	var doc struct {
		Services map[string]struct {
			Image   string   `yaml:"image"`
			Build   any      `yaml:"build"`
			Command []string `yaml:"command"`
			Volumes []string `yaml:"volumes"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
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
