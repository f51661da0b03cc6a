import { describe, expect, it } from "vitest";
import { ApiError } from "../http/errors";
import { readCredentials } from "./credentials";

const request = (headers: Record<string, string>, url = "http://x/api/v1/me") =>
  [new Headers(headers), new URL(url)] as const;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.code}`;
    throw error;
  }
  return undefined;
}

describe("readCredentials", () => {
  it("reads Bearer, X-Api-Key, Basic and the id + secret pair", () => {
    expect(readCredentials(...request({ Authorization: "Bearer ck_test_x" }))).toEqual({ secret: "ck_test_x" });
    expect(readCredentials(...request({ "X-Api-Key": "ck_test_x" }))).toEqual({ secret: "ck_test_x" });
    const basic = Buffer.from("ck_test_x:").toString("base64");
    expect(readCredentials(...request({ Authorization: `Basic ${basic}` }))).toEqual({ secret: "ck_test_x" });
    expect(readCredentials(...request({ "X-Api-Key-Id": "key_1", "X-Api-Key-Secret": "ck_test_x" }))).toEqual({
      secret: "ck_test_x",
      claimedKeyId: "key_1",
    });
  });

  it("accepts the same key twice but refuses two different keys", () => {
    expect(readCredentials(...request({ Authorization: "Bearer a", "X-Api-Key": "a" }))).toEqual({ secret: "a" });
    expect(codeOf(() => readCredentials(...request({ Authorization: "Bearer a", "X-Api-Key": "b" })))).toBe(
      "400 multiple_api_keys",
    );
  });

  it("refuses a key in the query string", () => {
    expect(codeOf(() => readCredentials(...request({}, "http://x/api/v1/me?api_key=ck_test_x")))).toBe(
      "400 api_key_in_query",
    );
    expect(codeOf(() => readCredentials(...request({}, "http://x/api/v1/me?foo=ck_live_abc")))).toBe(
      "400 api_key_in_query",
    );
  });

  it("says what is wrong with missing or malformed credentials", () => {
    expect(codeOf(() => readCredentials(...request({})))).toBe("401 missing_api_key");
    expect(codeOf(() => readCredentials(...request({ Authorization: "Token abc" })))).toBe("401 invalid_api_key");
    expect(
      codeOf(() => readCredentials(...request({ Authorization: `Basic ${Buffer.from("k:pw").toString("base64")}` }))),
    ).toBe("400 invalid_authorization");
    expect(codeOf(() => readCredentials(...request({ "X-Api-Key-Id": "key_1" })))).toBe("400 incomplete_api_key_pair");
  });
});
