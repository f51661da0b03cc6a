// A server component: the keys of one page, rendered on the server for the filters in the URL, with the browser
// islands of key-panel.tsx (filters, pages, dialogs) around it. A change made in a dialog renders it again
// (useChange: router.refresh()).
import type { Application, MerchantKeyPage } from "@/lib/contract";
import type { KeyMode } from "@/lib/contract/vocabulary";
import { ApiKeyTable } from "./api-key-table";
import { ClearKeyFilters, KeyPanel, KeyPanelButtons, KeyPanelFilters, KeyPanelPager } from "./key-panel";
import type { KeyFilterParams } from "./key-filters";
import { KeysEmptyState } from "./keys-empty-state";

interface ApiKeyPanelProps {
  page: MerchantKeyPage;
  /** The filters of the URL this page was rendered for. */
  params: KeyFilterParams;
  /** The merchant's applications (filter options, where keys may be created). */
  applications: Pick<Application, "id" | "name" | "isEnabled">[];
  /** On an application's page: only its keys, and new keys go to it. */
  application?: Pick<Application, "id" | "name" | "isEnabled">;
  mode: KeyMode;
  canManage: boolean;
}

/** Keys of the selected mode, a page at a time, with filters and (for owners and admins) create, roll and revoke. */
export function ApiKeyPanel({ page, params, applications, application, mode, canManage }: ApiKeyPanelProps) {
  const choices = application ? [application] : applications;
  const filtered = Boolean(params.q.trim() || params.status || params.application);
  const hasPrevious = params.after !== "";
  return (
    <KeyPanel applications={choices} applicationId={application?.id}>
      <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
        <KeyPanelFilters applications={application ? undefined : applications} />
        {canManage && <KeyPanelButtons noApplication={choices.length === 0} />}
      </div>
      <p className="text-sm text-slate-600">
        Showing <strong>{mode}</strong> keys; the Test / Live switch in the header changes this.
      </p>
      {page.items.length === 0 && !hasPrevious ? (
        <KeysEmptyState
          mode={mode}
          clear={filtered ? <ClearKeyFilters /> : null}
          canManage={canManage}
          inApplication={Boolean(application)}
          noApplication={choices.length === 0}
        />
      ) : (
        <>
          <ApiKeyTable keys={page.items} showApplication={!application} canManage={canManage} />
          <KeyPanelPager hasMore={page.has_more} count={page.items.length} lastId={page.items.at(-1)?.id} />
        </>
      )}
    </KeyPanel>
  );
}
