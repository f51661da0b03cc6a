import { z } from "zod";

export const MIN_CUSTOM_KEY_BITS = 128;

/** Runs like "aaaa", "1234" or "dcba": the first things a person types instead of a secret. */
function hasRun(secret: string, length = 4): boolean {
  for (let i = 0; i + length <= secret.length; i += 1) {
    const codes = [...secret.slice(i, i + length)].map((c) => c.charCodeAt(0));
    const steps = codes.slice(1).map((code, j) => code - codes[j]!);
    if (steps.every((step) => step === 0) || steps.every((step) => step === 1) || steps.every((step) => step === -1)) return true;
  }
  return false;
}

/**
 * A deliberately simple, conservative estimate of a secret's entropy in bits: the smaller of
 * (length × log2 of the character classes it uses) and (length × its Shannon entropy per character).
 */
export function estimateEntropyBits(secret: string): number {
  const classes =
    (/[a-z]/.test(secret) ? 26 : 0) + (/[A-Z]/.test(secret) ? 26 : 0) + (/[0-9]/.test(secret) ? 10 : 0) + (/[_-]/.test(secret) ? 2 : 0);
  const byClasses = classes > 0 ? secret.length * Math.log2(classes) : 0;
  const counts = new Map<string, number>();
  for (const char of secret) counts.set(char, (counts.get(char) ?? 0) + 1);
  let perChar = 0;
  for (const count of counts.values()) {
    const p = count / secret.length;
    perChar -= p * Math.log2(p);
  }
  return Math.min(byClasses, perChar * secret.length);
}

export const customSecretSchema = z
  .string()
  .min(32, "must be at least 32 characters")
  .max(128, "must be at most 128 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "may contain only letters, digits, '_' and '-'")
  .refine((secret) => !hasRun(secret), "must not contain repeated or sequential characters (like 'aaaa' or '1234')")
  // Character statistics cannot tell words from randomness; random hex, base62 and base64url all mix classes.
  .refine(
    (secret) => [/[a-z]/, /[A-Z]/, /[0-9]/].filter((pattern) => pattern.test(secret)).length >= 2,
    "is too predictable: it looks like words; use random letters and digits",
  )
  .refine(
    (secret) => estimateEntropyBits(secret) >= MIN_CUSTOM_KEY_BITS,
    `is too predictable: it needs at least ${MIN_CUSTOM_KEY_BITS} bits of entropy (for example 32 random letters and digits, or 40 random hex characters) — omit "key" to have one generated`,
  )
  .refine((secret) => !secret.startsWith("ck_live_"), "an unclaimed key is a test key: it must not start with ck_live_");

/** `POST /api-keys`: create an unclaimed test key without an account. */
export const createUnclaimedKeySchema = z.strictObject({
  label: z.string().trim().max(100).optional(),
  key: z.union([z.literal(""), customSecretSchema]).optional(),
});

/** "Link existing key" in the dashboard. */
export const linkApiKeySchema = z.strictObject({
  key: z.string().min(1, "is required").max(200),
  applicationId: z.string().min(1, "is required"),
});
