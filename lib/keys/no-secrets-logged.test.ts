import { describe, expect, it } from "vitest";
import { overrideConfigForTests, restoreConfigForTests } from "../config";
import { db } from "../db";
import { bearer, createKey, routeTestServer } from "@/test/support";
import { authRuntime } from "./runtime";
import { revokeApiKey } from "./lifecycle";
import { log } from "../log";

const server = routeTestServer();

describe("logging", () => {
  it("never writes a key or secret to stdout or stderr, whatever the request", async () => {
    const keys = await Promise.all([createKey(), createKey({ scopes: [] }), createKey({ mode: "live" })]);
    const revoked = await createKey();
    await revokeApiKey({ db, bus: authRuntime.bus, now: () => new Date() }, { keyId: revoked.key.id });
    const secrets = [...keys, revoked].map((k) => k.secret);

    overrideConfigForTests({ LOG_LEVEL: "info" }); // this test reads the access log
    const captured: string[] = [];
    const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
    const capture = (chunk: unknown) => {
      captured.push(String(chunk));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    try {
      const [ok, noScopes, live] = keys.map((k) => k!.secret) as [string, string, string];
      const url = `${server.url}/api/v1`;
      await fetch(`${url}/me`, { headers: bearer(ok) });
      await fetch(`${url}/me`, { headers: { "X-Api-Key": live } });
      await fetch(`${url}/me?api_key=${ok}`);
      await fetch(`${url}/payment_links?token=${live}`, { headers: bearer(ok) });
      await fetch(`${url}/payment_links`, { headers: bearer(noScopes) });
      await fetch(`${url}/me`, { headers: bearer(revoked.secret) });
      await fetch(`${url}/me`, { headers: bearer(ok.slice(0, -1) + (ok.endsWith("0") ? "1" : "0")) });
      await fetch(`${url}/me`, { headers: { Authorization: `Bearer ${ok}`, "X-Api-Key": live } });
      await fetch(`${url}/payment_links`, { method: "POST", headers: bearer(ok), body: "{broken" });
      await fetch(`${url}/payment_links`, {
        method: "POST",
        headers: bearer(ok),
        body: JSON.stringify({ amount: 1, currency: "usd" }),
      });
      await authRuntime.usage.flush();
      log.flush();
    } finally {
      process.stdout.write = writes.out;
      process.stderr.write = writes.err;
      restoreConfigForTests();
    }

    const output = captured.join("");
    expect(output).toContain('"event":"request"'); // the server did log these requests
    for (const secret of secrets) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(secret.slice(12)); // not even the part after the display prefix
    }
  });
});
