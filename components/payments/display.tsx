import type { CheckoutSession, PaymentLink } from "@/lib/contract";
import { formatDateTime } from "../format";
import { Badge, type BadgeTone } from "../ui/badge";

/** The API's Unix seconds as the dashboard shows every time (UTC). */
export function formatUnix(seconds: number | null | undefined, fallback = "—"): string {
  return seconds === null || seconds === undefined ? fallback : formatDateTime(new Date(seconds * 1000).toISOString());
}

export function ModeBadge({ livemode }: { livemode: boolean }) {
  return <Badge tone={livemode ? "info" : "warning"}>{livemode ? "live" : "test"}</Badge>;
}

export function LinkStatusBadge({ link }: { link: Pick<PaymentLink, "active"> }) {
  return link.active ? <Badge tone="success">active</Badge> : <Badge>archived</Badge>;
}

const SESSION_TONES: Record<CheckoutSession["status"], BadgeTone> = {
  open: "info",
  complete: "success",
  expired: "neutral",
};

export function SessionStatusBadge({ session }: { session: Pick<CheckoutSession, "status"> }) {
  return <Badge tone={SESSION_TONES[session.status]}>{session.status}</Badge>;
}

/** An object id, small and monospaced, that wraps anywhere on a phone. */
export function ObjectId({ id }: { id: string }) {
  return <span className="font-mono text-xs break-all text-slate-600">{id}</span>;
}
