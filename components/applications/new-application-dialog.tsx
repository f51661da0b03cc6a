"use client";

import dynamic from "next/dynamic";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { LoadingState } from "../ui/states";
import { useCreateApplication } from "./use-application-changes";

// The form (and zod with the contract's schema) loads when the dialog first opens, not with the page.
const NewApplicationForm = dynamic(() => import("./new-application-form").then((module) => module.NewApplicationForm), {
  loading: () => <LoadingState label="Loading…" />,
});

/** "New application", on the list: the new one is shown first, on page 1, which a later page is taken back to. */
export function NewApplicationButton() {
  const [open, setOpen] = useState(false);
  const create = useCreateApplication();
  const router = useRouter();
  const onLaterPage = useSearchParams().has("page");
  const close = () => {
    create.reset();
    setOpen(false);
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        New application
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="New application"
        description="An application groups the API keys of one backend or integration."
      >
        <NewApplicationForm
          create={create}
          onCancel={close}
          onCreated={() => {
            setOpen(false);
            // On page 1 the refresh that follows every change shows it already.
            if (onLaterPage) router.push("/dashboard/applications");
          }}
        />
      </Dialog>
    </>
  );
}
