// Command wardpulse is the single binary of the wardpulse pipeline: one
// subcommand per service and tool. Each subcommand's flags are listed with
// `wardpulse <subcommand> -h`. Built with `-tags dev` (make run builds it
// as bin/wardpulse-dev) it also has local mode and the benchmarks (dev.go);
// docs/architecture.md says why a tag and not a second main package.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// devCommands are the lab's subcommands (local mode, the benchmarks): only
// the dev build sets them (dev.go, `go build -tags dev`), so the production
// binary links no test broker, no test harness and installs nothing.
var devCommands map[string]command

func commands() map[string]command {
	cmds := map[string]command{
		"ingest":       {"serve the ingest HTTP API (events -> Kafka)", runIngest},
		"process":      {"run the processor (Kafka -> ClickHouse, exactly once per offset)", runProcess},
		"replay":       {"rebuild the ClickHouse tables from offset 0 beside the live ones, check and swap them in", runReplay},
		"audit":        {"prove ClickHouse holds exactly the events on the log up to the stored offsets", runAudit},
		"migrate":      {"create the database and apply the schema migrations", runMigrate},
		"hash-token":   {"print the SHA-256 of a bearer token for the tokens file", runHashToken},
		"demo":         {"generate demo events as NDJSON, or send them to ingest", runDemo},
		"import":       {"import a CSV meeting log through ingest", runImport},
		"extract":      {"extract events from engagement reports and news items", runExtractCmd},
		"detect":       {"judge weekly series for spikes: --input series.csv --output alarms.csv", runDetect},
		"detect-bench": {"simulate ward-like series and compare the detector with EARS C1/C2/C3", runDetectBench},
		"alerts":       {"run spike detection on the aggregates and notify Alertmanager", runAlerts},
		"dashboards":   {"generate or push the Grafana dashboards", runDashboards},
		"briefing":     {"write the Panel briefing (HTML and PDF) for a period", runBriefing},
	}
	for n, c := range devCommands {
		cmds[n] = c
	}
	return cmds
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr, cmds)
		return 2
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "wardpulse: unknown subcommand %q\n\n", args[0])
		usage(stderr, cmds)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx = withStdin(ctx, stdin)
	if err := c.run(ctx, args[1:], stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "wardpulse %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: wardpulse <subcommand> [flags]\n\nsubcommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-13s %s\n", n, cmds[n].summary)
	}
}

type stdinKey struct{}

func withStdin(ctx context.Context, r io.Reader) context.Context {
	return context.WithValue(ctx, stdinKey{}, r)
}

func stdinFrom(ctx context.Context) io.Reader {
	if r, ok := ctx.Value(stdinKey{}).(io.Reader); ok {
		return r
	}
	return os.Stdin
}

// runExtractCmd gives the extractor the process's standard input.
func runExtractCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runExtract(ctx, args, stdinFrom(ctx), stdout, stderr)
}
