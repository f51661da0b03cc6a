import { z } from "zod";
import { anyone, tagged } from "./operation";

export const MIN_CUSTOM_KEY_BITS = 128;

/** Patterns shorter than this are left alone: random strings hold them by chance. */
export const MIN_PATTERN_LENGTH = 4;

/** Length of the run of repeated or sequential characters ("aaaa", "1234", "dcba") that starts at `i`. */
function runLength(codes: number[], i: number): number {
  if (i + 1 >= codes.length) return 1;
  const step = codes[i + 1]! - codes[i]!;
  if (Math.abs(step) > 1) return 1;
  let end = i + 2;
  while (end < codes.length && codes[end]! - codes[end - 1]! === step) end += 1;
  return end - i;
}

/** Length of the longest repeat of earlier text that starts at `i` ("Password1Password1", "ab12ab12"). */
function repeatLength(secret: string, i: number): number {
  let longest = 0;
  for (let j = 0; j < i; j += 1) {
    let length = 0;
    while (i + length < secret.length && secret[j + length] === secret[i + length]) length += 1;
    longest = Math.max(longest, length);
  }
  return longest;
}

/**
 * The first things a person types instead of a secret: runs of repeated or sequential characters and repeats of
 * earlier text, each at least 4 characters long. Returns the secret with every such pattern collapsed to its first
 * character (what an attacker must still guess), and the patterns found.
 */
function collapsePatterns(secret: string): { collapsed: string; patterns: string[] } {
  const codes = [...secret].map((char) => char.charCodeAt(0));
  let collapsed = "";
  const patterns: string[] = [];
  let i = 0;
  while (i < secret.length) {
    const length = Math.max(runLength(codes, i), repeatLength(secret, i));
    collapsed += secret[i];
    if (length >= MIN_PATTERN_LENGTH) {
      patterns.push(secret.slice(i, i + length));
      i += length;
    } else {
      i += 1;
    }
  }
  return { collapsed, patterns };
}

/** The size of the alphabet a secret draws from, judged by the character classes it uses (hex counts as 16). */
function alphabetSize(secret: string): number {
  if (/^[0-9a-f]+$/.test(secret) || /^[0-9A-F]+$/.test(secret)) return 16;
  return (
    (/[a-z]/.test(secret) ? 26 : 0) +
    (/[A-Z]/.test(secret) ? 26 : 0) +
    (/[0-9]/.test(secret) ? 10 : 0) +
    (/[_-]/.test(secret) ? 2 : 0)
  );
}

/** The entropy estimate and the patterns it discounted, from one pass over the secret. */
function assess(secret: string): { bits: number; patterns: string[] } {
  const { collapsed, patterns } = collapsePatterns(secret);
  const alphabet = alphabetSize(collapsed);
  return { bits: alphabet > 0 ? collapsed.length * Math.log2(alphabet) : 0, patterns };
}

/**
 * A deliberately simple estimate of a secret's entropy in bits: its length × log2 of the alphabet it draws from,
 * where a run of repeated or sequential characters, or a repeat of earlier text, counts as one character.
 * 40 random hex characters are 160 bits, 32 random letters and digits 190; a random string keeps its bits even
 * when it holds a short pattern by chance ("…1234…" turns up in one random 40-character hex string in 50).
 */
export function estimateEntropyBits(secret: string): number {
  return assess(secret).bits;
}

/** The reason a custom secret is refused, or null when it is unguessable enough. */
function weakness(secret: string): string | null {
  const { bits, patterns } = assess(secret);
  if (bits < MIN_CUSTOM_KEY_BITS) {
    if (patterns.length > 0)
      return `is too predictable: repeated or sequential characters (like ${patterns
        .slice(0, 2)
        .map((pattern) => `'${pattern}'`)
        .join(
          " and ",
        )}) add no entropy, which leaves under ${MIN_CUSTOM_KEY_BITS} bits — omit "key" to have one generated`;
    return `is too predictable: it needs at least ${MIN_CUSTOM_KEY_BITS} bits of entropy (for example 32 random letters and digits, or 40 random hex characters) — omit "key" to have one generated`;
  }
  // Character statistics cannot tell words from randomness; random hex, base62 and base64url all mix classes.
  if ([/[a-z]/, /[A-Z]/, /[0-9]/].filter((pattern) => pattern.test(secret)).length < 2)
    return "is too predictable: it looks like words; use random letters and digits";
  return null;
}

export const customSecretSchema = z
  .string()
  .min(32, "must be at least 32 characters")
  .max(128, "must be at most 128 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "may contain only letters, digits, '_' and '-'")
  .superRefine((secret, context) => {
    const reason = weakness(secret);
    if (reason) context.addIssue({ code: "custom", message: reason });
  })
  .refine(
    (secret) => !secret.startsWith("ck_live_"),
    "an unclaimed key is a test key: it must not start with ck_live_",
  );

/** `POST /api-keys`: create an unclaimed test key without an account. */
export const createUnclaimedKeySchema = z.strictObject({
  label: z.string().trim().max(100).optional(),
  key: z.union([z.literal(""), customSecretSchema]).optional(),
});

export type CreateUnclaimedKeyInput = z.infer<typeof createUnclaimedKeySchema>;

export const unclaimedKeySchema = z.object({
  id: z.string(),
  label: z.string(),
  key: z.string().describe("ck_test_…: shown only in this response"),
  mode: z.literal("test"),
  claimed: z.literal(false),
  expiresAt: z.string(),
});

export const unclaimedKeys = {
  create: tagged("Keys").post("/api-keys", {
    auth: anyone({ bucket: "unclaimed-create", windowMs: 3_600_000 }),
    summary: "Create an unclaimed test key without an account (the key is shown only in this response)",
    description:
      "A test key with every scope, in its own sandbox, expiring after 30 days unless linked to a merchant. Rate limited per client IP. Give `key` to choose the secret yourself.",
    body: createUnclaimedKeySchema,
    response: unclaimedKeySchema,
    status: 201,
    errors: [400, 409, 429],
  }),
};
