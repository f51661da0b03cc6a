"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { Application } from "@/lib/contract";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { LoadingState } from "../ui/states";
import { useCreateApplication } from "./use-applications";

// The form (and zod with the contract's schema) loads when the dialog first opens, not with the page.
const NewApplicationForm = dynamic(() => import("./new-application-form").then((module) => module.NewApplicationForm), {
  loading: () => <LoadingState label="Loading…" />,
});

export function NewApplicationButton({ onCreated }: { onCreated?: (application: Application) => void }) {
  const [open, setOpen] = useState(false);
  const create = useCreateApplication();
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
          onCreated={(application) => {
            setOpen(false);
            onCreated?.(application);
          }}
        />
      </Dialog>
    </>
  );
}
