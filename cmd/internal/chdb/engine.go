package chdb

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"
)

// Engine is the ClickHouse engine loaded in this process. chDB keeps one
// storage path per process, and a connection runs one statement at a time,
// so every statement goes through one mutex: callers may share an Engine
// between goroutines.
type Engine struct {
	mu     sync.Mutex
	e      *engine
	closed bool
}

// Open loads libchdb.so from libPath (see LibPath) and opens its storage in
// dataDir. It fails, naming the path, when the library cannot be loaded.
func Open(libPath, dataDir string) (*Engine, error) {
	if libPath == "" || dataDir == "" {
		return nil, errors.New("chdb: library path and data directory are required")
	}
	e, err := openEngine(libPath, dataDir)
	if err != nil {
		return nil, err
	}
	return &Engine{e: e}, nil
}

// Query runs sql (one statement, which may carry inline data after a FORMAT
// clause) and returns its output in format ("Native", "TabSeparated", ...).
// ctx is checked before the statement starts: a running statement is not
// interrupted.
func (en *Engine) Query(ctx context.Context, sql []byte, format string) ([]byte, error) {
	en.mu.Lock()
	defer en.mu.Unlock()
	return en.queryLocked(ctx, sql, format)
}

func (en *Engine) queryLocked(ctx context.Context, sql []byte, format string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if en.closed {
		return nil, errors.New("chdb: engine closed")
	}
	return en.e.query(sql, format)
}

// Session runs fn with the engine to itself: statements fn runs through the
// given function see the settings and current database set by earlier ones,
// and no other caller's statements come in between.
func (en *Engine) Session(ctx context.Context, fn func(query func(sql []byte, format string) ([]byte, error)) error) error {
	en.mu.Lock()
	defer en.mu.Unlock()
	return fn(func(sql []byte, format string) ([]byte, error) { return en.queryLocked(ctx, sql, format) })
}

// Close closes the connection. The library stays loaded (it cannot be
// unloaded safely), so a process opens at most one storage path.
func (en *Engine) Close() error {
	en.mu.Lock()
	defer en.mu.Unlock()
	if !en.closed {
		en.closed = true
		en.e.close()
	}
	return nil
}

// Error is an exception the engine reported, with ClickHouse's error code
// when the message carries one ("Code: 60. DB::Exception: ...").
type Error struct {
	Code    int
	Message string
}

var codeRe = regexp.MustCompile(`Code: (\d+)\.`)

func newError(msg string) *Error {
	e := &Error{Message: msg}
	if m := codeRe.FindStringSubmatch(msg); m != nil {
		e.Code, _ = strconv.Atoi(m[1])
	}
	return e
}

func (e *Error) Error() string { return fmt.Sprintf("chdb: %s", e.Message) }
