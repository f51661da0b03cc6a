import Link from "next/link";
import type { ReactNode } from "react";
import type { MerchantKey } from "@/lib/contract";
import { formatDateTime } from "../format";
import { Table, Td } from "../ui/table";
import { groupRolled } from "./group-rolled";
import { KeyName } from "./key-name";
import { KeyRowActions } from "./key-panel";
import { KeyStatus } from "./key-status";
import { scopeSummary } from "./scope-summary";
import { UsageSparkline } from "./usage-sparkline";
import type { ApplicationKeyRef } from "./use-api-keys";

export type ManageableKey = MerchantKey & ApplicationKeyRef;

interface ApiKeyTableProps {
  keys: MerchantKey[];
  /** Only for members who may change keys: otherwise no mutating button is rendered. */
  canManage: boolean;
  showApplication: boolean;
}

function isManageable(key: MerchantKey): key is ManageableKey {
  return key.applicationId !== null && key.status === "active";
}

/**
 * A date on two short lines (day, then time), so three date columns fit beside the rest at 1280 px; `children`
 * (the last week's sparkline) sits to its right.
 */
function DateCell({
  iso,
  fallback,
  label,
  children,
}: {
  iso: string | null;
  fallback: string;
  label: string;
  children?: ReactNode;
}) {
  const [day, time] = iso ? formatDateTime(iso).split(", ") : [fallback];
  return (
    <Td label={label} className="text-xs whitespace-nowrap text-slate-600">
      <div className="flex items-start gap-2">
        <div>
          {day}
          {time && <span className="block text-slate-500 max-sm:ml-1 max-sm:inline">{time}</span>}
        </div>
        {children}
      </div>
    </Td>
  );
}

/**
 * The keys of one page: name and prefix, application, a one-line scope summary (the full list on hover), when it
 * was created and last used, status, and the actions. The old secret of a roll sits under its successor. Rendered
 * on the server; only the name (rename in place) and the row's buttons run in the browser.
 */
export function ApiKeyTable({ keys, canManage, showApplication }: ApiKeyTableProps) {
  return (
    <Table
      caption="API keys"
      columns={[
        "Name",
        showApplication && "Application",
        "Scopes",
        "Created",
        "Last used · 7 days",
        "Status",
        canManage && { label: "Actions", align: "right" },
      ]}
    >
      {groupRolled(keys).map(({ key, successor }) => (
        <tr key={key.id} data-testid="api-key-row" className={successor ? "bg-amber-50/40" : undefined}>
          <Td>
            <KeyName
              apiKey={key}
              successor={successor}
              href={`/dashboard/api-keys/${key.id}`}
              truncate
              renamable={
                canManage && key.applicationId && key.status !== "revoked" ? (key as ManageableKey) : undefined
              }
            />
          </Td>
          {showApplication && (
            <Td label="Application" className="max-w-40 break-words">
              {key.application ? (
                <Link
                  href={`/dashboard/applications/${key.application.id}`}
                  title={key.application.name}
                  className="underline-offset-2 hover:underline sm:block sm:max-w-36 sm:truncate"
                >
                  {key.application.name}
                </Link>
              ) : (
                <span className="text-slate-400">None</span>
              )}
            </Td>
          )}
          <Td label="Scopes" className="text-xs text-slate-700">
            <span className="line-clamp-2 max-w-56 sm:min-w-36" title={key.scopes.join(", ") || "No scopes"}>
              {scopeSummary(key.scopes)}
            </span>
          </Td>
          <DateCell label="Created" iso={key.createdAt} fallback="—" />
          <DateCell label="Last used" iso={key.lastUsedAt} fallback="Never">
            <UsageSparkline days={key.usage7d} />
          </DateCell>
          <Td label="Status">
            <KeyStatus apiKey={key} />
          </Td>
          {canManage && (
            <Td className="text-right whitespace-nowrap">{isManageable(key) && <KeyRowActions apiKey={key} />}</Td>
          )}
        </tr>
      ))}
    </Table>
  );
}
