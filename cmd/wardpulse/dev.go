//go:build dev

package main

// The dev build's subcommands: local mode (an embedded test broker, a
// ClickHouse server it may install, a local Alertmanager) and the
// benchmarks. TestProductionDependencies checks that none of it reaches the
// production binary.
func init() {
	devCommands = map[string]command{
		"local":        {"run everything on this machine: embedded broker, ClickHouse, services, demo data", runLocal},
		"bench":        {"benchmark the pipeline against its peers", runBench},
		"ingest-bench": {"measure ingest's peak memory under concurrent largest requests", runIngestBench},
	}
}
