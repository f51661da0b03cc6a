import { z } from "zod";

/**
 * The words of every validation message a schema does not write itself. A message completes a sentence that starts
 * with the field: the dashboard shows "Rate limit must be at least 1", the API "Invalid rateLimit: must be at least
 * 1". Installed once, for every schema of this zod (server and browser), when any contract file is imported.
 */

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
  date: "a date",
  bigint: "a whole number",
};

const FORMATS: Record<string, string> = {
  email: "an e-mail address such as dev@shop.example",
  url: "a URL such as https://shop.example",
  datetime: "a date and time such as 2026-12-31T23:59:00Z",
  date: "a date such as 2026-12-31",
  uuid: "a UUID",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  jwt: "a JWT",
};

const plural = (count: number | bigint, unit: string) => `${count} ${unit}${count === 1 || count === 1n ? "" : "s"}`;

/** "characters" for text, "items" for lists: what a size limit counts. */
function unitOf(origin: string): string | null {
  if (origin === "string") return "character";
  if (origin === "array" || origin === "set") return "item";
  if (origin === "file") return "byte";
  return null;
}

function tooSmall({ origin, minimum, inclusive }: { origin: string; minimum: number | bigint; inclusive?: boolean }) {
  const unit = unitOf(origin);
  if (unit) {
    if (minimum === 1 && origin === "string") return "is required";
    if (minimum === 1) return `must have at least one ${unit}`;
    return `must have at least ${plural(minimum, unit)}`;
  }
  if (origin === "date") return `must be on or after ${String(minimum)}`;
  if (!inclusive && minimum === 0) return "must be greater than 0";
  return inclusive ? `must be at least ${minimum}` : `must be greater than ${minimum}`;
}

function tooBig({ origin, maximum, inclusive }: { origin: string; maximum: number | bigint; inclusive?: boolean }) {
  const unit = unitOf(origin);
  if (unit) return `must have at most ${plural(maximum, unit)}`;
  return inclusive ? `must be at most ${maximum}` : `must be less than ${maximum}`;
}

const listed = (values: readonly unknown[]) => values.map((value) => String(value)).join(", ");

/** A person's wording for each kind of issue; `undefined` keeps a message the schema wrote itself. */
export function humanMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_format":
      if (issue.format === "regex") return "is not in the expected format";
      if (issue.format === "starts_with") return `must start with "${String(issue.prefix)}"`;
      if (issue.format === "ends_with") return `must end with "${String(issue.suffix)}"`;
      if (issue.format === "includes") return `must contain "${String(issue.includes)}"`;
      return `must be ${FORMATS[issue.format] ?? `a valid ${issue.format}`}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of: ${listed(issue.values)}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `has ${issue.keys.length === 1 ? "a field" : "fields"} it does not accept: ${issue.keys.join(", ")}`;
    case "invalid_key":
      return "has a key that is not allowed";
    case "invalid_element":
      return "has a value that is not allowed";
    case "invalid_union":
      return "is not in any of the accepted forms";
    case "custom":
      return "is not valid";
    default:
      return undefined;
  }
}

z.config({ customError: humanMessage });
