import type { Context } from "../context";
import type { Db } from "../db";
import { ApiError } from "../http/errors";
import { newObjectId } from "../ids";
import {
  MANAGEMENT_TOKEN_LIFETIMES,
  type CreateManagementTokenInput,
  type ManagementToken,
} from "../contract/accounts";
import { signManagementToken } from "./session";

type Row = Awaited<ReturnType<Db["managementToken"]["findUniqueOrThrow"]>>;

export function serializeManagementToken(row: Row, now = new Date()): ManagementToken {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    status: row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active",
  };
}

/** Issues a short-lived management JWT for the signed-in user in this merchant; the token is returned only here. */
export async function createManagementToken(
  { db, now }: Context,
  { merchantId, userId, token: input }: { merchantId: string; userId: string; token: CreateManagementTokenInput },
) {
  const expiresAt = new Date(now().getTime() + MANAGEMENT_TOKEN_LIFETIMES[input.expiresIn] * 1000);
  const row = await db.managementToken.create({
    data: { id: newObjectId("mtok"), merchantId, userId, name: input.name, expiresAt },
  });
  const token = await signManagementToken({ id: row.id, userId, merchantId, expiresAt });
  return { ...serializeManagementToken(row), token };
}

export async function listManagementTokens({ db }: Context, { merchantId }: { merchantId: string }) {
  const rows = await db.managementToken.findMany({ where: { merchantId }, orderBy: { createdAt: "desc" } });
  return { items: rows.map((row) => serializeManagementToken(row)) };
}

export async function revokeManagementToken(
  { db, now }: Context,
  { merchantId, id }: { merchantId: string; id: string },
) {
  const row = await db.managementToken.findFirst({ where: { id, merchantId } });
  if (!row)
    throw new ApiError(404, "not_found", "resource_missing", `No such management token: '${id}'.`, { param: "id" });
  if (row.revokedAt)
    throw new ApiError(400, "invalid_request", "token_already_revoked", "This management token is already revoked.");
  return serializeManagementToken(await db.managementToken.update({ where: { id }, data: { revokedAt: now() } }));
}
