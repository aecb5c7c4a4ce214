/** What a suite may use: where its readable output goes. */
export interface SuiteContext {
  /** Print a line (or lines) of the readable report, as soon as it is known. */
  print(text: string): void;
}

/** What a suite hands back once done: a markdown block for the README. */
export interface SuiteResult {
  markdown: string;
}

/** A benchmark suite: runs, prints its tables, returns its README block; throws when it cannot finish. */
export type Suite = (context: SuiteContext) => Promise<SuiteResult>;
