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

/**
 * A bordered, horizontally scrollable table: its column headings, then its rows (`children`). The caption names it
 * for assistive technology.
 */
export function Table({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>{columns.map(heading)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
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

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-3 py-2 align-top ${className}`} {...props} />;
}
