-- Proposed migration "NeedsStatusCounts", PostgreSQL. The table is what EF's CreateTable makes of NeedStatusCount; the
-- function, triggers and backfill go into the migration as migrationBuilder.Sql(...).
-- Down: DROP TRIGGER x3 ON needs_needs; DROP FUNCTION needs_status_counts_apply(); then the table.
CREATE TABLE IF NOT EXISTS needs_status_counts (
    "CommunityId" uuid NOT NULL,
    "CategoryId" uuid NOT NULL,
    "Status" integer NOT NULL,
    "Count" integer NOT NULL,
    CONSTRAINT "PK_needs_status_counts" PRIMARY KEY ("CommunityId", "CategoryId", "Status")
);

-- One statement per change, its rows in key order: two transactions moving needs between the same statuses lock the
-- counter rows in the same order, so they queue instead of deadlocking.
CREATE OR REPLACE FUNCTION needs_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO needs_status_counts ("CommunityId", "CategoryId", "Status", "Count")
    SELECT c, k, s, SUM(d) FROM (
        SELECT OLD."CommunityId", OLD."CategoryId", OLD."Status", -1 WHERE TG_OP IN ('UPDATE', 'DELETE')
        UNION ALL
        SELECT NEW."CommunityId", NEW."CategoryId", NEW."Status", 1 WHERE TG_OP IN ('INSERT', 'UPDATE')
    ) AS moves (c, k, s, d)
    GROUP BY c, k, s
    ORDER BY c, k, s
    ON CONFLICT ("CommunityId", "CategoryId", "Status") DO UPDATE SET "Count" = needs_status_counts."Count" + EXCLUDED."Count";
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER needs_status_counts_insert AFTER INSERT ON needs_needs
    FOR EACH ROW EXECUTE FUNCTION needs_status_counts_apply();
CREATE OR REPLACE TRIGGER needs_status_counts_update AFTER UPDATE OF "CommunityId", "CategoryId", "Status" ON needs_needs
    FOR EACH ROW WHEN (OLD."CommunityId" IS DISTINCT FROM NEW."CommunityId" OR OLD."CategoryId" IS DISTINCT FROM NEW."CategoryId"
        OR OLD."Status" IS DISTINCT FROM NEW."Status")
    EXECUTE FUNCTION needs_status_counts_apply();
CREATE OR REPLACE TRIGGER needs_status_counts_delete AFTER DELETE ON needs_needs
    FOR EACH ROW EXECUTE FUNCTION needs_status_counts_apply();

-- Backfill (the migration runs it once, after the triggers, in the same transaction).
DELETE FROM needs_status_counts;
INSERT INTO needs_status_counts ("CommunityId", "CategoryId", "Status", "Count")
SELECT "CommunityId", "CategoryId", "Status", COUNT(*) FROM needs_needs GROUP BY "CommunityId", "CategoryId", "Status";
ANALYZE needs_status_counts;
