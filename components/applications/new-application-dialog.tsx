"use client";

import { useState } from "react";
import { createApplicationSchema } from "@/lib/contract/applications";
import type { Application } from "@/lib/contract";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { ApplicationForm } from "./application-form";
import { useCreateApplication } from "./use-applications";

const EMPTY = { name: "", description: "", allowedOrigins: "" };

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
        <ApplicationForm
          initial={EMPTY}
          schema={createApplicationSchema}
          emptyDescription={undefined}
          action={create}
          labels={["Create application", "Creating…"]}
          onCancel={close}
          onSubmit={(data) =>
            create.mutate(data, {
              onSuccess: (application) => {
                setOpen(false);
                onCreated?.(application);
              },
            })
          }
        />
      </Dialog>
    </>
  );
}
