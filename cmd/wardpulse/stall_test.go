package main

import (
	"bufio"
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// A processor that stalls in CI and nowhere else leaves nothing to read
// unless the test keeps it: these helpers keep each child's log in a file
// of the test's own and, only when the test fails, print its tail and where
// every goroutine of it stood (a SIGQUIT's stack dump, one line per
// goroutine). A passing test prints nothing.

// childLogLines is how much of a failed test's child log is printed.
const childLogLines = 60

// watchChild sends cmd's output to a file in the test's directory and, if
// the test has failed by its end, stops a child still running with SIGQUIT
// and logs the tail of its output and a summary of its stacks. Call it
// before cmd.Start; the returned function kills the child at the end of
// the test (register it with t.Cleanup once the child started).
func watchChild(t *testing.T, cmd *exec.Cmd) func() {
	t.Helper()
	path := filepath.Join(t.TempDir(), filepath.Base(cmd.Path)+".log")
	f, err := os.Create(path)
	if err != nil {
		t.Fatalf("creating the child's log file: %v", err)
	}
	cmd.Stdout, cmd.Stderr = f, f
	cmd.Env = append(os.Environ(), "GOTRACEBACK=all")
	return func() {
		defer f.Close()
		running := cmd.ProcessState == nil && cmd.Process != nil && cmd.Process.Signal(syscall.Signal(0)) == nil
		if running && t.Failed() {
			_ = cmd.Process.Signal(syscall.SIGQUIT)
			exited := make(chan struct{})
			go func() { _, _ = cmd.Process.Wait(); close(exited) }()
			select {
			case <-exited:
				running = false
			case <-time.After(5 * time.Second):
			}
		}
		if running {
			_ = cmd.Process.Kill()
			_, _ = cmd.Process.Wait()
		}
		if !t.Failed() {
			return
		}
		out, err := os.ReadFile(path)
		if err != nil {
			t.Logf("reading the log of %v: %v", cmd.Args, err)
			return
		}
		t.Logf("the test failed; %s %s (pid %d) printed:\n%s\n%s", filepath.Base(cmd.Path), strings.Join(cmd.Args[1:2], ""), cmd.Process.Pid, stallReport(out), machineState())
	}
}

// stallReport is the last childLogLines lines of a child's output before
// any stack dump, then the dump summarised by summariseStacks.
func stallReport(out []byte) string {
	logPart, dump := out, []byte(nil)
	if i := bytes.Index(out, []byte("\ngoroutine ")); i >= 0 {
		if j := bytes.LastIndex(out[:i], []byte("SIGQUIT")); j >= 0 {
			logPart, dump = out[:j], out[i+1:]
		}
	}
	lines := strings.Split(strings.TrimRight(string(logPart), "\n"), "\n")
	if len(lines) > childLogLines {
		lines = append([]string{fmt.Sprintf("(%d earlier lines)", len(lines)-childLogLines)}, lines[len(lines)-childLogLines:]...)
	}
	var b strings.Builder
	b.WriteString(strings.Join(lines, "\n"))
	if dump != nil {
		b.WriteString("\ngoroutines at SIGQUIT:\n")
		b.WriteString(summariseStacks(dump))
	} else {
		b.WriteString("\n(no stack dump: the child had exited)")
	}
	return b.String()
}

// machineState is one line on the machine at a failure: its load, free
// memory and swap, and this test process's resident memory. A stall that
// is the machine's (swapping, a load from elsewhere) shows here.
func machineState() string {
	var b strings.Builder
	b.WriteString("machine:")
	if l, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Fprintf(&b, " load %s;", strings.Join(strings.Fields(string(l))[:3], " "))
	}
	for _, f := range []struct{ path, keys string }{{"/proc/meminfo", "MemAvailable SwapTotal SwapFree"}, {"/proc/self/status", "VmRSS"}} {
		raw, err := os.ReadFile(f.path)
		if err != nil {
			continue
		}
		for _, l := range strings.Split(string(raw), "\n") {
			k, v, ok := strings.Cut(l, ":")
			if ok && slices.Contains(strings.Fields(f.keys), k) {
				fmt.Fprintf(&b, " %s %s;", k, strings.Join(strings.Fields(v), " "))
			}
		}
	}
	return b.String()
}

