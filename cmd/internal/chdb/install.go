package chdb

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

// Package is the npm package that ships libchdb.so, and Version the chDB
// release the project tests against (ClickHouse 26.5).
const (
	Package = "@chdb/lib-linux-x64-gnu"
	Version = "26.5.3"
)

// CacheDir is where Install puts the package: $WARDPULSE_CHDB_DIR, or
// ${XDG_CACHE_HOME:-$HOME/.cache}/wardpulse/chdb-<Version>. The Makefile's
// setup target installs to the same place.
func CacheDir() (string, error) {
	if d := os.Getenv("WARDPULSE_CHDB_DIR"); d != "" {
		return d, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("chdb: finding the cache directory: %w", err)
	}
	return filepath.Join(base, "wardpulse", "chdb-"+Version), nil
}

// LibPath is libchdb.so inside an npm prefix dir.
func LibPath(dir string) string {
	return filepath.Join(dir, "node_modules", Package, "libchdb.so")
}

// Install makes sure LibPath(dir) exists, running
// `npm install --prefix dir Package@Version` when it does not (a 167 MB
// download, a 559 MB library). Concurrent installs (test packages run in
// parallel) wait for each other on a lock file in dir.
func Install(ctx context.Context, dir string) (string, error) {
	lib := LibPath(dir)
	if _, err := os.Stat(lib); err == nil {
		return lib, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("chdb: creating %s: %w", dir, err)
	}
	lock, err := os.OpenFile(filepath.Join(dir, ".install.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", fmt.Errorf("chdb: opening the install lock: %w", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return "", fmt.Errorf("chdb: locking %s: %w", lock.Name(), err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN) //nolint:errcheck // closing releases it too
	if _, err := os.Stat(lib); err == nil {
		return lib, nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", fmt.Errorf("chdb: %s is missing and npm is not on PATH to install %s@%s (run make setup)", lib, Package, Version)
	}
	cmd := exec.CommandContext(ctx, npm, "install", "--no-audit", "--no-fund", "--prefix", dir, Package+"@"+Version)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("chdb: npm install %s@%s into %s: %w\n%s", Package, Version, dir, err, out)
	}
	if _, err := os.Stat(lib); err != nil {
		return "", errors.New("chdb: npm installed " + Package + " but " + lib + " is missing")
	}
	return lib, nil
}
