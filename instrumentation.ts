// Runs once when the server starts (`next start`, `next dev`), in the Node.js runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/log");
  if (process.env.DEMO_LOGIN === "1") {
    log.warn("demo_login.enabled", {
      message: "DEMO_LOGIN=1: anyone can sign in as the shared demo merchant. Never enable it on a real deployment.",
    });
  }
  const { appContext } = await import("./lib/auth/runtime");
  const { startMaintenance } = await import("./lib/maintenance");
  startMaintenance(appContext);
  if (process.env.WEBHOOK_WORKER !== "0") {
    const { startDeliveryWorker } = await import("./lib/webhooks/worker");
    startDeliveryWorker();
  }
}
