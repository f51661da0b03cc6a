"use client";

import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { SelectField, TextField, type Option } from "../ui/field";
import type { Filters } from "./filters";
import type { ListState } from "./use-list-state";

type Name = keyof Filters;
export type FilterField =
  | { name: Name; label: string; type: "select"; options: Option[] }
  | { name: Name; label: string; type: "text" | "date"; placeholder?: string };

/**
 * The filters above a list. Choices and dates apply at once; typed text (search, currency, customer) applies on
 * Enter or "Apply". Every filter lives in the URL, so a filtered list can be shared or reloaded. Below 640 px the
 * filters other than the search fold away behind "More filters".
 */
export function FilterBar({ fields, state }: { fields: FilterField[]; state: ListState }) {
  const [draft, setDraft] = useState<Filters>(state.filters);
  // On a phone only the search shows until asked for, or while another filter is set.
  const [more, setMore] = useState(() => fields.some((field) => field.name !== "q" && state.filters[field.name]));
  const value = (name: Name) => draft[name] ?? "";
  function set(name: Name, next: string, now: boolean) {
    const changed = { ...draft, [name]: next || null };
    setDraft(changed);
    if (now) state.apply(changed);
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    state.apply(draft);
  }
  return (
    <form
      role="search"
      aria-label="Filters"
      onSubmit={submit}
      className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
    >
      {fields.map((field) => (
        <div
          key={field.name}
          className={field.name === "q" ? "col-span-2 sm:w-56" : `sm:w-36 ${more ? "" : "max-sm:hidden"}`}
        >
          {field.type === "select" ? (
            <SelectField
              label={field.label}
              value={value(field.name)}
              options={field.options}
              onChange={(next) => set(field.name, next, true)}
            />
          ) : (
            <TextField
              label={field.label}
              type={field.type === "date" ? "date" : "search"}
              placeholder={field.type === "text" ? field.placeholder : undefined}
              value={value(field.name)}
              onChange={(next) => set(field.name, next, field.type === "date")}
            />
          )}
        </div>
      ))}
      <div className="col-span-2 flex gap-2 pb-0.5">
        <Button type="submit">Apply</Button>
        <Button variant="ghost" className="sm:hidden" aria-expanded={more} onClick={() => setMore(!more)}>
          {more ? "Fewer filters" : "More filters"}
        </Button>
        {state.filtered && (
          <Button
            variant="ghost"
            onClick={() => {
              setDraft({});
              state.clear();
            }}
          >
            Clear filters
          </Button>
        )}
      </div>
    </form>
  );
}
