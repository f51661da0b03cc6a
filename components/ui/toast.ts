// Toasts confirming a completed action: a tiny store the <Toaster /> of the dashboard layout renders. (sonner was
// tried first: it injects its stylesheet as an inline <style>, which the pages' Content-Security-Policy refuses.)

export interface Toast {
  id: number;
  message: string;
}

const DISMISS_MS = 6000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly Toast[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

export function dismissToast(id: number): void {
  publish(toasts.filter((toast) => toast.id !== id));
}

/** Shows a confirmation ("Created the test key …") for a few seconds. */
export function toastSuccess(message: string): void {
  const id = nextId++;
  publish([...toasts, { id, message }].slice(-3));
  setTimeout(() => dismissToast(id), DISMISS_MS);
}

export const toastStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  current: () => toasts,
  none: (): readonly Toast[] => [],
};
