import { describe, expect, it, vi } from "vitest";
import { parseJsonBody, readBodyText, MAX_BODY_BYTES } from "./body";
import { ApiError } from "./errors";
import { newObjectId } from "../ids";
import { newRequestId } from "./request-id";
import { isDatabaseUnavailable, toApiError } from "./respond";

describe("error envelope", () => {
  it("renders type, code, message, requestId and param", () => {
    const error = new ApiError(400, "invalid_request", "parameter_invalid", "Invalid amount", { param: "amount" });
    expect(error.envelope("req_1")).toEqual({
      error: {
        type: "invalid_request",
        code: "parameter_invalid",
        message: "Invalid amount",
        requestId: "req_1",
        param: "amount",
      },
    });
  });

  it("hides internals of unexpected errors and maps an unreachable database to 503", () => {
    const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const internal = toApiError(new Error("secret internals"), "req_1");
    expect(internal.status).toBe(500);
    expect(internal.message).not.toContain("secret internals");
    const down = toApiError(Object.assign(new Error("connect failed"), { cause: { code: "ECONNREFUSED" } }), "req_2");
    expect(down.status).toBe(503);
    spy.mockRestore();
    expect(isDatabaseUnavailable(new Error("plain"))).toBe(false);
  });
});

describe("request bodies", () => {
  it("parses JSON, treats empty as undefined and refuses invalid JSON", () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonBody("  ")).toBeUndefined();
    expect(() => parseJsonBody("{nope")).toThrow(/not valid JSON/);
  });

  it("refuses bodies over 1 MB, declared or streamed", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    await expect(readBodyText(new Request("http://x", { method: "POST", body: big }))).rejects.toMatchObject({
      status: 413,
    });
    expect(await readBodyText(new Request("http://x", { method: "POST", body: "ok" }))).toBe("ok");
  });
});

describe("ids", () => {
  it("makes req_ ids and time-sortable object ids", () => {
    // 600 ids cross two refills of the pool (256 ids each): all well formed, none repeated.
    const ids = Array.from({ length: 600 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(/^req_[0-9A-Za-z]{20}$/);
    expect(new Set(ids).size).toBe(600);
    const first = newObjectId("plink", 1_700_000_000_000);
    const later = newObjectId("plink", 1_700_000_000_001);
    expect(first).toMatch(/^plink_[0-9a-z]{9}[0-9A-Za-z]{16}$/);
    expect(first < later).toBe(true);
  });
});
