// Package chdb runs a current ClickHouse engine (chDB, ClickHouse as a
// library: libchdb.so from the npm package @chdb/lib-linux-x64-gnu) inside
// the test process, behind a small server that speaks ClickHouse's HTTP
// interface, so the project's own code, through clickhouse-go opened with
// Protocol: clickhouse.HTTP, runs unchanged against the engine users run.
//
// The library is loaded with dlopen at run time (no C header ships, so the
// few entry points used are declared here): building never needs it, and a
// test that needs it fails with the reason when it cannot be loaded.
//
// Why an HTTP server and not a driver.Conn adapter: driver.Conn is a wide
// interface (batches, columns, rows, scanning into every Go type) whose
// behaviour clickhouse-go already implements; a server keeps all of it, so
// what is tested is the driver and the project code exactly as shipped, and
// only the transport between the driver and the engine is new.
//
// Limits: one storage path per process (the engine's own rule) and one
// statement at a time; no server process, so nothing can be killed mid-write.
package chdb
