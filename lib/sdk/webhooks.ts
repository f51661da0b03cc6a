const encoder = new TextEncoder();

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * Verifies a webhook's `Webhook-Signature: t=<unix>,v1=<hex>` header against the raw request body (exactly the bytes
 * received, before any JSON parsing) and the endpoint's `whsec_…` secret. False when no v1 signature matches or
 * `t` is more than `toleranceSeconds` from now (replays). WebCrypto's HMAC verify compares in constant time.
 */
export async function verifyWebhookSignature(
  rawBody: string,
  header: string | null | undefined,
  secret: string,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<boolean> {
  if (!header) return false;
  const pairs = header.split(",").map((part) => part.trim().split("="));
  const timestamp = pairs.find(([name]) => name === "t")?.[1];
  if (!timestamp || !/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds)
    return false;
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "verify",
  ]);
  const signed = encoder.encode(`${timestamp}.${rawBody}`);
  for (const [name, value] of pairs) {
    const signature = name === "v1" && value ? hexToBytes(value) : null;
    if (signature && (await crypto.subtle.verify("HMAC", key, signature, signed))) return true;
  }
  return false;
}
