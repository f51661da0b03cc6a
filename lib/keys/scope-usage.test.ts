import { describe, expect, it } from "vitest";
import { scopeOfRequest } from "./scope-usage";

describe("scopeOfRequest", () => {
  it("maps a logged method and path to the scope its operation needs", () => {
    expect(scopeOfRequest("GET", "/api/v1/payment_links")).toBe("links:read");
    expect(scopeOfRequest("POST", "/api/v1/payment_links")).toBe("links:write");
    expect(scopeOfRequest("GET", "/api/v1/customers/cus_123")).toBe("customers:read");
    expect(scopeOfRequest("GET", "/api/v1/customers?limit=1")).toBe("customers:read");
  });

  it("is null for a request that needs no scope or matches no operation", () => {
    expect(scopeOfRequest("GET", "/api/v1/me")).toBeNull();
    expect(scopeOfRequest("GET", "/api/v1/nothing_here")).toBeNull();
    expect(scopeOfRequest("DELETE", "/api/v1/payment_links")).toBeNull();
  });
});
