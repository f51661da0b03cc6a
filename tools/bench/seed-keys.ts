// Many API keys at once for the bench (its database is SQLite): multi-row INSERTs of 1,000 keys each through
// Prisma's raw SQL, not a Prisma call per key. (createMany took some 0.7 ms a row here: 70 s for 100,000 keys.)
import type { Db } from "@/lib/db";
import { displayPrefix, generateSecret, hashSecret } from "@/lib/keys";
import { newKeyId } from "@/lib/keys/format";

const CHUNK = 1000;
const COLUMNS = ["id", "merchantId", "applicationId", "name", "mode", "prefix", "hash", "scopes"] as const;
const ROW = `(${COLUMNS.map(() => "?").join(", ")})`;
const SCOPES = JSON.stringify(["links:read", "links:write"]);

/** Inserts `count` active test-mode keys of one application; returns their secrets, in insertion order. */
export async function seedKeys(
  db: Db,
  { count, merchantId, applicationId }: { count: number; merchantId: string; applicationId: string },
): Promise<string[]> {
  const secrets: string[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    const values: string[] = [];
    const end = Math.min(count, start + CHUNK);
    for (let i = start; i < end; i += 1) {
      const secret = generateSecret("test");
      secrets.push(secret);
      values.push(newKeyId(), merchantId, applicationId, `many keys ${i}`, "test", displayPrefix(secret));
      values.push(hashSecret(secret), SCOPES);
    }
    const columns = COLUMNS.map((column) => `"${column}"`).join(", ");
    const rows = Array.from({ length: end - start }, () => ROW).join(", ");
    await db.$executeRawUnsafe(`INSERT INTO "ApiKey" (${columns}) VALUES ${rows}`, ...values);
  }
  return secrets;
}
