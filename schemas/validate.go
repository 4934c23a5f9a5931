package schemas

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"github.com/valyala/fastjson"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

//go:embed event.v1.json
var eventSchemaV1 []byte

// EventSchemaV1 returns the JSON Schema of version 1 events.
func EventSchemaV1() []byte { return bytes.Clone(eventSchemaV1) }

// FieldError is one problem with one field of one event. Field is a dotted
// path ("concern.text"); Reason says what is wrong in words a client can act on.
type FieldError struct {
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

func (f FieldError) Error() string {
	if f.Field == "" {
		return f.Reason
	}
	return f.Field + ": " + f.Reason
}

// InvalidEventError is returned by Validator.Decode when an event breaks the
// schema; it lists every field error found.
type InvalidEventError struct {
	Fields []FieldError
}

func (e *InvalidEventError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Error()
	}
	return "invalid event: " + strings.Join(parts, "; ")
}

// Validator checks raw event JSON against the compiled schema. It is safe for
// concurrent use.
type Validator struct {
	schema  *jsonschema.Schema
	printer *message.Printer
	parsers fastjson.ParserPool
}

// NewValidator compiles the embedded event schema.
func NewValidator() (*Validator, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(eventSchemaV1))
	if err != nil {
		return nil, fmt.Errorf("reading event.v1.json: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("event.v1.json", doc); err != nil {
		return nil, fmt.Errorf("adding event.v1.json: %w", err)
	}
	s, err := c.Compile("event.v1.json")
	if err != nil {
		return nil, fmt.Errorf("compiling event.v1.json: %w", err)
	}
	return &Validator{schema: s, printer: message.NewPrinter(language.English)}, nil
}

// Decode validates one event's JSON and decodes it. Errors are
// *InvalidEventError naming each bad field. Valid events take the fast path
// (see fastdecode.go); the rest go through the JSON Schema validator.
func (v *Validator) Decode(raw []byte) (*Event, error) {
	p := v.parsers.Get()
	ev, ok := decodeFast(p, raw)
	v.parsers.Put(p)
	if ok {
		return ev, nil
	}
	ev, err := v.decodeSlow(raw)
	if err != nil {
		return nil, err
	}
	if err := ev.CheckPeriod(); err != nil {
		return nil, err
	}
	return ev, nil
}

// decodeSlow is the reference path: the compiled JSON Schema, then
// encoding/json with unknown fields refused.
func (v *Validator) decodeSlow(raw []byte) (*Event, error) {
	if fes := strictErrors(raw); len(fes) > 0 {
		return nil, &InvalidEventError{Fields: fes}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, &InvalidEventError{Fields: []FieldError{{Reason: "malformed JSON: " + jsonReason(err)}}}
	}
	if err := v.schema.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			typ := ""
			if m, ok := inst.(map[string]any); ok {
				typ, _ = m["type"].(string)
			}
			return nil, &InvalidEventError{Fields: v.fieldErrors(ve, typ)}
		}
		return nil, fmt.Errorf("validating event: %w", err)
	}
	var ev Event
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ev); err != nil {
		return nil, &InvalidEventError{Fields: []FieldError{{Reason: "decoding: " + err.Error()}}}
	}
	return &ev, nil
}

// notAllowed words the schema's "false" members: a body of another type, or
// a place on a follow-up.
func notAllowed(typ, field string) string {
	switch field {
	case "ward", "ward_code", "lad_code", "place", "themes":
		return fmt.Sprintf("not allowed on a %s event: a follow-up takes its concern's place and themes (name the concern in %s.concern_id)", typ, typ)
	}
	return fmt.Sprintf("not allowed on a %s event: give only its own body, %q", typ, typ)
}

func jsonReason(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && strings.Contains(s, "invalid character") {
		return s[i+2:]
	}
	return s
}

// fieldErrors flattens the validation tree into its leaves, one per field and
// reason, sorted so responses are stable.
// typ is the event's type, for wording a member its type does not allow.
func (v *Validator) fieldErrors(ve *jsonschema.ValidationError, typ string) []FieldError {
	seen := map[FieldError]bool{}
	var out []FieldError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			fe := FieldError{Field: strings.Join(e.InstanceLocation, "."), Reason: e.ErrorKind.LocalizedString(v.printer)}
			if _, ok := e.ErrorKind.(*kind.FalseSchema); ok {
				fe.Reason = notAllowed(typ, fe.Field)
			}
			if !seen[fe] {
				seen[fe] = true
				out = append(out, fe)
			}
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Field != out[j].Field {
			return out[i].Field < out[j].Field
		}
		return out[i].Reason < out[j].Reason
	})
	return out
}
