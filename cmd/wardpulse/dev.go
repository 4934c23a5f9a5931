//go:build dev

package main

// The dev build's subcommands: local mode (an embedded test broker, a
// ClickHouse server it may install, a local Alertmanager) and the
// benchmarks. TestProductionDependencies checks that none of it reaches the
// production binary.
func init() {
	devCommands = map[string]command{
		"local":        {"run everything on this machine: embedded broker, ClickHouse, services, demo data", runLocal},
		"cluster":      {"run the pipeline on a local replicated ClickHouse cluster and kill, stop, restart its servers by hand while events stream", runCluster},
		"bench":        {"benchmark the pipeline against its peers", runBench},
		"ingest-bench": {"measure ingest's peak memory under concurrent largest requests", runIngestBench},
	}
}
