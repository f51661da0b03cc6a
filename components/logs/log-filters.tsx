"use client";

import { useState } from "react";
import { LOGGED_METHODS, STATUS_CLASSES } from "@/lib/contract/request-logs";
import { useApiKeys } from "../api-keys/use-api-keys";
import { useApplicationOptions } from "../applications/use-applications";
import { useDashboard } from "../dashboard/dashboard-context";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { TIME_RANGES, type LogFilters, type TimeRange } from "./search-params";

const RANGE_LABELS: Record<TimeRange, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days" };

interface LogFiltersProps {
  filters: LogFilters;
  onChange: (changes: Partial<LogFilters>) => void;
}

/** Key, application, status class, method, path and time range: each change goes to the URL at once. */
export function LogFilterBar({ filters, onChange }: LogFiltersProps) {
  const { mode } = useDashboard();
  const keys = useApiKeys({ mode });
  const applications = useApplicationOptions();
  const [path, setPath] = useState(filters.path ?? "");
  const applyPath = () => onChange({ path: path.trim() || null });
  const active = Object.values(filters).some((value) => value !== null);

  return (
    <form
      role="search"
      aria-label="Filter requests"
      className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7 lg:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        applyPath();
      }}
    >
      <SelectField
        label="Key"
        value={filters.key ?? ""}
        onChange={(value) => onChange({ key: value || null })}
        options={[
          { value: "", label: "All keys" },
          ...(keys.data?.items ?? []).map((key) => ({ value: key.id, label: `${key.name} (${key.prefix}…)` })),
        ]}
      />
      <SelectField
        label="Application"
        value={filters.app ?? ""}
        onChange={(value) => onChange({ app: value || null })}
        options={[
          { value: "", label: "All applications" },
          ...(applications.data ?? []).map((app) => ({ value: app.id, label: app.name })),
        ]}
      />
      <SelectField
        label="Status"
        value={filters.status ?? ""}
        onChange={(value) => onChange({ status: value || null })}
        options={[{ value: "", label: "Any status" }, ...STATUS_CLASSES.map((value) => ({ value, label: value }))]}
      />
      <SelectField
        label="Method"
        value={filters.method ?? ""}
        onChange={(value) => onChange({ method: value || null })}
        options={[{ value: "", label: "Any method" }, ...LOGGED_METHODS.map((value) => ({ value, label: value }))]}
      />
      <TextField
        label="Path starts with"
        placeholder="/api/v1/customers"
        value={path}
        onChange={setPath}
        onBlur={applyPath}
      />
      <SelectField
        label="Time"
        value={filters.range ?? ""}
        onChange={(value) => onChange({ range: value || null })}
        options={[
          { value: "", label: "Any time" },
          ...(Object.keys(TIME_RANGES) as TimeRange[]).map((value) => ({ value, label: RANGE_LABELS[value] })),
        ]}
      />
      <div className="col-span-2 flex gap-2 md:col-span-1">
        {active && (
          <Button
            onClick={() => {
              setPath("");
              onChange({ key: null, app: null, status: null, method: null, path: null, range: null });
            }}
          >
            Clear filters
          </Button>
        )}
      </div>
    </form>
  );
}
