package chdb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	chproto "github.com/ClickHouse/ch-go/proto"
	"github.com/ClickHouse/clickhouse-go/v2/lib/column"
	"github.com/ClickHouse/clickhouse-go/v2/lib/proto"
)

// Server answers the part of ClickHouse's HTTP interface that clickhouse-go
// (Protocol: clickhouse.HTTP) uses, in front of an Engine, so the project's
// own code runs unchanged against the engine:
//
//   - a statement in the body, or in the URL's query parameter with the
//     body as its data (clickhouse-go sends an INSERT as
//     "INSERT INTO t (a, b) FORMAT Native" with a Native block as the body;
//     it runs as "INSERT INTO t (a, b) FROM INFILE 'tmp' FORMAT Native");
//   - database, default_format and client_protocol_version in the URL, and
//     every other URL parameter as a query setting (param_x as a query
//     parameter), applied with SET before the statement and reset after it;
//   - results in Native format at the client's protocol revision;
//   - exceptions as a non-200 status with X-ClickHouse-Exception-Code.
//
// Compressed bodies and external tables are refused with a clear error.
type Server struct {
	en     *Engine
	tmp    string
	logger *slog.Logger
	ln     net.Listener
	srv    *http.Server
	done   chan error
}

// Serve listens on a free loopback port and answers until Close. tmp is
// where INSERT bodies are staged ("" for the system's temporary directory).
func Serve(en *Engine, tmp string, logger *slog.Logger) (*Server, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("chdb: listening for the http interface: %w", err)
	}
	s := &Server{en: en, tmp: tmp, logger: logger, ln: ln, done: make(chan error, 1)}
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() { s.done <- s.srv.Serve(ln) }()
	return s, nil
}

// Addr is the host:port to give clickhouse-go.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Close stops the server, waiting for requests in flight.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if serr := <-s.done; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}

// notSettings are the URL parameters that are part of the interface, not
// query settings.
var notSettings = map[string]bool{
	"query": true, "database": true, "default_format": true, "client_protocol_version": true,
	"query_id": true, "quota_key": true, "session_id": true, "session_timeout": true,
	"session_check": true, "user": true, "password": true, "buffer_size": true,
	"wait_end_of_query": true, "compress": false, "decompress": false,
}

var nameRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// ServeHTTP answers one request: one statement.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/ping" {
		_, _ = io.WriteString(w, "Ok.\n")
		return
	}
	stmt, err := s.parse(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	out, err := s.run(r.Context(), stmt)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	w.Header().Set("X-ClickHouse-Format", stmt.format)
	_, _ = w.Write(out)
}

type statement struct {
	sql      []byte
	database string
	format   string
	revision uint64
	settings [][2]string // name, value; param_x included
	// data is an INSERT's body, sent through a file: sql is the INSERT up
	// to its FORMAT clause, formatClause the rest.
	data         []byte
	formatClause string
}

var formatClause = regexp.MustCompile(`(?i)\sFORMAT\s+\w+\s*$`)

func (s *Server) parse(r *http.Request) (*statement, error) {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		return nil, errors.New("chdb server: external tables (multipart bodies) are not supported")
	}
	if enc := r.Header.Get("Content-Encoding"); enc != "" && enc != "identity" {
		return nil, fmt.Errorf("chdb server: Content-Encoding %q is not supported: open the connection without compression", enc)
	}
	params := r.URL.Query()
	if params.Get("compress") == "1" || params.Get("decompress") == "1" {
		return nil, errors.New("chdb server: compress/decompress are not supported: open the connection without compression")
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, fmt.Errorf("chdb server: reading the request body: %w", err)
	}
	st := &statement{database: params.Get("database"), format: params.Get("default_format")}
	if st.format == "" {
		st.format = "TabSeparated"
	}
	if v := params.Get("client_protocol_version"); v != "" {
		if st.revision, err = strconv.ParseUint(v, 10, 64); err != nil {
			return nil, fmt.Errorf("chdb server: client_protocol_version %q: %w", v, err)
		}
	}
	if q := params.Get("query"); q != "" {
		st.sql = []byte(q)
		if len(body) > 0 {
			// Native data inline after the statement failed ("Cannot
			// read all data in NativeReader", "Attempt to read after
			// eof": the engine does not take binary data that way), so
			// it goes through a file: INSERT ... FROM INFILE ... FORMAT
			// Native is the same INSERT, reading the file.
			i := formatClause.FindStringIndex(q)
			if i == nil {
				return nil, fmt.Errorf("chdb server: a request body with a query that has no FORMAT clause: %.200s", q)
			}
			st.data = body
			st.sql = []byte(q[:i[0]])
			st.formatClause = q[i[0]:]
		}
	} else {
		st.sql = body
	}
	if len(bytes.TrimSpace(st.sql)) == 0 {
		return nil, errors.New("chdb server: empty query (send it in the body or the query parameter)")
	}
	for name, vals := range params {
		if _, ok := notSettings[name]; ok || len(vals) == 0 {
			continue
		}
		if !nameRe.MatchString(name) {
			return nil, fmt.Errorf("chdb server: URL parameter %q is not a setting name", name)
		}
		st.settings = append(st.settings, [2]string{name, vals[len(vals)-1]})
	}
	return st, nil
}

