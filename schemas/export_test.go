package schemas

import (
	"context"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/valyala/fastjson"
)

// DecodeFast and DecodeSlow expose the two decoding paths to tests.
func (v *Validator) DecodeFast(raw []byte) (*Event, bool) {
	var p fastjson.Parser
	return decodeFast(&p, raw)
}

func (v *Validator) DecodeSlow(raw []byte) (*Event, error) { return v.decodeSlow(raw) }

// ApplyStatements exposes applyStatements, without a rewrite, to the
// external tests.
func ApplyStatements(ctx context.Context, conn driver.Conn, m Migration) error {
	return applyStatements(ctx, conn, m, func(s string) (string, bool) { return s, true })
}

// LockMigrations exposes the migration lock with a chosen wait.
var LockMigrations = lockMigrations
