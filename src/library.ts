import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Logger } from '@slack/bolt';
import { loadCatalog } from './catalog/load.ts';
import { createSearch, type PaperSearch } from './search/search.ts';

/** The current catalog and its search. Replaced as a whole when the list file changes. */
export interface Library {
  current(): PaperSearch;
}

/** A library loaded from a file, that can reload it. */
export interface FileLibrary extends Library {
  readonly path: string;
  /** Read the file again; on failure the previous catalog stays. */
  reload(): Promise<boolean>;
  /** Reload whenever the file changes (debounced); returns a function that stops watching. */
  watch(logger: Logger): () => void;
}

/**
 * A library holding one search built once (tests, the CLI).
 *
 * @param search The search.
 * @returns The library.
 */
export function fixedLibrary(search: PaperSearch): Library {
  return { current: () => search };
}

/**
 * Load the list from a file and build its search.
 *
 * @param path The markdown list.
 * @returns The library; throws when the file cannot be read.
 */
export async function openLibrary(path: string): Promise<FileLibrary> {
  let search = createSearch(await loadCatalog(path));
  const library: FileLibrary = {
    path,
    current: () => search,
    async reload() {
      try {
        const catalog = await loadCatalog(path);
        // An empty parse of a file caught mid-write must not replace a good catalog.
        if (catalog.papers.length === 0 && search.catalog.papers.length > 0) return false;
        search = createSearch(catalog);
        return true;
      } catch {
        return false;
      }
    },
    watch(logger) {
      let timer: NodeJS.Timeout | undefined;
      // The folder, not the file: editors that save by writing a new file and renaming it over the old
      // one would leave a watch on the file looking at a file that is gone.
      const watcher = watch(dirname(path), (_event, name) => {
        if (name !== null && name !== basename(path)) return;
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const before = search.catalog.papers.length;
          if (await library.reload()) {
            logger.info(`reloaded ${path}: ${before} → ${search.catalog.papers.length} papers`);
          } else {
            logger.warn(`${path} changed but could not be read as a list; keeping the previous one`);
          }
        }, 250);
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
