import { Button } from "./button";
import { FormError } from "./form-error";

/**
 * The end of every dialog's form: the error that belongs to no field, Cancel, and the submit button, which says
 * `labels[1]` while `action` runs (`labels`: ["Create key", "Creating…"]).
 */
export function FormActions({
  action,
  error,
  labels: [submit, pending],
  disabled,
  destructive,
  onCancel,
}: {
  action: { isPending: boolean };
  error: Error | null;
  labels: readonly [string, string];
  disabled?: boolean;
  /** The submit button in red: it deletes or revokes something. */
  destructive?: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      <FormError error={error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant={destructive ? "danger" : "primary"} disabled={action.isPending || disabled}>
          {action.isPending ? pending : submit}
        </Button>
      </div>
    </>
  );
}
