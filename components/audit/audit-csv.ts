import type { AuditEvent } from "@/lib/contract/audit-events";

/** A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): such a cell gets a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): formulas neutralised, then quoted when it holds a quote, comma or line break. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

const AUDIT_COLUMNS = [
  "time",
  "actor_type",
  "actor_id",
  "actor_name",
  "actor_email",
  "action",
  "target_type",
  "target_id",
  "ip",
  "user_agent",
  "metadata",
] as const;

/** The audit log as a CSV file: one row per event, its metadata as JSON. */
export function auditCsv(events: readonly AuditEvent[]): string {
  return toCsv(
    AUDIT_COLUMNS,
    events.map((event) => [
      event.createdAt,
      event.actor.type,
      event.actor.id,
      event.actor.name,
      event.actor.email,
      event.action,
      event.target.type,
      event.target.id,
      event.ip,
      event.userAgent,
      Object.keys(event.metadata).length ? JSON.stringify(event.metadata) : "",
    ]),
  );
}
