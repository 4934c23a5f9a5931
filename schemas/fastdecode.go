package schemas

import (
	"bytes"
	"time"
	"unicode/utf8"

	"github.com/valyala/fastjson"
)

// The fast path. Walking a generic JSON tree through the JSON Schema
// validator and then decoding again into Event was 40 % of the processor's
// CPU. decodeFast checks the same rules as event.v1.json directly on a
// fastjson tree and builds the Event from it in one pass. It only ever says
// "valid" or "not sure": anything unusual (a null, a duplicate key, an
// escape it does not handle exactly like encoding/json, a number that is not
// a plain integer, any rule broken) returns ok=false and Decode falls back to
// the full validator, which also writes the error messages. So the schema
// file stays the one definition of a valid event; TestFastDecodeAgreesWithSchema
// and FuzzFastDecode check that whatever the fast path accepts the schema
// accepts too, decoded to the same Event.

// maximum lengths from event.v1.json, in characters (code points).
const (
	maxSourceName = 200
	maxDocument   = 2000
	maxWard       = 200
	maxPlace      = 500
	maxTitle      = 500
	maxText       = 20000
	maxReason     = 2000
	maxActionText = 2000
	maxNote       = 500
	maxThemes     = 32
	maxAttendance = 100000
)

// plainJSON reports whether raw uses only the JSON that fastjson and
// encoding/json read identically: no control characters, and escapes from
// the simple set or \u escapes outside the surrogate range.
func plainJSON(raw []byte) bool {
	if !utf8.Valid(raw) {
		return false
	}
	for _, c := range raw {
		if c < 0x20 {
			return false
		}
	}
	for i := bytes.IndexByte(raw, '\\'); i >= 0; {
		if i+1 >= len(raw) {
			return false
		}
		switch raw[i+1] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i += 2
		case 'u':
			if i+6 > len(raw) || raw[i+2] == 'd' || raw[i+2] == 'D' {
				return false
			}
			for _, h := range raw[i+2 : i+6] {
				if !isHex(rune(h)) {
					return false
				}
			}
			i += 6
		default:
			return false
		}
		j := bytes.IndexByte(raw[i:], '\\')
		if j < 0 {
			break
		}
		i += j
	}
	return true
}

func isHex(c rune) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// decodeFast returns the event and true when raw is certainly valid.
func decodeFast(p *fastjson.Parser, raw []byte) (*Event, bool) {
	if !plainJSON(raw) {
		return nil, false
	}
	v, err := p.ParseBytes(raw)
	if err != nil {
		return nil, false
	}
	o, err := v.Object()
	if err != nil {
		return nil, false
	}
	var (
		ev   Event
		ok   = true
		seen uint32 // one bit per member, to refuse duplicates
	)
	has := func(m uint32) bool { return seen&m != 0 }
	o.Visit(func(k []byte, v *fastjson.Value) {
		if !ok {
			return
		}
		bit := memberBit(k)
		if bit == 0 || has(bit) {
			ok = false
			return
		}
		seen |= bit
		switch bit {
		case mEventID:
			ev.EventID, ok = uuidString(v)
		case mType:
			ev.Type, ok = str(v, 0, 0)
			ok = ok && (ev.Type == TypeMeeting || ev.Type == TypeConcern || ev.Type == TypeWithdrawal || ev.Type == TypeAction || ev.Type == TypeOutcome)
		case mSchemaVersion:
			ev.SchemaVersion, ok = smallInt(v, 1)
			ok = ok && ev.SchemaVersion == 1
		case mOccurredAt:
			ev.OccurredAt, ok = dateTime(v)
		case mRecordedAt:
			ev.RecordedAt, ok = dateTime(v)
		case mDate:
			ev.Date, ok = str(v, 10, 10)
			if ok {
				_, err := time.Parse(time.DateOnly, ev.Date)
				ok = err == nil
			}
		case mSource:
			ev.Source, ok = source(v)
		case mWard:
			ev.Ward, ok = str(v, 1, maxWard)
		case mPlace:
			ev.Place, ok = str(v, 0, maxPlace)
		case mWardCode:
			ev.WardCode, ok = str(v, 9, 9)
			ok = ok && codeLike(ev.WardCode, '5', '5')
		case mLADCode:
			ev.LADCode, ok = str(v, 9, 9)
			ok = ok && codeLike(ev.LADCode, '6', '9')
		case mThemes:
			ev.Themes, ok = themes(v)
		case mSupersedes:
			ev.Supersedes, ok = uuidString(v)
		case mMeeting:
			ev.Meeting, ok = meeting(v)
		case mConcern:
			ev.Concern, ok = concern(v)
		case mWithdrawal:
			ev.Withdrawal, ok = withdrawal(v)
		case mAction:
			ev.Action, ok = action(v)
		case mOutcome:
			ev.Outcome, ok = outcome(v)
		}
	})
	if !ok || !has(mType) || !has(mSchemaVersion) || !has(mOccurredAt|mDate) {
		return nil, false
	}
	bodies := seen & (mMeeting | mConcern | mWithdrawal | mAction | mOutcome)
	places := mWard | mWardCode | mLADCode | mPlace
	switch ev.Type {
	case TypeMeeting:
		ok = bodies == mMeeting && has(places)
	case TypeConcern:
		ok = bodies == mConcern && has(places)
	case TypeWithdrawal:
		ok = has(mSupersedes) && bodies&^mWithdrawal == 0
	case TypeAction:
		ok = bodies == mAction && !has(places|mThemes)
	case TypeOutcome:
		ok = bodies == mOutcome && !has(places|mThemes)
	}
	if !ok {
		return nil, false
	}
	return &ev, true
}

