package schemas

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migration is one ordered DDL step.
type Migration struct {
	Version    int
	Name       string
	Statements []string
}

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.sql$`)

// Migrations returns the embedded migrations in order.
func Migrations() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, fmt.Errorf("listing migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migration file %q: name must be NNNN_name.sql", e.Name())
		}
		v, _ := strconv.Atoi(m[1])
		body, err := fs.ReadFile(migrationFiles, "migrations/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("reading migration %s: %w", e.Name(), err)
		}
		out = append(out, Migration{Version: v, Name: m[2], Statements: SplitStatements(string(body))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("two migrations have version %d", out[i].Version)
		}
	}
	return out, nil
}

// SplitStatements splits SQL text on semicolons that end a line, dropping
// comment lines; the DDL files keep one statement per paragraph.
func SplitStatements(sql string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(sql, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			s := strings.TrimSuffix(strings.TrimSpace(cur.String()), ";")
			out = append(out, s)
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// EnsureDatabase creates the database if it does not exist. conn may be
// connected to any database ("default" usually).
func EnsureDatabase(ctx context.Context, conn driver.Conn, database string) error {
	if !validIdent.MatchString(database) {
		return fmt.Errorf("database name %q: use letters, digits and underscores", database)
	}
	if err := conn.Exec(ctx, "CREATE DATABASE IF NOT EXISTS "+database); err != nil {
		return fmt.Errorf("creating database %s: %w", database, err)
	}
	return nil
}

var validIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Migrate applies the migrations not yet recorded in schema_migrations, in
// order, on the connection's database. Each statement is idempotent (IF NOT
// EXISTS) where ClickHouse allows it, so a crash mid-migration is repaired by
// running it again; steps that cannot be idempotent (ALTER ... ADD COLUMN on
// 18.16) must check system.columns themselves. Only the processors, replay and
// local mode migrate; ingest never touches ClickHouse.
//
// Several processors starting at once (a Deployment's replicas, a rolling
// upgrade) would otherwise run the same migration concurrently: one renames a
// table the other is copying, or both copy a summing table and double its
// counts. So whoever has work to do first takes the migration lock
// (MigrationLock), waiting up to five minutes for it, and looks again
// at what is left once it holds it.
func Migrate(ctx context.Context, conn driver.Conn, logger *slog.Logger) (applied []int, err error) {
	return migrate(ctx, conn, logger, func(stmt string) (string, bool) { return stmt, true })
}

// migrate is Migrate with each statement passed through rewrite first (the
// cluster schema's engines); a statement rewrite drops is not run.
func migrate(ctx context.Context, conn driver.Conn, logger *slog.Logger, rewrite func(string) (string, bool)) (applied []int, err error) {
	if err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
    version UInt32, name String, applied_at DateTime('UTC')
) ENGINE = ReplacingMergeTree ORDER BY version`); err != nil {
		return nil, fmt.Errorf("creating schema_migrations: %w", err)
	}
	ms, err := Migrations()
	if err != nil {
		return nil, err
	}
	todo, err := pending(ctx, conn, ms)
	if err != nil || len(todo) == 0 {
		return nil, err
	}
	release, err := lockMigrations(ctx, conn, migrationLockWait, logger)
	if err != nil {
		return nil, err
	}
	defer release()
	if todo, err = pending(ctx, conn, ms); err != nil { // another holder may have done them
		return nil, err
	}
	// Copies between tables (INSERT ... SELECT in 0003, 0004) keep every
	// row, as on 18.16, also where the server would collapse them.
	srv, err := Probe(ctx, conn)
	if err != nil {
		return nil, err
	}
	ctx = srv.InsertContext(ctx, nil)
	for _, m := range todo {
		for i, stmt := range m.Statements {
			stmt, run := rewrite(stmt)
			if !run {
				continue
			}
			if err := conn.Exec(ctx, stmt); err != nil {
				return applied, fmt.Errorf("applying migration %04d_%s statement %d: %w", m.Version, m.Name, i+1, err)
			}
		}
		if err := insertRow(ctx, conn, "INSERT INTO schema_migrations (version, name, applied_at)", uint32(m.Version), m.Name, time.Now().UTC()); err != nil {
			return applied, fmt.Errorf("recording migration %04d_%s: %w", m.Version, m.Name, err)
		}
		logger.Info("applied migration", "version", m.Version, "name", m.Name)
		applied = append(applied, m.Version)
	}
	return applied, nil
}

