// Imported first by run.ts: the bench's SQLite database (configuration (a)), removed so that every run seeds a fresh
// one. DATABASE_URL points at it before lib/config parses the environment, so a scenario that uses the app's client
// in this process gets that database too.
import { rmSync } from "node:fs";

export const DB_FILE = ".data/bench.db";
export const DATABASE_URL = `file:${DB_FILE}`;
process.env.DATABASE_URL = DATABASE_URL;
for (const suffix of ["", "-wal", "-shm"]) rmSync(DB_FILE + suffix, { force: true });