// One bit per top-level member of an event.
const (
	mEventID uint32 = 1 << iota
	mType
	mSchemaVersion
	mOccurredAt
	mDate
	mRecordedAt
	mSource
	mWard
	mPlace
	mWardCode
	mLADCode
	mThemes
	mSupersedes
	mMeeting
	mConcern
	mWithdrawal
	mAction
	mOutcome
)

// memberBit names a top-level member by its exact key; 0 for any other.
func memberBit(k []byte) uint32 {
	switch string(k) { // no allocation: the conversion only feeds the switch
	case "event_id":
		return mEventID
	case "type":
		return mType
	case "schema_version":
		return mSchemaVersion
	case "occurred_at":
		return mOccurredAt
	case "date":
		return mDate
	case "recorded_at":
		return mRecordedAt
	case "source":
		return mSource
	case "ward":
		return mWard
	case "place":
		return mPlace
	case "ward_code":
		return mWardCode
	case "lad_code":
		return mLADCode
	case "themes":
		return mThemes
	case "supersedes":
		return mSupersedes
	case "meeting":
		return mMeeting
	case "concern":
		return mConcern
	case "withdrawal":
		return mWithdrawal
	case "action":
		return mAction
	case "outcome":
		return mOutcome
	}
	return 0
}

// str returns a string value whose length in characters is within
// [min, max]; max 0 means unbounded.
func str(v *fastjson.Value, min, max int) (string, bool) {
	if v.Type() != fastjson.TypeString {
		return "", false
	}
	b, _ := v.StringBytes()
	if min > 0 || max > 0 {
		n := utf8.RuneCount(b)
		if n < min || (max > 0 && n > max) {
			return "", false
		}
	}
	return string(b), true
}

// smallInt returns a plain non-negative integer written without sign,
// fraction or exponent, at most max.
func smallInt(v *fastjson.Value, max int) (int, bool) {
	if v.Type() != fastjson.TypeNumber {
		return 0, false
	}
	raw := v.MarshalTo(nil)
	if len(raw) == 0 || len(raw) > 9 || (raw[0] == '0' && len(raw) > 1) {
		return 0, false
	}
	n := 0
	for _, c := range raw {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= max
}

func uuidString(v *fastjson.Value) (string, bool) {
	s, ok := str(v, 0, 0)
	if !ok || len(s) != 36 {
		return "", false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return "", false
			}
		default:
			if !isHex(c) {
				return "", false
			}
		}
	}
	return s, true
}

// dateTime accepts RFC 3339 in the one shape both encoding/json and the
// schema's date-time format read the same way:
// YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM).
func dateTime(v *fastjson.Value) (*time.Time, bool) {
	s, ok := str(v, 0, 0)
	if !ok || len(s) < 20 || len(s) > 35 {
		return nil, false
	}
	for i, c := range []byte(s[:19]) {
		switch i {
		case 4, 7:
			ok = c == '-'
		case 10:
			ok = c == 'T'
		case 13, 16:
			ok = c == ':'
		default:
			ok = c >= '0' && c <= '9'
		}
		if !ok {
			return nil, false
		}
	}
	rest := s[19:]
	if rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 || i > 10 {
			return nil, false
		}
		rest = rest[i:]
	}
	switch {
	case rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
		isDigit(rest[1]) && isDigit(rest[2]) && isDigit(rest[4]) && isDigit(rest[5]) &&
		(rest[1] < '2' || rest[1] == '2' && rest[2] <= '3') && rest[4] <= '5':
	default:
		return nil, false
	}
	var t time.Time
	if err := t.UnmarshalText([]byte(s)); err != nil {
		return nil, false
	}
	return &t, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// codeLike checks ^E0[lo-hi][0-9]{6}$ on a 9-byte string.
