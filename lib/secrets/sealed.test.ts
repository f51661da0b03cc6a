import { describe, expect, it } from "vitest";
import { open, seal } from "./sealed";

describe("seal and open", () => {
  const secret = "whsec_0123456789abcdefghijklmnopqrstuv";

  it("stores text encrypted, differently each time, and opens it again", () => {
    const [a, b] = [seal("test", secret), seal("test", secret)];
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    for (const sealed of [a, b]) {
      expect(sealed).not.toContain(secret);
      expect(Buffer.from(sealed.slice(3), "base64url").toString("latin1")).not.toContain("whsec_");
      expect(open("test", sealed)).toBe(secret);
    }
  });

  it("opens nothing sealed for another purpose, altered, truncated or never sealed", () => {
    const sealed = seal("test", secret);
    const bytes = Buffer.from(sealed.slice(3), "base64url");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(open("other", sealed)).toBeNull();
    expect(open("test", `v1.${bytes.toString("base64url")}`)).toBeNull();
    expect(open("test", sealed.slice(0, 20))).toBeNull();
    expect(open("test", JSON.stringify({ secret }))).toBeNull();
  });
});
