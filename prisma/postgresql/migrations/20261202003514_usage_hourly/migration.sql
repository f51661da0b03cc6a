-- Usage counters become hourly. A row counted before this migration covers a whole day: it is kept as that day's
-- first hour, so per-day sums stay the same.

-- AlterTable
ALTER TABLE "UsageCounter" ADD COLUMN "hour" TIMESTAMP(3);
UPDATE "UsageCounter" SET "hour" = CAST("day" AS TIMESTAMP(3));
ALTER TABLE "UsageCounter" DROP CONSTRAINT "UsageCounter_pkey",
ALTER COLUMN "hour" SET NOT NULL,
ADD CONSTRAINT "UsageCounter_pkey" PRIMARY KEY ("apiKeyId", "hour");
