"use client";

import { useState, type FormEvent } from "react";
import { TIME_RANGE_OPTIONS, type TimeRange } from "../events/time-range";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { useMembers } from "../settings/use-settings";
import { KNOWN_AUDIT_ACTIONS, type AuditFilters } from "./audit-filters";

type Change = (next: Partial<AuditFilters>) => void;

/** Actor (members, or the token in the URL), action, target and time range; text fields apply on Enter or Apply. */
export function AuditFilterForm({ filters, onChange }: { filters: AuditFilters; onChange: Change }) {
  const [action, setAction] = useState(filters.action ?? "");
  const [target, setTarget] = useState(filters.target ?? "");
  const members = useMembers();
  const people = (members.data?.members ?? []).map((m) => ({ value: m.userId, label: m.name ?? m.email ?? m.userId }));
  const actorOptions = [
    { value: "", label: "Anyone" },
    ...people,
    ...(filters.actor && !people.some((p) => p.value === filters.actor)
      ? [{ value: filters.actor, label: filters.actor }]
      : []),
  ];

  function apply(event: FormEvent) {
    event.preventDefault();
    onChange({ action: action.trim() || null, target: target.trim() || null });
  }

  return (
    <form onSubmit={apply} aria-label="Filter the audit log" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      <SelectField
        label="Actor"
        value={filters.actor ?? ""}
        options={actorOptions}
        onChange={(actor) => onChange({ actor: actor || null })}
      />
      <TextField
        label="Action"
        value={action}
        onChange={setAction}
        list="audit-actions"
        placeholder="api_key.created"
      />
      <datalist id="audit-actions">
        {KNOWN_AUDIT_ACTIONS.map((known) => (
          <option key={known} value={known} />
        ))}
      </datalist>
      <TextField label="Target id" value={target} onChange={setTarget} placeholder="app_… or key_…" />
      <SelectField
        label="Time"
        value={filters.range ?? ""}
        options={TIME_RANGE_OPTIONS}
        onChange={(range) => onChange({ range: (range || null) as TimeRange | null })}
      />
      <div className="flex items-end gap-2">
        <Button type="submit">Apply</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setAction("");
            setTarget("");
            onChange({ actor: null, action: null, target: null, range: null });
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