// summariseStacks turns a Go stack dump (runtime.Stack(all) or a SIGQUIT's)
// into one line per distinct stack, the project's and its libraries'
// frames innermost first, with how many goroutines share it.
func summariseStacks(dump []byte) string {
	counts := map[string]int{}
	var order []string
	sc := bufio.NewScanner(bytes.NewReader(dump))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var state string
	var frames []string
	flush := func() {
		if state == "" {
			return
		}
		line := state
		if len(frames) > 0 {
			line += " " + strings.Join(frames, " < ")
		}
		if counts[line] == 0 {
			order = append(order, line)
		}
		counts[line]++
		state, frames = "", nil
	}
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "goroutine "):
			flush()
			if i, j := strings.Index(l, "["), strings.LastIndex(l, "]"); i >= 0 && j > i {
				state = l[i : j+1]
			} else {
				state = "[?]"
			}
		case state != "" && l != "" && !strings.HasPrefix(l, "\t") && !strings.HasPrefix(l, "created by "):
			fn := l
			if i := strings.LastIndex(fn, "("); i > 0 && strings.HasSuffix(fn, ")") {
				fn = fn[:i]
			}
			if keepFrame(fn) && len(frames) < 6 {
				frames = append(frames, shortFrame(fn))
			}
		}
	}
	flush()
	slices.SortStableFunc(order, func(a, b string) int { return counts[b] - counts[a] })
	var b strings.Builder
	for _, l := range order {
		fmt.Fprintf(&b, "%4d %s\n", counts[l], l)
	}
	return b.String()
}

// keepFrame drops the runtime's, the standard library's and the test
// framework's frames: where a stall stands is in the project or a library.
func keepFrame(fn string) bool {
	host, _, ok := strings.Cut(fn, "/")
	return ok && strings.Contains(host, ".") && !strings.HasPrefix(fn, "golang.org/x/sync")
}

// shortFrame drops a frame's module path: "github.com/segmentio/kafka-go.(*Reader).FetchMessage" -> "kafka-go.(*Reader).FetchMessage".
func shortFrame(fn string) string {
	if i := strings.LastIndex(fn, "/"); i >= 0 {
		return fn[i+1:]
	}
	return fn
}

// logOnFailure returns a logger at info level whose lines are kept and
// logged, with the test process's goroutines, only if the test fails: the
// in-process services of a test say where they stood.
func logOnFailure(t *testing.T) *slog.Logger {
	t.Helper()
	var mu sync.Mutex
	var buf bytes.Buffer
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		stacks := make([]byte, 8<<20)
		stacks = stacks[:runtime.Stack(stacks, true)]
		mu.Lock()
		defer mu.Unlock()
		t.Logf("the test failed; its services logged:\n%s\ngoroutines of the test process:\n%s%s", stallReport(buf.Bytes()), summariseStacks(stacks), machineState())
	})
	return slog.New(slog.NewTextHandler(lockedWriter{&mu, &buf}, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestSummariseStacks checks the summary on a dump of this process and on
// a child's output with a SIGQUIT dump after its log.
func TestSummariseStacks(t *testing.T) {
	stacks := make([]byte, 1<<20)
	stacks = stacks[:runtime.Stack(stacks, true)]
	s := summariseStacks(stacks)
	if !strings.Contains(s, "[running]") || !strings.Contains(s, "wardpulse.TestSummariseStacks") {
		t.Fatalf("the running test is not in the summary:\n%s", s)
	}
	child := []byte("time=1 level=INFO msg=\"reading partition\" from=0\nSIGQUIT: quit\nPC=0x1 m=0 sigcode=0\n\ngoroutine 7 [select, 2 minutes]:\n" +
		"runtime.gopark(0x1)\n\t/usr/local/go/src/runtime/proc.go:1 +0x1\n" +
		"github.com/segmentio/kafka-go.(*Reader).FetchMessage(0xc0, {0x1, 0x2})\n\t/x/reader.go:1 +0x1\n" +
		"github.com/wardpulse/wardpulse/processors/consume.(*Consumer).readLoop(0xc0)\n\t/x/consume.go:1 +0x1\n" +
		"created by github.com/segmentio/kafka-go.(*Generation).Start in goroutine 5\n\t/x/g.go:1 +0x1\n")
	if m := machineState(); !strings.Contains(m, "MemAvailable") || !strings.Contains(m, "VmRSS") {
		t.Errorf("machine state lacks memory figures: %s", m)
	}
	r := stallReport(child)
	for _, want := range []string{`msg="reading partition"`, "[select, 2 minutes] kafka-go.(*Reader).FetchMessage < consume.(*Consumer).readLoop"} {
		if !strings.Contains(r, want) {
			t.Errorf("report lacks %q:\n%s", want, r)
		}
	}
	if strings.Contains(r, "SIGQUIT: quit") || strings.Contains(r, "PC=") || strings.Contains(r, "runtime.gopark") {
		t.Errorf("report keeps the dump's header or runtime frames:\n%s", r)
	}
}
