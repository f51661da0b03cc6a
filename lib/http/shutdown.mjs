// Graceful shutdown, shared by server.mjs (which owns the signals and the HTTP server) and the app (which has work to
// finish: pending usage counters, rate-limit leases, the webhook worker). On SIGTERM or SIGINT, server.mjs marks the
// process as draining (GET /api/ready answers 503 from then on), keeps serving for SHUTDOWN_DELAY_MS so a load
// balancer sees the 503 and stops sending traffic, stops accepting connections, lets the requests in flight finish
// (at most SHUTDOWN_TIMEOUT_MS), runs the app's shutdown hooks and exits. Plain JavaScript for the same reason as
// peer.mjs; shutdown.d.mts gives its types.

// On globalThis: server.mjs (loaded by Node) and the app (bundled by Next.js) each have their own copy of this module.
const STATE = Symbol.for("merchant-console.http.shutdown");
const state = (globalThis[STATE] ??= { owned: false, draining: false, hooks: [] });

export function ownSignals() {
  state.owned = true;
}

export function signalsOwned() {
  return state.owned;
}

export function isDraining() {
  return state.draining;
}

export function startDraining() {
  state.draining = true;
}

export function onShutdown(hook) {
  state.hooks.push(hook);
}

export async function runShutdownHooks() {
  await Promise.allSettled(state.hooks.map((hook) => hook()));
}
