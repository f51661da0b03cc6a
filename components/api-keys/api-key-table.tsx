import Link from "next/link";
import type { MerchantKey } from "@/lib/contract";
import { formatDateTime } from "../format";
import { Badge, type BadgeTone } from "../ui/badge";
import { Button } from "../ui/button";
import { Table, Td } from "../ui/table";
import type { ApplicationKeyRef } from "./use-api-keys";

const STATUS_TONES: Record<MerchantKey["status"], BadgeTone> = {
  active: "success",
  revoked: "danger",
  expired: "neutral",
};

export type ManageableKey = MerchantKey & ApplicationKeyRef;

interface ApiKeyTableProps {
  keys: MerchantKey[];
  /** Present only for members who may change keys: without them no mutating button is rendered. */
  actions?: { onRoll: (key: ManageableKey) => void; onRevoke: (key: ManageableKey) => void };
  showApplication: boolean;
}

function isManageable(key: MerchantKey): key is ManageableKey {
  return key.applicationId !== null && key.status === "active";
}

export function ApiKeyTable({ keys, actions, showApplication }: ApiKeyTableProps) {
  return (
    <Table
      caption="API keys"
      columns={[
        "Name",
        showApplication && "Application",
        "Mode",
        "Key",
        "Scopes",
        "Created",
        "Last used",
        "Expires",
        "Status",
        actions && { label: "Actions", align: "right" },
      ]}
    >
      {keys.map((key) => (
        <tr key={key.id}>
          <Td className="font-medium">
            {key.name}
            {key.claimedAt && (
              <span className="ml-2" title="Created without an account, then linked to this merchant">
                <Badge tone="info">linked</Badge>
              </span>
            )}
          </Td>
          {showApplication && (
            <Td>
              {key.application ? (
                <Link
                  href={`/dashboard/applications/${key.application.id}`}
                  className="underline-offset-2 hover:underline"
                >
                  {key.application.name}
                </Link>
              ) : (
                <span className="text-slate-400">None</span>
              )}
            </Td>
          )}
          <Td>
            <Badge tone={key.mode === "live" ? "info" : "warning"}>{key.mode}</Badge>
          </Td>
          <Td className="font-mono text-xs whitespace-nowrap">{key.prefix}…</Td>
          <Td>
            {key.scopes.length ? (
              <ul className="flex max-w-56 flex-wrap gap-1">
                {key.scopes.map((scope) => (
                  <li key={scope}>
                    <Badge>{scope}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-slate-400">None</span>
            )}
          </Td>
          <Td className="whitespace-nowrap text-slate-600">{formatDateTime(key.createdAt)}</Td>
          <Td className="whitespace-nowrap text-slate-600">{formatDateTime(key.lastUsedAt, "Never")}</Td>
          <Td className="whitespace-nowrap text-slate-600">
            {key.graceEndsAt ? (
              <>Rolled: works until {formatDateTime(key.graceEndsAt)}</>
            ) : (
              formatDateTime(key.expiresAt, "Never")
            )}
          </Td>
          <Td>
            <Badge tone={STATUS_TONES[key.status]}>{key.status}</Badge>
          </Td>
          {actions && (
            <Td className="text-right whitespace-nowrap">
              {isManageable(key) && (
                <div className="flex justify-end gap-1">
                  {/* A rolled key is already on its way out: roll its successor instead. */}
                  {!key.graceEndsAt && (
                    <Button
                      size="sm"
                      aria-label={`Roll ${key.name} (${key.prefix})`}
                      onClick={() => actions.onRoll(key)}
                    >
                      Roll
                    </Button>
                  )}
                  <Button
                    size="sm"
                    variant="dangerGhost"
                    aria-label={`Revoke ${key.name} (${key.prefix})`}
                    onClick={() => actions.onRevoke(key)}
                  >
                    Revoke
                  </Button>
                </div>
              )}
            </Td>
          )}
        </tr>
      ))}
    </Table>
  );
}
