import { afterEach, describe, expect, it } from "vitest";
import { GET } from "./route";

afterEach(() => {
  delete process.env.BENCH_METRICS;
});

describe("GET /api/internal/db-queries", () => {
  it("does not exist unless BENCH_METRICS=1", async () => {
    expect(GET().status).toBe(404);
    process.env.BENCH_METRICS = "1";
    const response = GET();
    expect(response.status).toBe(200);
    expect(typeof (await response.json()).queries).toBe("number");
  });
});
