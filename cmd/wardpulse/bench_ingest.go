//go:build dev

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/google/uuid"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/ingest/httpapi"
	"github.com/wardpulse/wardpulse/schemas/kafkatest"
)

// runIngestBench measures ingest's memory under its largest requests: each
// scenario starts a fresh ingest process (its own peak RSS, VmHWM) on the
// embedded broker and sends -requests requests at once. It reports figures
// and never fails on a slow machine. -binary runs another build's ingest
// (an older one, to compare).
func runIngestBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	binary := fs.String("binary", "", "wardpulse binary whose ingest is measured (default: this one)")
	requests := fs.Int("requests", 8, "requests sent at once")
	scenarios := fs.String("scenarios", "events,tiny,slow", "comma-separated: events (10,000 events of about 1.6 KB, 16 MB), tiny (16 MB of {} lines), slow (250 bodies that stall)")
	extra := fs.String("ingest-args", "", "extra flags for ingest, space-separated")
	if err := fs.Parse(args); err != nil {
		return err
	}
	self := *binary == ""
	exe := *binary
	if self {
		var err error
		if exe, err = os.Executable(); err != nil {
			return fmt.Errorf("finding the wardpulse executable: %w", err)
		}
	}
	dir, err := os.MkdirTemp("", "wardpulse-ingest-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	b, err := kafkatest.Start(kafkatest.Config{}, nil)
	if err != nil {
		return err
	}
	defer b.Close()
	const topic = "wardpulse.events"
	if err := wiring.CreateTopics(ctx, b.Addrs(), 4, topic); err != nil {
		return err
	}
	token := "bench"
	tokensFile := filepath.Join(dir, "tokens.yaml")
	if err := os.WriteFile(tokensFile, []byte("tokens:\n  - source: bench\n    sha256: "+httpapi.HashToken(token)+"\n"), 0o600); err != nil {
		return err
	}
	ingestArgs := []string{"-tokens-file", tokensFile, "-kafka.brokers", strings.Join(b.Addrs(), ","), "-kafka.topic", topic}
	if self {
		ingestArgs = append(ingestArgs, "-body-read-timeout", "2s")
	}
	ingestArgs = append(ingestArgs, strings.Fields(*extra)...)

	tw := tabwriter.NewWriter(stdout, 2, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "scenario\trequests\tbody MiB\tanswers\tseconds\tRSS idle MiB\tpeak RSS MiB\n")
	round := 0
	for _, sc := range strings.Split(*scenarios, ",") {
		round++
		svc, err := startServiceOf(ctx, exe, dir, "ingest", ingestArgs...)
		if err != nil {
			return err
		}
		if err := waitReady(ctx, svc.addr); err != nil {
			_ = svc.stop()
			return err
		}
		idle, _ := svc.mem()
		url := "http://" + svc.addr + "/v1/events"
		start := time.Now()
		var answers string
		var bodyMiB float64
		switch sc {
		case "events":
			bodies := make([][]byte, *requests)
			for i := range bodies {
				bodies[i] = benchEventBody(round*1000+i, 10000)
			}
			bodyMiB = float64(len(bodies[0])) / (1 << 20)
			answers = sendAll(ctx, url, token, bodies, 20)
		case "tiny":
			body := bytes.Repeat([]byte("{}\n"), (16<<20)/3)
			bodies := make([][]byte, *requests)
			for i := range bodies {
				bodies[i] = body
			}
			bodyMiB = float64(len(body)) / (1 << 20)
			answers = sendAll(ctx, url, token, bodies, 1)
		case "slow":
			answers = slowBodies(ctx, svc.addr, token, 250, 5*time.Second)
		default:
			_ = svc.stop()
			return fmt.Errorf("unknown scenario %q (want events, tiny or slow)", sc)
		}
		secs := time.Since(start).Seconds()
		_, peak := svc.mem()
		if err := svc.stop(); err != nil {
			fmt.Fprintf(stderr, "ingest-bench: %v\n", err)
		}
		n := *requests
		if sc == "slow" {
			n = 250
		}
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%s\t%.1f\t%.0f\t%.0f\n", sc, n, bodyMiB, answers, secs, idle, peak)
	}
	return tw.Flush()
}

// waitReady waits for ingest's /readyz (its duplicate index read from the
// log), a minute at most.
func waitReady(ctx context.Context, addr string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := waitHTTP(ctx, "http://"+addr+"/readyz"); err != nil {
		return fmt.Errorf("waiting for ingest at %s to be ready: %w", addr, err)
	}
	return nil
}

// benchEventBody is n concern events of about 1.6 KB each as NDJSON, with
// ids unique to seed.
func benchEventBody(seed, n int) []byte {
	text := strings.Repeat("Residents raised off-road bikes and quad bikes on the playing fields again ", 20)[:1400]
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		id := uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprintf("ingest-bench-%d-%d", seed, i)))
		fmt.Fprintf(&buf, `{"event_id":"%s","type":"concern","schema_version":1,"occurred_at":"2020-01-03T19:00:00Z","ward":"Grangetown","concern":{"text":"%s"}}`+"\n", id, text)
	}
	return buf.Bytes()
}

// sendAll posts the bodies at once, each retried on 429 and 503 up to
// attempts times (a second apart), and returns the final status codes
// counted ("202x8").
func sendAll(ctx context.Context, url, token string, bodies [][]byte, attempts int) string {
	codes := make([]string, len(bodies))
	var wg sync.WaitGroup
	for i, body := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := 0; a < attempts; a++ {
				req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
				if err != nil {
					codes[i] = "error"
					return
				}
				req.Header.Set("Authorization", "Bearer "+token)
				req.Header.Set("Content-Type", "application/x-ndjson")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					codes[i] = "neterr"
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				codes[i] = fmt.Sprint(resp.StatusCode)
				if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
					return
				}
				select {
				case <-ctx.Done():
					return
				case <-time.After(time.Second):
				}
			}
		}()
	}
	wg.Wait()
	return countCodes(codes)
}

func countCodes(codes []string) string {
	n := map[string]int{}
	for _, c := range codes {
		n[c]++
	}
	var keys []string
	for k := range n {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%sx%d", k, n[k]))
	}
	return strings.Join(parts, " ")
}

// slowBodies opens n connections that send their headers and a few bytes of
// a 1 MB body, then stall; after wait it reports how many the server had
// answered or closed ("cut") and how many were still open.
func slowBodies(ctx context.Context, addr, token string, n int, wait time.Duration) string {
	var cut, open, failed int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var d net.Dialer
			c, err := d.DialContext(ctx, "tcp", addr)
			if err != nil {
				mu.Lock()
				failed++
				mu.Unlock()
				return
			}
			defer c.Close()
			fmt.Fprintf(c, "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/x-ndjson\r\nContent-Length: 1000000\r\n\r\n{\"type\":", token)
			_ = c.SetReadDeadline(time.Now().Add(wait))
			_, err = io.Copy(io.Discard, c) // returns when the server closes, or at the deadline
			var ne net.Error
			mu.Lock()
			if errors.As(err, &ne) && ne.Timeout() {
				open++
			} else {
				cut++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return fmt.Sprintf("cut %d, open after %s %d, dial errors %d", cut, wait, open, failed)
}

// waitHTTP polls url until it answers 200 or ctx ends.
func waitHTTP(ctx context.Context, url string) error {
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}
