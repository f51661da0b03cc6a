import { afterAll, describe, expect, it, vi } from "vitest";
import { createDb } from "../db";
import { createKey } from "../testing/fixtures";
import { withApiKey } from "./with-api-key";

const unreachable = createDb("postgresql://postgres@127.0.0.1:1/nowhere");
afterAll(() => unreachable.db.$disconnect());

const get = (secret: string) => new Request("http://localhost/api/v1/test", { headers: { Authorization: `Bearer ${secret}` } });
const noParams = { params: Promise.resolve({}) };

describe("withApiKey", () => {
  it("renders an unexpected exception as 500 api_error without internals", async () => {
    const { secret } = await createKey();
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const route = withApiKey({}, async () => {
      throw new Error("column xyz does not exist at /srv/app/secret-path.ts");
    });
    const response = await route(get(secret), noParams);
    expect(stderr).toHaveBeenCalled();
    stderr.mockRestore();
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error).toMatchObject({ type: "api_error", code: "internal_error", requestId: response.headers.get("x-request-id") });
    expect(JSON.stringify(body)).not.toMatch(/xyz|secret-path/);
  });

  it("answers 503 when the database cannot be reached", async () => {
    const { secret } = await createKey();
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const route = withApiKey({}, async () => Response.json(await unreachable.db.paymentLink.count()));
    const response = await route(get(secret), noParams);
    stderr.mockRestore();
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatchObject({ type: "api_error", code: "service_unavailable" });
    expect(response.headers.get("retry-after")).toBe("1");
  });
});
