// Package promtest starts real Prometheus and Alertmanager servers (Debian's
// prometheus and prometheus-alertmanager packages) on free loopback ports
// with their own data directories, for tests and local mode, and runs
// promtool and amtool.
package promtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Server is a running Prometheus or Alertmanager.
type Server struct {
	url  string
	cmd  *exec.Cmd
	done chan struct{}
	out  *bytes.Buffer
}

// URL is the server's base URL.
func (s *Server) URL() string { return s.url }

// Stop terminates the server and waits for it.
func (s *Server) Stop() error {
	select {
	case <-s.done:
		return nil
	default:
	}
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-s.done
	}
	return nil
}

// AlertmanagerConfig configures StartAlertmanager.
type AlertmanagerConfig struct {
	Dir        string // required: config and data go here
	ConfigYAML string // default: one webhook receiver at WebhookURL, or a null receiver
	WebhookURL string
	Port       int // 0 picks a free port
}

// StartAlertmanager starts Alertmanager and waits until it is ready.
func StartAlertmanager(ctx context.Context, cfg AlertmanagerConfig) (*Server, error) {
	bin, err := binary("prometheus-alertmanager", "alertmanager", "prometheus-alertmanager")
	if err != nil {
		return nil, err
	}
	if cfg.Dir == "" {
		return nil, errors.New("promtest: Dir is required")
	}
	if cfg.ConfigYAML == "" {
		recv := "  - name: default\n"
		if cfg.WebhookURL != "" {
			recv += "    webhook_configs:\n      - url: " + cfg.WebhookURL + "\n        send_resolved: true\n"
		}
		cfg.ConfigYAML = "route:\n  receiver: default\n  group_wait: 1s\n  group_interval: 1s\n  repeat_interval: 1h\nreceivers:\n" + recv
	}
	if err := os.MkdirAll(filepath.Join(cfg.Dir, "data"), 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", cfg.Dir, err)
	}
	file := filepath.Join(cfg.Dir, "alertmanager.yml")
	if err := os.WriteFile(file, []byte(cfg.ConfigYAML), 0o644); err != nil {
		return nil, fmt.Errorf("writing alertmanager config: %w", err)
	}
	port, err := pick(cfg.Port)
	if err != nil {
		return nil, err
	}
	cluster, err := pick(0)
	if err != nil {
		return nil, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	return start(ctx, bin, "http://"+addr, "/-/ready",
		"--config.file="+file, "--storage.path="+filepath.Join(cfg.Dir, "data"), "--web.listen-address="+addr,
		"--cluster.listen-address=127.0.0.1:"+strconv.Itoa(cluster), "--cluster.advertise-address=127.0.0.1:"+strconv.Itoa(cluster))
}

// PrometheusConfig configures StartPrometheus.
type PrometheusConfig struct {
	Dir        string // required
	ConfigYAML string // the prometheus.yml; rule_files paths relative to Dir
	Port       int
}

// StartPrometheus starts Prometheus and waits until it is ready.
func StartPrometheus(ctx context.Context, cfg PrometheusConfig) (*Server, error) {
	bin, err := binary("prometheus", "prometheus")
	if err != nil {
		return nil, err
	}
	if cfg.Dir == "" {
		return nil, errors.New("promtest: Dir is required")
	}
	if cfg.ConfigYAML == "" {
		cfg.ConfigYAML = "global:\n  scrape_interval: 1s\n"
	}
	file := filepath.Join(cfg.Dir, "prometheus.yml")
	if err := os.MkdirAll(filepath.Join(cfg.Dir, "data"), 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", cfg.Dir, err)
	}
	if err := os.WriteFile(file, []byte(cfg.ConfigYAML), 0o644); err != nil {
		return nil, fmt.Errorf("writing prometheus config: %w", err)
	}
	port, err := pick(cfg.Port)
	if err != nil {
		return nil, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	return start(ctx, bin, "http://"+addr, "/-/ready", "--config.file="+file, "--storage.tsdb.path="+filepath.Join(cfg.Dir, "data"),
		"--web.listen-address="+addr)
}

// Promtool runs promtool with args and returns its combined output.
func Promtool(ctx context.Context, args ...string) (string, error) {
	return run(ctx, "promtool", "prometheus", args...)
}

// Amtool runs amtool with args and returns its combined output.
func Amtool(ctx context.Context, args ...string) (string, error) {
	return run(ctx, "amtool", "prometheus-alertmanager", args...)
}

func run(ctx context.Context, name, pkg string, args ...string) (string, error) {
	bin, err := binary(name, pkg)
	if err != nil {
		return "", err
	}
	out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// binary finds a command, installing its Debian package when missing and
// running as root; otherwise it says which package is needed.
func binary(name, pkg string, alt ...string) (string, error) {
	for _, n := range append([]string{name}, alt...) {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	if os.Geteuid() != 0 {
		return "", fmt.Errorf("%s not found: install Debian's %s package", name, pkg)
	}
	c := exec.Command("apt-get", "install", "-y", "-qq", pkg)
	c.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	if out, err := c.CombinedOutput(); err != nil {
		return "", fmt.Errorf("%s not found and apt-get install %s failed: %w\n%s", name, pkg, err, out)
	}
	return exec.LookPath(name)
}

func pick(port int) (int, error) {
	if port != 0 {
		return port, nil
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func start(ctx context.Context, bin, url, readyPath string, args ...string) (*Server, error) {
	cmd := exec.Command(bin, args...)
	out := &bytes.Buffer{}
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", bin, err)
	}
	s := &Server{url: url, cmd: cmd, done: make(chan struct{}), out: out}
	go func() { _ = cmd.Wait(); close(s.done) }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(url + readyPath)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		select {
		case <-s.done:
			return nil, fmt.Errorf("%s exited while starting:\n%s", bin, tailOf(out.String()))
		case <-ctx.Done():
			_ = s.Stop()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			_ = s.Stop()
			return nil, fmt.Errorf("%s not ready at %s within 60s:\n%s", bin, url, tailOf(out.String()))
		}
	}
}

func tailOf(s string) string {
	if len(s) > 2000 {
		return s[len(s)-2000:]
	}
	return s
}
