import type { AuditEvent } from "@/lib/contract/audit-events";
import { formatDateTime } from "../format";
import { Badge } from "../ui/badge";
import { Table, Td } from "../ui/table";

function Actor({ actor }: { actor: AuditEvent["actor"] }) {
  if (actor.type === "unknown") return <span className="text-slate-400">Unknown</span>;
  return (
    <span className="block">
      {actor.type === "management_token" && <Badge tone="info">Token</Badge>}{" "}
      <span className="font-medium">{actor.name ?? actor.id}</span>
      {actor.email && <span className="block text-xs text-slate-500">{actor.email}</span>}
    </span>
  );
}

const Target = ({ target }: { target: AuditEvent["target"] }) => (
  <span className="block">
    <span className="text-xs text-slate-500">{target.type}</span>{" "}
    <span className="font-mono text-xs break-all">{target.id}</span>
  </span>
);

/** The log as a table from 640 px, as cards below (a phone). */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <>
      <div className="hidden sm:block">
        <Table caption="Audit log" columns={["Time", "Actor", "Action", "Target", "IP", "User agent"]}>
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-row">
              <Td className="whitespace-nowrap text-slate-600">{formatDateTime(event.createdAt)}</Td>
              <Td>
                <Actor actor={event.actor} />
              </Td>
              <Td className="font-mono text-xs">{event.action}</Td>
              <Td>
                <Target target={event.target} />
              </Td>
              <Td className="font-mono text-xs">{event.ip ?? "—"}</Td>
              <Td className="max-w-56 truncate text-xs text-slate-600" title={event.userAgent ?? undefined}>
                {event.userAgent ?? "—"}
              </Td>
            </tr>
          ))}
        </Table>
      </div>
      <ul aria-label="Audit log" className="space-y-2 sm:hidden">
        {events.map((event) => (
          <li
            key={event.id}
            data-testid="audit-card"
            className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
          >
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-mono text-xs">{event.action}</span>
              <span className="text-xs text-slate-500">{formatDateTime(event.createdAt)}</span>
            </p>
            <div className="mt-1">
              <Actor actor={event.actor} />
            </div>
            <div className="mt-1">
              <Target target={event.target} />
            </div>
            <p className="mt-1 text-xs break-all text-slate-500">
              {event.ip ?? "no IP"} · {event.userAgent ?? "no user agent"}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
