// Package schemas holds wardpulse's contracts: the versioned JSON Schema of
// the events on the Kafka log, the Go types kept in step with it, and the
// ClickHouse DDL as ordered migrations.
//
// The event log is the source of truth; every ClickHouse table is derived
// from it and can be rebuilt by replaying it (see processors/replay). That is
// why events are never updated in place: a correction is a new event of the
// same type whose Supersedes names the event it replaces, and a withdrawal is
// an event of type "withdrawal". A correction keeps the ward of the event it
// corrects, because events are keyed by ward on Kafka and the processor needs
// the original and its correction in one partition, in order. To move a
// concern to another ward, withdraw it and submit it again.
//
// Beside the contracts, on the same ground floor (docs/architecture.md):
// the reference data every service reads (gazetteer, taxonomy) and the
// harnesses that stand in for the systems the contracts speak to, for tests
// and the dev build only (kafkatest, chserver, chtest, chcluster).
package schemas
