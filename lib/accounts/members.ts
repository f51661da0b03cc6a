import type { Context } from "../context";
import type { Invite, Member, UpdateMemberInput } from "../contract/accounts";
import type { Role } from "../contract/roles";
import type { DbTx } from "../db";
import { ApiError } from "../http/errors";

const noSuchMember = (userId: string) =>
  new ApiError(404, "not_found", "resource_missing", `No such member of this merchant: '${userId}'.`, {
    param: "userId",
  });

const lastOwner = (what: "removed" | "demoted") =>
  new ApiError(
    409,
    "invalid_request",
    "last_owner",
    `The last owner of a merchant cannot be ${what}. Make another member an owner first.`,
    { param: "userId" },
  );

/**
 * Runs a change to one membership, then refuses it if the merchant would be left without an owner. Writing the
 * merchant's row first makes concurrent changes of one merchant's members wait for each other (a row lock on
 * PostgreSQL; SQLite has one writer), so two owners demoting each other cannot both succeed.
 */
async function changeMembership<T>(
  { db }: Context,
  { merchantId, userId, change }: { merchantId: string; userId: string; change: (tx: DbTx) => Promise<T> },
  what: "removed" | "demoted",
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.merchant.update({ where: { id: merchantId }, data: { updatedAt: new Date() } });
    const membership = await tx.membership.findUnique({ where: { userId_merchantId: { userId, merchantId } } });
    if (!membership) throw noSuchMember(userId);
    const result = await change(tx);
    if ((await tx.membership.count({ where: { merchantId, role: "owner" } })) === 0) throw lastOwner(what);
    return result;
  });
}

function serializeMember(row: {
  userId: string;
  role: string;
  user: { name: string | null; email: string | null; githubLogin: string | null };
}): Member {
  const { name, email, githubLogin } = row.user;
  return { userId: row.userId, name, email, githubLogin, role: row.role as Role };
}

/** An owner changes a member's role (their own too, while another owner remains). */
export async function updateMemberRole(
  ctx: Context,
  { merchantId, userId, changes }: { merchantId: string; userId: string; changes: UpdateMemberInput },
): Promise<Member> {
  return changeMembership(
    ctx,
    {
      merchantId,
      userId,
      change: (tx) =>
        tx.membership.update({
          where: { userId_merchantId: { userId, merchantId } },
          data: { role: changes.role },
          include: { user: true },
        }),
    },
    "demoted",
  ).then(serializeMember);
}

/** Removes a member: their access ends with their next request, and their management tokens here are revoked. */
export async function removeMember(ctx: Context, { merchantId, userId }: { merchantId: string; userId: string }) {
  const revokedTokens = await changeMembership(
    ctx,
    {
      merchantId,
      userId,
      change: async (tx) => {
        await tx.membership.delete({ where: { userId_merchantId: { userId, merchantId } } });
        const revoked = await tx.managementToken.updateMany({
          where: { merchantId, userId, revokedAt: null },
          data: { revokedAt: ctx.now() },
        });
        return revoked.count;
      },
    },
    "removed",
  );
  return { userId, removed: true as const, revokedTokens };
}

/** Withdraws a pending invite; an accepted one is a membership, removed as a member. */
export async function revokeInvite({ db }: Context, { merchantId, id }: { merchantId: string; id: string }) {
  const row = await db.invite.findFirst({ where: { id, merchantId, acceptedAt: null } });
  if (!row)
    throw new ApiError(404, "not_found", "resource_missing", `No such pending invite: '${id}'.`, { param: "id" });
  await db.invite.delete({ where: { id } });
  return {
    id: row.id,
    email: row.email,
    githubLogin: row.githubLogin,
    role: row.role as Role,
    expiresAt: row.expiresAt.toISOString(),
  } satisfies Invite;
}
