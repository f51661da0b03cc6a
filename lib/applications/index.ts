import type { Context } from "../context";
import type {
  Application,
  ApplicationListQuery,
  CreateApplicationInput,
  DeletedApplication,
  UpdateApplicationInput,
} from "../contract/applications";
import { ApiError } from "../http/errors";
import { newObjectId } from "../ids";
import { activeKeyWhere, findApplication, keySummary, type ApplicationRow, type KeyRow } from "../keys/lifecycle";

/**
 * What makes two application names the same: case and surrounding spaces do not count. Stored as `nameKey`, with a
 * unique index per merchant, because Prisma has no case-insensitive comparison on SQLite.
 */
export function applicationNameKey(name: string): string {
  return name.trim().toLowerCase();
}

const nameTaken = (name: string) =>
  new ApiError(
    409,
    "invalid_request",
    "application_exists",
    `An application named '${name}' already exists for your merchant account (names are compared ignoring case and surrounding spaces).`,
    { param: "name" },
  );

/** Runs a write that sets a name, turning the unique index's refusal into the 409 that says so. */
async function withUniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw nameTaken(name);
    throw error;
  }
}

const stringList = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

export function serializeApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isEnabled: row.isEnabled,
    allowedOrigins: stringList(row.allowedOrigins),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function createApplication(
  { db }: Context,
  { merchantId, application }: { merchantId: string; application: CreateApplicationInput },
) {
  const row = await withUniqueName(application.name, () =>
    db.application.create({
      data: {
        id: newObjectId("app"),
        merchantId,
        name: application.name.trim(),
        nameKey: applicationNameKey(application.name),
        description: application.description ?? null,
        allowedOrigins: application.allowedOrigins,
      },
    }),
  );
  return serializeApplication(row);
}

/** Renames an application or changes its description or allowed origins; new origins reach every key cache. */
export async function updateApplication(
  { db, bus }: Context,
  { merchantId, id, changes }: { merchantId: string; id: string; changes: UpdateApplicationInput },
) {
  await findApplication(db, merchantId, id);
  const { name, description, allowedOrigins } = changes;
  const row = await withUniqueName(name ?? "", () =>
    db.application.update({
      where: { id },
      data: {
        ...(name !== undefined && { name: name.trim(), nameKey: applicationNameKey(name) }),
        ...(description !== undefined && { description }),
        ...(allowedOrigins !== undefined && { allowedOrigins }),
      },
    }),
  );
  // Cached keys carry their application's name and origins.
  await bus.publish({ applicationId: id });
  return serializeApplication(row);
}

/**
 * Deletes an application. Its keys are revoked at once and kept, revoked and without an application, so the keys
 * list and audit trail still show them and a backend still using one gets 401 revoked_api_key.
 */
export async function deleteApplication(
  { db, bus, now }: Context,
  { merchantId, id }: { merchantId: string; id: string },
): Promise<DeletedApplication> {
  await findApplication(db, merchantId, id);
  const at = now();
  const [active] = await db.$transaction([
    db.apiKey.count({ where: { applicationId: id, ...activeKeyWhere(at) } }),
    db.apiKey.updateMany({
      where: { applicationId: id, status: { not: "revoked" } },
      data: { status: "revoked", revokedAt: at },
    }),
    db.apiKey.updateMany({ where: { applicationId: id }, data: { applicationId: null } }),
    db.application.delete({ where: { id } }),
  ]);
  // Every process drops the application's cached keys (they now read as revoked from the database).
  await bus.publish({ applicationId: id });
  return { id, deleted: true, revokedKeys: active };
}

export async function listApplications(
  { db }: Context,
  { merchantId, query }: { merchantId: string; query: ApplicationListQuery },
) {
  const [totalItems, rows] = await Promise.all([
    db.application.count({ where: { merchantId } }),
    db.application.findMany({
      where: { merchantId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      include: query.include === "apiKeys" ? { apiKeys: { orderBy: { createdAt: "desc" } } } : undefined,
    }),
  ]);
  const totalPages = Math.ceil(totalItems / query.limit);
  return {
    items: rows.map((row) => ({
      ...serializeApplication(row),
      ...("apiKeys" in row && Array.isArray(row.apiKeys) ? { apiKeys: (row.apiKeys as KeyRow[]).map(keySummary) } : {}),
    })),
    page: query.page,
    limit: query.limit,
    totalItems,
    totalPages,
    hasPreviousPage: query.page > 1,
    hasNextPage: query.page < totalPages,
  };
}

/** One application with a summary of each of its keys (never a secret). */
export async function retrieveApplication({ db }: Context, { merchantId, id }: { merchantId: string; id: string }) {
  const application = await findApplication(db, merchantId, id);
  const keys = await db.apiKey.findMany({ where: { applicationId: application.id }, orderBy: { createdAt: "desc" } });
  return { ...serializeApplication(application), apiKeys: keys.map(keySummary) };
}

/** Disabling blocks every key of the application at once, in every process. */
export async function setApplicationEnabled(
  { db, bus }: Context,
  { merchantId, id, isEnabled }: { merchantId: string; id: string; isEnabled: boolean },
) {
  await findApplication(db, merchantId, id);
  const row = await db.application.update({ where: { id }, data: { isEnabled } });
  await bus.publish({ applicationId: id });
  return serializeApplication(row);
}

export { merchantOverview, type MerchantOverview } from "./overview";
