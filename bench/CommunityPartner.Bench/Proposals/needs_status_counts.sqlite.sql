-- Proposed migration "NeedsStatusCounts", SQLite. The table is what EF's CreateTable makes of NeedStatusCount; the
-- triggers and the backfill go into the migration as migrationBuilder.Sql(...). Down: DROP the three triggers, then the table.
CREATE TABLE IF NOT EXISTS "needs_status_counts" (
    "CommunityId" TEXT NOT NULL,
    "CategoryId" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_needs_status_counts" PRIMARY KEY ("CommunityId", "CategoryId", "Status")
);

CREATE TRIGGER IF NOT EXISTS "needs_status_counts_insert" AFTER INSERT ON "needs_needs"
BEGIN
    INSERT INTO "needs_status_counts" ("CommunityId", "CategoryId", "Status", "Count")
    VALUES (NEW."CommunityId", NEW."CategoryId", NEW."Status", 1)
    ON CONFLICT ("CommunityId", "CategoryId", "Status") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER IF NOT EXISTS "needs_status_counts_update" AFTER UPDATE OF "CommunityId", "CategoryId", "Status" ON "needs_needs"
WHEN OLD."CommunityId" IS NOT NEW."CommunityId" OR OLD."CategoryId" IS NOT NEW."CategoryId" OR OLD."Status" IS NOT NEW."Status"
BEGIN
    UPDATE "needs_status_counts" SET "Count" = "Count" - 1
    WHERE "CommunityId" = OLD."CommunityId" AND "CategoryId" = OLD."CategoryId" AND "Status" = OLD."Status";
    INSERT INTO "needs_status_counts" ("CommunityId", "CategoryId", "Status", "Count")
    VALUES (NEW."CommunityId", NEW."CategoryId", NEW."Status", 1)
    ON CONFLICT ("CommunityId", "CategoryId", "Status") DO UPDATE SET "Count" = "Count" + 1;
END;

CREATE TRIGGER IF NOT EXISTS "needs_status_counts_delete" AFTER DELETE ON "needs_needs"
BEGIN
    UPDATE "needs_status_counts" SET "Count" = "Count" - 1
    WHERE "CommunityId" = OLD."CommunityId" AND "CategoryId" = OLD."CategoryId" AND "Status" = OLD."Status";
END;

-- Backfill (the migration runs it once, after the triggers, in the same transaction).
DELETE FROM "needs_status_counts";
INSERT INTO "needs_status_counts" ("CommunityId", "CategoryId", "Status", "Count")
SELECT "CommunityId", "CategoryId", "Status", COUNT(*) FROM "needs_needs" GROUP BY "CommunityId", "CategoryId", "Status";
