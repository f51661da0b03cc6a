// Runs once when the server starts (server.mjs, or a plain `next start`), in the Node.js runtime only. NEXT_RUNTIME is
// not configuration: Next.js inlines it per bundle, so the Edge bundle drops the Node.js-only imports below.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad environment variable stops the start with its name. (next.config.ts parses it first; Next.js only logs an
  // error thrown from register() and keeps serving, so this exits itself.)
  const { config } = await import("./lib/config").catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
  const { log } = await import("./lib/log");
  if (config.DEMO_LOGIN) {
    log.warn("demo_login.enabled", {
      message: "DEMO_LOGIN=1: anyone can sign in as the shared demo merchant. Never enable it on a real deployment.",
    });
  }
  const { peerStamping } = await import("./lib/http/peer.mjs");
  if (!peerStamping()) {
    log.warn("client_ip.unavailable", {
      message:
        "Started without server.mjs (plain `next start`?): client addresses are unknown, so IP allowlists refuse every request and per-IP limits are shared by all callers. Start with `npm start`.",
    });
  }
  const { appContext, authRuntime } = await import("./lib/keys/runtime");
  // Subscribed from the start, so a change made elsewhere reaches this process before its first API request.
  void authRuntime.bus.start();
  const { startMaintenance } = await import("./lib/maintenance");
  startMaintenance(appContext);
  if (config.WEBHOOK_WORKER) {
    const { startDeliveryWorker } = await import("./lib/webhooks/worker");
    const { onShutdown } = await import("./lib/http/shutdown.mjs");
    onShutdown(startDeliveryWorker());
  }
}
