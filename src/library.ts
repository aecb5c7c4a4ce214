import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Logger } from '@slack/bolt';
import type { Catalog } from './catalog/types.ts';
import { readList } from './list/read-list.ts';
import { createSearch, type PaperSearch } from './search/search.ts';

/** The current catalog and its search. Replaced as a whole when the list file changes. */
export interface Library {
  current(): PaperSearch;
}

/** What became of one reading of the list file. */
export type ReloadOutcome =
  /** `errors`: what `optpaper check` would report as errors in the new list (unreadable entries…). */
  | { status: 'adopted'; before: number; after: number; errors: number }
  /** Fewer than half the papers: kept the previous list until the operator accepts it. */
  | { status: 'held-back'; before: number; after: number; message: string }
  /** Unreadable, too large, too slow, or no papers at all: kept the previous list. */
  | { status: 'refused'; message: string };

/** What `/healthz` and the logs say about the list. */
export interface ListState {
  path: string;
  papers: number;
  sections: number;
  loadedAt: Date;
  /** The last reload that was not adopted, while it is the latest word on the file. */
  pending?: { at: Date; outcome: Exclude<ReloadOutcome, { status: 'adopted' }> };
}

/** A library loaded from a file, that can reload it. */
export interface FileLibrary extends Library {
  readonly path: string;
  state(): ListState;
  /**
   * Read the file again (in a worker thread; the current list keeps answering meanwhile). A file that
   * has fewer than half the current papers is held back unless `accept` is set; a file with no papers
   * is never adopted.
   */
  reload(options?: { accept?: boolean; settle?: boolean }): Promise<ReloadOutcome>;
  /** Reload whenever the file changes (debounced, once the writer has finished); returns a function that stops watching. */
  watch(logger: Logger): () => void;
}

/** Options of {@link openLibrary}. */
export interface LibraryOptions {
  /** Largest list read (OPTPAPER_LIST_MAX_BYTES). */
  maxBytes?: number;
  /** A parse still running after this long is stopped, and the previous list stays. */
  parseTimeoutMs?: number;
  clock?: () => Date;
}

/** Reload timing and policy, one place. */
export const libraryDefaults = Object.freeze({
  /** Editors write a file in several steps: wait for the burst of change events to end. */
  debounceMs: 250,
  /** A new list with fewer than this share of the current papers is held back. */
  keepShare: 0.5,
});

/**
 * A library holding one search built once (tests, the CLI).
 *
 * @param search The search.
 * @returns The library.
 */
export function fixedLibrary(search: PaperSearch): Library {
  return { current: () => search };
}

/** The command that shows what is wrong with a list, for log lines. */
export function checkCommandFor(path: string): string {
  return `npm run -s optpaper -- check ${path}`;
}

/**
 * How many errors `optpaper check` reports in a list: entries it could not read, most of a list unread.
 *
 * @param catalog The parsed list.
 * @returns The count.
 */
export function errorCount(catalog: Pick<Catalog, 'diagnostics'>): number {
  return catalog.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
}

/**
 * The warning for a list that was read with errors: the bot answers from what it could read, and the
 * list's maintainer should know what it dropped.
 *
 * @param path The list.
 * @param errors {@link errorCount} of it.
 * @returns A line, or undefined when there are none.
 */
export function listErrorsWarning(path: string, errors: number): string | undefined {
  if (errors === 0) return undefined;
  return (
    `${path} has ${errors} error${errors === 1 ? '' : 's'} (entries that could not be read are left out); ` +
    `see ${errors === 1 ? 'it' : 'them'} with: ${checkCommandFor(path)}`
  );
}

/**
 * Load the list from a file (parsed in a worker thread) and build its search.
 *
 * @param path The markdown list.
 * @param options Size limit and clock.
 * @returns The library; throws `ListError` (one line, naming the file) when the file cannot be read.
 */
export async function openLibrary(path: string, options: LibraryOptions = {}): Promise<FileLibrary> {
  const clock = options.clock ?? (() => new Date());
  const read = (settle: boolean) =>
    readList(path, {
      settle,
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      ...(options.parseTimeoutMs ? { timeoutMs: options.parseTimeoutMs } : {}),
    });
  let search = createSearch(await read(false));
  let state: ListState = {
    path,
    papers: search.catalog.papers.length,
    sections: search.catalog.sections.length,
    loadedAt: clock(),
  };
  // Reloads run one after the other: a slow one must not be overtaken by an older file's.
  let reloading: Promise<unknown> = Promise.resolve();

  const reloadNow = async ({ accept = false, settle = false } = {}): Promise<ReloadOutcome> => {
    let outcome: ReloadOutcome;
    try {
      const catalog = await read(settle);
      const before = search.catalog.papers.length;
      const after = catalog.papers.length;
      if (after === 0) {
        outcome = { status: 'refused', message: `${path} has no papers` };
      } else if (!accept && after < before * libraryDefaults.keepShare) {
        outcome = {
          status: 'held-back',
          before,
          after,
          message: `${path} now has ${after} papers, fewer than half of the ${before} the bot has (a bad merge or a truncated copy?)`,
        };
      } else {
        search = createSearch(catalog);
        state = { path, papers: after, sections: catalog.sections.length, loadedAt: clock() };
        return { status: 'adopted', before, after, errors: errorCount(catalog) };
      }
    } catch (error) {
      outcome = { status: 'refused', message: error instanceof Error ? error.message : String(error) };
    }
    state = { ...state, pending: { at: clock(), outcome } };
    return outcome;
  };

  const library: FileLibrary = {
    path,
    current: () => search,
    state: () => state,
    reload(options) {
      const next = reloading.then(() => reloadNow(options));
      reloading = next.catch(() => undefined);
      return next;
    },
    watch(logger) {
      let timer: NodeJS.Timeout | undefined;
      // The folder, not the file: editors that save by writing a new file and renaming it over the old
      // one would leave a watch on the file looking at a file that is gone.
      const watcher = watch(dirname(path), (_event, name) => {
        if (name !== null && name !== basename(path)) return;
        clearTimeout(timer);
        timer = setTimeout(async () => {
          logReload(logger, path, await library.reload({ settle: true }));
        }, libraryDefaults.debounceMs);
      });
      watcher.unref();
      return () => {
        clearTimeout(timer);
        watcher.close();
      };
    },
  };
  return library;
}

/**
 * Say what a reload did: adopted (info), held back or refused (warn, with the command to run).
 *
 * @param logger Where.
 * @param path The list.
 * @param outcome What happened.
 */
export function logReload(logger: Logger, path: string, outcome: ReloadOutcome): void {
  switch (outcome.status) {
    case 'adopted': {
      logger.info(`reloaded ${path}: ${outcome.before} → ${outcome.after} papers`);
      const warning = listErrorsWarning(path, outcome.errors);
      if (warning) logger.warn(warning);
      return;
    }
    case 'held-back':
      logger.warn(
        `${outcome.message}; keeping the previous list. See what changed with: ${checkCommandFor(path)}. ` +
          'To use it anyway, send the bot SIGHUP (kill -HUP <pid>) or restart it',
      );
      return;
    case 'refused':
      logger.warn(
        `${path} changed but could not be used (${outcome.message}); keeping the previous list. See: ${checkCommandFor(path)}`,
      );
  }
}
