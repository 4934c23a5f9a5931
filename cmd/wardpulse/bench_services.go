//go:build dev

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/wardpulse/wardpulse/cmd/internal/bench"
)

// benchService is a wardpulse service the bench runs as its own process (the
// same binary), so that each service's memory is its own and the services
// compete for the two cores as they would when deployed.
type benchService struct {
	name string
	addr string // its -listen address
	cmd  *exec.Cmd
	log  *os.File
	done chan error
}

// startService runs `wardpulse <name> -listen <free port> args...` with its
// log in dir and waits until /healthz answers.
func startService(ctx context.Context, dir, name string, args ...string) (*benchService, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding the wardpulse executable: %w", err)
	}
	return startServiceOf(ctx, exe, dir, name, args...)
}

// startServiceOf is startService for another wardpulse binary (an older
// build, to compare with).
func startServiceOf(ctx context.Context, exe, dir, name string, args ...string) (*benchService, error) {
	addr, err := freeLocalAddr()
	if err != nil {
		return nil, err
	}
	if name == "ingest" && !slices.Contains(args, "-metrics.listen") {
		// ingest's metrics port is fixed by default: give it a free one.
		metrics, err := freeLocalAddr()
		if err != nil {
			return nil, err
		}
		args = append([]string{"-metrics.listen", metrics}, args...)
	}
	logf, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, append([]string{name, "-listen", addr, "-log.level", "warn"}, args...)...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	s := &benchService{name: name, addr: addr, cmd: cmd, log: logf, done: make(chan error, 1)}
	go func() { s.done <- cmd.Wait() }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		select {
		case err := <-s.done:
			s.done <- err
			return nil, fmt.Errorf("%s exited while starting (%v); see %s", name, err, logf.Name())
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("%s did not answer /healthz within a minute; see %s", name, logf.Name())
		}
	}
}

// mem returns the service's resident set now and its peak so far, in MiB.
func (s *benchService) mem() (rss, peak float64) { return bench.ProcMiB(s.cmd.Process.Pid) }

// stop asks the service to shut down cleanly (SIGTERM) and kills it after
// 30 s.
func (s *benchService) stop() error {
	defer s.log.Close()
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return fmt.Errorf("%s exited: %w; see %s", s.name, err, s.log.Name())
		}
		return nil
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		return fmt.Errorf("%s did not stop within 30 s; killed", s.name)
	}
}

// settledStages returns the processor's batch time per stage once every
// batch it built is written: the bench sees a batch's rows in ClickHouse
// before the processor's Write returns and observes the "write" stage, so a
// scrape at once could miss the last batch's write (a one-batch quick bench
// then had no "write" stage at all, under load). After timeout it returns
// what it has.
func (s *benchService) settledStages(ctx context.Context, timeout time.Duration) (map[string]float64, error) {
	const family = "wardpulse_processor_stage_duration_seconds"
	deadline := time.Now().Add(timeout)
	for {
		sums, counts, err := s.histograms(family, "stage")
		if err != nil || (counts["build"] > 0 && counts["write"] >= counts["build"]) || time.Now().After(deadline) {
			return sums, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// histogramSums scrapes the service's /metrics and returns the _sum of a
// histogram family per value of one label ("" for an unlabelled one).
func (s *benchService) histogramSums(family, label string) (map[string]float64, error) {
	sums, _, err := s.histograms(family, label)
	return sums, err
}

// histograms scrapes the service and returns, per value of label, the sum
// and the count of the family's histograms.
func (s *benchService) histograms(family, label string) (sums, counts map[string]float64, err error) {
	resp, err := http.Get("http://" + s.addr + "/metrics")
	if err != nil {
		return nil, nil, fmt.Errorf("scraping %s: %w", s.name, err)
	}
	defer resp.Body.Close()
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, nil, fmt.Errorf("parsing %s metrics: %w", s.name, err)
	}
	sums, counts = map[string]float64{}, map[string]float64{}
	f, ok := fams[family]
	if !ok {
		return sums, counts, nil
	}
	for _, m := range f.GetMetric() {
		key := ""
		for _, lp := range m.GetLabel() {
			if lp.GetName() == label {
				key = lp.GetValue()
			}
		}
		sums[key] += m.GetHistogram().GetSampleSum()
		counts[key] += float64(m.GetHistogram().GetSampleCount())
	}
	return sums, counts, nil
}

// profile fetches a CPU profile of the service over secs seconds (the
// service must run with -debug.pprof).
func (s *benchService) profile(ctx context.Context, secs int, file string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", s.addr, secs), nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("profiling %s: %w", s.name, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("profiling %s: %s", s.name, resp.Status)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// freeLocalAddr returns a 127.0.0.1 address with a port free now.
func freeLocalAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// benchPauseSecret is the pause secret the bench's processor and replay
// share: both run on this machine for the bench only.
const benchPauseSecret = "wardpulse-bench-pause-secret"
