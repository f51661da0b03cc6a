import type { z } from "zod";
import type { Permission } from "./roles";
import { idempotent, listOf, listQuerySchema } from "./common";
import { KEY_RESOURCES, type KeyResource, type Scope } from "./scopes";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Who may call an operation. Each kind has one authenticator in the request pipeline. */
export type Access =
  | { readonly kind: "apiKey"; readonly scope: Scope | null }
  | { readonly kind: "session"; readonly permission: Permission | null; readonly sessionOnly: boolean }
  | { readonly kind: "public"; readonly ipLimit: PublicIpLimit | null };

/** A per-client-IP rate limit for callers without credentials; its count comes from the configuration. */
export interface PublicIpLimit {
  readonly bucket: "unclaimed-create";
  readonly windowMs: number;
}

/** A backend with an API key; the key must hold `scope` when one is given. */
export const apiKey = (scope?: Scope) => ({ kind: "apiKey", scope: scope ?? null }) as const;
/** A dashboard session or a management token of a member; every member reads, `permission` guards the rest. */
export const member = (permission?: Permission) =>
  ({ kind: "session", permission: permission ?? null, sessionOnly: false }) as const;
/** Only the dashboard's own session: a management token cannot mint or list management tokens. */
export const sessionOnly = (permission?: Permission) =>
  ({ kind: "session", permission: permission ?? null, sessionOnly: true }) as const;
/** No credentials at all, optionally limited per client IP. */
export const anyone = (ipLimit?: PublicIpLimit) => ({ kind: "public", ipLimit: ipLimit ?? null }) as const;

/**
 * One operation of the HTTP API, declared once. Route files serve it, the OpenAPI document describes it, the SDK
 * and the dashboard call it, and the route-coverage test checks that a route file exports exactly these.
 */
export interface OperationSpec {
  readonly method: HttpMethod;
  /** OpenAPI template: every `{name}` is a required string path parameter. */
  readonly path: `/${string}`;
  readonly auth: Access;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  /** Parsed from the query string (repeated keys: the last wins). */
  readonly query?: z.ZodType;
  /** Parsed from the JSON body. */
  readonly body?: z.ZodType;
  /** What a success answers; checked on the way out in development and tests. */
  readonly response: z.ZodType;
  /** Success status, 200 unless given. A 204 answers no body. */
  readonly status?: 200 | 201 | 204;
  /** Statuses besides the ones every operation of its kind can answer (401, 403, 429, 500, 503). */
  readonly errors?: readonly number[];
}

export function operation<const Spec extends OperationSpec>(spec: Spec): Spec {
  return spec;
}

/**
 * The operations of one OpenAPI tag that no collection declares, each by its request line, with what they share
 * as defaults a declaration overrides: `management.get("/api/v1/merchants", { summary, response })`.
 */
export function tagged<const Tag extends string, const Defaults extends Partial<OperationSpec> = object>(
  tag: Tag,
  defaults?: Defaults,
) {
  const verb =
    <const Method extends HttpMethod>(method: Method) =>
    <
      const Path extends `/${string}`,
      const Spec extends Omit<OperationSpec, "method" | "path" | "tag" | keyof Defaults>,
    >(
      path: Path,
      spec: Spec & Partial<OperationSpec>,
    ) =>
      ({ method, path, tag, ...defaults, ...spec }) as { method: Method; path: Path; tag: Tag } & Declared<
        Defaults,
        Spec
      >;
  return { tag, get: verb("GET"), post: verb("POST"), patch: verb("PATCH"), delete: verb("DELETE") };
}

/** The dashboard's operations, which a member's session or management token calls: every member reads. */
export const management = tagged("Management", { auth: member() });

/** What a resource's verb fills in: the rest of an operation, which the declaration itself gives. */
type Declared<Defaults, Spec> = Omit<Defaults, keyof Spec> & Spec;
type OwnSpec = Omit<OperationSpec, "method" | "path" | "auth" | "tag" | "response"> & { readonly response?: z.ZodType };

/**
 * The operations of one collection share their tag, path and who may read and write it, and follow REST's
 * conventions (Stripe's resources do the same): `create` POSTs the collection (201), `list` GETs it, `retrieve`,
 * `update` and `remove` address one object at `{path}/{id}`, `action` POSTs to `{path}/{id}/{name}` and `children` lists
 * what one object holds at `{path}/{id}/{name}`. A collection without `write` is read-only. Each answers
 * `object` unless its declaration names another response; the declaration gives the summary and what else is its own.
 */
export function collection<
  const Path extends `/${string}`,
  const Read extends Access,
  const Obj extends z.ZodType,
  const Write extends Access | undefined = undefined,
