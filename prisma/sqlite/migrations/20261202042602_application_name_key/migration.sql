-- Application names are now unique per merchant ignoring case and surrounding spaces (`nameKey`, set by
-- lib/applications). Names that differed only so were accepted before: the oldest application keeps its name, and
-- each later one gets its own id appended ("Storefront backend (app_…)"), so no application is lost and the new
-- unique index holds. LOWER() lower-cases ASCII letters only on SQLite, while the app lower-cases every script.
UPDATE "Application" SET "name" = TRIM("name") || ' (' || "id" || ')'
WHERE "id" IN (
    SELECT "id" FROM (
        SELECT "id", ROW_NUMBER() OVER (PARTITION BY "merchantId", LOWER(TRIM("name")) ORDER BY "createdAt", "id") AS "rank"
        FROM "Application"
    ) AS "ranked"
    WHERE "rank" > 1
);
UPDATE "Application" SET "name" = TRIM("name") WHERE "name" <> TRIM("name");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "merchantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "description" TEXT,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "allowedOrigins" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Application" ("allowedOrigins", "createdAt", "description", "id", "isEnabled", "merchantId", "name", "nameKey", "updatedAt") SELECT "allowedOrigins", "createdAt", "description", "id", "isEnabled", "merchantId", "name", LOWER("name"), "updatedAt" FROM "Application";
DROP TABLE "Application";
ALTER TABLE "new_Application" RENAME TO "Application";
CREATE UNIQUE INDEX "Application_merchantId_nameKey_key" ON "Application"("merchantId", "nameKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
