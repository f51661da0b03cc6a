// Run by the bench as a process of its own for each configuration (the app's database client is chosen from
// DATABASE_URL when it is first imported): migrates the empty database at DATABASE_URL, seeds it, and prints the
// bench key's secret as one JSON line.
import { config } from "@/lib/config";
import { applyMigrations } from "../db/migrate";

async function main() {
  const url = config.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  await applyMigrations(url);
  const { createKey } = await import("@/test/support/fixtures");
  const { db } = await import("@/lib/db");
  const { createPaymentLink } = await import("@/lib/payments");

  // A realistic table: many keys, and one merchant's links.
  const { secret, merchantId, applicationId, key } = await createKey({ name: "bench", rateLimit: 100_000 });
  for (let i = 0; i < 200; i += 1) await createKey({ merchantId, applicationId, name: `other ${i}` });
  const ctx = { db, bus: { async publish() {} }, now: () => new Date() };
  const owner = { ownerId: merchantId, livemode: false };
  for (let i = 0; i < 100; i += 1) {
    const link = { amount: 100 + i, currency: "usd", description: `Link ${i}` };
    await createPaymentLink(ctx, { owner, keyId: key.id, link });
  }
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify({ secret })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
