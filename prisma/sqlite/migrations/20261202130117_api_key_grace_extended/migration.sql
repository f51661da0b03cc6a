-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "graceExtendedAt" DATETIME;
