package chdb

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestParse pins how a request becomes a statement, and that what the
// server cannot do is refused with a message saying what.
func TestParse(t *testing.T) {
	s := &Server{}
	tests := []struct {
		name, url, body string
		header          map[string]string
		wantSQL         string
		wantData        string
		wantSettings    int
		wantErr         string
	}{
		{name: "query in the body", url: "/?database=d&default_format=Native&client_protocol_version=54460&max_threads=1", body: "SELECT 1",
			wantSQL: "SELECT 1", wantSettings: 1},
		{name: "insert with a native body", url: "/?query=" + strings.ReplaceAll("INSERT INTO t (a, b) FORMAT Native", " ", "+"), body: "\x01\x02",
			wantSQL: "INSERT INTO t (a, b)", wantData: "\x01\x02"},
		{name: "statement in the url, no body", url: "/?query=SELECT+2", wantSQL: "SELECT 2"},
		{name: "empty", url: "/", wantErr: "empty query"},
		{name: "body without a format clause", url: "/?query=INSERT+INTO+t", body: "x", wantErr: "no FORMAT clause"},
		{name: "compressed", url: "/?compress=1", body: "SELECT 1", wantErr: "compress/decompress are not supported"},
		{name: "content encoding", url: "/", body: "SELECT 1", header: map[string]string{"Content-Encoding": "gzip"}, wantErr: `Content-Encoding "gzip"`},
		{name: "external tables", url: "/", body: "x", header: map[string]string{"Content-Type": "multipart/form-data; boundary=x"}, wantErr: "external tables"},
		{name: "not a setting name", url: "/?a-b=1", body: "SELECT 1", wantErr: `"a-b" is not a setting name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, tt.url, strings.NewReader(tt.body))
			for k, v := range tt.header {
				r.Header.Set(k, v)
			}
			st, err := s.parse(r)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(st.sql) != tt.wantSQL || string(st.data) != tt.wantData || len(st.settings) != tt.wantSettings {
				t.Errorf("sql %q data %q settings %v", st.sql, st.data, st.settings)
			}
		})
	}
}

func TestNewErrorReadsTheCode(t *testing.T) {
	e := newError("Code: 60. DB::Exception: Unknown table expression identifier 'nope'. (UNKNOWN_TABLE)")
	if e.Code != 60 {
		t.Errorf("code %d, want 60", e.Code)
	}
	if newError("no code here").Code != 0 {
		t.Error("a message without a code has code 0")
	}
}
