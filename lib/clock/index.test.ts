import { describe, expect, it } from "vitest";
import { epochMs } from ".";

describe("epochMs", () => {
  it("agrees with the wall clock and never goes backwards", () => {
    const first = epochMs();
    expect(Math.abs(first - Date.now())).toBeLessThan(1000);
    let previous = first;
    for (let i = 0; i < 1000; i += 1) {
      const next = epochMs();
      expect(next).toBeGreaterThanOrEqual(previous);
      previous = next;
    }
  });
});
