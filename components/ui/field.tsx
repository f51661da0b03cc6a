import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

const CONTROL =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus-visible:border-slate-500 focus-visible:ring-2 focus-visible:ring-slate-300 focus-visible:outline-none aria-[invalid=true]:border-red-500";

/** What every field takes besides its control's own attributes; `onChange` gets the new value, as RadioGroup's. */
type Common = {
  label: string;
  hint?: ReactNode;
  error?: string;
  className?: string;
  value: string;
  onChange: (value: string) => void;
};
type FieldProps<Attributes> = Common & Omit<Attributes, keyof Common>;
/** The control's own attributes, plus the ids that tie it to its label, error and hint. */
type ControlProps<Props> = Omit<Props, keyof Common> & {
  id: string;
  className: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
};

export type Option<Value extends string = string> = { value: Value; label: string };

/** A line under the control, there only when it has something to say; its id makes it part of the description. */
function ControlNote({ id, className, children }: { id: string; className: string; children: ReactNode }) {
  return children ? (
    <p id={id} className={className}>
      {children}
    </p>
  ) : null;
}

/** Label, control, hint and inline error, wired together with ids so the error is the control's description. */
function FieldFrame<Props extends Common>({
  field: { label, hint, error, className = "", value, onChange, ...attributes },
  children,
}: {
  field: Props;
  children: (control: ControlProps<Props>) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({
        id,
        "aria-invalid": Boolean(error),
        "aria-describedby": describedBy,
        ...attributes,
        className: `${CONTROL} ${className}`,
        value,
        onChange: (event) => onChange(event.target.value),
      })}
      <ControlNote id={errorId} className="text-sm text-red-700">
        {error}
      </ControlNote>
      <ControlNote id={hintId} className="text-xs text-slate-500">
        {hint}
      </ControlNote>
    </div>
  );
}

export function TextField(props: FieldProps<InputHTMLAttributes<HTMLInputElement>>) {
  return <FieldFrame field={props}>{(control) => <input {...control} />}</FieldFrame>;
}

export function TextAreaField(props: FieldProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return <FieldFrame field={props}>{(control) => <textarea {...control} />}</FieldFrame>;
}

type SelectFieldProps<Value extends string> = Omit<
  FieldProps<SelectHTMLAttributes<HTMLSelectElement>>,
  "children" | "value" | "onChange"
> & {
  value: Value;
  /** In their order; a placeholder such as "All applications" comes first, with value "". */
  options: readonly Option<Value>[];
  onChange: (value: Value) => void;
};

export function SelectField<Value extends string>({ options, onChange, ...props }: SelectFieldProps<Value>) {
  // A select can only report the value of one of its options.
  const field = { ...props, onChange: (value: string) => onChange(value as Value) };
  return (
    <FieldFrame field={field}>
      {(control) => (
        <select {...control}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
