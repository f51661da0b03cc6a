-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "actorTokenId" TEXT;
