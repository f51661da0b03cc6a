import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { DbHandle } from "./client";
import type { DbEngine } from "./engines";
import { Prisma } from "./generated/sqlite/client";

// Batched writes that never hold the event loop for long: rows go out as multi-row statements of `chunkRows` rows
// each, every statement its own transaction, with a turn of the event loop between two statements. On SQLite a
// statement runs synchronously inside the process, so the chunk size bounds how long a request can be kept waiting;
// between statements the app's own queries get the connection. The SQL is the same on both engines except for
// PostgreSQL's casts (`valuesList`): table and column names are the Prisma models' own (the schema maps none).

export type ColumnType = "text" | "integer" | "timestamp";
export type Value = string | number | Date | null;

/** A table and the columns a batch writes to it, in order, with their types. */
export interface BatchTable<Row extends Record<string, Value>> {
  table: string;
  columns: { readonly [C in keyof Row & string]: ColumnType };
}

/**
 * How a row already in the table takes the written one: `add` sums the two, `latest` keeps the later of the two
 * (so a value never moves back, whichever of two writers comes last).
 */
export type Merge = "add" | "latest";

/** A table whose rows are matched on `key`, and how each other written column merges into a matched row. */
export interface MergedTable<Row extends Record<string, Value>> extends BatchTable<Row> {
  key: ReadonlyArray<keyof Row & string>;
  merge: { readonly [C in keyof Row & string]?: Merge };
}

/** The rows of one statement that failed, with the database's error; the other statements' rows were written. */
export interface FailedChunk<Row> {
  rows: Row[];
  error: Error;
}

// Chosen by measurement (docs/performance.md): on a loaded 2-core machine a statement of 250 rows costs the main thread
// 3-6 ms on either engine, 500 rows 5-7 ms, 1000 rows 8-12 ms: 250 leaves room for a GC pause within 20 ms.
export const DEFAULT_CHUNK_ROWS = 250;

const PG_TYPES: Record<ColumnType, string> = { text: "TEXT", integer: "INTEGER", timestamp: "TIMESTAMP(3)" };

const id = (name: string) => Prisma.raw(`"${name}"`);

/**
 * `(…), (…)` with one parameter per value, built as one Sql (a flush has thousands of rows: no fragment per value).
 * PostgreSQL types the columns of a VALUES list that has no target table from its rows, and a parameter alone is
 * text: the first row's casts give each column its type. SQLite needs none (and its CAST to a timestamp type would
 * turn the ISO text Prisma stores into a number).
 */
function valuesList<Row extends Record<string, Value>>(
  engine: DbEngine,
  spec: BatchTable<Row>,
  rows: readonly Row[],
): Prisma.Sql {
  const columns = Object.entries(spec.columns) as Array<[keyof Row & string, ColumnType]>;
  const strings: string[] = [];
  const values: Value[] = [];
  let before = "(";
  rows.forEach((row, index) => {
    columns.forEach(([name, type], column) => {
      const cast = engine === "postgresql" && index === 0 && type !== "text";
      strings.push(before + (column > 0 ? ", " : "") + (cast ? "CAST(" : ""));
      values.push(row[name] ?? null);
      before = cast ? ` AS ${PG_TYPES[type]})` : "";
    });
    before += index < rows.length - 1 ? "), (" : ")";
  });
  strings.push(before);
  return new Prisma.Sql(strings, values);
}

const columnList = <Row extends Record<string, Value>>(spec: BatchTable<Row>, names = Object.keys(spec.columns)) =>
  Prisma.join(names.map(id));

/** `current` merged with `incoming` (two SQL expressions) the way `merge` says. */
function merged(merge: Merge, current: Prisma.Sql, incoming: Prisma.Sql): Prisma.Sql {
  return merge === "add"
    ? Prisma.sql`${current} + ${incoming}`
    : Prisma.sql`CASE WHEN ${current} IS NULL OR ${current} < ${incoming} THEN ${incoming} ELSE ${current} END`;
}

function assignments<Row extends Record<string, Value>>(spec: MergedTable<Row>, incoming: string): Prisma.Sql {
  const table = id(spec.table);
  return Prisma.join(
    Object.keys(spec.columns)
      .filter((name) => !spec.key.includes(name))
      .map((name) => {
        const merge = spec.merge[name];
        const value = Prisma.sql`${Prisma.raw(incoming)}.${id(name)}`;
        return Prisma.sql`${id(name)} = ${merge ? merged(merge, Prisma.sql`${table}.${id(name)}`, value) : value}`;
      }),
  );
}

