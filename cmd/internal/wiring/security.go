package wiring

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"

	"github.com/wardpulse/wardpulse/cmd/internal/config"
	"github.com/wardpulse/wardpulse/processors/pause"
)

// TLS configures a client's TLS connection (to Kafka or ClickHouse). The
// zero value is plain TCP. With only Enabled set the system roots verify
// the server; CAFile replaces them (a private CA); CertFile and KeyFile
// present a client certificate (mutual TLS).
type TLS struct {
	Enabled            bool   `yaml:"enabled"`
	CAFile             string `yaml:"ca_file"`
	CertFile           string `yaml:"cert_file"`
	KeyFile            string `yaml:"key_file"`
	ServerName         string `yaml:"server_name"`
	InsecureSkipVerify bool   `yaml:"insecure_skip_verify"`
}

// RegisterFlags binds the block to flags named prefix+"tls.*".
func (t *TLS) RegisterFlags(fs *flag.FlagSet, prefix, what string) {
	fs.BoolVar(&t.Enabled, prefix+"tls.enabled", false, "connect to "+what+" over TLS")
	fs.StringVar(&t.CAFile, prefix+"tls.ca-file", "", "PEM file of the CA certificates that sign "+what+"'s certificate (default: the system roots)")
	fs.StringVar(&t.CertFile, prefix+"tls.cert-file", "", "PEM client certificate for mutual TLS with "+what)
	fs.StringVar(&t.KeyFile, prefix+"tls.key-file", "", "PEM private key of -"+prefix+"tls.cert-file")
	fs.StringVar(&t.ServerName, prefix+"tls.server-name", "", "name to verify "+what+"'s certificate against (default: the host dialled)")
	fs.BoolVar(&t.InsecureSkipVerify, prefix+"tls.insecure-skip-verify", false, "do not verify "+what+"'s certificate (testing only)")
}

// Config returns the tls.Config, or nil when TLS is not enabled. Files are
// read here, so a missing or malformed one is reported at start.
func (t TLS) Config() (*tls.Config, error) {
	if !t.Enabled {
		if t.CAFile != "" || t.CertFile != "" || t.KeyFile != "" {
			return nil, errors.New("tls: ca, cert or key file given but tls.enabled is false")
		}
		return nil, nil
	}
	c := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: t.ServerName, InsecureSkipVerify: t.InsecureSkipVerify} //nolint:gosec // opt-in, documented as testing only
	if t.CAFile != "" {
		pem, err := os.ReadFile(t.CAFile)
		if err != nil {
			return nil, fmt.Errorf("tls: reading ca file: %w", err)
		}
		c.RootCAs = x509.NewCertPool()
		if !c.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("tls: ca file %s holds no PEM certificate", t.CAFile)
		}
	}
	if (t.CertFile == "") != (t.KeyFile == "") {
		return nil, errors.New("tls: cert file and key file go together")
	}
	if t.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(t.CertFile, t.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("tls: loading client certificate %s: %w", t.CertFile, err)
		}
		c.Certificates = []tls.Certificate{cert}
	}
	return c, nil
}

// SASL configures Kafka's SASL authentication. Mechanism "" is none.
type SASL struct {
	Mechanism    string        `yaml:"mechanism"` // PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512
	Username     string        `yaml:"username"`
	Password     config.Secret `yaml:"password"`
	PasswordFile string        `yaml:"password_file"`
}

// RegisterFlags binds the block to -kafka.sasl.* flags.
func (s *SASL) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&s.Mechanism, "kafka.sasl.mechanism", "", "SASL mechanism for Kafka: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (empty: no SASL; use PLAIN only over TLS)")
	fs.StringVar(&s.Username, "kafka.sasl.username", "", "SASL user name")
	fs.Var(config.SecretFlag{S: &s.Password}, "kafka.sasl.password", "SASL password (prefer -kafka.sasl.password-file or env WARDPULSE_KAFKA_SASL_PASSWORD)")
	fs.StringVar(&s.PasswordFile, "kafka.sasl.password-file", "", "file holding the SASL password (a Compose or Kubernetes secret)")
}

