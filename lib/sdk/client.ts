import type { z } from "zod";
import { apiKeyResources, managementResources, pathParamNames, type OperationSpec, type PathArgs } from "../contract";
import { request, type Fetch, type QueryValue, type RequestOptions, type TransportOptions } from "./http";

/** What a call takes after its path parameters: the body, or the query of a list (all optional). */
type InputOf<Op extends OperationSpec> = Op["body"] extends z.ZodType
  ? z.input<Op["body"]>
  : Op["query"] extends z.ZodType
    ? Partial<z.output<Op["query"]>>
    : never;

type InputArgs<Op extends OperationSpec> = [InputOf<Op>] extends [never]
  ? [options?: RequestOptions]
  : object extends InputOf<Op>
    ? [input?: InputOf<Op>, options?: RequestOptions]
    : [input: InputOf<Op>, options?: RequestOptions];

/** One operation as a method: `(…path ids, input?, options?) => Promise<response>`. */
export type Call<Op extends OperationSpec> = (
  ...args: [...PathArgs<Op["path"]>, ...InputArgs<Op>]
) => Promise<z.output<Op["response"]>>;

type Group = Record<string, OperationSpec>;
/** A group of operations of the contract (`paymentLinks`, `applications`, …) as an object of methods. */
export type Resources<Groups extends Record<string, Group>> = {
  readonly [Name in keyof Groups]: { readonly [Op in keyof Groups[Name]]: Call<Groups[Name][Op]> };
};

function bind(op: OperationSpec, transport: TransportOptions): (...args: unknown[]) => Promise<unknown> {
  const names = pathParamNames(op.path);
  const takesInput = op.body !== undefined || op.query !== undefined;
  return (...args) => {
    const ids = args.slice(0, names.length).map((id) => encodeURIComponent(String(id)));
    const input = takesInput ? args[names.length] : undefined;
    const options = args[names.length + (takesInput ? 1 : 0)] as RequestOptions | undefined;
    let next = 0;
    const path = op.path.replace(/\{\w+\}/g, () => ids[next++] ?? "");
    const sent = op.body ? { body: input } : { query: input as Record<string, QueryValue> | undefined };
    return request(transport, { method: op.method, path, ...sent }, options);
  };
}

/** Every operation of `groups` as a method, all calling through one transport. */
export function bindResources<Groups extends Record<string, Group>>(
  groups: Groups,
  transport: TransportOptions,
): Resources<Groups> {
  return Object.fromEntries(
    Object.entries(groups).map(([name, group]) => [
      name,
      Object.fromEntries(Object.entries(group).map(([op, spec]) => [op, bind(spec, transport)])),
    ]),
  ) as unknown as Resources<Groups>;
}

export interface ClientOptions {
  /** `ck_test_…` or `ck_live_…` (for `Client`), or a management token (for `ManagementClient`). */
  apiKey: string;
  /** Where the app runs, e.g. https://console.example.com (default http://localhost:3000). */
  baseUrl?: string;
  /** Retries after a network error, a 429 or a 5xx (default 2). */
  maxRetries?: number;
  /** A fetch implementation (default: the global fetch). */
  fetch?: Fetch;
  /** How to wait between retries (default setTimeout); tests inject one. */
  sleep?: (ms: number) => Promise<void>;
}

function transportOf(options: ClientOptions): TransportOptions {
  if (!options.apiKey) throw new TypeError("Client: apiKey is required");
  return {
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ?? "http://localhost:3000",
    maxRetries: Math.max(0, options.maxRetries ?? 2),
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    idempotency: true,
  };
}

/** The typed client of the API-key operations: one method per operation of the contract, grouped by resource. */
export type Client = Resources<typeof apiKeyResources>;
export const Client = class {
  constructor(options: ClientOptions) {
    Object.assign(this, bindResources(apiKeyResources, transportOf(options)));
  }
} as unknown as new (options: ClientOptions) => Client;

/** The management operations (applications, keys, members, tokens) with a management token as `apiKey`. */
export type ManagementClient = Resources<typeof managementResources>;
export const ManagementClient = class {
  constructor(options: ClientOptions) {
    Object.assign(this, bindResources(managementResources, transportOf(options)));
  }
} as unknown as new (options: ClientOptions) => ManagementClient;