// run applies the statement's database and settings, runs it and resets
// the settings, all in one session turn.
func (s *Server) run(ctx context.Context, st *statement) ([]byte, error) {
	var out []byte
	err := s.en.Session(ctx, func(query func([]byte, string) ([]byte, error)) error {
		db := st.database
		if db == "" {
			db = "default"
		}
		if _, err := query([]byte("USE "+quoteIdent(db)), "TabSeparated"); err != nil {
			return err
		}
		var set []string
		defer func() {
			for _, name := range set {
				if strings.HasPrefix(name, "param_") {
					continue
				}
				if _, err := query([]byte("SET "+name+" = DEFAULT"), "TabSeparated"); err != nil {
					s.logger.Warn("chdb server: resetting a setting", "setting", name, "err", err)
				}
			}
		}()
		for _, kv := range st.settings {
			if _, err := query([]byte("SET "+kv[0]+" = "+quoteString(kv[1])), "TabSeparated"); err != nil {
				return err
			}
			set = append(set, kv[0])
		}
		sql := st.sql
		if st.data != nil {
			f, err := os.CreateTemp(s.tmp, "insert-*.native")
			if err != nil {
				return fmt.Errorf("chdb server: writing an insert's data: %w", err)
			}
			defer os.Remove(f.Name())
			_, err = f.Write(st.data)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("chdb server: writing an insert's data: %w", err)
			}
			sql = []byte(string(st.sql) + " FROM INFILE " + quoteString(f.Name()) + st.formatClause)
		}
		var err error
		out, err = query(sql, st.format)
		return err
	})
	if err != nil {
		return nil, err
	}
	if st.format == "Native" && st.revision > 0 && len(out) > 0 {
		return recode(out, st.revision)
	}
	return out, nil
}

// recode rewrites Native blocks written without a protocol revision (what
// the engine's Native output format writes) at the client's revision, as
// ClickHouse's HTTP handler does for client_protocol_version: each block
// gains its block info, each column its custom-serialization flag.
func recode(in []byte, revision uint64) ([]byte, error) {
	r := chproto.NewReader(bytes.NewReader(in))
	var buf chproto.Buffer
	for n := 0; ; n++ {
		b := proto.Block{ServerContext: &column.ServerContext{Timezone: time.UTC}}
		if err := b.Decode(r, 0); err != nil {
			if errors.Is(err, io.EOF) && n > 0 {
				return buf.Buf, nil
			}
			return nil, fmt.Errorf("chdb server: re-encoding native block %d: %w", n, err)
		}
		if err := b.Encode(&buf, revision); err != nil {
			return nil, fmt.Errorf("chdb server: re-encoding native block %d: %w", n, err)
		}
	}
}

func writeError(w http.ResponseWriter, status int, err error) {
	msg := err.Error()
	var ce *Error
	if errors.As(err, &ce) {
		msg = ce.Message
		if ce.Code > 0 {
			w.Header().Set("X-ClickHouse-Exception-Code", strconv.Itoa(ce.Code))
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=UTF-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, msg+"\n")
}

func quoteIdent(s string) string {
	return "`" + strings.NewReplacer("\\", "\\\\", "`", "\\`").Replace(s) + "`"
}

func quoteString(s string) string {
	return "'" + strings.NewReplacer("\\", "\\\\", "'", "\\'").Replace(s) + "'"
}
