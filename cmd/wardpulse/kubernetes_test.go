package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	composecli "github.com/compose-spec/compose-go/v2/cli"
	composetypes "github.com/compose-spec/compose-go/v2/types"
	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	sigsyaml "sigs.k8s.io/yaml"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
)

// rendered is one overlay built by kustomize and decoded into the
// Kubernetes API's own Go types.
type rendered struct {
	deployments []*appsv1.Deployment
	services    []*corev1.Service
	configMaps  []*corev1.ConfigMap
	pdbs        []*policyv1.PodDisruptionBudget
	hpas        []*autoscalingv2.HorizontalPodAutoscaler
	jobs        []*batchv1.Job
	policies    []*networkingv1.NetworkPolicy
}

// render builds dir with kustomize's own library (what `kubectl apply -k`
// runs) and decodes every resource strictly: an unknown or misspelt field
// is an error, as it would be for `kubectl apply --validate=strict`.
func render(t *testing.T, dir string) rendered {
	t.Helper()
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	resMap, err := k.Run(filesys.MakeFsOnDisk(), dir)
	require.NoError(t, err, "kustomize build %s", dir)
	var r rendered
	for _, res := range resMap.Resources() {
		b, err := res.AsYAML()
		require.NoError(t, err)
		kind := res.GetKind()
		name := kind + "/" + res.GetName()
		switch gvk := res.GetGvk(); gvk.ApiVersion() + " " + kind {
		case "apps/v1 Deployment":
			r.deployments = append(r.deployments, decodeStrict[appsv1.Deployment](t, b, name, dir))
		case "v1 Service":
			r.services = append(r.services, decodeStrict[corev1.Service](t, b, name, dir))
		case "v1 ConfigMap":
			r.configMaps = append(r.configMaps, decodeStrict[corev1.ConfigMap](t, b, name, dir))
		case "policy/v1 PodDisruptionBudget":
			r.pdbs = append(r.pdbs, decodeStrict[policyv1.PodDisruptionBudget](t, b, name, dir))
		case "autoscaling/v2 HorizontalPodAutoscaler":
			r.hpas = append(r.hpas, decodeStrict[autoscalingv2.HorizontalPodAutoscaler](t, b, name, dir))
		case "batch/v1 Job":
			r.jobs = append(r.jobs, decodeStrict[batchv1.Job](t, b, name, dir))
		case "networking.k8s.io/v1 NetworkPolicy":
			r.policies = append(r.policies, decodeStrict[networkingv1.NetworkPolicy](t, b, name, dir))
		default:
			t.Fatalf("%s: %s has a kind this check does not know (%s): add it to render", dir, name, gvk.ApiVersion())
		}
	}
	return r
}

// decodeStrict decodes one rendered object into its API type; an unknown
// or misspelt field is an error.
func decodeStrict[T any](t *testing.T, b []byte, name, dir string) *T {
	t.Helper()
	o := new(T)
	require.NoError(t, sigsyaml.UnmarshalStrict(b, o), "%s in %s does not decode strictly", name, dir)
	return o
}

// eventPartitions reads the events topic's partition count from the topic
// script deploy/ ships, the bound on useful processor replicas.
func eventPartitions(t *testing.T) int {
	b, err := os.ReadFile(filepath.Join("..", "..", "deploy", "compose", "create-topics.sh"))
	require.NoError(t, err)
	m := regexp.MustCompile(`wardpulse\.events:(\d+)`).FindSubmatch(b)
	require.NotNil(t, m, "create-topics.sh names no partition count for wardpulse.events")
	n, err := strconv.Atoi(string(m[1]))
	require.NoError(t, err)
	return n
}

