//go:build !cgo || !linux

package chdb

import "errors"

type engine struct{}

func openEngine(libPath, dataDir string) (*engine, error) {
	return nil, errors.New("chdb: this binary was built without cgo on linux, so libchdb.so cannot be loaded (build with CGO_ENABLED=1)")
}

func (e *engine) query(sql []byte, format string) ([]byte, error) { panic("unreachable") }
func (e *engine) close()                                          {}
