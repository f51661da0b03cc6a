import type { IncomingHttpHeaders } from "node:http";

/** The request header that carries `<token> <address>` from the server to the app. */
export declare const PEER_HEADER: string;

/** Server side: makes this process's token (once) and returns what stamps a request's headers with its peer. */
export declare function peerStamper(): (headers: IncomingHttpHeaders, peer: string | undefined) => void;

/** Whether this process has a server that stamps its requests (false under plain `next start`). */
export declare function peerStamping(): boolean;

/** App side: the peer address this process's server stamped on the request; null when it did not. */
export declare function stampedPeer(headers: Headers): string | null;
