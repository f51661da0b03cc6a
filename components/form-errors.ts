import { MerchantConsoleError } from "./api";

/** Inline errors by form field (the first segment of a zod path or of the API's `param`). */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

type Issue = { path: readonly PropertyKey[]; message: string };

/** The first zod issue of each field, worded for a person: "Name is required", "Allowed origins, line 2: …". */
export function fieldErrorsFromIssues<Field extends string>(
  issues: readonly Issue[],
  labels: Record<Field, string>,
): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const issue of issues) {
    const [field, index] = issue.path;
    if (typeof field !== "string" || !(field in labels)) continue;
    const name = field as Field;
    if (errors[name]) continue;
    errors[name] =
      typeof index === "number"
        ? `${labels[name]}, line ${index + 1}: ${issue.message}`
        : `${labels[name]} ${issue.message}`;
  }
  return errors;
}

/**
 * Splits an API error into the field its `param` names (API field names may differ from the form's, hence
 * `paramToField`) and a form-level error for the rest.
 */
export function splitApiError<Field extends string>(
  error: Error | null,
  paramToField: Record<string, Field>,
): { fieldErrors: FieldErrors<Field>; formError: Error | null } {
  if (!(error instanceof MerchantConsoleError) || !error.param) return { fieldErrors: {}, formError: error };
  const field = paramToField[error.param.split(".")[0] ?? ""];
  if (!field) return { fieldErrors: {}, formError: error };
  return { fieldErrors: { [field]: error.message } as FieldErrors<Field>, formError: null };
}
