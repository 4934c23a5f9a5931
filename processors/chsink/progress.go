package chsink

import (
	"context"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Markers is the WHERE condition that selects concern_daily's progress
// markers: the rows with an empty theme, always on markerDay. The day is
// there for the sorting key, which starts with it (migration 0004): with
// the theme alone a marker query reads the whole table.
const Markers = "day = '1970-01-01' AND theme = ''"

// markerDay is the day of every progress marker (see Markers).
var markerDay = time.Unix(0, 0).UTC()

// Progress is the stored progress of each partition: the sum of its
// progress markers, which is the offset the partition resumes from.
// Partitions with no marker are absent.
type Progress map[int]int64

// Total is the sum over every partition. It changes whenever a batch of
// any partition is stored, so pollers use it to notice new data.
func (p Progress) Total() int64 {
	var n int64
	for _, v := range p {
		n += v
	}
	return n
}

// ReadProgress sums the progress markers of table (a concern_daily: the
// live one, a rebuild, or one in another database as "db.concern_daily")
// per partition.
func ReadProgress(ctx context.Context, conn driver.Conn, table string) (Progress, error) {
	rows, err := conn.Query(ctx, "SELECT src_partition, sum(next_offset) FROM "+table+" WHERE "+Markers+" GROUP BY src_partition")
	if err != nil {
		return nil, fmt.Errorf("reading the progress markers of %s: %w", table, err)
	}
	defer rows.Close()
	out := Progress{}
	for rows.Next() {
		var p uint32
		var n int64
		if err := rows.Scan(&p, &n); err != nil {
			return nil, fmt.Errorf("scanning the progress markers of %s: %w", table, err)
		}
		out[int(p)] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the progress markers of %s: %w", table, err)
	}
	return out, nil
}
