import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export interface NextServer {
  url: string;
  /** The server's process id (server.mjs runs Next.js in its own process). */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A TCP port of 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no free port");
  return address.port;
}

/**
 * Runs the production build as `npm start` does (server.mjs in front of Next.js) on a free port of 127.0.0.1. Its
 * output goes to `logFile` when given (the kernel writes it: no reader competes for CPU under load), else into memory.
 * `plainNextStart` runs `next start` alone instead, without the server that stamps each request's peer address;
 * `cwd` runs another checkout's build (the bench's baseline).
 */
export async function startNextServer(
  env: Record<string, string | undefined>,
  {
    logFile,
    plainNextStart = false,
    cwd = process.cwd(),
  }: { logFile?: string; plainNextStart?: boolean; cwd?: string } = {},
): Promise<NextServer> {
  if (!existsSync(path.join(cwd, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (`npm test` does).");
  }
  const port = await freePort();
  const command = plainNextStart ? ["node_modules/next/dist/bin/next", "start"] : ["server.mjs"];
  const child: ChildProcess = spawn(process.execPath, [...command, "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    // The webhook worker would race tests that drive deliveries themselves: a test opts in with WEBHOOK_WORKER.
    env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "1", NEXT_TELEMETRY_DISABLED: "1", WEBHOOK_WORKER: "0", ...env },
    stdio: logFile ? ["ignore", openSync(logFile, "w"), openSync(logFile, "a")] : ["ignore", "pipe", "pipe"],
  });
  let captured = "";
  child.stdout?.on("data", (chunk: Buffer) => (captured += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (captured += chunk.toString()));
  const output = () => (logFile ? readFileSync(logFile, "utf8") : captured);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output()}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not become healthy:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    output,
    stop: (signal = "SIGTERM") => {
      child.kill(signal);
      return exited;
    },
  };
}
