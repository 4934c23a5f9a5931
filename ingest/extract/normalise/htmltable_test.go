package normalise

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHTMLRowAndColumnSpans: cells spanning rows fill the rows under them
// in their columns, a cell spanning columns keeps the others in theirs,
// and a one-cell row across the table is no header.
func TestHTMLRowAndColumnSpans(t *testing.T) {
	doc := `<table><tr><th>Date</th><th>Meeting</th><th>Issues</th></tr>
<tr><th colspan="3">March 2019</th></tr>
<tr><td rowspan="3">5th</td><td rowspan="2">Yarm ward</td><td>Speeding</td></tr>
<tr><td>Parking</td></tr>
<tr><td>Hartburn ward</td><td>Burglary</td></tr>
<tr><td>12th</td><td colspan="2">Kader ward (no issues)</td></tr></table>`
	d, err := Normalise(context.Background(), "t.html", []byte(doc), Options{})
	require.NoError(t, err)
	require.Equal(t, "| Date | Meeting | Issues |\n|---|\n| March 2019 |  |  |\n| 5th | Yarm ward | Speeding |\n| 5th | Yarm ward | Parking |\n| 5th | Hartburn ward | Burglary |\n| 12th | Kader ward (no issues) |  |\n\n", d.Text)
}
