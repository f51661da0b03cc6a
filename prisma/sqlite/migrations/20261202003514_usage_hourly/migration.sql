-- Usage counters become hourly. A row counted before this migration covers a whole day: it is kept as that day's
-- first hour, so per-day sums stay the same. `hour` is written as Prisma writes a DateTime on SQLite.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_UsageCounter" (
    "apiKeyId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "day" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("apiKeyId", "hour")
);
INSERT INTO "new_UsageCounter" ("apiKeyId", "hour", "day", "errors", "requests") SELECT "apiKeyId", "day" || 'T00:00:00.000+00:00', "day", "errors", "requests" FROM "UsageCounter";
DROP TABLE "UsageCounter";
ALTER TABLE "new_UsageCounter" RENAME TO "UsageCounter";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
