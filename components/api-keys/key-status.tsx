import type { ApiKeyView } from "@/lib/contract";
import { formatDateTime } from "../format";
import { Badge, type BadgeTone } from "../ui/badge";

const STATUS_TONES: Record<ApiKeyView["status"], BadgeTone> = {
  active: "success",
  revoked: "danger",
  expired: "neutral",
};

/**
 * A key's status, with the date that matters under it. The old secret of a roll is active until its grace period
 * ends, but it is on its way out: "rolling", never a green "active".
 */
export function KeyStatus({ apiKey }: { apiKey: ApiKeyView }) {
  if (apiKey.status === "active" && apiKey.graceEndsAt) {
    return (
      <div>
        <Badge tone="warning">rolling</Badge>
        <p className="mt-0.5 text-xs whitespace-nowrap text-slate-600">
          <span className="sr-only">— </span>works until {formatDateTime(apiKey.graceEndsAt)}
        </p>
      </div>
    );
  }
  const note =
    apiKey.status === "revoked"
      ? formatDateTime(apiKey.revokedAt, "")
      : apiKey.expiresAt
        ? `${apiKey.status === "expired" ? "expired" : "expires"} ${formatDateTime(apiKey.expiresAt)}`
        : apiKey.graceEndsAt
          ? `stopped ${formatDateTime(apiKey.graceEndsAt)}`
          : "";
  return (
    <div>
      <Badge tone={STATUS_TONES[apiKey.status]}>{apiKey.status}</Badge>
      {note && <p className="mt-0.5 text-xs whitespace-nowrap text-slate-600">{note}</p>}
    </div>
  );
}
