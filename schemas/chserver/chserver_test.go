package chserver

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"
)

// TestPortTakenIsRecognised: a server that cannot bind its port fails with
// errPortTaken, which is what makes Start pick new ports and try again.
func TestPortTakenIsRecognised(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := Start(ctx, Config{DataDir: t.TempDir(), TCPPort: l.Addr().(*net.TCPAddr).Port, InstallIfMissing: true}, nil)
	if err == nil {
		_ = s.Stop()
		t.Fatal("the server started on a port already in use")
	}
	if !errors.Is(err, errPortTaken) {
		t.Fatalf("error does not say the port was taken: %v", err)
	}
}
