import { useState } from "react";
import type { z } from "zod";
import { fieldErrorsFromIssues, splitApiError, type FieldErrors } from "./form-errors";

interface FormOptions<Field extends string, Text extends Field> {
  labels: Record<Field, string>;
  /** The API's `param` names to the form's fields (they may differ). */
  paramToField: Record<string, Field>;
  apiError: Error | null;
  /** The fields whose control holds a string (inputs, text areas, selects), with their starting values. */
  initial: Record<Text, string>;
}

/**
 * A form's string values and inline errors: the shared zod schema's issues before submitting, the API's `param`
 * error after. `field(name)` wires a TextField, TextAreaField or SelectField to a field; `validate` shows the issues
 * (plus any `extra` checks) and returns the parsed input, or null when invalid.
 */
export function useForm<Field extends string, Text extends Field>({
  labels,
  paramToField,
  apiError,
  initial,
}: FormOptions<Field, Text>) {
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors<Field>>({});
  const server = splitApiError(apiError, paramToField);
  const errors: FieldErrors<Field> = { ...server.fieldErrors, ...clientErrors };
  const set = (name: Text, value: string) => setValues((current) => ({ ...current, [name]: value }));
  return {
    values,
    errors,
    formError: server.formError,
    set,
    field: (name: Text) => ({
      name,
      label: labels[name],
      value: values[name],
      onChange: (value: string) => set(name, value),
      error: errors[name],
    }),
    validate<S extends z.ZodType>(schema: S, input: unknown, extra: FieldErrors<Field> = {}): z.infer<S> | null {
      const parsed = schema.safeParse(input);
      const found = { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, labels)), ...extra };
      setClientErrors(found);
      return parsed.success && Object.keys(found).length === 0 ? parsed.data : null;
    },
  };
}