// TestKubernetesManifests renders the base and every overlay and checks
// what a cluster would only tell at the worst moment: strict API types,
// probes and resources on every container, configuration the services'
// own parsers accept, secrets only by reference, PDBs and the HPA pointing
// at real Deployments, and no more processors than partitions.
func TestKubernetesManifests(t *testing.T) {
	root := filepath.Join("..", "..", "deploy", "kubernetes")
	overlays, err := os.ReadDir(filepath.Join(root, "overlays"))
	require.NoError(t, err)
	dirs := []string{filepath.Join(root, "base")}
	for _, o := range overlays {
		dirs = append(dirs, filepath.Join(root, "overlays", o.Name()))
	}
	require.GreaterOrEqual(t, len(dirs), 3, "base and at least two overlays")
	cmds := commands()
	partitions := eventPartitions(t)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r := render(t, dir)
			require.Len(t, r.deployments, 3, "ingest, processor, alerter")
			require.Len(t, r.jobs, 1, "the schema job")
			require.Len(t, r.configMaps, 1)
			cm := r.configMaps[0]

			byName := map[string]*appsv1.Deployment{}
			for _, d := range r.deployments {
				byName[d.Name] = d
				checkPodSpec(t, d.Name, d.Spec.Template.Spec, cmds, cm, true)
				sel, err := metav1.LabelSelectorAsSelector(d.Spec.Selector)
				require.NoError(t, err)
				require.True(t, sel.Matches(labels.Set(d.Spec.Template.Labels)), "%s: selector does not match its pods", d.Name)
				covered := false
				for _, p := range r.pdbs {
					ps, err := metav1.LabelSelectorAsSelector(p.Spec.Selector)
					require.NoError(t, err)
					covered = covered || ps.Matches(labels.Set(d.Spec.Template.Labels))
				}
				require.True(t, covered, "%s has no PodDisruptionBudget", d.Name)
			}
			for _, j := range r.jobs {
				checkPodSpec(t, j.Name, j.Spec.Template.Spec, cmds, cm, false)
			}
			for _, s := range r.services {
				d := byName[s.Name]
				require.NotNil(t, d, "service %s selects no deployment of the same name", s.Name)
				require.True(t, labels.SelectorFromSet(s.Spec.Selector).Matches(labels.Set(d.Spec.Template.Labels)), "service %s selects no pods", s.Name)
			}
			require.Len(t, r.hpas, 1)
			h := r.hpas[0]
			require.NotNil(t, byName[h.Spec.ScaleTargetRef.Name], "HPA scales a missing deployment")
			require.Equal(t, "wardpulse-processor", h.Spec.ScaleTargetRef.Name)
			require.NotNil(t, h.Spec.MinReplicas)
			require.LessOrEqual(t, *h.Spec.MinReplicas, h.Spec.MaxReplicas)
			require.LessOrEqual(t, int(h.Spec.MaxReplicas), partitions, "more processors than partitions would only idle")
			require.Len(t, h.Spec.Metrics, 1)
			require.Equal(t, "wardpulse_processor_consumer_lag", h.Spec.Metrics[0].External.Metric.Name)
		})
	}
}

// checkPodSpec checks one pod template: the image, a known subcommand, a
// config file that the service's own strict parser accepts, probes on a
// declared port, resources, a non-root and read-only container, and
// secrets only by reference.
func checkPodSpec(t *testing.T, name string, spec corev1.PodSpec, cmds map[string]command, cm *corev1.ConfigMap, service bool) {
	t.Helper()
	require.NotNil(t, spec.SecurityContext, name)
	require.NotNil(t, spec.SecurityContext.RunAsNonRoot, name)
	require.True(t, *spec.SecurityContext.RunAsNonRoot, "%s runs as root", name)
	for _, c := range spec.Containers {
		where := name + "/" + c.Name
		require.True(t, strings.HasPrefix(c.Image, "ghcr.io/wardpulse/wardpulse:"), "%s image %q", where, c.Image)
		require.NotEmpty(t, c.Args, where)
		_, ok := cmds[c.Args[0]]
		require.True(t, ok, "%s runs unknown subcommand %q", where, c.Args[0])
		require.NotNil(t, c.Resources.Requests.Cpu(), where)
		require.False(t, c.Resources.Requests.Memory().IsZero(), "%s has no memory request", where)
		require.False(t, c.Resources.Limits.Memory().IsZero(), "%s has no memory limit", where)
		require.NotNil(t, c.SecurityContext, where)
		require.NotNil(t, c.SecurityContext.ReadOnlyRootFilesystem, where)
		require.True(t, *c.SecurityContext.ReadOnlyRootFilesystem, where)
		for _, e := range c.Env {
			if strings.Contains(strings.ToUpper(e.Name), "PASSWORD") {
				require.Empty(t, e.Value, "%s sets %s inline: use a secretKeyRef", where, e.Name)
				require.NotNil(t, e.ValueFrom, "%s: %s must come from a Secret", where, e.Name)
				require.NotNil(t, e.ValueFrom.SecretKeyRef, "%s: %s must come from a Secret", where, e.Name)
			}
		}
		if !service {
			continue
		}
		require.NotNil(t, c.ReadinessProbe, "%s has no readiness probe", where)
		require.NotNil(t, c.LivenessProbe, "%s has no liveness probe", where)
		require.Equal(t, "/readyz", c.ReadinessProbe.HTTPGet.Path, where)
		require.Equal(t, "/healthz", c.LivenessProbe.HTTPGet.Path, where)
		ports := map[string]int32{}
		for _, p := range c.Ports {
			ports[p.Name] = p.ContainerPort
		}
		for _, pr := range []*corev1.Probe{c.ReadinessProbe, c.LivenessProbe} {
			_, ok := ports[pr.HTTPGet.Port.String()]
			require.True(t, ok, "%s probes undeclared port %s", where, pr.HTTPGet.Port.String())
		}
		// The config file named in the args must be in the ConfigMap, parse
		// with the service's own strict loader and listen on the port the
		// probes use.
		file := ""
		for i, a := range c.Args {
			if a == "-config.file" && i+1 < len(c.Args) {
				file = filepath.Base(c.Args[i+1])
			}
		}
		require.NotEmpty(t, file, "%s runs without -config.file", where)
		data, ok := cm.Data[file]
		require.True(t, ok, "%s reads %s, which the ConfigMap does not hold", where, file)
		listen := parseServiceConfig(t, c.Args[0], data)
		require.True(t, strings.HasSuffix(listen, fmt.Sprintf(":%d", ports["http"])), "%s listens on %s, but its container port is %d", where, listen, ports["http"])
	}
	for _, v := range spec.Volumes {
		if v.Secret != nil {
			require.NotEmpty(t, v.Secret.SecretName, name)
		}
	}
}

