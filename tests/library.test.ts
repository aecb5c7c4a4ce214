import { appendFileSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { logReload, openLibrary } from '../src/library.ts';
import { ListError } from '../src/list/read-list.ts';
import { createLogger } from '../src/logger.ts';
import { until } from './support/wait.ts';

const scratchList = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'papers.md');
  writeFileSync(path, text);
  return path;
};

/** A list of `count` papers in one section, each with its own arXiv link. */
const listOf = (count: number, section = 'Optimizers') =>
  `## ${section}\n${Array.from(
    { length: count },
    (_, n) => `- Paper number ${n + 1} [Link](https://arxiv.org/abs/2001.${String(10_000 + n)})\n`,
  ).join('')}`;

function recording() {
  const logs: string[] = [];
  return { logs, logger: createLogger({ sink: { write: (line: string) => logs.push(line) } }) };
}

describe('the library (the list file and its search)', () => {
  it('reloads the list when the file changes, and keeps the old one when the new one has no papers', async () => {
    const path = scratchList('## Optimizers\n- ADAM [Link](https://arxiv.org/abs/1412.6980)\n');
    const library = await openLibrary(path);
    const { logs, logger } = recording();
    const stop = library.watch(logger);
    try {
      expect(
        library
          .current()
          .search('adam')
          .map((hit) => hit.paper.title),
      ).toEqual(['ADAM']);
      writeFileSync(
        path,
        '## Optimizers\n- ADAM [Link](https://arxiv.org/abs/1412.6980)\n- Lion [Link](https://arxiv.org/abs/2302.06675)\n',
      );
      await until(() => library.current().catalog.papers.length === 2);
      expect(
        library
          .current()
          .search('lion')
          .map((hit) => hit.paper.title),
      ).toEqual(['Lion']);
      expect(logs.join('')).toContain(`reloaded ${path}: 1 → 2 papers`);

      writeFileSync(path, '');
      await until(() => logs.join('').includes('could not be used'));
      expect(logs.join('')).toContain(
        `${path} changed but could not be used (${path} has no papers); keeping the previous list. See: npm run -s optpaper -- check ${path}`,
      );
      expect(library.current().catalog.papers).toHaveLength(2);

      // Saved the way many editors save: a new file renamed over the old one (half the papers: kept).
      writeFileSync(`${path}.tmp`, '## Optimizers\n- Shampoo [Link](https://arxiv.org/abs/1802.09568)\n');
      renameSync(`${path}.tmp`, path);
      await until(() => library.current().catalog.papers.length === 1);
      expect(library.current().catalog.papers[0]?.title).toBe('Shampoo');
    } finally {
      stop();
    }
  });

  it('holds back an edit that drops more than half the papers, says why and what to run, and adopts it when accepted', async () => {
    const path = scratchList(listOf(10));
    const library = await openLibrary(path);
    const { logs, logger } = recording();
    const stop = library.watch(logger);
    try {
      // A bad merge leaves one paper.
      writeFileSync(path, listOf(1));
      await until(() => logs.join('').includes('keeping the previous list'));
      expect(logs.join('')).toContain(
        `${path} now has 1 papers, fewer than half of the 10 the bot has (a bad merge or a truncated copy?); keeping the previous list. ` +
          `See what changed with: npm run -s optpaper -- check ${path}. To use it anyway, send the bot SIGHUP (kill -HUP <pid>) or restart it`,
      );
      expect(library.current().catalog.papers).toHaveLength(10);
      expect(library.state().pending?.outcome).toMatchObject({ status: 'held-back', before: 10, after: 1 });
      // The operator decides (SIGHUP in the bot): accepted.
      expect(await library.reload({ accept: true })).toEqual({
        status: 'adopted',
        before: 10,
        after: 1,
        errors: 0,
      });
      expect(library.current().catalog.papers).toHaveLength(1);
      expect(library.state().pending).toBeUndefined();
      // Even accepted, a file with no papers is never adopted.
      writeFileSync(path, '# Nothing here\n');
      expect(await library.reload({ accept: true })).toMatchObject({ status: 'refused' });
      expect(library.current().catalog.papers).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('refuses a list over the size limit with one line naming OPTPAPER_LIST_MAX_BYTES, at start and at reload', async () => {
    const path = scratchList(listOf(40));
    await expect(openLibrary(path, { maxBytes: 1024 })).rejects.toThrow(ListError);
    await expect(openLibrary(path, { maxBytes: 1024 })).rejects.toThrow(
      /^.*papers\.md is 2,\d{3} bytes, more than OPTPAPER_LIST_MAX_BYTES \(1,024\): raise the limit or split the list$/,
    );
    const library = await openLibrary(path, { maxBytes: 4096 });
    writeFileSync(path, listOf(200));
    expect(await library.reload()).toEqual({
      status: 'refused',
      message: expect.stringMatching(/more than OPTPAPER_LIST_MAX_BYTES \(4,096\)/),
    });
    expect(library.current().catalog.papers).toHaveLength(40);
  });

  it('never adopts a file while it is being written: a slow in-place write is read once it is finished', async () => {
    const full = listOf(40);
    const path = scratchList(full);
    const library = await openLibrary(path);
    const { logger } = recording();
    const stop = library.watch(logger);
    const seen = new Set<number>();
    const watcher = setInterval(() => seen.add(library.current().catalog.papers.length), 2);
    try {
      // The same list rewritten in place, a few lines every 60 ms, with one more paper at the end.
      const next = listOf(41);
      const lines = next.split('\n');
      writeFileSync(path, '');
      for (let start = 0; start < lines.length; start += 6) {
        appendFileSync(
          path,
          `${lines.slice(start, start + 6).join('\n')}${start + 6 < lines.length ? '\n' : ''}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      await until(() => library.current().catalog.papers.length === 41, 10_000);
      seen.add(library.current().catalog.papers.length);
      // Only the whole lists were ever in use: never an empty or a half-read one.
      expect([...seen].sort((a, b) => a - b)).toEqual([40, 41]);
    } finally {
      clearInterval(watcher);
      stop();
    }
  });

  it('reads a list in a worker: a pathological file never stalls the event loop', async () => {
    const path = scratchList(listOf(1));
    const library = await openLibrary(path);
    // Thousands of nested bullets on one line: pathological for a markdown parser.
    writeFileSync(path, `## Deep\n${'- '.repeat(20_000)}[Deep](https://example.org/deep)\n`);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const outcome = await library.reload();
    delay.disable();
    expect(outcome).toEqual({ status: 'adopted', before: 1, after: 1, errors: 0 });
    expect(library.current().catalog.papers[0]?.title).toBe('Deep');
    // The bot kept answering while the file was read.
    expect(delay.max / 1e6).toBeLessThan(250);
  });

  it('adopts a list edited into one with unreadable entries, and warns how many errors check reports', async () => {
    const path = scratchList(listOf(2));
    const library = await openLibrary(path);
    writeFileSync(path, `${listOf(2)}- A paper without any link\n`);
    const outcome = await library.reload();
    expect(outcome).toEqual({ status: 'adopted', before: 2, after: 2, errors: 1 });
    const { logs, logger } = recording();
    logReload(logger, path, outcome);
    expect(logs.join('')).toContain(
      `WARN [optpaper] ${path} has 1 error (entries that could not be read are left out); see it with: npm run -s optpaper -- check ${path}`,
    );
  });

  it('stops a parse that takes longer than allowed, with one line naming the file', async () => {
    const path = scratchList(listOf(20));
    // No parse finishes in a millisecond: the time limit is what ends this one.
    await expect(openLibrary(path, { parseTimeoutMs: 1 })).rejects.toThrow(
      `${path} took more than 0.001 s to parse; not read`,
    );
  });
});
