//go:build dev

package main

import (
	"bufio"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestClusterModeByHand runs `wardpulse-dev cluster` as a person would: it
// reads the servers' pids from what the command prints, SIGKILLs shard 1's
// first replica by its pid while the demo events stream in (not through the
// command), restarts it with the console's restart, stops and restarts a
// replica of shard 2 through the console, and then asks the console to wait
// for the log, runs the replay it prints with the production binary, and
// audits: every event exactly once, counts equal to the log.
func TestClusterModeByHand(t *testing.T) {
	bin := buildWardpulse(t, "dev")
	cmd := exec.Command(bin, "cluster", "-dir", t.TempDir(), "-rate", "1000", "-from", "2025-06-01")
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = cmd.Stdout // one stream to read: the console's lines and the services' warnings
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan struct{})
			go func() { _ = cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				_ = cmd.Process.Kill()
			}
		}
	})
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			t.Log(sc.Text())
			lines <- sc.Text()
		}
		close(lines)
	}()
	// expect reads lines until one matches re, within d.
	expect := func(re string, d time.Duration) []string {
		t.Helper()
		rx := regexp.MustCompile(re)
		deadline := time.After(d)
		for {
			select {
			case l, ok := <-lines:
				require.True(t, ok, "the command ended before printing %q", re)
				if m := rx.FindStringSubmatch(l); m != nil {
					return m
				}
			case <-deadline:
				t.Fatalf("no line matching %q within %s", re, d)
			}
		}
	}
	say := func(s string) {
		t.Helper()
		_, err := io.WriteString(stdin, s+"\n")
		require.NoError(t, err)
	}

	m := expect(`^  shard 1 replica 1  (\S+)  pid (\d+)$`, 5*time.Minute)
	pid, err := strconv.Atoi(m[2])
	require.NoError(t, err)
	replayLine := expect(`^    (wardpulse replay -cluster .*)$`, time.Minute)[1]
	expect(`^commands \(one per line`, time.Minute)
	time.Sleep(3 * time.Second) // the stream has begun
	require.NoError(t, syscall.Kill(pid, syscall.SIGKILL), "killing shard 1 replica 1 by hand")
	// The console sees the death once the process is reaped: ask again.
	down := regexp.MustCompile(fmt.Sprintf(`^status: shard 1 replica 1 \S+ pid %d (down|running)$`, pid))
	for i := 0; ; i++ {
		require.Less(t, i, 20, "the killed server is never reported down")
		say("status")
		if m := expect(down.String(), time.Minute); m[1] == "down" {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	time.Sleep(3 * time.Second)
	say("restart 1 1")
	expect(`^restart: shard 1 replica 1 done \(pid \d+, running true\)$`, 2*time.Minute)
	say("stop 2 2")
	expect(`^stop: shard 2 replica 2 done`, time.Minute)
	time.Sleep(3 * time.Second)
	say("restart 2 2")
	expect(`^restart: shard 2 replica 2 done \(pid \d+, running true\)$`, 2*time.Minute)
	say("wait")
	m = expect(`^wait: (every offset on the log is stored \((\d+)\)|.*)$`, 6*time.Minute)
	require.NotEmpty(t, m[2], "wait: %s", m[1])
	// The replay the command prints, run by hand with the production
	// binary while the processors run: then audit again.
	args := strings.Fields(replayLine)[1:]
	out, err := exec.Command(wardpulseBinary(t), args...).CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "swapped")
	say("audit")
	m = expect(`^audit: (\d+) messages below the stored offsets, (\d+) distinct events, (\d+) rows; missing (\d+), doubled (\d+), foreign (\d+), cell mismatches (\d+)$`, 3*time.Minute)
	require.Equal(t, m[2], m[3], "one events row per distinct event")
	require.Equal(t, []string{"0", "0", "0", "0"}, m[4:8], "nothing missing, doubled, foreign or mismatched")
	expect(`^audit: OK$`, time.Minute)
	say("counts")
	m = expect(`^counts: (\d+) distinct events, (\d+) concern x theme counts$`, time.Minute)
	require.Equal(t, m[1], strings.TrimSpace(m[1]))
	say("quit")
	require.NoError(t, stdin.Close())
	require.NoError(t, cmd.Wait(), "the command ends cleanly on quit")
}
