/** A failure the user can act on (bad input, a migration that fails, an unreachable database): the CLI prints
 * its message alone, without a stack trace. */
export class MigrateError extends Error {
  override name = "MigrateError";
}
