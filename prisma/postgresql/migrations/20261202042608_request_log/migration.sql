-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "requestId" TEXT;

-- CreateTable
CREATE TABLE "RequestLog" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "applicationId" TEXT,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "idempotencyKey" TEXT,
    "errorType" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "objectIds" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RequestLog_merchantId_mode_id_idx" ON "RequestLog"("merchantId", "mode", "id");

-- CreateIndex
CREATE INDEX "RequestLog_merchantId_mode_apiKeyId_id_idx" ON "RequestLog"("merchantId", "mode", "apiKeyId", "id");

-- CreateIndex
CREATE INDEX "RequestLog_merchantId_mode_applicationId_id_idx" ON "RequestLog"("merchantId", "mode", "applicationId", "id");

-- CreateIndex
CREATE INDEX "RequestLog_merchantId_mode_status_id_idx" ON "RequestLog"("merchantId", "mode", "status", "id");

-- CreateIndex
CREATE INDEX "RequestLog_requestId_idx" ON "RequestLog"("requestId");

-- CreateIndex
CREATE INDEX "RequestLog_createdAt_idx" ON "RequestLog"("createdAt");

-- CreateIndex
CREATE INDEX "Event_requestId_idx" ON "Event"("requestId");
