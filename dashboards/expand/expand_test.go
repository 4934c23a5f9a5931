package expand_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wardpulse/wardpulse/dashboards/expand"
)

func TestExpand(t *testing.T) {
	from := time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2020, 1, 31, 23, 59, 59, 0, time.UTC)
	vars := map[string]expand.Value{
		"ward":   expand.Single("E05012442"),
		"theme":  expand.Multi("drugs", "speeding"),
		"bucket": expand.Single("toMonday"),
	}
	tests := []struct {
		name, in, want string
		wantErr        string
	}{
		{"date filter", "WHERE $__dateFilter(day)", "WHERE day >= toDate('2019-12-01') AND day <= toDate('2020-01-31')", ""},
		{"time filter", "WHERE $__timeFilter(occurred_at)", "WHERE occurred_at >= toDateTime(1575158400) AND occurred_at <= toDateTime(1580515199)", ""},
		{"from and to", "toDate($__fromTime), $__toTime", "toDate(toDateTime(1575158400)), toDateTime(1580515199)", ""},
		{"dt", "$__dt(day, t)", "(day >= toDate('2019-12-01') AND day <= toDate('2020-01-31')) AND (t >= toDateTime(1575158400) AND t <= toDateTime(1580515199))", ""},
		{"single variable unquoted", "ward_code = '$ward'", "ward_code = 'E05012442'", ""},
		{"braced variable", "ward_code = '${ward}'", "ward_code = 'E05012442'", ""},
		{"multi variable quoted list", "theme IN ($theme)", "theme IN ('drugs','speeding')", ""},
		{"variable as function", "$bucket(day) AS time", "toMonday(day) AS time", ""},
		{"nested macro argument", "$__dateFilter(toDate(x, 'UTC'))", "toDate(x, 'UTC') >= toDate('2019-12-01') AND toDate(x, 'UTC') <= toDate('2020-01-31')", ""},
		{"unknown variable left alone", "$nope", "$nope", ""},
		{"interval macro refused", "$__timeInterval(t)", "", "not supported on ClickHouse 18.16"},
		{"ms macro refused", "$__fromTime_ms", "", "not supported on ClickHouse 18.16"},
		{"wrong argument count", "$__dateFilter(a, b)", "", "expected 1 arguments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := expand.Expand(expand.Query{SQL: tc.in, From: from, To: to, Vars: vars})
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}
