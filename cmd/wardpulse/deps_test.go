package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// labPackage matches what only tests and the dev build may link: the test
// broker (franz-go's kfake, and franz-go as a whole: production talks Kafka
// with kafka-go), Go's testing packages and the test libraries, the
// project's harnesses (a package named xxxtest, and chserver, which can
// apt-get install ClickHouse) and the benchmark.
var labPackage = regexp.MustCompile(`^(github\.com/twmb/franz-go(/.*)?` +
	`|testing(/.*)?` +
	`|github\.com/stretchr/testify(/.*)?|go\.uber\.org/goleak` +
	`|github\.com/wardpulse/wardpulse/.*test` +
	`|github\.com/wardpulse/wardpulse/schemas/(chserver|chcluster)` +
	`|github\.com/wardpulse/wardpulse/cmd/internal/bench)$`)

// runsAptGet matches a command line naming apt-get as the program
// (exec.Command("apt-get", ...)), not a message that tells a person to run it.
var runsAptGet = regexp.MustCompile(`exec\.Command(Context)?\((ctx, )?"apt-get"`)

// goList lists the packages the command links, with tags, as "import path
// TAB directory TAB Go files" lines.
func goList(t *testing.T, tags string) [][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-tags", tags, "-deps",
		"-f", "{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles \" \"}}", ".").Output()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		t.Fatalf("go list -tags %q -deps: %v\n%s", tags, err, ee.Stderr)
	}
	require.NoError(t, err)
	var pkgs [][]string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkgs = append(pkgs, strings.SplitN(l, "\t", 3))
	}
	return pkgs
}

// TestProductionDependencies lists the production binary's dependencies
// (`go list -deps ./cmd/wardpulse`, no build tags) and fails if the lab is
// among them: a test broker, a harness, Go's testing package, the bench, or
// the project's code that can run apt-get. The dev build (-tags dev, local
// mode and the benchmarks) must link them, which shows the check can see
// what it forbids.
func TestProductionDependencies(t *testing.T) {
	var lab []string
	for _, p := range goList(t, "") {
		if labPackage.MatchString(p[0]) {
			lab = append(lab, p[0])
		}
		if !strings.HasPrefix(p[0], "github.com/wardpulse/wardpulse/") {
			continue
		}
		for _, f := range strings.Fields(p[2]) {
			b, err := os.ReadFile(filepath.Join(p[1], f))
			require.NoError(t, err)
			if runsAptGet.Match(b) {
				lab = append(lab, p[0]+" ("+f+" runs apt-get)")
			}
		}
	}
	require.Empty(t, lab, "the production binary links the lab")

	dev := map[string]bool{}
	for _, p := range goList(t, "dev") {
		dev[p[0]] = true
	}
	for _, want := range []string{"github.com/twmb/franz-go/pkg/kfake", "github.com/wardpulse/wardpulse/schemas/kafkatest",
		"github.com/wardpulse/wardpulse/schemas/chserver", "github.com/wardpulse/wardpulse/processors/alerting/promtest",
		"github.com/wardpulse/wardpulse/cmd/internal/bench"} {
		require.True(t, dev[want], "the dev build should link %s (local mode, bench): is the check looking at the right binary?", want)
		require.True(t, labPackage.MatchString(want), "labPackage should match %s", want)
	}
	b, err := os.ReadFile("../../schemas/chserver/chserver.go")
	require.NoError(t, err)
	require.True(t, runsAptGet.Match(b), "runsAptGet should find chserver's apt-get")
}
