// Package kafkatest runs an embedded Kafka-protocol broker (franz-go's kfake)
// for tests and the dev binary's local mode (never the production binary). kafka-go talks to it over TCP like to Kafka.
//
// NOTE(lead): kfake is not Kafka: it is one process, keeps the log in memory
// (or in DataDir when set), and has no replication. The deploy/ files
// target a real KRaft Kafka.
package kafkatest

import (
	"fmt"
	"log/slog"
	"net"
	"strconv"

	"github.com/twmb/franz-go/pkg/kfake"
)

// Config configures the broker.
type Config struct {
	ListenAddr string // host:port; empty picks a free port on 127.0.0.1
	DataDir    string // where to persist the log; empty keeps it in memory
}

// Broker is a running embedded broker.
type Broker struct {
	c *kfake.Cluster
}

// Start starts a one-broker cluster.
func Start(cfg Config, logger *slog.Logger) (*Broker, error) {
	port := 0
	if cfg.ListenAddr != "" {
		_, p, err := net.SplitHostPort(cfg.ListenAddr)
		if err != nil {
			return nil, fmt.Errorf("broker listen address %q: %w", cfg.ListenAddr, err)
		}
		if port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("broker listen address %q: bad port", cfg.ListenAddr)
		}
	} else {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("finding a free port for the broker: %w", err)
		}
		port = l.Addr().(*net.TCPAddr).Port
		l.Close()
	}
	opts := []kfake.Opt{kfake.NumBrokers(1), kfake.Ports(port), kfake.ListenFn(func(network, _ string) (net.Listener, error) {
		return net.Listen(network, net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	})}
	if cfg.DataDir != "" {
		opts = append(opts, kfake.DataDir(cfg.DataDir), kfake.SyncWrites())
	}
	c, err := kfake.NewCluster(opts...)
	if err != nil {
		return nil, fmt.Errorf("starting the embedded broker on port %d: %w", port, err)
	}
	return &Broker{c: c}, nil
}

// Addrs are the broker's bootstrap addresses.
func (b *Broker) Addrs() []string { return b.c.ListenAddrs() }

// Close stops the broker.
func (b *Broker) Close() { b.c.Close() }
