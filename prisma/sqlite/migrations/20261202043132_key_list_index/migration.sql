-- CreateIndex
CREATE INDEX "ApiKey_merchantId_mode_createdAt_id_idx" ON "ApiKey"("merchantId", "mode", "createdAt", "id");
