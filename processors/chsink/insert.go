package chsink

import (
	"context"
	"fmt"
	"sync"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/wardpulse/wardpulse/schemas"
)

// inserter is the part of a Sink that sends INSERTs: it asks the server
// once what it supports, and sends a table's rows as one INSERT in blocks
// (send), with the fence's settings and errors.
type inserter struct {
	conn      driver.Conn
	sendChunk int // rows per block sent; 0: one block per INSERT
	fence     *fence

	// server is asked once, before the first INSERT, what it supports
	// (schemas.Probe): the INSERTs' settings depend on its version.
	serverMu sync.Mutex
	server   *schemas.Server
}

// DefaultSendChunk is the rows per block sent when no WithSendChunk is given.
const DefaultSendChunk = 2048

// squashRows is the min_insert_block_size_rows a chunked INSERT sets: the
// server squashes its blocks into one up to that many rows, so only smaller
// INSERTs are sent in chunks.
const squashRows = 1000000

// probe returns what the server supports, asking it the first time.
func (w *inserter) probe(ctx context.Context) (schemas.Server, error) {
	w.serverMu.Lock()
	defer w.serverMu.Unlock()
	if w.server == nil {
		srv, err := schemas.Probe(ctx, w.conn)
		if err != nil {
			return srv, err
		}
		w.server = &srv
	}
	return *w.server, nil
}

// send inserts n rows into table, columns(lo, hi) giving rows
// [lo, hi) column by column, as one INSERT in chunks, each sent as its own
// block: the driver's columns and send buffer are reused from chunk to chunk
// instead of growing to the whole flush (their growth, and the fresh pages
// it touched, was the largest cost of writing; clickhouse-go cannot size a
// column up front). The server squashes an INSERT's blocks into one until
// min_insert_block_size_rows rows (bytes not counted: 0), so the INSERT is
// still one part, written whole or not at all; it is set here so that a
// server profile with a low value cannot split it. INSERTs of squashRows
// rows or more go as one block. Every INSERT also carries the server's
// schemas.Server.InsertSettings: on current ClickHouse optimize_on_insert
// = 0, so that it stores every row it is sent, as 18.16 does. Every row
// gets lease_until = lease (the last column; see WithLease), and an INSERT
// the fence refuses returns ErrLeaseExpired.
func (w *inserter) send(ctx context.Context, lease uint32, table, cols string, n int, columns func(lo, hi int) []any) error {
	chunk := w.sendChunk
	if chunk <= 0 || n >= squashRows {
		chunk = n
	}
	srv, err := w.probe(ctx)
	if err != nil {
		return err
	}
	batch, err := w.conn.PrepareBatch(srv.InsertContext(insertContext(ctx), w.fence.insertSettings(chunk < n)), "INSERT INTO "+table+" "+withLease(cols))
	if err != nil {
		return fmt.Errorf("preparing the insert: %w", w.fence.fenceError(err))
	}
	leases := make([]uint32, chunk)
	for i := range leases {
		leases[i] = lease
	}
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		for i, col := range append(columns(lo, hi), leases[:hi-lo]) {
			if err := batch.Column(i).Append(col); err != nil {
				_ = batch.Abort()
				return fmt.Errorf("appending column %d of rows %d-%d: %w", i+1, lo+1, hi, err)
			}
		}
		if hi < n {
			if err := batch.Flush(); err != nil {
				_ = batch.Abort()
				return fmt.Errorf("sending rows %d-%d: %w", lo+1, hi, w.fence.fenceError(err))
			}
		}
	}
	return w.fence.fenceError(batch.Send())
}

// pick builds one column from the kept rows.
func pick[R, T any](rs []*R, f func(r *R) T) []T {
	out := make([]T, len(rs))
	for i, r := range rs {
		out[i] = f(r)
	}
	return out
}
