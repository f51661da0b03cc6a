import { z } from "zod";
import { itemsOf, listQuerySchema } from "./common";
import { apiKey, management, member, tagged } from "./operation";
import { scopeListSchema, scopeSchema } from "./scopes";
import { isIpRule } from "./ip-rule";
import { API_KEY_STATUSES, KEY_MODES } from "./vocabulary";

export { API_KEY_STATUSES, KEY_MODES, type KeyMode } from "./vocabulary";
export const keyModeSchema = z.enum(KEY_MODES);

/** What it takes to create a key, from the dashboard's Create key dialog, the management API or a library call. */
export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100),
  mode: keyModeSchema.default("test"),
  scopes: scopeListSchema.default([]),
  expiresAt: z.coerce
    .date()
    .refine((date) => date.getTime() > Date.now(), "must be in the future")
    .optional(),
  rateLimit: z.number().int().min(1).max(100_000).optional(),
  ipAllowlist: z.array(z.string().refine(isIpRule, "must be an IP address or CIDR range")).min(1).max(100).optional(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/** A key as every route and page shows it: never its secret or hash. */
export const apiKeySchema = z.object({
  id: z.string(),
  object: z.literal("api_key"),
  name: z.string(),
  mode: keyModeSchema,
  prefix: z.string(),
  scopes: z.array(scopeSchema),
  status: z.enum(API_KEY_STATUSES),
  applicationId: z.string().nullable(),
  merchantId: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  graceEndsAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  rolledFromId: z.string().nullable(),
  claimedAt: z.string().nullable().describe('Set when an unclaimed key was linked to a merchant ("Link existing key")'),
  rateLimit: z.number().int().nullable(),
  ipAllowlist: z.array(z.string()).nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeySchema>;

/** The dashboard's API keys list: each key with its application's name and its last week's requests. */
export const merchantKeySchema = apiKeySchema.extend({
  application: z.object({ id: z.string(), name: z.string() }).nullable(),
  usage7d: z
    .array(z.number().int())
    .length(7)
    .describe("Requests per UTC day of the last 7 days, oldest first (today last)"),
});
export type MerchantKey = z.infer<typeof merchantKeySchema>;

/** One page of the API keys list: `has_more` says whether a next page starts after the last item. */
export const merchantKeyPageSchema = itemsOf(merchantKeySchema).extend({ has_more: z.boolean() });
export type MerchantKeyPage = z.infer<typeof merchantKeyPageSchema>;

/** The creation response: the only place the full key ever appears. */
export const createdKeySchema = apiKeySchema.extend({
  fullKey: z.string().describe("ck_test_… or ck_live_…: shown only in this response"),
  keyPrefix: z.string(),
  description: z.string(),
});
export type CreatedKey = z.infer<typeof createdKeySchema>;

export const rolledKeySchema = createdKeySchema.extend({
  rolledKey: apiKeySchema.describe("The old key: it works until its graceEndsAt"),
});
export type RolledKey = z.infer<typeof rolledKeySchema>;

/** `GET /api/v1/me`: the calling key. */
export const apiKeySelfSchema = z.object({
  object: z.literal("api_key"),
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  mode: keyModeSchema,
  livemode: z.boolean(),
  scopes: z.array(scopeSchema),
  application: z.object({ id: z.string(), name: z.string() }).nullable(),
  merchant: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ApiKeySelf = z.infer<typeof apiKeySelfSchema>;

/** A page of the merchant's keys, newest first: `starting_after` is the id of the last key of the previous page. */
export const apiKeyListQuerySchema = listQuerySchema.extend({
  applicationId: z.string().optional(),
  mode: keyModeSchema.optional(),
  status: z.enum(API_KEY_STATUSES).optional(),
  q: z
    .string()
    .trim()
    .max(100, "must be at most 100 characters")
    .optional()
    .describe("Matches a key's name (anywhere in it) or its display prefix (its start), e.g. ck_test_a1B2"),
});

export type ApiKeyListQuery = z.infer<typeof apiKeyListQuerySchema>;

/** The management API's "Generate an API key": `description` is the key's name. */
export const createApplicationKeySchema = createApiKeySchema.omit({ name: true }).extend({
  description: z.string().trim().min(1, "is required: say what the key is for").max(100),
});
export type CreateApplicationKeyInput = z.input<typeof createApplicationKeySchema>;

/** A roll's grace period ends at most this long after the roll, extensions included. */
export const MAX_GRACE_DAYS = 7;
export const GRACE_EXTENSION_HOURS = 24;
/** "Unused" scopes: none of the key's requests in this many days needed them. */
export const UNUSED_SCOPE_DAYS = 30;

export const GRACE_PERIODS = { now: 0, "1h": 3600, "24h": 86_400, "7d": 604_800 } as const;
export type GracePeriod = keyof typeof GRACE_PERIODS;
export const rollApiKeySchema = z.strictObject({
  gracePeriod: z.enum(Object.keys(GRACE_PERIODS) as [GracePeriod, ...GracePeriod[]]).default("24h"),
});

/** Rename a key or change its scopes; the change reaches every process's key cache before the response. */
export const updateApiKeySchema = z
  .strictObject({
    name: z.string().trim().min(1, "is required").max(100).optional(),
    scopes: scopeListSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Provide at least one field to update: name or scopes");
export type UpdateApiKeyInput = z.infer<typeof updateApiKeySchema>;

/** "Link existing key" in the dashboard; without `scopes` the key keeps the ones it has (every scope). */
export const linkApiKeySchema = z.strictObject({
  key: z.string().min(1, "is required").max(200),
  applicationId: z.string().min(1, "is required"),
  scopes: scopeListSchema.optional(),
});
export type LinkApiKeyInput = z.infer<typeof linkApiKeySchema>;

/** Whoever last called with the key, from the request log. */
const lastUseSchema = z.object({
  at: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

const keyLinkSchema = z.object({ id: z.string(), name: z.string(), prefix: z.string() });

/**
 * `GET /api/v1/api-keys/{id}`: one key with who created it, its last use, its roll and its unused scopes; not the
 * list's 7-day counts (the key's page charts its usage from `GET /api/v1/merchant/usage`).
 */
export const apiKeyDetailSchema = merchantKeySchema.omit({ usage7d: true }).extend({
  createdBy: z
    .object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() })
    .nullable()
    .describe("The member who created (or rolled) the key; null for a key created without one"),
  lastUse: lastUseSchema.nullable().describe("The key's latest request in the request log"),
  rolledFrom: keyLinkSchema.nullable().describe("The key this one replaced by a roll"),
  rolledTo: keyLinkSchema.nullable().describe("The key that replaced this one by a roll"),
  graceExtendedAt: z.string().nullable().describe("When the grace period was extended (it can be, once)"),
  unusedScopes: z
    .array(scopeSchema)
    .describe(`Scopes granted but not needed by any of the key's requests in the last ${UNUSED_SCOPE_DAYS} days`),
});
export type ApiKeyDetail = z.infer<typeof apiKeyDetailSchema>;

/** One caller of a rolled key's old secret: requests grouped by IP and user agent. */
export const oldSecretCallerSchema = z.object({
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  lastSeenAt: z.string(),
  requestCount: z.number().int(),
});
export type OldSecretCaller = z.infer<typeof oldSecretCallerSchema>;

/** Who still sends the old secret of a roll in its grace period; empty when no grace period runs. */
export const oldSecretCallersSchema = z.object({
  rolledKeyId: z.string().nullable().describe("The old key (this key, or the one it replaced)"),
  graceEndsAt: z.string().nullable(),
  graceExtendedAt: z.string().nullable(),
  maxGraceEndsAt: z
    .string()
    .nullable()
    .describe(`The latest the grace period can end: ${MAX_GRACE_DAYS} days after the roll`),
  items: z.array(oldSecretCallerSchema),
});
export type OldSecretCallers = z.infer<typeof oldSecretCallersSchema>;

const keys = tagged("Keys");
export const me = {
  retrieve: keys.get("/api/v1/me", {
    auth: apiKey(),
    summary: "The calling API key: mode, scopes, application, merchant",
    response: apiKeySelfSchema,
  }),
};

/** An application's keys: only who manages settings changes them, and an unknown application or key is a 404. */
const applicationKeys = tagged(management.tag, { auth: member("settings.manage"), errors: [400, 404] });
export const apiKeys = {
  list: management.get("/api/v1/api-keys", {
    summary: "List the current merchant's API keys, newest first, a page at a time (never a secret)",
    query: apiKeyListQuerySchema,
    response: merchantKeyPageSchema,
    errors: [400],
  }),
  create: applicationKeys.post("/api/v1/applications/{id}/api-keys", {
    summary: "Create an API key (the secret is shown only in this response)",
    body: createApplicationKeySchema,
    response: createdKeySchema,
    status: 201,
  }),
  revoke: applicationKeys.delete("/api/v1/applications/{id}/api-keys/{keyId}", {
    summary: "Revoke an API key at once",
    response: z.void(),
    status: 204,
  }),
  update: applicationKeys.patch("/api/v1/applications/{id}/api-keys/{keyId}", {
    summary: "Rename an API key or change its scopes (takes effect at once, in every process)",
    body: updateApiKeySchema,
    response: apiKeySchema,
  }),
  roll: applicationKeys.post("/api/v1/applications/{id}/api-keys/{keyId}/roll", {
    summary: "Roll an API key: a new secret now, the old one works for a grace period",
    description:
      "A key already in its grace period cannot be rolled again (400 `api_key_already_rolled`): roll its successor.",
    body: rollApiKeySchema,
    response: rolledKeySchema,
    status: 201,
  }),
  retrieve: management.get("/api/v1/api-keys/{id}", {
    summary: "Retrieve one of the current merchant's API keys with its creator, last use, roll and unused scopes",
    response: apiKeyDetailSchema,
    errors: [404],
  }),
  callers: management.get("/api/v1/api-keys/{id}/callers", {
    summary: "Who still calls with a rolled key's old secret during its grace period (by IP and user agent)",
    description: "Works on the old key's id or its successor's; outside a grace period the list is empty.",
    response: oldSecretCallersSchema,
    errors: [404],
  }),
  endGrace: applicationKeys.post("/api/v1/applications/{id}/api-keys/{keyId}/end-grace", {
    summary: "End a rolled key's grace period now: its old secret stops working at once, in every process",
    description: "`keyId` is the old key or its successor. Without a running grace period: 409 `api_key_not_in_grace`.",
    response: apiKeySchema,
    errors: [400, 404, 409],
  }),
  extendGrace: applicationKeys.post("/api/v1/applications/{id}/api-keys/{keyId}/extend-grace", {
    summary: `Extend a rolled key's grace period by ${GRACE_EXTENSION_HOURS} hours (once)`,
    description: `A second extension is refused (409 \`grace_already_extended\`), and so is one past ${MAX_GRACE_DAYS} days after the roll (400 \`grace_period_too_long\`).`,
    response: apiKeySchema,
    errors: [400, 404, 409],
  }),
  link: management.post("/api/v1/api-keys/link", {
    auth: member("settings.manage"),
    summary: "Link an existing unclaimed key to the current merchant (rate limited per user)",
    description: "A disabled application is refused (400 `application_disabled`): enable it first.",
    body: linkApiKeySchema,
    response: apiKeySchema,
    errors: [400, 404, 429],
  }),
};
