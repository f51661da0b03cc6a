/** server.mjs, before the app loads: it handles SIGTERM and SIGINT, and runs the app's hooks (below). */
export declare function ownSignals(): void;

/** Whether server.mjs handles the signals (false under plain `next start` and in tests that load the app alone). */
export declare function signalsOwned(): boolean;

/** Whether this process has been asked to stop: GET /api/ready answers 503 from then on. */
export declare function isDraining(): boolean;

/** server.mjs, on SIGTERM or SIGINT. */
export declare function startDraining(): void;

/** App side: work to finish once the server has stopped serving (they run concurrently), e.g. writing what is pending. */
export declare function onShutdown(hook: () => Promise<unknown> | void): void;

/** server.mjs, once the last request in flight has ended (or the timeout has passed). */
export declare function runShutdownHooks(): Promise<void>;
