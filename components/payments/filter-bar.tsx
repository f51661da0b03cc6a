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
 * Enter or "Apply". Every filter lives in the URL, so a filtered list can be shared or reloaded.
 */
export function FilterBar({ fields, state }: { fields: FilterField[]; state: ListState }) {
  const [draft, setDraft] = useState<Filters>(state.filters);
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
        <div key={field.name} className={field.name === "q" ? "col-span-2 sm:w-64" : "sm:w-40"}>
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
