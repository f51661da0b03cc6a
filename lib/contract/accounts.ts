import { z } from "zod";
import { itemsOf } from "./common";
import { collection, management, member, sessionOnly } from "./operation";
import { ROLES, roleSchema } from "./roles";

export const MANAGEMENT_TOKEN_LIFETIMES = { "1h": 3600, "8h": 28_800, "24h": 86_400, "7d": 604_800 } as const;
export const createManagementTokenSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  expiresIn: z
    .enum(
      Object.keys(MANAGEMENT_TOKEN_LIFETIMES) as [
        keyof typeof MANAGEMENT_TOKEN_LIFETIMES,
        ...Array<keyof typeof MANAGEMENT_TOKEN_LIFETIMES>,
      ],
    )
    .default("24h"),
});

export type CreateManagementTokenInput = z.infer<typeof createManagementTokenSchema>;

export const createInviteSchema = z
  .strictObject({
    email: z.email().optional(),
    githubLogin: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub user name")
      .optional(),
    role: roleSchema.exclude(["owner"]).default("developer"),
  })
  .refine((value) => Boolean(value.email) !== Boolean(value.githubLogin), "Give exactly one of email or githubLogin");

export type CreateInviteInput = z.infer<typeof createInviteSchema>;

export const merchantMembershipSchema = z.object({
  id: z.string(),
  name: z.string(),
  plan: z.string(),
  role: z.enum(ROLES),
});

export type MerchantMembership = z.infer<typeof merchantMembershipSchema>;

export const inviteSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  githubLogin: z.string().nullable(),
  role: z.enum(ROLES),
  expiresAt: z.string(),
});

export type Invite = z.infer<typeof inviteSchema>;

export const memberSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  githubLogin: z.string().nullable(),
  role: z.enum(ROLES),
});

export type Member = z.infer<typeof memberSchema>;

export const memberListSchema = z.object({
  members: z.array(memberSchema),
  invites: z.array(inviteSchema),
});

/** An owner changes a member's role; a merchant always keeps at least one owner. */
export const updateMemberSchema = z.strictObject({
  role: roleSchema.describe("owner, admin, developer or viewer; the last owner cannot be demoted"),
});
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

export const removedMemberSchema = z.object({
  userId: z.string(),
  removed: z.literal(true),
  revokedTokens: z.number().int().describe("How many of their management tokens on this merchant were revoked"),
});

export type MemberList = z.infer<typeof memberListSchema>;

export const managementTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  status: z.enum(["active", "revoked", "expired"]),
});

export type ManagementToken = z.infer<typeof managementTokenSchema>;

/** The create response alone carries the token. */
export const createdManagementTokenSchema = managementTokenSchema.extend({
  token: z.string().describe("A JWT for `Authorization: Bearer`: shown only in this response"),
});

export const merchants = {
  list: management.get("/api/v1/merchants", {
    summary: "The signed-in user's merchants, with their role in each",
    response: itemsOf(merchantMembershipSchema),
  }),
};

/** Only owners change members (`members.manage`); another merchant's member is a 404. */
const manageMembers = { auth: member("members.manage"), errors: [400, 404, 409] } as const;

export const members = {
  list: management.get("/api/v1/members", {
    summary: "Members of the current merchant, and its pending invites",
    response: memberListSchema,
  }),
  update: management.patch("/api/v1/members/{userId}", {
    ...manageMembers,
    summary: "Change a member's role (the last owner cannot be demoted)",
    body: updateMemberSchema,
    response: memberSchema,
  }),
  remove: management.delete("/api/v1/members/{userId}", {
    ...manageMembers,
    summary: "Remove a member: they lose access at once and their management tokens here are revoked",
    response: removedMemberSchema,
  }),
};

export const invites = {
  create: management.post("/api/v1/invites", {
    auth: member("members.manage"),
    summary: "Invite someone by e-mail or GitHub login",
    body: createInviteSchema,
    response: inviteSchema,
    status: 201,
    errors: [400, 409],
  }),
  revoke: management.delete("/api/v1/invites/{id}", {
    auth: member("members.manage"),
    summary: "Revoke a pending invite",
    response: inviteSchema,
    errors: [404],
  }),
};

const tokens = collection({
  tag: management.tag,
  path: "/api/v1/management-tokens",
  read: sessionOnly("settings.manage"),
  write: sessionOnly("settings.manage"),
  object: managementTokenSchema,
});
export const managementTokens = {
  list: tokens.list({
    summary: "List management tokens (dashboard session only)",
    response: itemsOf(managementTokenSchema),
    errors: [],
  }),
  create: tokens.create({
    summary: "Create a management token (dashboard session only; shown once)",
    body: createManagementTokenSchema,
    response: createdManagementTokenSchema,
  }),
  revoke: tokens.remove({ summary: "Revoke a management token (dashboard session only)", errors: [400, 404] }),
};
