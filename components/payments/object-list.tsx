"use client";

import type { ReactNode } from "react";
import { useDashboard } from "../dashboard/dashboard-context";
import { Table, Td } from "../ui/table";
import { FilterBar, type FilterField } from "./filter-bar";
import { ListBody } from "./list-body";
import type { PaymentObjectKind } from "./query-keys";
import { useListState, type ListState } from "./use-list-state";

export interface ObjectColumn<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
  className?: string;
}

type ListQuery = ListState["query"];
type ListPage<Row> = Parameters<typeof ListBody<Row & { id: string }>>[0]["page"];

/**
 * A payments list page's body: its filters (in the URL), then loading, error, empty or the objects of the selected
 * mode as a table that becomes one card per row below 640 px, with Previous / Next. `caption` names the objects
 * ("Payment links"); `createdWith` is the API call that makes one ("POST /api/v1/customers"), and `createdHere` says
 * the dashboard can make them too: the empty state's sentence is built from both, for the member's role.
 */
export function ObjectList<Row extends { id: string }>({
  kind,
  caption,
  fields,
  columns,
  useList,
  createdWith,
  createdHere = false,
}: {
  kind: PaymentObjectKind;
  caption: string;
  fields: FilterField[];
  columns: ObjectColumn<Row>[];
  useList: (query: ListQuery) => ListPage<Row>;
  createdWith: string;
  createdHere?: boolean;
}) {
  const { mode, canManage } = useDashboard();
  const start = !createdHere
    ? `Your backend creates them with ${createdWith} and an API key of this mode.`
    : canManage
      ? `Create one here, or with ${createdWith} and an API key of this mode.`
      : `An owner or admin creates them here; backends create them with ${createdWith}.`;
  const state = useListState(kind);
  const page = useList(state.query);
  return (
    <div className="space-y-4">
      <FilterBar fields={fields} state={state} />
      <ListBody state={state} page={page} noun={`${mode} ${caption.toLowerCase()}`} start={start}>
        {(rows: Row[]) => (
          <Table caption={caption} columns={columns.map((column) => column.label)}>
            {rows.map((row) => (
              <tr key={row.id}>
                {columns.map((column) => (
                  <Td key={column.label} label={column.label} className={column.className}>
                    {column.cell(row)}
                  </Td>
                ))}
              </tr>
            ))}
          </Table>
        )}
      </ListBody>
    </div>
  );
}
