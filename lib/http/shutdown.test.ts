import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { config } from "../config";
import { db } from "../db";
import { bearer, createKey, startNextServer } from "@/test/support";

/** Starts a POST whose body is sent later: the request is in flight until `finish()` sends the rest. */
function slowPost(url: string, headers: Record<string, string>, body: string) {
  const half = Math.floor(body.length / 2);
  let finish: () => void = () => undefined;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(url, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) },
    });
    request.on("response", (incoming) => {
      let text = "";
      incoming.on("data", (chunk: Buffer) => (text += chunk.toString()));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body: text }));
    });
    request.on("error", reject);
    request.write(body.slice(0, half));
    finish = () => request.end(body.slice(half));
  });
  return { response, finish: () => finish() };
}

const refused = (url: string) =>
  fetch(url).then(
    () => false,
    () => true,
  );

describe("graceful shutdown (real server)", () => {
  it("answers 503 at /api/ready from SIGTERM on, serves through the delay, then finishes what is in flight", async () => {
    const { secret, key } = await createKey();
    const server = await startNextServer({
      DATABASE_URL: config.DATABASE_URL,
      SHUTDOWN_DELAY_MS: "1500",
      SHUTDOWN_TIMEOUT_MS: "20000",
    });
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    const inFlight = slowPost(`${server.url}/api/v1/customers`, bearer(secret), JSON.stringify({ name: "In flight" }));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the server has the request's headers

    const exited = server.stop("SIGTERM");
    await expect.poll(async () => (await fetch(`${server.url}/api/ready`)).status, { timeout: 1000 }).toBe(503);
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.headers.get("retry-after")).toBe("5");
    expect(await ready.json()).toMatchObject({
      error: { code: "service_unavailable", message: "This instance is not ready: shutdown in progress." },
    });
    // Still serving during the delay: the load balancer has not seen the 503 yet.
    expect((await fetch(`${server.url}/api/v1/me`, { headers: bearer(secret) })).status).toBe(200);

    // After the delay no new connection is accepted, but the process waits for the request in flight.
    await expect.poll(() => refused(`${server.url}/api/health`), { timeout: 5000 }).toBe(true);
    inFlight.finish();
    const created = await inFlight.response;
    expect(created.status).toBe(201);
    expect(await exited).toBe(143);
    expect(await db.customer.count({ where: { id: JSON.parse(created.body).id } })).toBe(1);
    // The usage of both key requests was written on the way out.
    const { _sum } = await db.usageCounter.aggregate({ where: { apiKeyId: key.id }, _sum: { requests: true } });
    expect(_sum.requests).toBe(2);
    expect(server.output()).toContain('"event":"server.draining"');
    expect(server.output()).not.toContain("server.shutdown_timeout");
  });

  it("cuts off a request that outlasts SHUTDOWN_TIMEOUT_MS, logs it, and exits", async () => {
    const { secret } = await createKey();
    const server = await startNextServer({ DATABASE_URL: config.DATABASE_URL, SHUTDOWN_TIMEOUT_MS: "500" });
    const stuck = slowPost(`${server.url}/api/v1/customers`, bearer(secret), JSON.stringify({ name: "Never sent" }));
    const outcome = stuck.response.then(
      () => "answered",
      () => "cut off",
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await server.stop("SIGTERM")).toBe(143);
    expect(await outcome).toBe("cut off");
    expect(server.output()).toContain('"event":"server.shutdown_timeout"');
  });
});
