import type { Context } from "../context";
import type { Application, ApplicationListQuery, CreateApplicationInput } from "../contract/applications";
import { ApiError } from "../http/errors";
import { newObjectId } from "../ids";
import { findApplication, keySummary, type ApplicationRow, type KeyRow } from "../keys/lifecycle";

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
  try {
    const row = await db.application.create({
      data: {
        id: newObjectId("app"),
        merchantId,
        name: application.name,
        description: application.description ?? null,
        allowedOrigins: application.allowedOrigins,
      },
    });
    return serializeApplication(row);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError(
        409,
        "invalid_request",
        "application_exists",
        `An application named '${application.name}' already exists for your merchant account.`,
        { param: "name" },
      );
    }
    throw error;
  }
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