func codeLike(s string, lo, hi byte) bool {
	if len(s) != 9 || s[0] != 'E' || s[1] != '0' || s[2] < lo || s[2] > hi {
		return false
	}
	for i := 3; i < 9; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func themes(v *fastjson.Value) ([]string, bool) {
	if v.Type() != fastjson.TypeArray {
		return nil, false
	}
	items, _ := v.Array()
	if len(items) > maxThemes {
		return nil, false
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, ok := str(it, 1, 0)
		if !ok || s[0] < 'a' || s[0] > 'z' {
			return nil, false
		}
		for i := 1; i < len(s); i++ {
			if c := s[i]; !(c >= 'a' && c <= 'z' || isDigit(c) || c == '_') {
				return nil, false
			}
		}
		for _, prev := range out {
			if prev == s {
				return nil, false
			}
		}
		out = append(out, s)
	}
	return out, true
}

// object visits an object's members once each (a repeated key is refused);
// f returns false for a key or value it does not accept. It returns the keys
// seen.
func object(v *fastjson.Value, f func(key string, v *fastjson.Value) bool) ([]string, bool) {
	if v.Type() != fastjson.TypeObject {
		return nil, false
	}
	o, _ := v.Object()
	seen := make([]string, 0, 4)
	ok := true
	o.Visit(func(k []byte, v *fastjson.Value) {
		if !ok {
			return
		}
		for _, s := range seen {
			if s == string(k) {
				ok = false
				return
			}
		}
		key := string(k)
		seen = append(seen, key)
		ok = f(key, v)
	})
	return seen, ok
}

func contains(keys []string, k string) bool {
	for _, s := range keys {
		if s == k {
			return true
		}
	}
	return false
}

func source(v *fastjson.Value) (*Source, bool) {
	var s Source
	_, ok := object(v, func(k string, v *fastjson.Value) (ok bool) {
		switch k {
		case "name":
			s.Name, ok = str(v, 0, maxSourceName)
		case "document":
			s.Document, ok = str(v, 0, maxDocument)
		case "paragraph":
			s.Paragraph, ok = smallInt(v, 1<<29)
		case "line":
			s.Line, ok = smallInt(v, 1<<29)
		}
		return ok
	})
	return &s, ok
}

func meeting(v *fastjson.Value) (*Meeting, bool) {
	var m Meeting
	seen, ok := object(v, func(k string, v *fastjson.Value) (ok bool) {
		switch k {
		case "kind":
			m.Kind, ok = str(v, 0, 0)
			switch m.Kind {
			case KindCommunityMeeting, KindPartnerMeeting, KindBoard, KindForum, KindEvent:
			default:
				ok = false
			}
		case "title":
			m.Title, ok = str(v, 0, maxTitle)
		case "location":
			m.Location, ok = str(v, 0, maxTitle)
		case "attendance":
			m.Attendance, ok = smallInt(v, maxAttendance)
		}
		return ok
	})
	return &m, ok && contains(seen, "kind")
}

func concern(v *fastjson.Value) (*Concern, bool) {
	var c Concern
	seen, ok := object(v, func(k string, v *fastjson.Value) (ok bool) {
		switch k {
		case "meeting_id":
			c.MeetingID, ok = uuidString(v)
		case "text":
			c.Text, ok = str(v, 1, maxText)
		case "action":
			c.Action, ok = str(v, 0, maxText)
		}
		return ok
	})
	return &c, ok && contains(seen, "text")
}

func withdrawal(v *fastjson.Value) (*Withdrawal, bool) {
	var w Withdrawal
	_, ok := object(v, func(k string, v *fastjson.Value) (ok bool) {
		if k == "reason" {
			w.Reason, ok = str(v, 0, maxReason)
		}
		return ok
	})
	return &w, ok
}

func action(v *fastjson.Value) (*Action, bool) {
	var a Action
	seen, ok := object(v, func(k string, v *fastjson.Value) (ok bool) {
		switch k {
		case "concern_id":
			a.ConcernID, ok = uuidString(v)
		case "by":
			a.By, ok = str(v, 0, 0)
			ok = ok && IsAgency(a.By)
		case "text":
			a.Text, ok = str(v, 1, maxActionText)
		}
		return ok
	})
	return &a, ok && contains(seen, "concern_id") && contains(seen, "by") && contains(seen, "text")
}

func outcome(v *fastjson.Value) (*Outcome, bool) {
	var o Outcome
	seen, ok := object(v, func(k string, v *fastjson.Value) (ok bool) {
		switch k {
		case "concern_id":
			o.ConcernID, ok = uuidString(v)
		case "status":
			o.Status, ok = str(v, 0, 0)
			ok = ok && IsOutcomeStatus(o.Status)
		case "note":
			o.Note, ok = str(v, 0, maxNote)
		}
		return ok
	})
	return &o, ok && contains(seen, "concern_id") && contains(seen, "status")
}
