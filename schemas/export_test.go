package schemas

import "github.com/valyala/fastjson"

// DecodeFast and DecodeSlow expose the two decoding paths to tests.
func (v *Validator) DecodeFast(raw []byte) (*Event, bool) {
	var p fastjson.Parser
	return decodeFast(&p, raw)
}

func (v *Validator) DecodeSlow(raw []byte) (*Event, error) { return v.decodeSlow(raw) }

// LockMigrations exposes the migration lock with a chosen wait.
var LockMigrations = lockMigrations
