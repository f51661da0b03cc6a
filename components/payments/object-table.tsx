import type { ReactNode } from "react";

export interface ObjectColumn<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
  className?: string;
}

const CELL =
  "px-3 py-2 align-top max-sm:flex max-sm:justify-between max-sm:gap-4 max-sm:px-0 max-sm:py-0.5 max-sm:text-right max-sm:before:shrink-0 max-sm:before:text-left max-sm:before:font-medium max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)]";

/**
 * A table of objects that fits at 1280 px and becomes one card per row below 640 px (each cell then shows its
 * column's label beside its value).
 */
export function ObjectTable<Row extends { id: string }>({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: ObjectColumn<Row>[];
  rows: Row[];
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white sm:overflow-x-auto">
      <table className="w-full text-sm max-sm:block">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 max-sm:sr-only">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className="px-3 py-2 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-500 uppercase"
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-sm:block">
          {rows.map((row) => (
            <tr key={row.id} className="max-sm:block max-sm:px-4 max-sm:py-3">
              {columns.map((column) => (
                <td key={column.label} data-label={column.label} className={`${CELL} ${column.className ?? ""}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
