import { SCOPES } from "@/lib/contract/scopes";
import { dbHandle, type DbHandle } from "@/lib/db";
import { BatchWriter, type BatchTable } from "@/lib/db/batch";
import { displayPrefix, generateSecret, newKeyId } from "@/lib/keys/format";
import { hashSecret } from "@/lib/keys/hash";

type KeyRow = {
  id: string;
  merchantId: string;
  applicationId: string;
  name: string;
  mode: string;
  prefix: string;
  hash: string;
  scopes: string;
  rateLimit: number | null;
  createdAt: Date;
};
const API_KEYS: BatchTable<KeyRow> = {
  table: "ApiKey",
  columns: {
    id: "text",
    merchantId: "text",
    applicationId: "text",
    name: "text",
    mode: "text",
    prefix: "text",
    hash: "text",
    scopes: "text", // JSON text: PostgreSQL's jsonb column takes it as it takes Prisma's
    rateLimit: "integer",
    createdAt: "timestamp",
  },
};

/**
 * `count` working test-mode keys of one merchant's application with every scope, written in a few statements
 * (the fixture's createKey costs a transaction each, and Prisma's createMany of 10,000 rows takes seconds).
 */
export async function createKeysInBulk(
  count: number,
  owner: { merchantId: string; applicationId: string },
  { rateLimit = null, handle = dbHandle }: { rateLimit?: number | null; handle?: DbHandle } = {},
): Promise<Array<{ id: string; secret: string }>> {
  const createdAt = new Date();
  const scopes = JSON.stringify(SCOPES);
  const keys = Array.from({ length: count }, () => ({ id: newKeyId(), secret: generateSecret("test") }));
  const rows = keys.map(({ id, secret }, i) => ({
    id,
    ...owner,
    name: `bulk ${i}`,
    mode: "test",
    prefix: displayPrefix(secret),
    hash: hashSecret(secret),
    scopes,
    rateLimit,
    createdAt,
  }));
  const [failed] = await new BatchWriter(handle, 1000).insert(API_KEYS, rows);
  if (failed) throw failed.error;
  return keys;
}
