-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "graceExtendedAt" TIMESTAMP(3);
