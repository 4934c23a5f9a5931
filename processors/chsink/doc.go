// Package chsink writes processed events to ClickHouse exactly once per Kafka
// offset, even across crashes, rebalances and retries.
//
// ClickHouse 18.16 has no transactions and no insert deduplication tokens, and
// summing tables count a repeated insert twice. So every table carries the
// Kafka partition and offset each row came from, and the sink keeps, per table
// and partition, a watermark: the next offset that table has not yet stored.
// A batch is written table by table; rows from offsets below a table's
// watermark are left out. Each table gets one INSERT into an unpartitioned
// MergeTree, sent in blocks of a few thousand rows that the server squashes
// into one (the INSERT sets min_insert_block_size_rows itself), which
// ClickHouse applies atomically, so after any crash each table holds exactly
// a prefix of the partition's log.
//
// Watermarks are read back from the tables themselves, never from a side
// table that could disagree: max(src_offset)+1 for the row tables, and for
// concern_daily (whose rows are summed on merge, losing their offsets) the
// sum of next_offset over the partition's progress-marker rows. Every batch
// writes a marker with next_offset = (last offset + 1) - previous watermark,
// so the sum telescopes to the next offset even after merges. concern_daily
// is written last and its watermark is where a partition resumes: Kafka's
// committed offsets are kept for lag monitoring, not trusted for correctness.
//
//	batch ─► events ─► meetings ─► concerns ─► concern_daily (+ marker) ─► Kafka commit
//	         each insert skips offsets < that table's watermark
//
// NOTE(lead): a ClickHouse server that crashes in the middle of applying one
// INSERT is outside this guarantee; the audit command detects the result.
package chsink
