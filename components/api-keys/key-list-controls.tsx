"use client";

import { useEffect, useState } from "react";
import type { Application } from "@/lib/contract";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import type { KeyFilterParams } from "./key-filters";

const STATUS_OPTIONS: { value: KeyFilterParams["status"]; label: string }[] = [
  { value: "", label: "Any status" },
  { value: "active", label: "Active" },
  { value: "revoked", label: "Revoked" },
  { value: "expired", label: "Expired" },
];

/** Waits until typing pauses before searching, so each keystroke is not a request. */
const SEARCH_DELAY_MS = 250;

interface KeyListFiltersProps {
  params: KeyFilterParams;
  /** Absent on an application's page, which shows only its keys. */
  applications?: Pick<Application, "id" | "name">[];
  onChange: (name: "q" | "status" | "application", value: string) => void;
}

/** Search by name or prefix, application and status; the mode is the header's Test / Live toggle. */
export function KeyListFilters({ params, applications, onChange }: KeyListFiltersProps) {
  const [text, setText] = useState(params.q);
  // What this box last searched for: the URL says so only once the server's list has arrived, and typing goes on
  // meanwhile.
  const [requested, setRequested] = useState(params.q);
  // The URL changed by something else ("Clear filters", back): show what it says.
  const [shown, setShown] = useState(params.q);
  if (params.q !== shown) {
    setShown(params.q);
    if (params.q !== requested) {
      setRequested(params.q);
      setText(params.q);
    }
  }
  useEffect(() => {
    if (text.trim() === requested.trim()) return;
    const timer = setTimeout(() => {
      setRequested(text);
      onChange("q", text);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, requested, onChange]);

  return (
    <>
      <div className="w-full sm:w-64">
        <TextField
          label="Search"
          type="search"
          value={text}
          onChange={setText}
          placeholder="Name or ck_test_… prefix"
          spellCheck={false}
        />
      </div>
      {applications && (
        <div className="w-full sm:w-52">
          <SelectField
            label="Application"
            value={params.application}
            onChange={(value) => onChange("application", value)}
            options={[
              { value: "", label: "All applications" },
              ...applications.map(({ id, name }) => ({ value: id, label: name })),
            ]}
          />
        </div>
      )}
      <div className="w-full sm:w-40">
        <SelectField
          label="Status"
          value={params.status}
          onChange={(value) => onChange("status", value)}
          options={STATUS_OPTIONS}
        />
      </div>
    </>
  );
}

/** Previous / Next through the list's pages (cursor pagination: the API says whether there is a next page). */
export function KeyListPager({
  hasPrevious,
  hasMore,
  count,
  onPrevious,
  onNext,
}: {
  hasPrevious: boolean;
  hasMore: boolean;
  count: number;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (!hasPrevious && !hasMore) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
      <span>{count === 1 ? "1 key" : `${count} keys`} on this page</span>
      <div className="flex gap-2">
        <Button size="sm" disabled={!hasPrevious} onClick={onPrevious}>
          Previous
        </Button>
        <Button size="sm" disabled={!hasMore} onClick={onNext}>
          Next
        </Button>
      </div>
    </nav>
  );
}
