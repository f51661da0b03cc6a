import type { Context } from "../context";
import type { Db } from "../db";
import { ApiError } from "../http/errors";
import type { Role } from "../contract/roles";
import { newObjectId } from "../ids";
import type { CreateInviteInput } from "../contract/accounts";

const INVITE_TTL_MS = 14 * 24 * 3600 * 1000;

/**
 * Runs on every sign-in: accepts the user's pending invites (by e-mail or GitHub login), and gives a user who
 * belongs nowhere a merchant of their own, as its owner.
 */
export async function onboardUser(
  db: Db,
  user: { id: string; name: string | null; email: string | null; githubLogin: string | null },
  now = new Date(),
) {
  const who = [
    ...(user.email ? [{ email: user.email.toLowerCase() }] : []),
    ...(user.githubLogin ? [{ githubLogin: user.githubLogin.toLowerCase() }] : []),
  ];
  const invites = who.length
    ? await db.invite.findMany({ where: { acceptedAt: null, expiresAt: { gt: now }, OR: who } })
    : [];
  for (const invite of invites) {
    await db.$transaction([
      db.membership.upsert({
        where: { userId_merchantId: { userId: user.id, merchantId: invite.merchantId } },
        create: { userId: user.id, merchantId: invite.merchantId, role: invite.role },
        update: {},
      }),
      db.invite.update({ where: { id: invite.id }, data: { acceptedAt: now } }),
      db.auditEvent.create({
        data: {
          merchantId: invite.merchantId,
          actorUserId: user.id,
          action: "invite.accepted",
          targetType: "invite",
          targetId: invite.id,
        },
      }),
    ]);
  }
  if ((await db.membership.count({ where: { userId: user.id } })) === 0) {
    const merchantId = newObjectId("mer");
    const name = `${user.name ?? user.githubLogin ?? user.email ?? "My"}'s team`;
    await db.$transaction([
      db.merchant.create({ data: { id: merchantId, name } }),
      db.membership.create({ data: { userId: user.id, merchantId, role: "owner" } }),
    ]);
  }
}

export async function listMerchantsOf({ db }: Context, { userId }: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: { merchant: true },
    orderBy: { createdAt: "asc" },
  });
  return {
    items: memberships.map((m) => ({
      id: m.merchant.id,
      name: m.merchant.name,
      plan: m.merchant.plan,
      role: m.role as Role,
    })),
  };
}

export async function listMembers({ db }: Context, { merchantId }: { merchantId: string }) {
  const [members, invites] = await Promise.all([
    db.membership.findMany({ where: { merchantId }, include: { user: true }, orderBy: { createdAt: "asc" } }),
    db.invite.findMany({ where: { merchantId, acceptedAt: null }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    members: members.map((m) => ({
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      githubLogin: m.user.githubLogin,
      role: m.role as Role,
    })),
    invites: invites.map((i) => ({
      id: i.id,
      email: i.email,
      githubLogin: i.githubLogin,
      role: i.role as Role,
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}

export async function createInvite(
  { db, now }: Context,
  { merchantId, invitedById, invite: input }: { merchantId: string; invitedById: string; invite: CreateInviteInput },
) {
  const email = input.email?.toLowerCase() ?? null;
  const githubLogin = input.githubLogin?.toLowerCase() ?? null;
  const pending = await db.invite.findFirst({
    where: { merchantId, acceptedAt: null, ...(email ? { email } : { githubLogin }) },
  });
  if (pending) throw new ApiError(409, "invalid_request", "invite_exists", "This person already has a pending invite.");
  const row = await db.invite.create({
    data: {
      merchantId,
      email,
      githubLogin,
      role: input.role,
      invitedById,
      expiresAt: new Date(now().getTime() + INVITE_TTL_MS),
    },
  });
  return {
    id: row.id,
    email: row.email,
    githubLogin: row.githubLogin,
    role: row.role as Role,
    expiresAt: row.expiresAt.toISOString(),
  };
}
