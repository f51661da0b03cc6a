import { describe, expect, it } from "vitest";
import { onboardUser } from "@/lib/accounts/merchants";
import { createManagementToken } from "@/lib/accounts/management-tokens";
import { db } from "@/lib/db";
import { appContext } from "@/lib/keys";
import { ManagementClient } from "@/lib/sdk";
import { failure, routeTestServer, signIn } from "@/test/support";

/** Changing roles, removing members and revoking invites: owners only, and a merchant always keeps an owner. */

const server = routeTestServer();

async function memberOf(options: Parameters<typeof signIn>[0] = {}) {
  const member = await signIn(options);
  const token = await createManagementToken(appContext, {
    merchantId: member.merchantId,
    userId: member.user.id,
    token: { name: "test", expiresIn: "1h" },
  });
  return {
    ...member,
    tokenId: token.id,
    api: new ManagementClient({ apiKey: token.token, baseUrl: server.url, maxRetries: 0 }),
  };
}

describe("roles", () => {
  it("an owner changes a member's role, which takes effect on their next call", async () => {
    const owner = await memberOf();
    const developer = await memberOf({ merchantId: owner.merchantId, role: "developer" });
    expect(await failure(developer.api.applications.create({ name: "Not yet" }))).toMatchObject({ status: 403 });

    const updated = await owner.api.members.update(developer.user.id, { role: "admin" });
    expect(updated).toMatchObject({ userId: developer.user.id, role: "admin", email: developer.user.email });
    expect((await developer.api.applications.create({ name: "Now" })).name).toBe("Now");
    // An admin manages settings, not members.
    expect(await failure(developer.api.members.update(owner.user.id, { role: "viewer" }))).toMatchObject({
      status: 403,
      code: "missing_permission",
    });
  });

  it("refuses to demote the last owner, with a sentence; with two owners either may step down", async () => {
    const owner = await memberOf();
    const refused = await failure(owner.api.members.update(owner.user.id, { role: "admin" }));
    expect(refused).toMatchObject({ status: 409, code: "last_owner" });
    expect(refused.message).toBe("The last owner of a merchant cannot be demoted. Make another member an owner first.");

    const second = await memberOf({ merchantId: owner.merchantId, role: "viewer" });
    await owner.api.members.update(second.user.id, { role: "owner" });
    expect((await owner.api.members.update(owner.user.id, { role: "developer" })).role).toBe("developer");
    expect(await failure(second.api.members.update(second.user.id, { role: "viewer" }))).toMatchObject({
      code: "last_owner",
    });
  });

  it("lets only one of two owners demoting each other at the same moment succeed", async () => {
    const a = await memberOf();
    const b = await memberOf({ merchantId: a.merchantId, role: "owner" });
    const results = await Promise.allSettled([
      a.api.members.update(b.user.id, { role: "admin" }),
      b.api.members.update(a.user.id, { role: "admin" }),
    ]);
    const owners = await db.membership.count({ where: { merchantId: a.merchantId, role: "owner" } });
    expect(owners).toBe(1);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a role that does not exist with a sentence, and another merchant's member with a 404", async () => {
    const owner = await memberOf();
    const viewer = await memberOf({ merchantId: owner.merchantId, role: "viewer" });
    const bad = await failure(owner.api.members.update(viewer.user.id, { role: "boss" as "admin" }));
    expect(bad).toMatchObject({ status: 400, param: "role" });
    expect(bad.message).toBe("Invalid role: must be one of: owner, admin, developer, viewer");
    const stranger = await memberOf();
    expect(await failure(stranger.api.members.update(viewer.user.id, { role: "admin" }))).toMatchObject({
      status: 404,
      code: "resource_missing",
    });
  });
});

describe("removing a member", () => {
  it("ends their access at once and revokes their management tokens on this merchant", async () => {
    const owner = await memberOf();
    const admin = await memberOf({ merchantId: owner.merchantId, role: "admin" });
    expect(await owner.api.members.remove(admin.user.id)).toEqual({
      userId: admin.user.id,
      removed: true,
      revokedTokens: 1,
    });
    expect(await failure(admin.api.applications.list({}))).toMatchObject({ status: 401 });
    const session = await fetch(`${server.url}/api/v1/applications`, { headers: { Cookie: admin.cookie } });
    expect(session.status).toBe(403);
    expect((await db.managementToken.findUniqueOrThrow({ where: { id: admin.tokenId } })).revokedAt).not.toBeNull();
    expect((await owner.api.members.list()).members.map((m) => m.userId)).toEqual([owner.user.id]);
    expect(await failure(owner.api.members.remove(admin.user.id))).toMatchObject({ status: 404 });
  });

  it("refuses to remove the last owner, and lets an owner leave while another remains", async () => {
    const owner = await memberOf();
    expect(await failure(owner.api.members.remove(owner.user.id))).toMatchObject({
      status: 409,
      code: "last_owner",
      message: "The last owner of a merchant cannot be removed. Make another member an owner first.",
    });
    const other = await memberOf({ merchantId: owner.merchantId, role: "owner" });
    expect((await other.api.members.remove(owner.user.id)).removed).toBe(true);
  });
});

describe("invites", () => {
  it("an owner revokes a pending invite: it is gone, and the invitee does not join when signing in", async () => {
    const owner = await memberOf();
    const invite = await owner.api.invites.create({ githubLogin: "newcomer-x", role: "developer" });
    expect(await owner.api.invites.revoke(invite.id)).toMatchObject({ id: invite.id, githubLogin: "newcomer-x" });
    expect((await owner.api.members.list()).invites).toEqual([]);
    expect(await failure(owner.api.invites.revoke(invite.id))).toMatchObject({ status: 404 });

    const user = await db.user.create({ data: { name: "New", email: null, githubLogin: "newcomer-x" } });
    await onboardUser(db, user);
    expect(await db.membership.count({ where: { userId: user.id, merchantId: owner.merchantId } })).toBe(0);
  });

  it("refuses an admin and another merchant's owner", async () => {
    const owner = await memberOf();
    const invite = await owner.api.invites.create({ email: "someone@example.com" });
    const admin = await memberOf({ merchantId: owner.merchantId, role: "admin" });
    expect(await failure(admin.api.invites.revoke(invite.id))).toMatchObject({ status: 403 });
    const stranger = await memberOf();
    expect(await failure(stranger.api.invites.revoke(invite.id))).toMatchObject({ status: 404 });
  });
});
