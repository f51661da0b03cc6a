import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config } from "../config";

/**
 * AUTH_SECRET signs sessions' CSRF tokens and management tokens. In demo mode (DEMO_LOGIN=1) without one, a
 * random secret is generated once into .data/ so the Quick start needs no configuration.
 */
export function authSecret(): string | undefined {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (!config.DEMO_LOGIN) return undefined;
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "demo-auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
