// Many API keys at once for the bench: multi-row inserts (createMany) of 1,000 keys each, not a Prisma call per key.
import type { Db } from "@/lib/db";
import { displayPrefix, generateSecret, hashSecret } from "@/lib/keys";
import { newKeyId } from "@/lib/keys/format";

const CHUNK = 1000;

/** Inserts `count` active test-mode keys of one application; returns their secrets, in insertion order. */
export async function seedKeys(
  db: Db,
  { count, merchantId, applicationId }: { count: number; merchantId: string; applicationId: string },
): Promise<string[]> {
  const secrets: string[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i += 1) {
      const secret = generateSecret("test");
      secrets.push(secret);
      rows.push({
        id: newKeyId(),
        merchantId,
        applicationId,
        name: `many keys ${i}`,
        mode: "test",
        prefix: displayPrefix(secret),
        hash: hashSecret(secret),
        scopes: ["links:read", "links:write"],
      });
    }
    await db.apiKey.createMany({ data: rows });
  }
  return secrets;
}