/** Statements over many rows, each the same SQL on SQLite and PostgreSQL but for the casts. */
const statements = {
  insert: <Row extends Record<string, Value>>(engine: DbEngine, spec: BatchTable<Row>, rows: readonly Row[]) =>
    Prisma.sql`INSERT INTO ${id(spec.table)} (${columnList(spec)}) VALUES ${valuesList(engine, spec, rows)}`,

  /** Inserts the rows, or merges each into the row with its key. */
  upsert: <Row extends Record<string, Value>>(engine: DbEngine, spec: MergedTable<Row>, rows: readonly Row[]) =>
    Prisma.sql`INSERT INTO ${id(spec.table)} (${columnList(spec)}) VALUES ${valuesList(engine, spec, rows)}
      ON CONFLICT (${columnList(spec, [...spec.key])}) DO UPDATE SET ${assignments(spec, "excluded")}`,

  /** Merges each row into the row with its key; a row with no match is left out. */
  update: <Row extends Record<string, Value>>(engine: DbEngine, spec: MergedTable<Row>, rows: readonly Row[]) => {
    const table = id(spec.table);
    const matches = Prisma.join(
      spec.key.map((name) => Prisma.sql`${table}.${id(name)} = "incoming".${id(name)}`),
      " AND ",
    );
    return Prisma.sql`WITH "incoming" (${columnList(spec)}) AS (VALUES ${valuesList(engine, spec, rows)})
      UPDATE ${table} SET ${assignments(spec, '"incoming"')} FROM "incoming" WHERE ${matches}`;
  },
};

/**
 * The turn of the event loop in which the process's next batch statement may run, whichever writer sends it. Each
 * writer yields before each of its statements, but two writers flushing at once (the usage counters and the request
 * log are armed by the same request) would each have an immediate queued in the same check phase, and both
 * statements would run back to back in one turn: the lane lets one statement through per turn, with the poll phase
 * (the requests waiting) between two. `release` is called when the statement is done.
 */
let lane: Promise<void> = Promise.resolve();
function nextTurn(): Promise<() => void> {
  const previous = lane;
  let release!: () => void;
  lane = new Promise((resolve) => (release = resolve));
  return previous.then(() => yieldToEventLoop()).then(() => release);
}

/**
 * Writes rows in chunks of `chunkRows`, one statement (and transaction) per chunk, in a turn of the event loop of
 * its own (`nextTurn`, shared by every writer of the process). A chunk that fails does not stop the others: its rows
 * come back with the error.
 */
export class BatchWriter {
  constructor(
    private readonly handle: DbHandle,
    readonly chunkRows = DEFAULT_CHUNK_ROWS,
  ) {}

  insert<Row extends Record<string, Value>>(spec: BatchTable<Row>, rows: readonly Row[]): Promise<FailedChunk<Row>[]> {
    return this.write(rows, (chunk) => statements.insert(this.handle.engine, spec, chunk));
  }

  upsert<Row extends Record<string, Value>>(spec: MergedTable<Row>, rows: readonly Row[]): Promise<FailedChunk<Row>[]> {
    return this.write(rows, (chunk) => statements.upsert(this.handle.engine, spec, chunk));
  }

  update<Row extends Record<string, Value>>(spec: MergedTable<Row>, rows: readonly Row[]): Promise<FailedChunk<Row>[]> {
    return this.write(rows, (chunk) => statements.update(this.handle.engine, spec, chunk));
  }

  private async write<Row>(rows: readonly Row[], statement: (chunk: Row[]) => Prisma.Sql): Promise<FailedChunk<Row>[]> {
    const failed: FailedChunk<Row>[] = [];
    for (let start = 0; start < rows.length; start += this.chunkRows) {
      const release = await nextTurn(); // the first time too: the caller has just built the rows in this turn
      const chunk = rows.slice(start, start + this.chunkRows);
      try {
        await this.handle.db.$executeRaw(statement(chunk));
      } catch (error) {
        failed.push({ rows: chunk, error: error instanceof Error ? error : new Error(String(error)) });
      } finally {
        release();
      }
    }
    return failed;
  }
}
