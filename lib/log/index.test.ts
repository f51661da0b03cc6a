import { afterEach, describe, expect, it, vi } from "vitest";
import { overrideConfigForTests, restoreConfigForTests } from "../config";
import { isoTime, log } from ".";

const written: string[] = [];
function captureStdout() {
  written.length = 0;
  return vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
}
const lines = () =>
  written
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((text) => JSON.parse(text) as Record<string, unknown>);

describe("log", () => {
  afterEach(() => {
    restoreConfigForTests();
    vi.restoreAllMocks();
  });

  it("writes info lines as JSON, together, within 100 ms, without undefined fields", async () => {
    overrideConfigForTests({ LOG_LEVEL: "info" });
    const stdout = captureStdout();
    log.info("first", { a: 1, skipped: undefined, quote: 'say "hi"\n' });
    log.info("second");
    await new Promise((resolve) => setImmediate(resolve));
    expect(stdout).not.toHaveBeenCalled(); // batched: nothing is written per call, nor per event-loop turn
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stdout).toHaveBeenCalledTimes(1);
    const [first, second] = lines();
    expect(first).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: "info",
      event: "first",
      a: 1,
      quote: 'say "hi"\n',
    });
    expect(Math.abs(Date.parse(first!.time as string) - Date.now())).toBeLessThan(5_000);
    expect(second).toMatchObject({ level: "info", event: "second" });
  });

  it("writes the access log line exactly as info('request', …) would", async () => {
    overrideConfigForTests({ LOG_LEVEL: "info" });
    captureStdout();
    const at = Date.parse("2026-11-29T12:34:56.789Z") + 0.6;
    const fields = {
      requestId: "req_abc",
      method: "GET",
      path: '/api/v1/odd"path\\',
      status: 200,
      keyId: "key_1",
      ms: 3,
    };
    log.request({ ...fields, at });
    log.info("request", fields);
    log.request({ ...fields, keyId: undefined, status: 401, at });
    log.flush();
    const [fast, generic, anonymous] = lines();
    expect({ ...fast, time: undefined }).toEqual({ ...generic, time: undefined });
    expect(fast).toMatchObject({
      time: "2026-11-29T12:34:56.789Z",
      event: "request",
      path: '/api/v1/odd"path\\',
      keyId: "key_1",
    });
    expect(anonymous).not.toHaveProperty("keyId");
    expect(anonymous).toMatchObject({ status: 401 });
  });

  it("keeps access-log records and other info lines in the order they were logged", () => {
    overrideConfigForTests({ LOG_LEVEL: "info" });
    const stdout = captureStdout();
    const record = { requestId: "req_1", method: "GET", path: "/api/v1/me", status: 200, ms: 1, at: Date.now() };
    log.info("before");
    log.request(record);
    log.info("after");
    expect(stdout).not.toHaveBeenCalled();
    log.flush();
    expect(lines().map((line) => [line.event, line.status])).toEqual([
      ["before", undefined],
      ["request", 200],
      ["after", undefined],
    ]);
  });

  it("escapes in the access log exactly what JSON.stringify escapes", () => {
    overrideConfigForTests({ LOG_LEVEL: "info" });
    captureStdout();
    const paths = [
      "/api/v1/me",
      "/tab\there",
      "/nul\u0000",
      '/q"uote',
      "/back\\slash",
      "/pair\ud83d\ude00",
      "/lone\ud83d",
      "/sep\u2028",
      "/caf%C3%A9",
    ];
    for (const path of paths)
      log.request({ requestId: "req_abc", method: "GET", path, status: 200, ms: 1, at: Date.now() });
    log.flush();
    const text = written.join("");
    expect(lines().map((line) => line.path)).toEqual(paths);
    for (const path of paths) expect(text).toContain(`"path":${JSON.stringify(path)},`);
  });

  it("writes at once when 16 KB are waiting", () => {
    overrideConfigForTests({ LOG_LEVEL: "info" });
    const stdout = captureStdout();
    const big = "x".repeat(1000);
    for (let i = 0; i < 16; i += 1) log.info("big", { big });
    expect(stdout).toHaveBeenCalledTimes(1);
    expect(lines()).toHaveLength(16);
  });

  it("drops info lines when LOG_LEVEL is warn, and reads the level again for the next batch", async () => {
    overrideConfigForTests({ LOG_LEVEL: "warn" });
    const stdout = captureStdout();
    log.info("dropped");
    log.request({ requestId: "req_x", method: "GET", path: "/", status: 200, ms: 0, at: Date.now() });
    log.flush();
    overrideConfigForTests({ LOG_LEVEL: "info" });
    log.info("kept");
    log.flush();
    expect(stdout).toHaveBeenCalledTimes(1);
    expect(lines().map((line) => line.event)).toEqual(["kept"]);
  });

  it("writes warnings and errors at once, to stderr", () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    log.warn("careful", { n: 1 });
    expect(JSON.parse(String(stderr.mock.calls[0]![0]))).toMatchObject({ level: "warn", event: "careful", n: 1 });
  });
});

describe("log time", () => {
  it("formats like Date#toISOString, the seconds cached and the milliseconds padded", () => {
    const start = Date.parse("2026-11-29T12:34:56.000Z");
    for (const offset of [0, 7, 42, 999, 1000, 1003, 61_020, -5])
      expect(isoTime(start + offset)).toBe(new Date(start + offset).toISOString());
  });

  it("stamps each line with the ISO time to the millisecond", () => {
    overrideConfigForTests({ LOG_LEVEL: "info" });
    captureStdout();
    const stamps: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const before = Date.now();
      log.info("tick");
      log.flush();
      const after = Date.now();
      const line = lines().at(-1)!;
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const at = Date.parse(line.time as string);
      expect(at).toBeGreaterThanOrEqual(before - 50); // performance's clock may trail Date's by a few ms
      expect(at).toBeLessThanOrEqual(after + 50);
      stamps.push(at);
    }
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    vi.restoreAllMocks();
  });
});
