import type { Context } from "../context";
import type { ObjectScope } from "../objects";

/** What the handler of an API-key operation passes on: the domain context and whose objects the request sees. */
interface Owned {
  ctx: Context;
  owner: ObjectScope;
}
type AtId = Owned & { params: { id: string } };

/**
 * The handlers of the conventional operations on a key's own objects, made from the domain function they call:
 * `route(customers.retrieve, withId(retrieveCustomer))` calls `retrieveCustomer(ctx, { owner, id })`.
 */
export const withId =
  <Result>(call: (ctx: Context, input: { owner: ObjectScope; id: string }) => Result) =>
  ({ ctx, owner, params }: AtId) =>
    call(ctx, { owner, id: params.id });

/** `PATCH {path}/{id}`: `call(ctx, { owner, id, changes })`, the changes being the parsed body. */
export const withChanges =
  <Changes, Result>(call: (ctx: Context, input: { owner: ObjectScope; id: string; changes: Changes }) => Result) =>
  ({ ctx, owner, params, body }: AtId & { body: Changes }) =>
    call(ctx, { owner, id: params.id, changes: body });

/** A list: `call(ctx, { owner, query })`, the query being the parsed query string. */
export const withQuery =
  <Query, Result>(call: (ctx: Context, input: { owner: ObjectScope; query: Query }) => Result) =>
  ({ ctx, owner, query }: Owned & { query: Query }) =>
    call(ctx, { owner, query });
