-- Application names are now unique per merchant ignoring case and surrounding spaces (`nameKey`, set by
-- lib/applications). Names that differed only so were accepted before: the oldest application keeps its name, and
-- each later one gets its own id appended ("Storefront backend (app_…)"), so no application is lost and the new
-- unique index holds. LOWER() here follows the locale of the database, while the app lower-cases every script.
UPDATE "Application" SET "name" = TRIM("name") || ' (' || "id" || ')'
WHERE "id" IN (
    SELECT "id" FROM (
        SELECT "id", ROW_NUMBER() OVER (PARTITION BY "merchantId", LOWER(TRIM("name")) ORDER BY "createdAt", "id") AS "rank"
        FROM "Application"
    ) AS "ranked"
    WHERE "rank" > 1
);
UPDATE "Application" SET "name" = TRIM("name") WHERE "name" <> TRIM("name");

-- DropIndex
DROP INDEX "Application_merchantId_name_key";

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "nameKey" TEXT;
UPDATE "Application" SET "nameKey" = LOWER("name");
ALTER TABLE "Application" ALTER COLUMN "nameKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Application_merchantId_nameKey_key" ON "Application"("merchantId", "nameKey");
