package briefing

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestWhen: a row whose day is unknown prints its span, never a day.
func TestWhen(t *testing.T) {
	d := func(s string) time.Time {
		v, err := time.Parse(time.DateOnly, s)
		require.NoError(t, err)
		return v
	}
	epoch := time.Unix(0, 0).UTC()
	short := when("2 Jan 2006")
	require.Equal(t, "3 Sep 2019", short(d("2019-09-03"), epoch))
	require.Equal(t, "3 Sep 2019", short(d("2019-09-03"), time.Time{}))
	require.Equal(t, "Sep 2019", short(d("2019-09-01"), d("2019-09-30")))
	require.Equal(t, "Sep–Oct 2019", short(d("2019-09-01"), d("2019-10-31")))
	require.Equal(t, "Dec 2019–Jan 2020", short(d("2019-12-01"), d("2020-01-31")))
}
