package chsink

import (
	"testing"
	"time"
)

// TestDayNumber: the day number of concern_daily's cell keys names the same
// UTC day as day(), before 1970 and across midnight in other zones too.
func TestDayNumber(t *testing.T) {
	bst := time.FixedZone("BST", 3600)
	for _, tt := range []time.Time{
		time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 6, 1, 23, 59, 59, 999, time.UTC),
		time.Date(2025, 6, 1, 0, 30, 0, 0, bst), // 31 May in UTC
		time.Unix(0, 0).UTC(),
		time.Unix(-1, 0).UTC(),
		time.Unix(-86400, 0).UTC(),
		time.Unix(-86401, 0).UTC(),
	} {
		if got, want := time.Unix(dayNumber(tt)*86400, 0).UTC(), day(tt); !got.Equal(want) {
			t.Errorf("dayNumber(%s) is %s, want %s", tt, got, want)
		}
	}
}
