// Package config loads a command's configuration with one precedence rule:
// flag defaults < YAML file (-config.file) < flags given on the command line.
// Unknown YAML keys are errors; ${VAR} expansion happens only with
// -config.expand-env, so a literal "$" in a file is never rewritten by surprise.
package config

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// Validator is implemented by configs that can check themselves.
type Validator interface{ Validate() error }

// Parse registers -config.file and -config.expand-env on fs, parses args,
// loads the file into dst (a pointer to the struct whose fields the flags
// are bound to) and parses args again so flags win over the file. It then
// calls dst.Validate when dst implements Validator.
func Parse(fs *flag.FlagSet, args []string, dst any) error {
	file := fs.String("config.file", "", "YAML configuration file; flags given on the command line override it")
	expand := fs.Bool("config.expand-env", false, "expand ${VAR} references in the configuration file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *file != "" {
		b, err := os.ReadFile(*file)
		if err != nil {
			return fmt.Errorf("reading configuration %s: %w", *file, err)
		}
		if *expand {
			b = []byte(os.ExpandEnv(string(b)))
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(dst); err != nil && !errors.Is(err, io.EOF) { // an empty file is fine
			return fmt.Errorf("reading configuration %s: %w", *file, err)
		}
		if err := fs.Parse(args); err != nil {
			return err
		}
	}
	if v, ok := dst.(Validator); ok {
		if err := v.Validate(); err != nil {
			return fmt.Errorf("invalid configuration: %w", err)
		}
	}
	return nil
}

// StringList is a comma-separated flag that is also a YAML list.
type StringList []string

func (s *StringList) String() string { return strings.Join(*s, ",") }

// Set replaces the list (it does not append), so the second parse of the
// command line gives the same result as the first.
func (s *StringList) Set(v string) error {
	*s = nil
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*s = append(*s, p)
		}
	}
	return nil
}

// Secret is a string that prints as "********" so a dumped configuration
// never shows a password.
type Secret string

func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "********"
}

// MarshalYAML masks the secret.
func (s Secret) MarshalYAML() (any, error) { return s.String(), nil }

// SecretFlag binds a Secret to a flag.
type SecretFlag struct{ S *Secret }

func (f SecretFlag) String() string {
	if f.S == nil {
		return ""
	}
	return f.S.String()
}

// Set stores the value.
func (f SecretFlag) Set(v string) error { *f.S = Secret(v); return nil }
