-- Write fencing (docs/exactly-once.md). Every row the processor writes
-- carries lease_until: the second (server clock, unix time) after which the
-- writer may no longer own the row's partition. The MATERIALIZED fence column
-- is computed by the server when it takes the INSERT, and throwIf makes it
-- refuse an INSERT whose lease has run out: one INSERT is one part, so a
-- refused INSERT stores nothing. lease_until = 0 (rows written before this
-- migration, replay's rebuild tables, tools) is not fenced. Merges and
-- mutations keep the stored values; they never evaluate the expression again
-- (checked on 18.16; parts that predate the columns read lease_until = 0,
-- fence = 0). A MATERIALIZED column cannot be given in an INSERT, so no
-- writer can skip the check.
--
-- Re-runnable: Migrate treats "column already exists" from an ALTER TABLE
-- ... ADD COLUMN as done (18.16 has no ADD COLUMN IF NOT EXISTS); each
-- statement adds both columns at once.
ALTER TABLE events ADD COLUMN lease_until UInt32 DEFAULT 0, ADD COLUMN fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until);

ALTER TABLE meetings ADD COLUMN lease_until UInt32 DEFAULT 0, ADD COLUMN fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until);

ALTER TABLE concerns ADD COLUMN lease_until UInt32 DEFAULT 0, ADD COLUMN fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until);

ALTER TABLE concern_daily ADD COLUMN lease_until UInt32 DEFAULT 0, ADD COLUMN fence UInt8 MATERIALIZED throwIf(lease_until != 0 AND toUInt32(now()) > lease_until);
