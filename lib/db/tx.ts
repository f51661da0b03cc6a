import type { Db } from "./client";

/** A client inside `db.$transaction(async (tx) => …)`, or the client itself. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$use" | "$extends" | "$transaction">;
