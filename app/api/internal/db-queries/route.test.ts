import { afterEach, describe, expect, it } from "vitest";
import { overrideConfigForTests, restoreConfigForTests } from "@/lib/config";
import { GET } from "./route";

afterEach(restoreConfigForTests);

describe("GET /api/internal/db-queries", () => {
  it("does not exist unless BENCH_METRICS=1", async () => {
    expect(GET().status).toBe(404);
    overrideConfigForTests({ BENCH_METRICS: "1" });
    const response = GET();
    expect(response.status).toBe(200);
    expect(typeof (await response.json()).queries).toBe("number");
  });
});
