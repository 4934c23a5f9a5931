package schemas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// strictErrors finds what encoding/json (and so the JSON Schema validator)
// would let through silently: bytes that are not UTF-8, which it replaces
// with U+FFFD, and a key given twice in one object, where it keeps the last
// value. Either would store something the sender did not mean, so both are
// refused, naming the field (and, for bad UTF-8, the byte offset). Only the
// slow path runs it: the fast path already refuses both (plainJSON checks
// UTF-8; decodeFast refuses repeated members). Malformed JSON returns nil
// here: the schema validator words that error.
func strictErrors(raw []byte) []FieldError {
	bad := int64(-1)
	if !utf8.Valid(raw) {
		for i := 0; i < len(raw); {
			r, n := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && n <= 1 {
				bad = int64(i)
				break
			}
			i += n
		}
	}
	type frame struct {
		object bool
		keys   map[string]bool
		key    string // the member whose value comes next (objects)
		index  int    // the next element's index (arrays)
		path   string
		expect bool // objects: the next token is a key
	}
	join := func(path, name string) string {
		if path == "" {
			return name
		}
		return path + "." + name
	}
	var out []FieldError
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var stack []*frame
	// valuePath is the path of the value about to be read in the top frame.
	valuePath := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := stack[len(stack)-1]
		if f.object {
			return join(f.path, f.key)
		}
		return join(f.path, strconv.Itoa(f.index))
	}
	// consumed marks the top frame's value as read.
	consumed := func() {
		if len(stack) == 0 {
			return
		}
		f := stack[len(stack)-1]
		if f.object {
			f.expect = true
		} else {
			f.index++
		}
	}
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if bad >= 0 && len(out) == 0 {
				out = append(out, FieldError{Reason: fmt.Sprintf("invalid UTF-8 at byte %d: send text as UTF-8", bad)})
			}
			return out // the schema validator names the syntax error
		}
		after := dec.InputOffset()
		top := (*frame)(nil)
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				f := &frame{object: t == '{', path: valuePath(), expect: t == '{'}
				if f.object {
					f.keys = map[string]bool{}
				}
				stack = append(stack, f)
			case '}', ']':
				stack = stack[:len(stack)-1]
				consumed()
			}
			continue
		case string:
			if top != nil && top.object && top.expect {
				field := join(top.path, t)
				if bad >= before && bad < after {
					out = append(out, FieldError{Field: top.path, Reason: fmt.Sprintf("a key holds invalid UTF-8 at byte %d: send text as UTF-8", bad)})
				}
				if top.keys[t] {
					out = append(out, FieldError{Field: field, Reason: fmt.Sprintf("key %q is given twice in one object: send it once", t)})
				}
				top.keys[t] = true
				top.key, top.expect = t, false
				continue
			}
			if bad >= before && bad < after {
				out = append(out, FieldError{Field: valuePath(), Reason: fmt.Sprintf("invalid UTF-8 at byte %d: send text as UTF-8", bad)})
			}
		}
		consumed()
	}
	if bad >= 0 && len(out) == 0 {
		out = append(out, FieldError{Reason: fmt.Sprintf("invalid UTF-8 at byte %d: send text as UTF-8", bad)})
	}
	return out
}
