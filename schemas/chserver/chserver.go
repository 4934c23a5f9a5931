// Package chserver runs a real ClickHouse server (Debian's clickhouse-server
// package, 18.16 here) as a child process with its own data directory and
// ports, for local mode and integration tests.
package chserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Config says where and how to run the server.
type Config struct {
	DataDir          string // required; config, data, tmp and logs go under it
	ListenHost       string // default 127.0.0.1
	TCPPort          int    // native protocol; 0 picks a free port
	HTTPPort         int    // 0 picks a free port
	Binary           string // default: clickhouse-server from PATH
	InstallIfMissing bool   // apt-get install the Debian packages when the binary is missing (root only)
	StartTimeout     time.Duration
	// UsersFiles are users XML files (such as deploy/clickhouse/users.d/*)
	// copied into users.d beside the generated users.xml, which the server
	// merges into it: tests run against the deployment's own users.
	UsersFiles []string
	// Env is added to the server's environment (NAME=value), for the
	// passwords users files read with from_env.
	Env []string
	// ExtraConfig is XML placed inside the server's <yandex> element: the
	// cluster harness adds ZooKeeper, remote_servers, macros and the
	// interserver port here.
	ExtraConfig string
	// ProfileSettings is XML placed inside the default user's profile (the
	// cluster harness sets distributed_product_mode there: 18.16's native
	// protocol cannot send string settings per query).
	ProfileSettings string
}

// Server is a running ClickHouse server.
type Server struct {
	cfg  Config
	cmd  *exec.Cmd
	done chan struct{}
	err  error
}

const configXML = `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>{{dir}}/log/server.log</log><errorlog>{{dir}}/log/error.log</errorlog><size>100M</size><count>2</count></logger>
  <listen_host>{{host}}</listen_host>
  <tcp_port>{{tcp}}</tcp_port>
  <http_port>{{http}}</http_port>
  <path>{{dir}}/data/</path>
  <tmp_path>{{dir}}/tmp/</tmp_path>
  <user_files_path>{{dir}}/user_files/</user_files_path>
  <format_schema_path>{{dir}}/format_schemas/</format_schema_path>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>200</max_concurrent_queries>
  <users_config>{{dir}}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
{{extra}}
</yandex>
`

