package wiring_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"
	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/wardpulse/wardpulse/cmd/internal/wiring"
	"github.com/wardpulse/wardpulse/ingest/publish"
	"github.com/wardpulse/wardpulse/processors/consume"
	"github.com/wardpulse/wardpulse/processors/replay"
	"github.com/wardpulse/wardpulse/schemas"
	"github.com/wardpulse/wardpulse/schemas/chtest"
)

// selfSigned writes a certificate for 127.0.0.1 to dir and returns the
// server's tls.Config and the certificate's PEM file (the CA file).
func selfSigned(t *testing.T, dir string) (*tls.Config, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "kfake"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	kb, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	pair, err := tls.X509KeyPair(certPEM, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}))
	require.NoError(t, err)
	ca := filepath.Join(dir, "ca.pem")
	require.NoError(t, os.WriteFile(ca, certPEM, 0o600))
	return &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}, ca
}

// TestKafkaTLSAndSASL connects to a broker that only speaks TLS with SASL
// (kfake) through the configuration blocks: the producer (Writer) and the
// live readiness check (Dialer) authenticate with PLAIN and SCRAM, and a
// wrong password, a missing CA or plain TCP fail.
func TestKafkaTLSAndSASL(t *testing.T) {
	dir := t.TempDir()
	srvTLS, ca := selfSigned(t, dir)
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.EnableSASL(), kfake.TLS(srvTLS), kfake.SeedTopics(2, "events"),
		kfake.Superuser("PLAIN", "plain-user", "plain-pass"), kfake.Superuser("SCRAM-SHA-256", "scram-user", "scram-pass"))
	require.NoError(t, err)
	defer c.Close()
	pf := filepath.Join(dir, "password")
	require.NoError(t, os.WriteFile(pf, []byte("scram-pass\n"), 0o600))

	ctx := context.Background()
	db := chtest.New(t)
	_, err = schemas.Migrate(ctx, db.Conn, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	withTLS := wiring.TLS{Enabled: true, CAFile: ca}
	for _, tc := range []struct {
		name string
		k    wiring.Kafka
		ok   bool
	}{
		{"PLAIN over TLS", wiring.Kafka{TLS: withTLS, SASL: wiring.SASL{Mechanism: "PLAIN", Username: "plain-user", Password: "plain-pass"}}, true},
		{"SCRAM-SHA-256 over TLS, password file", wiring.Kafka{TLS: withTLS, SASL: wiring.SASL{Mechanism: "scram-sha-256", Username: "scram-user", PasswordFile: pf}}, true},
		{"wrong password", wiring.Kafka{TLS: withTLS, SASL: wiring.SASL{Mechanism: "PLAIN", Username: "plain-user", Password: "nope"}}, false},
		{"no SASL", wiring.Kafka{TLS: withTLS}, false},
		{"TLS not trusted", wiring.Kafka{TLS: wiring.TLS{Enabled: true}, SASL: wiring.SASL{Mechanism: "PLAIN", Username: "plain-user", Password: "plain-pass"}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := tc.k
			k.Brokers, k.Topic = c.ListenAddrs(), "events"
			require.NoError(t, k.Validate())
			d, err := k.Dialer()
			require.NoError(t, err)
			err = publish.BrokerReady(ctx, d, k.Brokers, k.Topic, 5*time.Second)
			if !tc.ok {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			w, err := k.Writer(k.Topic)
			require.NoError(t, err)
			defer w.Close()
			wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			require.NoError(t, w.WriteMessages(wctx, kafka.Message{Key: []byte("k"), Value: []byte("v")}))

			// replay, audit's bounds and the alerter's check read the
			// log ends through the transport.
			tr, err := k.Transport()
			require.NoError(t, err)
			bounds, err := replay.LogBoundsVia(ctx, replay.Client(k.Brokers, tr), k.Topic)
			require.NoError(t, err)
			var n int64
			for _, b := range bounds {
				n += b.Next - b.First
			}
			require.Positive(t, n)

			// wardpulse audit reaches the same broker through them too;
			// over plain TCP it cannot.
			rep, err := replay.AuditVia(ctx, db.Conn, replay.AuditKafka{Brokers: k.Brokers, Topic: k.Topic, Dialer: d, Transport: tr}, 10*time.Second, nil)
			require.NoError(t, err, "audit over TLS and SASL")
			require.True(t, rep.OK(), "%+v", rep)
			pctx, pcancel := context.WithTimeout(ctx, 3*time.Second)
			_, err = replay.AuditWait(pctx, db.Conn, k.Brokers, k.Topic, "", time.Second, nil)
			pcancel()
			require.Error(t, err, "audit over plain TCP to a TLS-only broker")

			// The processor's path: a consumer group through the dialer
			// reads what was written.
			h := &firstMessage{got: make(chan kafka.Message, 1)}
			cons, err := consume.New(consume.Config{Brokers: k.Brokers, Dialer: d, Topic: k.Topic, GroupID: "g-" + k.SASL.Username,
				BatchSize: 10, BatchWait: 50 * time.Millisecond, SessionTimeout: 6 * time.Second, RebalanceTimeout: 6 * time.Second,
				HeartbeatInterval: time.Second, JoinGroupBackoff: 200 * time.Millisecond}, h, nil, nil)
			require.NoError(t, err)
			cctx, stop := context.WithCancel(ctx)
			done := make(chan error, 1)
			go func() { done <- cons.Run(cctx) }()
			select {
			case m := <-h.got:
				require.Equal(t, "v", string(m.Value))
			case <-time.After(30 * time.Second):
				t.Error("the consumer group read nothing over TLS and SASL")
			}
			stop()
			require.NoError(t, <-done)
		})
	}
}

// firstMessage is a consume.Handler that passes on the first message.
type firstMessage struct{ got chan kafka.Message }

func (f *firstMessage) Assign(context.Context, int) (int64, error) { return kafka.FirstOffset, nil }

func (f *firstMessage) Handle(_ context.Context, _ int, msgs []kafka.Message) error {
	select {
	case f.got <- msgs[0]:
	default:
	}
	return nil
}

// TestSecurityConfigErrors: settings that cannot work are refused at start,
// naming what is wrong.
func TestSecurityConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		k    wiring.Kafka
		want string
	}{
		{"unknown mechanism", wiring.Kafka{SASL: wiring.SASL{Mechanism: "GSSAPI", Username: "u", Password: "p"}}, `unknown mechanism "GSSAPI"`},
		{"no user", wiring.Kafka{SASL: wiring.SASL{Mechanism: "PLAIN", Password: "p"}}, "user name is required"},
		{"password twice", wiring.Kafka{SASL: wiring.SASL{Mechanism: "PLAIN", Username: "u", Password: "p", PasswordFile: "/x"}}, "not both"},
		{"missing ca", wiring.Kafka{TLS: wiring.TLS{Enabled: true, CAFile: "/nonexistent/ca.pem"}}, "reading ca file"},
		{"ca without tls", wiring.Kafka{TLS: wiring.TLS{CAFile: "/x"}}, "tls.enabled is false"},
		{"cert without key", wiring.Kafka{TLS: wiring.TLS{Enabled: true, CertFile: "/x"}}, "go together"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := tc.k
			k.Brokers, k.Topic = []string{"127.0.0.1:9092"}, "events"
			require.ErrorContains(t, k.Validate(), tc.want)
		})
	}
}
