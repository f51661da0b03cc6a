-- CreateTable
CREATE TABLE "ManagementToken" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ManagementToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ManagementToken_merchantId_createdAt_idx" ON "ManagementToken"("merchantId", "createdAt");

-- AddForeignKey
ALTER TABLE "ManagementToken" ADD CONSTRAINT "ManagementToken_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
