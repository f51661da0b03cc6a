// Imported first by run.ts: the bench's own fresh SQLite database, chosen before lib/config parses the environment
// (the seeding uses the app's client, which reads DATABASE_URL from the config).
import { rmSync } from "node:fs";

export const DB_FILE = ".data/bench.db";
export const DATABASE_URL = `file:${DB_FILE}`;
process.env.DATABASE_URL = DATABASE_URL;
for (const suffix of ["", "-wal", "-shm"]) rmSync(DB_FILE + suffix, { force: true });
