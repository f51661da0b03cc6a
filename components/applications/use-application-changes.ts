"use client";

// Apart from use-applications.ts, which reads with react-query: the list page is rendered on the server and these
// are all it needs in the browser, so it loads no react-query. On the detail page they mark its queries stale too.
import type { applications } from "@/lib/contract";
import type { BodyParams } from "@/lib/sdk";
import { api } from "../api";
import { useChange } from "../use-change";

export const useCreateApplication = () =>
  useChange((input: BodyParams<typeof applications.create>) => api.applications.create(input));

export const useSetApplicationEnabled = () =>
  useChange(({ id, isEnabled }: { id: string; isEnabled: boolean }) => api.applications.setStatus(id, { isEnabled }));
