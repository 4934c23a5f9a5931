package wiring_test

import (
	"testing"

	"github.com/wardpulse/wardpulse/schemas/chtest"
)

// TestMain stops the shared ClickHouse server the TLS test's audit uses.
func TestMain(m *testing.M) { chtest.Main(m) }