const usersXML = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage>{{profile}}</default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`

// Start writes the configuration and starts the server, returning once it
// answers a native-protocol ping.
func Start(ctx context.Context, cfg Config, logger *slog.Logger) (*Server, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	for attempt := 1; ; attempt++ {
		s, err := start(ctx, cfg, logger)
		// A port picked free here can be taken by another process before
		// the server binds it (test packages start servers in parallel):
		// pick again.
		picked := cfg.TCPPort == 0 || cfg.HTTPPort == 0
		if err == nil || !picked || attempt == 3 || !errors.Is(err, errPortTaken) || ctx.Err() != nil {
			return s, err
		}
		logger.Warn("clickhouse-server port taken; retrying with new ports", "attempt", attempt)
		// The next attempt's failure, if any, must be read from its own log.
		errLog := filepath.Join(cfg.DataDir, "log", "error.log")
		_ = os.Rename(errLog, errLog+".port-taken")
	}
}

// errPortTaken marks a start that failed because a port was in use.
var errPortTaken = errors.New("port already in use")

func start(ctx context.Context, cfg Config, logger *slog.Logger) (*Server, error) {
	if cfg.DataDir == "" {
		return nil, errors.New("chserver: DataDir is required")
	}
	if cfg.ListenHost == "" {
		cfg.ListenHost = "127.0.0.1"
	}
	if cfg.StartTimeout <= 0 {
		cfg.StartTimeout = 90 * time.Second
	}
	dir, err := filepath.Abs(cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("resolving %s: %w", cfg.DataDir, err)
	}
	cfg.DataDir = dir
	bin, err := findBinary(cfg, logger)
	if err != nil {
		return nil, err
	}
	for _, p := range []*int{&cfg.TCPPort, &cfg.HTTPPort} {
		if *p == 0 {
			if *p, err = FreePort(cfg.ListenHost); err != nil {
				return nil, err
			}
		}
	}
	for _, d := range []string{"data", "tmp", "log", "user_files", "format_schemas"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return nil, fmt.Errorf("creating %s: %w", filepath.Join(dir, d), err)
		}
	}
	conf := strings.NewReplacer("{{dir}}", dir, "{{host}}", cfg.ListenHost, "{{tcp}}", strconv.Itoa(cfg.TCPPort), "{{http}}", strconv.Itoa(cfg.HTTPPort), "{{extra}}", cfg.ExtraConfig).Replace(configXML)
	if err := os.WriteFile(filepath.Join(dir, "config.xml"), []byte(conf), 0o644); err != nil {
		return nil, fmt.Errorf("writing clickhouse config: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "users.xml"), []byte(strings.ReplaceAll(usersXML, "{{profile}}", cfg.ProfileSettings)), 0o644); err != nil {
		return nil, fmt.Errorf("writing clickhouse users: %w", err)
	}
	usersD := filepath.Join(dir, "users.d")
	if err := os.RemoveAll(usersD); err != nil {
		return nil, fmt.Errorf("clearing %s: %w", usersD, err)
	}
	if len(cfg.UsersFiles) > 0 {
		if err := os.MkdirAll(usersD, 0o755); err != nil {
			return nil, fmt.Errorf("creating %s: %w", usersD, err)
		}
	}
	for _, f := range cfg.UsersFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("reading users file: %w", err)
		}
		if err := os.WriteFile(filepath.Join(usersD, filepath.Base(f)), b, 0o644); err != nil {
			return nil, fmt.Errorf("copying users file %s: %w", f, err)
		}
	}
	cmd := exec.Command(bin, "--config-file="+filepath.Join(dir, "config.xml"))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), cfg.Env...)
	// Output goes to a file, not a pipe: with a pipe, Wait (and so
	// Running) would also wait for every process holding the pipe, and a
	// server killed by pid from outside would still look alive.
	outPath := filepath.Join(dir, "console.log")
	out, err := os.Create(outPath)
	if err != nil {
		return nil, fmt.Errorf("creating %s: %w", outPath, err)
	}
	defer out.Close() // the child keeps its own descriptor
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s in %s: %w", bin, dir, err)
	}
	s := &Server{cfg: cfg, cmd: cmd, done: make(chan struct{})}
	go func() { s.err = cmd.Wait(); close(s.done) }()
	logger.Info("starting clickhouse-server", "addr", s.Addr(), "dir", dir)
	if err := s.waitReady(ctx); err != nil {
		_ = s.Stop()
		errLog := tailFile(filepath.Join(dir, "log", "error.log"))
		if strings.Contains(errLog, "Address already in use") {
			err = fmt.Errorf("%w (%w)", err, errPortTaken)
		}
		return nil, fmt.Errorf("starting clickhouse-server in %s: %w\n%s%s", dir, err, tailOutput(outPath), errLog)
	}
	return s, nil
}

func findBinary(cfg Config, logger *slog.Logger) (string, error) {
	name := cfg.Binary
	if name == "" {
		name = "clickhouse-server"
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	if !cfg.InstallIfMissing || os.Geteuid() != 0 {
		return "", fmt.Errorf("%s not found: install Debian's clickhouse-server package (apt-get install clickhouse-server clickhouse-client) or run as root to let wardpulse install it", name)
	}
	logger.Info("installing clickhouse-server with apt-get")
	for _, args := range [][]string{{"update", "-qq"}, {"install", "-y", "-qq", "clickhouse-server", "clickhouse-client"}} {
		c := exec.Command("apt-get", args...)
		c.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := c.CombinedOutput(); err != nil {
			return "", fmt.Errorf("apt-get %s: %w\n%s", strings.Join(args, " "), err, Tail(string(out)))
		}
	}
	return exec.LookPath(name)
}

func (s *Server) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.StartTimeout)
	defer cancel()
	for {
		conn, err := Dial(ctx, s.Addr(), "default")
		if err == nil {
			conn.Close()
			return nil
		}
		select {
		case <-s.done:
			return fmt.Errorf("server exited: %v", s.err)
		case <-ctx.Done():
			return fmt.Errorf("no answer on %s within %s: %w", s.Addr(), s.cfg.StartTimeout, err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// Addr is the native-protocol address.
// Pid is the server process's id (for measuring its memory).
func (s *Server) Pid() int { return s.cmd.Process.Pid }

func (s *Server) Addr() string {
	return net.JoinHostPort(s.cfg.ListenHost, strconv.Itoa(s.cfg.TCPPort))
}

// HTTPAddr is the HTTP interface's address (clickhouse-client does not need it).
func (s *Server) HTTPAddr() string {
	return net.JoinHostPort(s.cfg.ListenHost, strconv.Itoa(s.cfg.HTTPPort))
}

// Stop terminates the server: SIGTERM, then SIGKILL after 15 s.
func (s *Server) Stop() error {
	select {
	case <-s.done:
		return nil
	default:
	}
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-s.done
	}
	return nil
}

// Kill ends the server with SIGKILL, as a crash would, and waits for it.
func (s *Server) Kill() {
	select {
	case <-s.done:
		return
	default:
	}
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	<-s.done
}

// Config is the configuration the server runs with, ports included: Start
// it again to restart the server on the same ports and data.
func (s *Server) Config() Config { return s.cfg }

// Running reports whether the server's process has not exited.
func (s *Server) Running() bool {
	select {
	case <-s.done:
		return false
	default:
		return true
	}
}

// Wait blocks until the server exits.
func (s *Server) Wait() error { <-s.done; return s.err }

// Dial connects to a ClickHouse server over the native protocol (18.16
// rejects clickhouse-go's HTTP protocol) and pings it.
func Dial(ctx context.Context, addr, database string) (driver.Conn, error) {
	conn, err := clickhouse.Open(&clickhouse.Options{
		Addr:        []string{addr},
		Auth:        clickhouse.Auth{Database: database, Username: "default"},
		DialTimeout: 2 * time.Second,
		ReadTimeout: 5 * time.Minute,
	})
	if err != nil {
		return nil, fmt.Errorf("connecting to clickhouse at %s: %w", addr, err)
	}
	if err := conn.Ping(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("pinging clickhouse at %s: %w", addr, err)
	}
	return conn, nil
}

// FreePort picks a port free on host now (the cluster harness picks every
// server's ports before any starts).
func FreePort(host string) (int, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return 0, fmt.Errorf("finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Tail keeps the last 2,000 bytes of a log for an error message.
func Tail(s string) string {
	if len(s) > 2000 {
		s = "..." + s[len(s)-2000:]
	}
	return s
}

func tailFile(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return "error log: " + Tail(string(b))
}

// tailOutput is the end of the server's console output, for an error.
func tailOutput(path string) string {
	b, _ := os.ReadFile(path)
	return Tail(string(b))
}
