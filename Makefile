# wardpulse: the two commands are `make run` (the whole system on this
# machine) and `make test` (the test suite against real ClickHouse,
# Prometheus, Alertmanager and Chromium). Both install what they need.

SHELL := /bin/bash
GO ?= go
BIN := bin/wardpulse
# DEV_BIN is the same command built with -tags dev: it adds local mode and the
# benchmarks (see docs/architecture.md); bin/wardpulse links neither.
DEV_BIN := bin/wardpulse-dev
DEB_PACKAGES := clickhouse-server clickhouse-client prometheus prometheus-alertmanager chromium poppler-utils kcat zookeeper
LOCAL_DIR ?= $(HOME)/.wardpulse/local
# A current ClickHouse engine for the tests (chDB, ClickHouse as a library),
# from npm, cached; keep the version in step with cmd/internal/chdb.Version.
CHDB_VERSION := 26.5.3
CHDB_DIR ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/wardpulse/chdb-$(CHDB_VERSION)

.PHONY: run test setup build build-dev vet bench clean schema-tools

# setup installs the Debian packages the system and the tests use (as root,
# only those missing), chDB (npm, once: a 167 MB download) and downloads the
# Go modules.
setup:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "setup: missing Debian packages:$$missing (run as root, or install them)"; exit 1; fi; \
	  echo "setup: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@if [ ! -f "$(CHDB_DIR)/node_modules/@chdb/lib-linux-x64-gnu/libchdb.so" ]; then \
	  if ! command -v npm >/dev/null; then \
	    if [ "$$(id -u)" != 0 ]; then echo "setup: npm is missing (run as root, or install it)"; exit 1; fi; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	  fi; \
	  echo "setup: installing chDB $(CHDB_VERSION) into $(CHDB_DIR)"; \
	  npm install --no-audit --no-fund --prefix "$(CHDB_DIR)" @chdb/lib-linux-x64-gnu@$(CHDB_VERSION) >/dev/null; \
	fi
	$(GO) mod download
	@$(MAKE) --no-print-directory schema-tools

# schema-tools installs the npm packages the dashboard schema check runs
# (@grafana/schema and typescript, exact versions in SCHEMACHECK's
# package.json) into a cache directory that outlives the checkout, again
# only when the pins change. Node.js and npm come from Debian when missing.
# The test finds the directory through WARDPULSE_SCHEMA_TOOLS, or at the
# same default path (Go's user cache dir).
SCHEMACHECK := dashboards/internal/schemacheck
SCHEMA_TOOLS ?= $(or $(WARDPULSE_SCHEMA_TOOLS),$(if $(XDG_CACHE_HOME),$(XDG_CACHE_HOME),$(HOME)/.cache)/wardpulse/schemacheck)
export WARDPULSE_SCHEMA_TOOLS := $(SCHEMA_TOOLS)
schema-tools:
	@if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" != 0 ]; then echo "schema-tools: node and npm are missing (run as root, or install Debian's nodejs and npm)"; exit 1; fi; \
	  echo "schema-tools: installing nodejs npm"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	fi
	@if ! cmp -s $(SCHEMACHECK)/package.json $(SCHEMA_TOOLS)/installed.json; then \
	  echo "schema-tools: installing the pinned npm packages into $(SCHEMA_TOOLS)"; \
	  mkdir -p $(SCHEMA_TOOLS) && rm -f $(SCHEMA_TOOLS)/installed.json && cp $(SCHEMACHECK)/package.json $(SCHEMA_TOOLS)/package.json && \
	  (cd $(SCHEMA_TOOLS) && npm install --no-audit --no-fund --ignore-scripts --no-package-lock --loglevel=error) && \
	  cp $(SCHEMACHECK)/package.json $(SCHEMA_TOOLS)/installed.json; \
	fi

build: setup
	$(GO) build -o $(BIN) ./cmd/wardpulse

build-dev: setup
	$(GO) build -tags dev -o $(DEV_BIN) ./cmd/wardpulse

# run starts the embedded broker, a local ClickHouse server, ingest, the
# processor, the alerter with a local Alertmanager, loads the demo data and
# writes the dashboards; Ctrl-C stops everything.
run: build-dev
	$(DEV_BIN) local -dir $(LOCAL_DIR)

vet:
	$(GO) vet ./...
	$(GO) vet -tags dev ./cmd/...

# test runs every test; tests that need ClickHouse, Prometheus, Alertmanager
# or Chromium start the real ones and fail (never skip) if they cannot; -tags dev
# so the tests of local mode and the benchmarks build and run too.
test: setup vet
	$(GO) test -tags dev -count=1 -timeout 45m -p 2 ./...

bench: build-dev
	$(DEV_BIN) bench

clean:
	rm -rf bin

# fuzz runs every fuzz target for FUZZTIME each (7 x 8 s: about a minute in
# all), before the tests (a prerequisite of test), with .ci/fuzz: an input
# that fails is written to the package's testdata/fuzz and fails the run. A
# fuzz target missing from the list fails the run too.
FUZZTIME ?= 8s
FUZZ_TARGETS := schemas:FuzzDecode schemas:FuzzFastDecode schemas/taxonomy:FuzzClassify schemas/taxonomy:FuzzLoad \
	schemas/gazetteer:FuzzFind processors/redact:FuzzCounts ingest/extract:FuzzExtract
.PHONY: fuzz
test: fuzz
fuzz: setup
	@found=$$(grep -rhoE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+' . | sort -u | wc -l); \
	if [ "$$found" != "$(words $(FUZZ_TARGETS))" ]; then \
	  echo "fuzz: $$found fuzz targets in the tree, $(words $(FUZZ_TARGETS)) in FUZZ_TARGETS: list them all"; exit 1; fi
	@GO=$(GO) bash .ci/fuzz $(FUZZTIME) $(FUZZ_TARGETS)
