# wardpulse: the two commands are `make run` (the whole system on this
# machine) and `make test` (the test suite against real ClickHouse,
# Prometheus, Alertmanager and Chromium). Both install what they need.

SHELL := /bin/bash
GO ?= go
BIN := bin/wardpulse
DEB_PACKAGES := clickhouse-server clickhouse-client prometheus prometheus-alertmanager chromium poppler-utils
LOCAL_DIR ?= $(HOME)/.wardpulse/local

.PHONY: run test setup build vet bench clean

# setup installs the Debian packages the system and the tests use (as root,
# only those missing) and downloads the Go modules.
setup:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "setup: missing Debian packages:$$missing (run as root, or install them)"; exit 1; fi; \
	  echo "setup: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	$(GO) mod download

build: setup
	$(GO) build -o $(BIN) ./cmd/wardpulse

# run starts the embedded broker, a local ClickHouse server, ingest, the
# processor, the alerter with a local Alertmanager, loads the demo data and
# writes the dashboards; Ctrl-C stops everything.
run: build
	$(BIN) local -dir $(LOCAL_DIR)

vet:
	$(GO) vet ./...

# test runs every test; tests that need ClickHouse, Prometheus, Alertmanager
# or Chromium start the real ones and fail (never skip) if they cannot.
test: setup vet
	$(GO) test -count=1 -timeout 45m -p 2 ./...

bench: build
	$(BIN) bench

clean:
	rm -rf bin

# fuzz runs every fuzz target for FUZZTIME each (7 x 8 s: about a minute in
# all), before the tests (a prerequisite of test); an input that fails is written to the package's
# testdata/fuzz and fails the run. Minimising a new input is capped so that
# a slow one cannot eat a target's time. A fuzz target missing from the list
# fails the run too.
FUZZTIME ?= 8s
FUZZ_TARGETS := schemas:FuzzDecode schemas:FuzzFastDecode processors/classify:FuzzClassify processors/classify:FuzzLoad \
	processors/gazetteer:FuzzFind processors/redact:FuzzCounts ingest/extract:FuzzExtract
.PHONY: fuzz
test: fuzz
fuzz: setup
	@found=$$(grep -rhoE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+' . | sort -u | wc -l); \
	if [ "$$found" != "$(words $(FUZZ_TARGETS))" ]; then \
	  echo "fuzz: $$found fuzz targets in the tree, $(words $(FUZZ_TARGETS)) in FUZZ_TARGETS: list them all"; exit 1; fi
	@set -e; for t in $(FUZZ_TARGETS); do \
	  echo "fuzz: $${t##*:} in ./$${t%%:*} for $(FUZZTIME)"; \
	  $(GO) test -run='^$$' -fuzz="^$${t##*:}$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s ./$${t%%:*}; \
	done
