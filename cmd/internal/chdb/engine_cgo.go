//go:build cgo && linux

package chdb

/*
#cgo LDFLAGS: -ldl
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

// libchdb.so ships no C header: these are the few entry points this package
// calls, declared from chdb.h as opaque pointers. chdb_connect returns a
// pointer to a connection handle; the query functions take the handle.
typedef void **(*wp_connect_fn)(int, char **);
typedef void (*wp_close_fn)(void **);
typedef void *(*wp_query_n_fn)(void *, const char *, size_t, const char *, size_t);
typedef const char *(*wp_error_fn)(void *);
typedef char *(*wp_buffer_fn)(void *);
typedef size_t (*wp_length_fn)(void *);
typedef void (*wp_destroy_fn)(void *);
typedef void (*wp_signals_fn)(int);

typedef struct {
	void *lib;
	wp_connect_fn connect;
	wp_close_fn close;
	wp_query_n_fn query_n;
	wp_error_fn error;
	wp_buffer_fn buffer;
	wp_length_fn length;
	wp_destroy_fn destroy;
	wp_signals_fn signals; // optional (chDB 26.3+)
} wp_api;

static char wp_err[512];

// wp_open loads the library and opens a connection. The Go runtime owns the
// process's signal handlers: chDB's own crash handlers are switched off, and
// because switching them off (and connecting) resets the deadly signals to
// SIG_DFL, every disposition is saved first and restored afterwards.
static void **wp_open(wp_api *a, const char *path, int argc, char **argv, const char **err) {
	*err = NULL;
	struct sigaction saved[65];
	for (int s = 1; s < 65; s++) sigaction(s, NULL, &saved[s]);
	a->lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!a->lib) {
		snprintf(wp_err, sizeof wp_err, "%s", dlerror());
		*err = wp_err;
		return NULL;
	}
#define WP_SYM(field, name) a->field = (void *)dlsym(a->lib, name); \
	if (!a->field) { snprintf(wp_err, sizeof wp_err, "symbol %s not found", name); *err = wp_err; return NULL; }
	WP_SYM(connect, "chdb_connect")
	WP_SYM(close, "chdb_close_conn")
	WP_SYM(query_n, "chdb_query_n")
	WP_SYM(error, "chdb_result_error")
	WP_SYM(buffer, "chdb_result_buffer")
	WP_SYM(length, "chdb_result_length")
	WP_SYM(destroy, "chdb_destroy_query_result")
#undef WP_SYM
	a->signals = (wp_signals_fn)dlsym(a->lib, "chdb_set_signal_handlers_enabled");
	if (a->signals) a->signals(0);
	void **conn = a->connect(argc, argv);
	for (int s = 1; s < 65; s++) {
		if (s == SIGKILL || s == SIGSTOP) continue;
		sigaction(s, &saved[s], NULL);
	}
	if (!conn || !*conn) {
		snprintf(wp_err, sizeof wp_err, "chdb_connect returned no connection");
		*err = wp_err;
		return NULL;
	}
	return conn;
}

static void *wp_query(wp_api *a, void **conn, const char *q, size_t qlen, const char *f, size_t flen) {
	return a->query_n(*conn, q, qlen, f, flen);
}
static const char *wp_result_error(wp_api *a, void *r) { return a->error(r); }
static char *wp_result_buffer(wp_api *a, void *r) { return a->buffer(r); }
static size_t wp_result_length(wp_api *a, void *r) { return a->length(r); }
static void wp_destroy(wp_api *a, void *r) { a->destroy(r); }
static void wp_close(wp_api *a, void **conn) { a->close(conn); }
*/
import "C"

import (
	"errors"
	"fmt"
	"sync"
	"unsafe"
)

// engine is the loaded library and its one connection.
type engine struct {
	api  *C.wp_api
	conn *unsafe.Pointer
}

var loadMu sync.Mutex

func openEngine(libPath, dataDir string) (*engine, error) {
	loadMu.Lock()
	defer loadMu.Unlock()
	api := (*C.wp_api)(C.calloc(1, C.size_t(unsafe.Sizeof(C.wp_api{}))))
	args := []string{"chdb", "--path=" + dataDir}
	argv := make([]*C.char, len(args))
	for i, a := range args {
		argv[i] = C.CString(a)
		defer C.free(unsafe.Pointer(argv[i]))
	}
	cargv := (**C.char)(C.malloc(C.size_t(len(argv)) * C.size_t(unsafe.Sizeof(uintptr(0)))))
	defer C.free(unsafe.Pointer(cargv))
	copy(unsafe.Slice(cargv, len(argv)), argv)
	cpath := C.CString(libPath)
	defer C.free(unsafe.Pointer(cpath))
	var cerr *C.char
	conn := C.wp_open(api, cpath, C.int(len(args)), cargv, &cerr)
	if cerr != nil {
		msg := C.GoString(cerr)
		C.free(unsafe.Pointer(api))
		return nil, fmt.Errorf("loading chDB from %s: %s", libPath, msg)
	}
	return &engine{api: api, conn: (*unsafe.Pointer)(unsafe.Pointer(conn))}, nil
}

// query runs one statement; the result buffer is copied into Go memory.
func (e *engine) query(sql []byte, format string) ([]byte, error) {
	if len(sql) == 0 {
		return nil, errors.New("empty query")
	}
	f := C.CString(format)
	defer C.free(unsafe.Pointer(f))
	q := C.CBytes(sql)
	defer C.free(q)
	r := C.wp_query(e.api, (*unsafe.Pointer)(e.conn), (*C.char)(q), C.size_t(len(sql)), f, C.size_t(len(format)))
	if r == nil {
		return nil, errors.New("chdb_query_n returned no result")
	}
	defer C.wp_destroy(e.api, r)
	if msg := C.wp_result_error(e.api, r); msg != nil {
		return nil, newError(C.GoString(msg))
	}
	n := C.wp_result_length(e.api, r)
	if n == 0 {
		return nil, nil
	}
	return C.GoBytes(unsafe.Pointer(C.wp_result_buffer(e.api, r)), C.int(n)), nil
}

func (e *engine) close() {
	C.wp_close(e.api, (*unsafe.Pointer)(e.conn))
}