// Mechanism returns the kafka-go mechanism, or nil without SASL.
func (s SASL) mechanism() (sasl.Mechanism, error) {
	if s.Mechanism == "" {
		return nil, nil
	}
	pass, err := Password(s.Password, s.PasswordFile, "WARDPULSE_KAFKA_SASL_PASSWORD")
	if err != nil {
		return nil, fmt.Errorf("kafka sasl: %w", err)
	}
	if s.Username == "" {
		return nil, errors.New("kafka sasl: a user name is required")
	}
	switch strings.ToUpper(s.Mechanism) {
	case "PLAIN":
		return plain.Mechanism{Username: s.Username, Password: pass}, nil
	case "SCRAM-SHA-256":
		return scram.Mechanism(scram.SHA256, s.Username, pass)
	case "SCRAM-SHA-512":
		return scram.Mechanism(scram.SHA512, s.Username, pass)
	}
	return nil, fmt.Errorf("kafka sasl: unknown mechanism %q (want PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)", s.Mechanism)
}

// Password returns the password given directly, else the content of file
// (trailing newline trimmed), else the environment variable env.
func Password(direct config.Secret, file, env string) (string, error) {
	switch {
	case direct != "" && file != "":
		return "", errors.New("give a password or a password file, not both")
	case direct != "":
		return string(direct), nil
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("reading password file: %w", err)
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	return os.Getenv(env), nil
}

// security builds the block's TLS configuration and SASL mechanism.
func (k *Kafka) security() (*tls.Config, sasl.Mechanism, error) {
	tc, err := k.TLS.Config()
	if err != nil {
		return nil, nil, fmt.Errorf("kafka %w", err)
	}
	mech, err := k.SASL.mechanism()
	if err != nil {
		return nil, nil, err
	}
	return tc, mech, nil
}

// Dialer returns a dialer with the block's TLS and SASL settings, for
// kafka-go readers, consumer groups and one-off connections.
func (k *Kafka) Dialer() (*kafka.Dialer, error) {
	tc, mech, err := k.security()
	if err != nil {
		return nil, err
	}
	return &kafka.Dialer{Timeout: 5 * time.Second, DualStack: true, TLS: tc, SASLMechanism: mech}, nil
}

// Transport returns a transport with the block's TLS and SASL settings,
// for kafka-go writers and clients.
func (k *Kafka) Transport() (*kafka.Transport, error) {
	tc, mech, err := k.security()
	if err != nil {
		return nil, err
	}
	return &kafka.Transport{DialTimeout: 5 * time.Second, TLS: tc, SASL: mech}, nil
}

// Connectors returns both the dialer (readers, consumer groups, one-off
// connections) and the transport (writers, clients), with the block's TLS
// and SASL settings.
func (k *Kafka) Connectors() (*kafka.Dialer, *kafka.Transport, error) {
	d, err := k.Dialer()
	if err != nil {
		return nil, nil, err
	}
	t, err := k.Transport()
	if err != nil {
		return nil, nil, err
	}
	return d, t, nil
}

// PauseSecret is the secret `wardpulse replay` and the processors share to
// sign and verify pause requests (processors/pause).
type PauseSecret struct {
	Secret config.Secret `yaml:"secret"`
	File   string        `yaml:"secret_file"`
}

// RegisterFlags binds the block to -pause.secret and -pause.secret-file.
func (p *PauseSecret) RegisterFlags(fs *flag.FlagSet) {
	fs.Var(config.SecretFlag{S: &p.Secret}, "pause.secret", "secret shared by replay and the processors to sign pause requests (prefer -pause.secret-file or env WARDPULSE_PAUSE_SECRET)")
	fs.StringVar(&p.File, "pause.secret-file", "", "file holding the pause secret (at least 16 bytes; a Compose or Kubernetes secret)")
}

// Key returns the pause key, or nil when no secret is configured.
func (p PauseSecret) Key() (*pause.Key, error) {
	s, err := Password(p.Secret, p.File, "WARDPULSE_PAUSE_SECRET")
	if err != nil {
		return nil, fmt.Errorf("pause secret: %w", err)
	}
	if s == "" {
		return nil, nil
	}
	return pause.NewKey(s)
}