// pending lists the migrations of ms not recorded in schema_migrations.
func pending(ctx context.Context, conn driver.Conn, ms []Migration) ([]Migration, error) {
	done := map[int]bool{}
	rows, err := conn.Query(ctx, "SELECT DISTINCT version FROM schema_migrations")
	if err != nil {
		return nil, fmt.Errorf("reading schema_migrations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v uint32
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("scanning schema_migrations: %w", err)
		}
		done[int(v)] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading schema_migrations: %w", err)
	}
	var out []Migration
	for _, m := range ms {
		if !done[m.Version] {
			out = append(out, m)
		}
	}
	return out, nil
}

// MigrationLock is the table whose existence is the migration lock: CREATE
// TABLE without IF NOT EXISTS succeeds for exactly one of several callers on
// every ClickHouse version, which makes it a mutex without transactions.
const MigrationLock = "schema_migrations_lock"

// migrationLockWait is how long Migrate waits for another migrator.
const migrationLockWait = 5 * time.Minute

// lockMigrations takes the migration lock, waiting up to wait while another
// process holds it. A holder that crashed leaves the table behind: the error
// then names the holder and how to clear it, rather than guessing that it is
// dead.
func lockMigrations(ctx context.Context, conn driver.Conn, wait time.Duration, logger *slog.Logger) (release func(), err error) {
	host, _ := os.Hostname()
	holder := fmt.Sprintf("%s pid %d", host, os.Getpid())
	deadline := time.Now().Add(wait)
	for logged := false; ; {
		err := conn.Exec(ctx, "CREATE TABLE "+MigrationLock+" (holder String, since DateTime('UTC')) ENGINE = Log")
		if err == nil {
			if err := insertRow(ctx, conn, "INSERT INTO "+MigrationLock+" (holder, since)", holder, time.Now().UTC()); err != nil {
				logger.Warn("recording the migration lock's holder", "err", err)
			}
			return func() {
				// The lock must go even when ctx is done.
				if err := conn.Exec(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS "+MigrationLock); err != nil {
					logger.Error("releasing the migration lock: drop it by hand", "table", MigrationLock, "err", err)
				}
			}, nil
		}
		if !isTableExists(err) {
			return nil, fmt.Errorf("taking the migration lock (CREATE TABLE %s): %w", MigrationLock, err)
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the migration lock %s has been held for over %s by %s: if no migration is running (a migrator crashed), DROP TABLE %s and start again",
				MigrationLock, wait, lockHolder(ctx, conn), MigrationLock)
		}
		if !logged {
			logger.Info("waiting for another migrator", "holder", lockHolder(ctx, conn))
			logged = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// isTableExists tells a lock held by someone else (code 57, TABLE_ALREADY_EXISTS;
// a concurrent CREATE of the same name may also be refused as "already being
// created") from any other failure.
func isTableExists(err error) bool {
	var ex *clickhouse.Exception
	if errors.As(err, &ex) && ex.Code == 57 {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "already exists") || strings.Contains(msg, "is being created") || strings.Contains(msg, "already being created")
}

func lockHolder(ctx context.Context, conn driver.Conn) string {
	var holder string
	var since time.Time
	if err := conn.QueryRow(ctx, "SELECT holder, since FROM "+MigrationLock+" LIMIT 1").Scan(&holder, &since); err != nil {
		return "an unknown process"
	}
	return fmt.Sprintf("%s (since %s)", holder, since.Format(time.RFC3339))
}

// insertRow inserts one row with a batch. NOTE(lead): on the 18.16 server an
// INSERT ... VALUES with bound parameters sent through Exec never completes
// (the server waits for a data block); batches with an explicit column list
// work on every version.
func insertRow(ctx context.Context, conn driver.Conn, insert string, values ...any) error {
	b, err := conn.PrepareBatch(ctx, insert)
	if err != nil {
		return err
	}
	if err := b.Append(values...); err != nil {
		_ = b.Abort()
		return err
	}
	return b.Send()
}

// InsertRow inserts one row with a batch (see insertRow); other packages use
// it for small writes.
func InsertRow(ctx context.Context, conn driver.Conn, insert string, values ...any) error {
	return insertRow(ctx, conn, insert, values...)
}
