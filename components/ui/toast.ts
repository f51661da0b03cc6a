/** Confirms a completed action with a toast (sonner, loaded on first use if the <Toaster /> has not loaded it yet). */
export function toastSuccess(message: string): void {
  void import("sonner").then(({ toast }) => toast.success(message));
}