// parseServiceConfig loads data with the subcommand's own configuration
// code (unknown keys are errors) and returns its listen address.
func parseServiceConfig(t *testing.T, sub, data string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), sub+".yaml")
	require.NoError(t, os.WriteFile(f, []byte(data), 0o600))
	type registrar interface{ RegisterFlags(*flag.FlagSet) }
	var (
		cfg    registrar
		listen func() string
	)
	switch sub {
	case "ingest":
		c := &ingestConfig{}
		cfg, listen = c, func() string { return c.Listen }
	case "process":
		c := &processConfig{}
		cfg, listen = c, func() string { return c.Listen }
	case "alerts":
		c := &alertsConfig{}
		cfg, listen = c, func() string { return c.Listen }
	default:
		t.Fatalf("no configuration check for subcommand %s", sub)
	}
	fs := flag.NewFlagSet(sub, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg.RegisterFlags(fs)
	require.NoError(t, config.Parse(fs, []string{"-config.file", f}, cfg), "%s configuration", sub)
	return listen()
}

// TestComposeFileLoads loads the Compose file with the Compose
// specification's own Go loader (what `docker compose config` runs), so a
// file Docker would refuse fails here.
func TestComposeFileLoads(t *testing.T) {
	path := filepath.Join("..", "..", "deploy", "compose", "docker-compose.yml")
	load := func() (*composetypes.Project, error) {
		opts, err := composecli.NewProjectOptions([]string{path},
			composecli.WithName("wardpulse"),
			composecli.WithWorkingDirectory(filepath.Dir(path)),
			composecli.WithOsEnv,
			composecli.WithConsistency(true),
		)
		require.NoError(t, err)
		return opts.LoadProject(context.Background())
	}
	// The secrets are required: without deploy/compose/.env the file does
	// not load. With every variable of env.example set, it does.
	_, err := load()
	require.ErrorContains(t, err, "required variable", "compose must refuse to start without its secrets")
	example, err := os.ReadFile(filepath.Join(filepath.Dir(path), "env.example"))
	require.NoError(t, err)
	for _, l := range strings.Split(string(example), "\n") {
		if name, ok := strings.CutSuffix(l, "="); ok && !strings.HasPrefix(name, "#") {
			t.Setenv(name, "test-secret-"+name)
		}
	}
	p, err := load()
	require.NoError(t, err, "the Compose loader refuses %s", path)
	require.NotEmpty(t, p.Services)
	for _, name := range []string{"ingest", "process", "alerts"} {
		_, err := p.GetService(name)
		require.NoError(t, err, "compose has no %s service", name)
	}
}
