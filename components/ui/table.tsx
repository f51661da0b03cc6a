import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/** A column heading; `false`, `null` or `undefined` leave it out (e.g. Actions for a member who cannot act). */
export type Column = ReactNode | { label: ReactNode; align: "right" };

function heading(column: Column, index: number) {
  if (column === false || column === null || column === undefined) return null;
  if (typeof column === "object" && "align" in column) {
    return (
      <Th key={index} className="text-right">
        {column.label}
      </Th>
    );
  }
  return <Th key={index}>{column}</Th>;
}

/** Below 640 px: the body a stack of cards, each row one card, each cell one line of it. */
const CARDS =
  "max-sm:block max-sm:space-y-3 max-sm:divide-y-0 max-sm:[&>tr]:block max-sm:[&>tr]:rounded-lg max-sm:[&>tr]:border max-sm:[&>tr]:border-slate-200 max-sm:[&>tr]:bg-white max-sm:[&>tr]:px-3 max-sm:[&>tr]:py-2 max-sm:[&>tr>td]:block max-sm:[&>tr>td]:px-0 max-sm:[&>tr>td]:py-1 max-sm:[&>tr>td]:text-left";

/**
 * A bordered table: its column headings, then its rows (`children`). The caption names it for assistive technology.
 * Below 640 px every row becomes a card of label/value lines (a cell's `label` names it there), so a phone never
 * scrolls sideways; the heading row is then only read by screen readers.
 */
export function Table({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white max-sm:border-0 max-sm:bg-transparent sm:overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm max-sm:block max-sm:divide-y-0">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 max-sm:sr-only">
          <tr>{columns.map(heading)}</tr>
        </thead>
        <tbody className={`divide-y divide-slate-100 ${CARDS}`}>{children}</tbody>
      </table>
    </div>
  );
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={`px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase ${className}`}
      {...props}
    />
  );
}

/**
 * A cell. `label` (its column's heading) is shown before the value when the row is a card; a cell without one
 * (the row's title, its actions) takes the card's whole width.
 */
export function Td({ className = "", label, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return (
    <td
      data-label={label}
      className={`px-3 py-2 align-top max-sm:data-[label]:flex max-sm:data-[label]:gap-3 max-sm:data-[label]:before:w-24 max-sm:data-[label]:before:shrink-0 max-sm:data-[label]:before:pt-0.5 max-sm:data-[label]:before:text-xs max-sm:data-[label]:before:font-medium max-sm:data-[label]:before:text-slate-500 max-sm:data-[label]:before:content-[attr(data-label)] ${className}`}
      {...props}
    />
  );
}
