"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/**
 * A modal on the native <dialog> element: showModal() gives focus trapping, Escape and the top layer for free.
 * Content is mounted only while open, so form state resets and nothing (such as a secret) stays in the DOM.
 */
export function Dialog({ open, onClose, title, description, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: let React state decide, so the element and the state never disagree.
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-lg rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {open && (
        <div className="relative p-6">
          <div className="space-y-4">
            <div className="space-y-1">
              <h2 id={titleId} className="pr-8 text-lg font-semibold">
                {title}
              </h2>
              {description && (
                <div id={descriptionId} className="text-sm text-slate-600">
                  {description}
                </div>
              )}
            </div>
            {children}
          </div>
          {/* Last in the DOM, so opening focuses the dialog's first field, not this. */}
          <button
            type="button"
            aria-label="Close"
            onClick={onClose}
            className="absolute top-4 right-4 rounded px-2 text-xl leading-none text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:ring-2 focus-visible:ring-slate-500 focus-visible:outline-none"
          >
            <span aria-hidden>×</span>
          </button>
        </div>
      )}
    </dialog>
  );
}
