import type { DbEngine } from "@/lib/db/engines";

const HEADER = "// Generated from prisma/schema.prisma by `npm run db:generate`. Edit the source, not this file.\n";

/**
 * Derives one engine's schema from the single source: only the datasource provider and the client's
 * output folder differ, so both clients have the same models and one exported type fits both.
 */
export function renderSchemaVariant(source: string, engine: DbEngine): string {
  const withProvider = source.replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"[^"]+"/, `$1"${engine}"`);
  const withOutput = withProvider.replace(
    /(generator\s+client\s*\{[^}]*output\s*=\s*)"[^"]+"/,
    `$1"../../lib/db/generated/${engine}"`,
  );
  if (withProvider === source && engine !== "sqlite") throw new Error("schema.prisma has no datasource provider");
  if (withOutput === withProvider) throw new Error("schema.prisma has no generator output");
  return HEADER + withOutput;
}
