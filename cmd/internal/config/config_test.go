package config

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

type testCfg struct {
	Addr    string     `yaml:"addr"`
	Brokers StringList `yaml:"brokers"`
	Batch   int        `yaml:"batch"`
	Pass    Secret     `yaml:"password"`
}

func (c *testCfg) register(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", "default-addr", "")
	c.Brokers = StringList{"default-broker"}
	fs.Var(&c.Brokers, "brokers", "")
	fs.IntVar(&c.Batch, "batch", 10, "")
	fs.Var(SecretFlag{&c.Pass}, "password", "")
}

// TestPrecedence pins defaults < file < flags.
func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.yaml")
	require.NoError(t, os.WriteFile(file, []byte("addr: file-addr\nbrokers: [a, b]\nbatch: 20\npassword: hunter2\n"), 0o600))
	tests := []struct {
		name string
		args []string
		want testCfg
	}{
		{"defaults", nil, testCfg{"default-addr", StringList{"default-broker"}, 10, ""}},
		{"file", []string{"-config.file", file}, testCfg{"file-addr", StringList{"a", "b"}, 20, "hunter2"}},
		{"flag beats file", []string{"-config.file", file, "-batch", "30", "-brokers", "x,y"}, testCfg{"file-addr", StringList{"x", "y"}, 30, "hunter2"}},
		{"flag before file flag", []string{"-addr", "flag-addr", "-config.file", file}, testCfg{"flag-addr", StringList{"a", "b"}, 20, "hunter2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c testCfg
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			c.register(fs)
			require.NoError(t, Parse(fs, tt.args, &c))
			require.Equal(t, tt.want, c)
		})
	}
}

func TestUnknownKeyIsAnError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "c.yaml")
	require.NoError(t, os.WriteFile(file, []byte("adr: typo\n"), 0o600))
	var c testCfg
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	c.register(fs)
	err := Parse(fs, []string{"-config.file", file}, &c)
	require.ErrorContains(t, err, "field adr not found")
}

func TestSecretIsMasked(t *testing.T) {
	require.Equal(t, "********", Secret("hunter2").String())
	require.Equal(t, "", Secret("").String())
}
