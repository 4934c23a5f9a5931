-- Date precision (issue 15): a meeting or concern whose day its source does
-- not give (a report's "during the period", a quarter's "you said, we did",
-- "earlier this month") is stored with precision 'month' or 'period' and the
-- span it lies in; its day column holds the span's first day and stands for
-- the whole span. Nothing invents a day:
--   - concern_daily (and so the alerter's weekly series) counts only
--     day-precise concerns; the processor writes no cells for the others;
--   - concern_monthly counts both: day-precise concerns by their month,
--     month-precise ones in their month;
--   - concern_periods lists the month- and period-precise concerns per span,
--     for period views (a Panel briefing covering the span).
-- Rows stored before this migration read precision 'day' and a span of their
-- own day. Each ADD COLUMN is skipped by Migrate when the column exists (18.16
-- has no ADD COLUMN IF NOT EXISTS), so a crash part-way is repaired by running
-- it again.
ALTER TABLE concerns ADD COLUMN precision String DEFAULT 'day';

ALTER TABLE concerns ADD COLUMN period_start Date DEFAULT day;

ALTER TABLE concerns ADD COLUMN period_end Date DEFAULT day;

ALTER TABLE meetings ADD COLUMN precision String DEFAULT 'day';

ALTER TABLE meetings ADD COLUMN period_start Date DEFAULT day;

ALTER TABLE meetings ADD COLUMN period_end Date DEFAULT day;

CREATE VIEW IF NOT EXISTS concern_periods AS
SELECT ward_code, lad_code, theme, precision, period_start, period_end, toInt64(count()) AS concerns
FROM concerns FINAL
ARRAY JOIN if(empty(themes), ['unclassified'], themes) AS theme
WHERE withdrawn = 0 AND precision != 'day'
GROUP BY ward_code, lad_code, theme, precision, period_start, period_end;

CREATE VIEW IF NOT EXISTS concern_monthly AS
SELECT toStartOfMonth(day) AS month, ward_code, lad_code, theme, sum(concerns) AS concerns
FROM concern_daily
WHERE theme != ''
GROUP BY month, ward_code, lad_code, theme
UNION ALL
SELECT period_start AS month, ward_code, lad_code, theme, toInt64(count()) AS concerns
FROM concerns FINAL
ARRAY JOIN if(empty(themes), ['unclassified'], themes) AS theme
WHERE withdrawn = 0 AND precision = 'month'
GROUP BY month, ward_code, lad_code, theme;
