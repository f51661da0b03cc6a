"use client";

import { EVENT_TYPES, type EventType } from "@/lib/contract/events";
import { SelectField } from "../ui/field";
import { EventList } from "./event-list";
import { TIME_RANGE_OPTIONS, type TimeRange } from "./time-range";
import { useEventFilters } from "./use-events";

const TYPE_OPTIONS = [{ value: "", label: "All types" }, ...EVENT_TYPES.map((type) => ({ value: type, label: type }))];

export function EventsPage() {
  const [filters, setFilters] = useEventFilters();
  return (
    <div className="space-y-4">
      <form aria-label="Filter events" className="grid gap-3 sm:grid-cols-2 lg:max-w-2xl">
        <SelectField
          label="Type"
          value={filters.type ?? ""}
          options={TYPE_OPTIONS}
          onChange={(type) => setFilters({ type: (type || null) as EventType | null })}
        />
        <SelectField
          label="Time"
          value={filters.range ?? ""}
          options={TIME_RANGE_OPTIONS}
          onChange={(range) => setFilters({ range: (range || null) as TimeRange | null })}
        />
      </form>
      <EventList filters={filters} />
    </div>
  );
}
