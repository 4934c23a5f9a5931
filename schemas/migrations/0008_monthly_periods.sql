-- concern_monthly also counts a period-precise concern whose span lies
-- within one calendar month ("earlier this month" in a page published on
-- the 14th: the 1st to the 13th; "between 4 and 6 September"): its month
-- is known though its day is not, so the month view must count it. 0006's
-- view counted only month-precise ones, and such concerns showed in no
-- month. A span across months stays out of it (concern_periods lists it).
--
-- A view holds no data: it is dropped and created again, so a crash between
-- the two statements is repaired by running the migration again. On a
-- cluster each node has its own (docs/extract.md, Limits).
DROP TABLE IF EXISTS concern_monthly;

CREATE VIEW IF NOT EXISTS concern_monthly AS
SELECT toStartOfMonth(day) AS month, ward_code, lad_code, theme, sum(concerns) AS concerns
FROM concern_daily
WHERE theme != ''
GROUP BY month, ward_code, lad_code, theme
UNION ALL
SELECT toStartOfMonth(period_start) AS month, ward_code, lad_code, theme, toInt64(count()) AS concerns
FROM concerns FINAL
ARRAY JOIN if(empty(themes), ['unclassified'], themes) AS theme
WHERE withdrawn = 0 AND (precision = 'month' OR (precision = 'period' AND toStartOfMonth(period_start) = toStartOfMonth(period_end)))
GROUP BY month, ward_code, lad_code, theme;