>(shared: { tag: string; path: Path; read: Read; write?: Write; object: Obj }) {
  const { tag, path, read, write, object } = shared;
  const verb =
    <
      const Method extends HttpMethod,
      const At extends string,
      const Auth extends Access | undefined,
      const Status = undefined,
    >(
      method: Method,
      at: At,
      auth: Auth,
      errors: readonly number[],
      status?: Status,
    ) =>
    <const Spec extends OwnSpec>(spec: Spec) => {
      if (!auth) throw new Error(`${tag}: ${method} ${at} needs the collection's write access`);
      return { method, path: at, auth, tag, response: object, errors, status, ...spec } as Declared<
        {
          method: Method;
          path: At;
          auth: NonNullable<Auth>;
          tag: string;
          response: Obj;
          errors: readonly number[];
          status: Status;
        },
        Spec
      >;
    };
  const one = `${path}/{id}` as const;
  return {
    create: verb("POST", path, write, [400], 201),
    list: verb("GET", path, read, [400]),
    retrieve: verb("GET", one, read, [404]),
    update: verb("PATCH", one, write, [400, 404]),
    remove: verb("DELETE", one, write, [404]),
    action: <const Name extends string, const Spec extends OwnSpec>(name: Name, spec: Spec) =>
      verb("POST", `${one}/${name}` as const, write, [404])(spec),
    children: <const Name extends string, const Spec extends OwnSpec>(name: Name, spec: Spec) =>
      verb("GET", `${one}/${name}` as const, read, [400, 404])(spec),
  };
}

/** An object of the API: its schema's `object` names it (`"payment_link"`, `"checkout.session"`). */
type ApiObjectSchema = z.ZodObject<{ object: z.ZodLiteral<string> } & z.ZodRawShape>;
type KeyAccess<Scoped extends string> = Scoped extends Scope
  ? { readonly kind: "apiKey"; readonly scope: Scoped }
  : undefined;
/** A declaration whose verb has defaults: what it gives wins, and it may leave out what they give. */
type Defaulted<Defaults> = Omit<OwnSpec, keyof Defaults> & Partial<OwnSpec>;

/**
 * The collection of a resource an API key reaches; `KEY_RESOURCES` gives its path, tag and scopes (`<resource>:read`
 * reads it, `<resource>:write` writes it). Besides `collection`'s conventions, Stripe's: "Create a customer" and
 * "Retrieve a customer" unless a declaration says otherwise, a create says `Idempotency-Key` makes retries safe, and
 * a list takes `limit` and `starting_after` (its own query extends them) and answers `listOf(object)`. `name` says
 * what a 404 lacks ("No such checkout session"), from the object's name; `path` is what a list answers as its `url`,
 * and `tag` serves the resource's operations outside the collection (`tagged(collection.tag)`).
 */
export function keyCollection<const Resource extends KeyResource, const Obj extends ApiObjectSchema>(
  resource: Resource,
  object: Obj,
) {
  const { path, tag, actions } = KEY_RESOURCES[resource];
  const writable = (actions as readonly string[]).includes("write");
  const write = (writable ? apiKey(`${resource}:write` as Scope) : undefined) as KeyAccess<`${Resource}:write`>;
  const read = apiKey(`${resource}:read` as Scope) as KeyAccess<`${Resource}:read`> & Access;
  const verbs = collection({ tag, path: path as (typeof KEY_RESOURCES)[Resource]["path"], read, write, object });
  const name = [...object.shape.object.values].join().replace(/[._]/g, " ");
  const aName = `${/^[aeiou]/.test(name) ? "an" : "a"} ${name}`;
  const created = { summary: `Create ${aName}`, description: idempotent };
  const retrieved = { summary: `Retrieve ${aName}` };
  const listed = { query: listQuerySchema, response: listOf(object) };
  return {
    ...verbs,
    tag,
    path,
    name,
    create: <const Spec extends Defaulted<typeof created>>(spec: Spec) =>
      verbs.create({ ...created, ...spec } as Declared<typeof created, Spec> & { summary: string }),
    retrieve: <const Spec extends Defaulted<typeof retrieved> = object>(spec?: Spec) =>
      verbs.retrieve({ ...retrieved, ...spec } as Declared<typeof retrieved, Spec> & { summary: string }),
    list: <const Spec extends OwnSpec>(spec: Spec) =>
      verbs.list({ ...listed, ...spec } as Declared<typeof listed, Spec>),
  };
}

type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;
/** `{ id: string }` for `/api/v1/payment_links/{id}`; `{}` for a path without parameters. */
export type PathParams<Path extends string> = { [Name in ParamNames<Path>]: string };

/** The path parameters in the order they appear, as the SDK's leading arguments take them. */
export type PathArgs<Path extends string> = Path extends `${string}{${string}}${infer Rest}`
  ? [string, ...PathArgs<Rest>]
  : [];

export type QueryOf<Op extends OperationSpec> = Op["query"] extends z.ZodType ? z.output<Op["query"]> : undefined;
export type BodyOf<Op extends OperationSpec> = Op["body"] extends z.ZodType ? z.output<Op["body"]> : undefined;
export type ResponseOf<Op extends OperationSpec> = z.output<Op["response"]>;

/** The names of a path's parameters, in order: `["id", "keyId"]`. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
}
