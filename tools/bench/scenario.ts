/** One part of `npm run bench`: it prepares what it needs, measures, prints its own table, and cleans up. */
export interface Scenario {
  name: string;
  /** Resolves with a line for the summary at the end, if it has one. */
  run(): Promise<string | void>;
}
