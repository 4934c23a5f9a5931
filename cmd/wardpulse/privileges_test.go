package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/dashboards"
	"github.com/wardpulse/wardpulse/dashboards/briefing"
	"github.com/wardpulse/wardpulse/dashboards/expand"
	"github.com/wardpulse/wardpulse/processors/chsink"
	"github.com/wardpulse/wardpulse/schemas/chserver"
	"github.com/wardpulse/wardpulse/schemas/gazetteer"
	"github.com/wardpulse/wardpulse/schemas/taxonomy"
)

func randomSecret(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return hex.EncodeToString(b)
}

// dialFrom connects as user from a loopback source address other than
// 127.0.0.1, which the server sees as another host.
func dialFrom(ctx context.Context, addr, user, pass, src string) error {
	conn, err := clickhouse.Open(&clickhouse.Options{Addr: []string{addr}, Auth: clickhouse.Auth{Username: user, Password: pass},
		DialTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		DialContext: func(ctx context.Context, addr string) (net.Conn, error) {
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}, Timeout: 5 * time.Second}
			return d.DialContext(ctx, "tcp", addr)
		}})
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Ping(ctx)
}

// TestDeployClickHouseUsers starts ClickHouse 18.16 with the deployment's
// users (deploy/clickhouse/users.d) and passwords from the environment, as
// Compose gives them: the writer migrates and writes; the read-only user
// runs every dashboard query and the briefing but cannot INSERT, ALTER,
// CREATE, DROP, RENAME or change settings, nor use another database; the
// default user answers only on the server's own address.
func TestDeployClickHouseUsers(t *testing.T) {
	ctx := context.Background()
	writerPass, readerPass := randomSecret(t), randomSecret(t)
	dir := t.TempDir()
	ch, err := chserver.Start(ctx, chserver.Config{DataDir: filepath.Join(dir, "ch"),
		UsersFiles: []string{filepath.Join("..", "..", "deploy", "clickhouse", "users.d", "wardpulse.xml")},
		Env:        []string{"WARDPULSE_CH_WRITER_PASSWORD=" + writerPass, "WARDPULSE_CH_READER_PASSWORD=" + readerPass}}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ch.Stop() })

	// The writer's password from a file, as a Compose secret is mounted.
	pf := filepath.Join(dir, "writer-password")
	require.NoError(t, os.WriteFile(pf, []byte(writerPass+"\n"), 0o600))
	wcfg := wiring.ClickHouse{Addr: ch.Addr(), Database: "wardpulse", Username: "wardpulse_writer", PasswordFile: pf}
	writer, err := wcfg.Open(ctx, true, discard())
	require.NoError(t, err, "the writer creates the database and applies the migrations")
	t.Cleanup(func() { writer.Close() })
	require.NoError(t, chsink.SetState(ctx, writer, "probe", "written by the writer"))

	bad := wiring.ClickHouse{Addr: ch.Addr(), Database: "wardpulse", Username: "wardpulse_reader", Password: "wrong"}
	_, err = bad.Open(ctx, false, discard())
	require.Error(t, err, "a wrong password")

	rcfg := wiring.ClickHouse{Addr: ch.Addr(), Database: "wardpulse", Username: "wardpulse_reader", Password: "", PasswordFile: ""}
	t.Setenv("WARDPULSE_CLICKHOUSE_PASSWORD", readerPass)
	reader, err := rcfg.Open(ctx, false, discard())
	require.NoError(t, err)
	t.Cleanup(func() { reader.Close() })

	exec := func(conn driver.Conn, sql string) error {
		ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		return conn.Exec(ctx, sql)
	}
	for _, sql := range []string{
		"INSERT INTO pipeline_state (key, value, updated_us) SELECT 'pause', 'forged', 1",
		"ALTER TABLE pipeline_state DELETE WHERE 1",
		"ALTER TABLE concern_daily ADD COLUMN x UInt8",
		"CREATE TABLE wardpulse.evil (a UInt8) ENGINE = Memory",
		"DROP TABLE pipeline_state",
		"RENAME TABLE pipeline_state TO pipeline_state_old",
		"TRUNCATE TABLE pipeline_state",
		"SET readonly = 0",
	} {
		err := exec(reader, sql)
		require.Error(t, err, "the read-only user ran %s", sql)
		require.Contains(t, strings.ToLower(err.Error()), "readonly", "%s: %v", sql, err)
	}
	var n uint64
	require.NoError(t, reader.QueryRow(ctx, "SELECT count() FROM pipeline_state").Scan(&n))
	require.EqualValues(t, 1, n, "the reader reads, and nothing it tried changed the table")

	other := wiring.ClickHouse{Addr: ch.Addr(), Database: "default", Username: "wardpulse_reader"}
	_, err = other.Open(ctx, false, discard())
	require.Error(t, err, "the read-only user is limited to the wardpulse database")
	require.Error(t, exec(writer, "CREATE TABLE default.evil (a UInt8) ENGINE = Memory"), "the writer is limited to the wardpulse database")

	// Every dashboard query, expanded as the Grafana plugin would, runs as
	// the read-only user (the tables are empty: this is about rights).
	from, to := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 31, 0, 0, 0, 0, time.UTC)
	queries := 0
	runQuery := func(what, sql string) []string {
		t.Helper()
		ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		rows, err := reader.Query(ctx, sql)
		require.NoError(t, err, "%s as the read-only user:\n%s", what, sql)
		defer rows.Close()
		queries++
		var first []string
		for rows.Next() {
			if len(rows.ColumnTypes()) > 0 && rows.ColumnTypes()[0].DatabaseTypeName() == "String" {
				var s string
				if rows.Scan(&s) == nil {
					first = append(first, s)
				}
			}
		}
		require.NoError(t, rows.Err(), what)
		return first
	}
	ds, err := dashboards.Default().All()
	require.NoError(t, err)
	picks := map[string]string{"lad": "E06000003", "ward": "E05012442", "theme": "off_road_bikes"}
	for _, d := range ds {
		uid := dashboards.UID(d)
		vars := map[string]expand.Value{}
		for _, v := range d.Templating.List {
			pick := picks[v.Name]
			if pick == "" && v.Current != nil && v.Current.Value.String != nil {
				pick = *v.Current.Value.String
			}
			switch v.Type {
			case "custom":
				vars[v.Name] = expand.Single(pick)
			case "query":
				sql, err := expand.Expand(expand.Query{SQL: *v.Query.String, From: from, To: to, Vars: vars})
				require.NoError(t, err)
				runQuery(uid+" variable "+v.Name, sql)
				if v.IncludeAll != nil && *v.IncludeAll {
					vars[v.Name] = expand.Multi(pick)
				} else {
					vars[v.Name] = expand.Single(pick)
				}
			}
		}
		for _, a := range d.Annotations.List {
			if tg, ok := a.Target.(*dashboards.ClickHouseQuery); ok {
				sql, err := expand.Expand(expand.Query{SQL: tg.RawSQL, From: from, To: to, Vars: vars})
				require.NoError(t, err)
				runQuery(uid+" annotation "+a.Name, sql)
			}
		}
		for _, pr := range d.Panels {
			if pr.Panel == nil {
				continue
			}
			for _, q := range pr.Panel.Targets {
				if tg, ok := q.(*dashboards.ClickHouseQuery); ok {
					sql, err := expand.Expand(expand.Query{SQL: tg.RawSQL, From: from, To: to, Vars: vars})
					require.NoError(t, err)
					runQuery(uid+" panel", sql)
				}
			}
		}
	}
	t.Logf("%d dashboard queries ran as the read-only user", queries)
	require.Greater(t, queries, 10)
	_, err = briefing.Gather(ctx, briefing.Source{Conn: reader, Themes: taxonomy.Default(), Wards: gazetteer.Default()}, from, to)
	require.NoError(t, err, "the briefing's queries as the read-only user")

	// default answers on the server's own address only; the service
	// users from anywhere.
	require.NoError(t, dialFrom(ctx, ch.Addr(), "wardpulse_writer", writerPass, "127.0.0.5"))
	err = dialFrom(ctx, ch.Addr(), "default", "", "127.0.0.5")
	require.Error(t, err, "the default user from another host")
	t.Logf("default user from 127.0.0.5: %v", err)
}
