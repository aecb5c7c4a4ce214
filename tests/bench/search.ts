import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import Fuse from 'fuse.js';
import { defaultListPath } from '../../src/catalog/load.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import { createSearch } from '../../src/search/search.ts';
import { questionQueries } from '../search/question-queries.ts';
import { hitRates } from '../search/relevance-cases.ts';
import { relevanceQueries } from '../search/relevance-queries.ts';
import { count, duration, markdownTable, mebibytes, percent, textTable } from './format.ts';
import { generateList, mulberry32 } from './generate-list.ts';
import { peakRssMiB, type Summary, settledHeapMiB, summarize, timed } from './stats.ts';
import type { Suite } from './suite.ts';

/** One size of list to measure, in its own process. */
interface SizeSpec {
  /** `shipped` is data/optimization-papers.md; a number is a generated list of that many entries. */
  entries: 'shipped' | number;
  /** Passes over the query set after the cold one. */
  warmPasses: number;
  /** Passes of FTS5 and plain fuse.js over their queries. */
  referencePasses: number;
  /** Most queries plain fuse.js answers: it scans every title, seconds per query at 100,000 entries… */
  fuseQueries: number;
  /** …and it stops after the query that goes past this much time, to keep the suite to about 3 minutes. */
  fuseBudgetMs: number;
}

/** The sizes, passes and targets of the suite. */
export const searchBenchDefaults = Object.freeze({
  sizes: Object.freeze<SizeSpec[]>([
    {
      entries: 'shipped',
      warmPasses: 10,
      referencePasses: 3,
      fuseQueries: Number.POSITIVE_INFINITY,
      fuseBudgetMs: Number.POSITIVE_INFINITY,
    },
    { entries: 10_000, warmPasses: 5, referencePasses: 1, fuseQueries: 40, fuseBudgetMs: 5_000 },
    { entries: 100_000, warmPasses: 3, referencePasses: 1, fuseQueries: 10, fuseBudgetMs: 10_000 },
  ]),
  /** Results asked of every engine, as `/optpaper <query>` does. */
  limit: 5,
  /** From the issue: search p99 on the shipped list, and at 100,000 entries. */
  targetShippedP99: 5,
  targetLargeP99: 10,
  seed: 1,
  /** A child that takes longer than this is stuck; it is killed and the suite fails. */
  childTimeoutMs: 10 * 60 * 1000,
});

/** Kinds of query in the set: the relevance suite, then variants a search must survive. */
export type QueryKind = 'relevance' | 'question' | 'typo' | 'acronym' | 'arxiv' | 'nonsense';

/** A query of the set, of a kind. */
export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** Papers the query is after, on the shipped list… */
  expected?: readonly string[];
  /** …any one of them, or all (default: any). */
  match?: 'any' | 'all';
}

const queryKinds: readonly QueryKind[] = ['relevance', 'question', 'typo', 'acronym', 'arxiv', 'nonsense'];

const acronymQueries: readonly string[] = Object.freeze([
  'sgd',
  'rnn',
  'rnns',
  'lstm',
  'gan',
  'nmt',
  'kl',
  'bn',
  'deq',
  'rl',
  'marl curriculum',
  'pca init',
  'relu',
  'ntk',
  'sde',
  'pde',
]);

const nonsenseQueries: readonly string[] = Object.freeze([
  'xyzzy plugh',
  'qwertyuiop asdfghjkl',
  'blorptastic frobnication',
  'zzzz',
  'the of and',
  'lorem ipsum dolor sit amet',
  'banana smoothie recipe',
  // A pasted wall of text: the search reads its first 256 characters.
  'I was reading something last week about how the weather in the mountains changes so quickly that ' +
    'hikers should always carry a spare jacket, a map, some water and a snack, and it reminded me of ' +
    'the trip we took years ago when the bus broke down halfway up the pass and we waited for hours',
]);

/** One typo in the longest word (swap, drop, double or replace a letter): how queries are mistyped. */
function misspell(query: string, random: () => number): string | undefined {
  const words = query.split(' ');
  const longest = words.reduce(
    (best, word, index) => ((words[best] ?? '').length >= word.length ? best : index),
    0,
  );
  const word = words[longest] ?? '';
  if (word.length < 5 || !/^\p{L}+$/u.test(word)) return undefined;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = word[at] ?? '';
  const next = word[at + 1] ?? '';
  const edits = [
    `${word.slice(0, at)}${next}${letter}${word.slice(at + 2)}`,
    `${word.slice(0, at)}${word.slice(at + 1)}`,
    `${word.slice(0, at)}${letter}${word.slice(at)}`,
    `${word.slice(0, at)}${letter === 'e' ? 'a' : 'e'}${word.slice(at + 1)}`,
  ];
  const typo = edits[Math.floor(random() * edits.length)] ?? word;
  return words.map((other, index) => (index === longest ? typo : other)).join(' ');
}

/**
 * The fixed query set over a catalog: the relevance queries, a typo'd copy of every other one, acronyms,
 * arXiv ids of the catalog's own papers (bare, `arxiv:` and as a URL, plus one that is in no list), nonsense.
 *
 * @param catalog The catalog searched (its arXiv ids are queried).
 * @returns The queries, in the order they are run.
 */
export function benchQueries(catalog: Catalog): BenchQuery[] {
  const random = mulberry32(searchBenchDefaults.seed);
  const queries: BenchQuery[] = relevanceQueries.map(([text, expected]) => ({
    kind: 'relevance',
    text,
    expected: [expected],
  }));
  for (const { query, expected, match } of questionQueries)
    queries.push({ kind: 'question', text: query, expected, match });
  relevanceQueries.forEach(([text, expected], index) => {
    const typo = index % 2 === 0 ? misspell(text, random) : undefined;
    if (typo) queries.push({ kind: 'typo', text: typo, expected: [expected] });
  });
  for (const text of acronymQueries) queries.push({ kind: 'acronym', text });
  const withArxiv = catalog.papers.filter((paper) => paper.arxivId);
  const forms = [
    (id: string) => id,
    (id: string) => `arxiv:${id}`,
    (id: string) => `https://arxiv.org/abs/${id}v2`,
  ];
  for (let n = 0; n < 9 && withArxiv.length > 0; n++) {
    const paper = withArxiv[Math.floor((n * withArxiv.length) / 9)];
    const form = forms[n % forms.length];
    if (paper?.arxivId && form)
      queries.push({ kind: 'arxiv', text: form(paper.arxivId), expected: [paper.id] });
  }
  // Month 99: an id no list holds.
  queries.push({ kind: 'arxiv', text: '2499.99999' });
  for (const text of nonsenseQueries) queries.push({ kind: 'nonsense', text });
  return queries;
}

/**
 * The queries in an order whose every prefix is a fair sample: the kinds in turn (relevance, typo,
 * acronym, …), each kind's queries spread over its list.
 */
function interleavedByKind(queries: readonly BenchQuery[]): BenchQuery[] {
  const random = mulberry32(searchBenchDefaults.seed + 1);
  const lanes = queryKinds.map((kind) =>
    queries
      .filter((query) => query.kind === kind)
      .map((query) => ({ query, order: random() }))
      .sort((a, b) => a.order - b.order)
      .map(({ query }) => query),
  );
  const order: BenchQuery[] = [];
  for (let round = 0; order.length < queries.length; round++) {
    for (const lane of lanes) {
      const query = lane[round];
      if (query) order.push(query);
    }
  }
  return order;
}

/**
 * The FTS5 expression of a query: each whitespace-separated word as a quoted prefix term, all AND-ed
 * (`"sharp"* AND "minima"*`). Quotes are doubled, so no word can break out of its string.
 */
function fts5Expression(query: string): string | undefined {
  const terms = query
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `"${word.replace(/"/g, '""')}"*`);
  return terms.length > 0 ? terms.join(' AND ') : undefined;
}

/** Hit rates of an engine on the queries that name a paper. */
interface HitRate {
  queries: number;
  top1: number;
  top3: number;
  /** Queries answered with nothing at all. */
  empty: number;
}

/** Hit rates as the relevance suites count them (an `all` question wants every paper in its top 3). */
function hitRate(queries: readonly BenchQuery[], top: (query: string) => string[]): HitRate {
  const answers = new Map(queries.map((query) => [query.text, top(query.text)]));
  const cases = queries.flatMap(({ text, expected, match = 'any' }) =>
    expected ? [{ query: text, expected, match }] : [],
  );
  const { top1, top3 } = hitRates(cases, (query) => answers.get(query) ?? []);
  const empty = [...answers.values()].filter((ids) => ids.length === 0).length;
  return { queries: queries.length, top1, top3, empty };
}

/** Figures of one engine answering queries. */
interface EngineFigures {
  buildMs: number;
  latency: Summary;
  /** Distinct queries timed. */
  queries: number;
}

/** Everything measured on one size, in one process. */
interface SizeResult {
  label: string;
  entries: number;
  papers: number;
  sections: number;
  markdownMiB: number;
  parseMs: number;
  buildMs: number;
  /** Heap held by the catalog, and by the search built over it (after full collections). */
  catalogHeapMiB?: number;
  indexHeapMiB?: number;
  queries: number;
  cold: Summary;
  warm: Summary;
  byKind: Array<{ kind: QueryKind; cold: Summary; warm: Summary }>;
  slowestCold: Array<{ text: string; ms: number }>;
  /** Peak RSS once parsed (remark's syntax tree of the whole list is the high-water mark of a big list). */
  peakRssParseMiB: number;
  /** Peak RSS once parsed, built and queried, before the references are loaded. */
  peakRssMiB: number;
  fts5: EngineFigures;
  fuse: EngineFigures;
  /** Peak RSS at the end, with FTS5 and plain fuse.js loaded too. */
  peakRssWithReferencesMiB: number;
  /** On the shipped list only, where the expected ids exist. */
  relevance?: Array<{ engine: string; kind: QueryKind; rate: HitRate }>;
}

function labelOf(spec: SizeSpec): string {
  return spec.entries === 'shipped' ? 'shipped' : count(spec.entries);
}

/** Measure one size: runs in a child process of its own, so that peak RSS is this size's. */
function measureSize(spec: SizeSpec): SizeResult {
  const { limit } = searchBenchDefaults;
  const markdown =
    spec.entries === 'shipped'
      ? readFileSync(defaultListPath, 'utf8')
      : generateList(spec.entries, searchBenchDefaults.seed);
  const baseHeap = settledHeapMiB();
  const parsed = timed(() => parseCatalog(markdown));
  const catalog = parsed.value;
  const rssParse = peakRssMiB();
  const catalogHeap = settledHeapMiB();
  const built = timed(() => createSearch(catalog));
  const search = built.value;
  const indexHeap = settledHeapMiB();
  const queries = benchQueries(catalog);

  // The code is compiled and optimised on a separate index of the shipped list first, so that "cold"
  // measures empty caches of a fresh index, not the JIT's first sight of the search code.
  const warmUp = createSearch(
    spec.entries === 'shipped' ? catalog : parseCatalog(readFileSync(defaultListPath, 'utf8')),
  );
  for (let pass = 0; pass < 3; pass++) for (const query of queries) warmUp.search(query.text, { limit });

  // Cold: a fresh index and every query seen for the first time (the Vocabulary's match cache only
  // holds the terms of the queries before it). Warm: the same queries again, every cache filled.
  let sink = 0;
  const coldSamples: number[] = [];
  // The garbage of parsing and building is collected before timing: a pause for it belongs to start-up.
  settledHeapMiB();
  for (const query of queries) {
    const { value, ms } = timed(() => search.search(query.text, { limit }));
    sink += value.length;
    coldSamples.push(ms);
  }
  const warmSamples: number[][] = queries.map(() => []);
  for (let pass = 0; pass < spec.warmPasses; pass++) {
    queries.forEach((query, index) => {
      const { value, ms } = timed(() => search.search(query.text, { limit }));
      sink += value.length;
      warmSamples[index]?.push(ms);
    });
  }
  const rssOurs = peakRssMiB();
  const byKind = queryKinds.map((kind) => {
    const indexes = queries.flatMap((query, index) => (query.kind === kind ? [index] : []));
    return {
      kind,
      cold: summarize(indexes.map((index) => coldSamples[index] ?? 0)),
      warm: summarize(indexes.flatMap((index) => warmSamples[index] ?? [])),
    };
  });
  const slowestCold = queries
    .map((query, index) => ({ text: query.text, ms: coldSamples[index] ?? 0 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ text, ms }) => ({ text: text.length > 60 ? `${text.slice(0, 57)}...` : text, ms }));

  // The reference: FTS5 over the same papers, title and sections, bm25 order.
  const fts5Built = timed(() => {
    const db = new Database(':memory:');
    db.exec(
      `CREATE VIRTUAL TABLE paper USING fts5(title, sections, tokenize = 'unicode61 remove_diacritics 2')`,
    );
    const insert = db.prepare('INSERT INTO paper (rowid, title, sections) VALUES (?, ?, ?)');
    db.transaction(() => {
      catalog.papers.forEach((paper, index) => {
        insert.run(index + 1, paper.title, paper.sections.join(' · '));
      });
    })();
    return db;
  });
  const select = fts5Built.value
    .prepare('SELECT rowid FROM paper WHERE paper MATCH ? ORDER BY rank LIMIT ?')
    .pluck();
  const fts5Search = (query: string, top: number): number[] => {
    const expression = fts5Expression(query);
    return expression ? (select.all(expression, top) as number[]).map((rowid) => rowid - 1) : [];
  };
  const fts5Samples: number[] = [];
  for (let pass = 0; pass < spec.referencePasses; pass++) {
    for (const query of queries) {
      const { value, ms } = timed(() => fts5Search(query.text, limit));
      sink += value.length;
      fts5Samples.push(ms);
    }
  }

  // The other reference: plain fuse.js over the titles, a linear scan per query.
  const fuseBuilt = timed(() => new Fuse(catalog.papers, { keys: ['title'], ignoreLocation: true }));
  const plain = fuseBuilt.value;
  const fuseSet = interleavedByKind(queries).slice(0, spec.fuseQueries);
  const fuseSamples: number[] = [];
  let fuseSpent = 0;
  let fuseCount = 0;
  for (let pass = 0; pass < spec.referencePasses && fuseSpent <= spec.fuseBudgetMs; pass++) {
    for (const query of fuseSet) {
      const { value, ms } = timed(() => plain.search(query.text, { limit }));
      sink += value.length;
      fuseSamples.push(ms);
      fuseSpent += ms;
      if (pass === 0) fuseCount++;
      if (fuseSpent > spec.fuseBudgetMs) break;
    }
  }

  let relevance: SizeResult['relevance'];
  if (spec.entries === 'shipped') {
    const { papers } = catalog;
    const engines: Array<[string, (query: string) => string[]]> = [
      ['ours', (query) => search.search(query, { limit: 5 }).map((hit) => hit.paper.id)],
      ['SQLite FTS5', (query) => fts5Search(query, 5).map((doc) => papers[doc]?.id ?? '')],
      ['plain fuse.js', (query) => plain.search(query, { limit: 5 }).map((hit) => hit.item.id)],
    ];
    relevance = engines.flatMap(([engine, top3]) =>
      (['relevance', 'typo', 'question'] as const).map((kind) => ({
        engine,
        kind,
        rate: hitRate(
          queries.filter((query) => query.kind === kind),
          top3,
        ),
      })),
    );
  }
  fts5Built.value.close();
  // Keeps the results alive, so that no engine's work can be optimised away.
  if (sink < 0) throw new Error('unreachable');

  return {
    label: labelOf(spec),
    entries: catalog.entries.length,
    papers: catalog.papers.length,
    sections: catalog.sections.length,
    markdownMiB: Buffer.byteLength(markdown) / 1024 / 1024,
    parseMs: parsed.ms,
    buildMs: built.ms,
    catalogHeapMiB: baseHeap === undefined || catalogHeap === undefined ? undefined : catalogHeap - baseHeap,
    indexHeapMiB: catalogHeap === undefined || indexHeap === undefined ? undefined : indexHeap - catalogHeap,
    queries: queries.length,
    cold: summarize(coldSamples),
    warm: summarize(warmSamples.flat()),
    byKind,
    slowestCold,
    peakRssParseMiB: rssParse,
    peakRssMiB: rssOurs,
    fts5: { buildMs: fts5Built.ms, latency: summarize(fts5Samples), queries: queries.length },
    fuse: { buildMs: fuseBuilt.ms, latency: summarize(fuseSamples), queries: fuseCount },
    peakRssWithReferencesMiB: peakRssMiB(),
    relevance,
  };
}

const selfPath = fileURLToPath(import.meta.url);
const childFlag = '--measure-size';

/** Run {@link measureSize} in a fresh node process and read its one JSON line back. */
function measureInChild(index: number): Promise<SizeResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      // --expose-gc: heap figures after a full collection. tsx is resolved here, so the cwd does not matter.
      ['--expose-gc', '--import', import.meta.resolve('tsx'), selfPath, childFlag, String(index)],
      { stdio: ['ignore', 'pipe', 'inherit'], timeout: searchBenchDefaults.childTimeoutMs },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        fail(
          new Error(`the measuring process for size #${index} ended with ${signal ?? `exit code ${code}`}`),
        );
        return;
      }
      const line = output.trim().split('\n').at(-1) ?? '';
      try {
        done(JSON.parse(line) as SizeResult);
      } catch {
        fail(new Error(`the measuring process for size #${index} printed no result: ${line.slice(0, 200)}`));
      }
    });
  });
}

const ms = (summary: Summary) => [duration(summary.p50), duration(summary.p99), duration(summary.max)];
const met = (value: number, target: number) => (value <= target ? 'met' : 'MISSED');

function report(results: readonly SizeResult[], print: (text: string) => void): string {
  const { targetShippedP99, targetLargeP99 } = searchBenchDefaults;
  print('\nList and index');
  print(
    textTable(
      [
        'list',
        'entries',
        'papers',
        'sections',
        'markdown',
        'parse',
        'build index',
        'catalog heap',
        'index heap',
        'peak RSS parse',
        'peak RSS',
      ],
      results.map((r) => [
        r.label,
        count(r.entries),
        count(r.papers),
        count(r.sections),
        mebibytes(r.markdownMiB),
        duration(r.parseMs),
        duration(r.buildMs),
        r.catalogHeapMiB === undefined ? '?' : mebibytes(r.catalogHeapMiB),
        r.indexHeapMiB === undefined ? '?' : mebibytes(r.indexHeapMiB),
        mebibytes(r.peakRssParseMiB),
        mebibytes(r.peakRssMiB),
      ]),
    ),
  );
  print(
    '  peak RSS parse: once parsed; peak RSS: parse + build + our queries, before FTS5 and plain fuse.js load.\n' +
      '  heap: held after a full collection, by the catalog and by the search index built over it.',
  );

  print(`\nOur search, latency per query (limit ${searchBenchDefaults.limit})`);
  print(
    textTable(
      [
        'list',
        'queries',
        'cold p50',
        'cold p99',
        'cold max',
        'warm p50',
        'warm p99',
        'warm max',
        'warm runs',
      ],
      results.map((r) => [r.label, count(r.queries), ...ms(r.cold), ...ms(r.warm), count(r.warm.count)]),
    ),
  );
  print(
    '  cold: a fresh index (empty caches), each query run for the first time, the code already JIT-compiled on\n' +
      '  another index; warm: the same queries repeated.',
  );

  print('\nOur search by kind of query');
  print(
    textTable(
      ['list', 'kind', 'queries', 'cold p50', 'cold p99', 'cold max', 'warm p50', 'warm p99', 'warm max'],
      results.flatMap((r) =>
        r.byKind.map((k) => [r.label, k.kind, count(k.cold.count), ...ms(k.cold), ...ms(k.warm)]),
      ),
      ['left', 'left'],
    ),
  );

  print('\nSlowest cold queries');
  print(
    textTable(
      ['list', 'query', 'cold'],
      results.flatMap((r) => r.slowestCold.map((q) => [r.label, q.text, duration(q.ms)])),
      ['left', 'left'],
    ),
  );

  print('\nReference engines, same process and papers');
  print(
    textTable(
      ['list', 'engine', 'build', 'queries', 'runs', 'p50', 'p99', 'max', 'peak RSS (all)'],
      results.flatMap((r) =>
        (
          [
            ['SQLite FTS5', r.fts5],
            ['plain fuse.js', r.fuse],
          ] as const
        ).map(([engine, f]) => [
          r.label,
          engine,
          duration(f.buildMs),
          count(f.queries),
          count(f.latency.count),
          ...ms(f.latency),
          mebibytes(r.peakRssWithReferencesMiB),
        ]),
      ),
      ['left', 'left'],
    ),
  );
  print(
    '  FTS5: in-memory table of title + sections (unicode61, diacritics removed); a query is its words as\n' +
      '  prefix terms AND-ed ("sharp"* AND "minima"*), bm25 order.\n' +
      "  plain fuse.js: new Fuse(papers, { keys: ['title'], ignoreLocation: true }), a linear scan per query;\n" +
      `  it answers ${results.map((r) => `${count(r.fuse.queries)} queries at ${r.label}`).join(', ')}, the kinds in turn:\n` +
      '  each query takes seconds on a big list, so it stops at 10 queries or a time budget.',
  );

  const shipped = results.find((r) => r.relevance);
  if (shipped?.relevance) {
    print('\nFinding the paper on the shipped list (top 3 = expected paper among the first three results)');
    print(
      textTable(
        ['engine', 'queries', 'kind', 'top 1', 'top 3', 'no result'],
        shipped.relevance.map(({ engine, kind, rate }) => [
          engine,
          count(rate.queries),
          kind === 'relevance' ? 'relevance suite' : kind === 'typo' ? "typo'd copies" : 'question suite',
          percent(rate.top1),
          percent(rate.top3),
          count(rate.empty),
        ]),
        ['left', 'right', 'left'],
      ),
    );
  }

  print('\nTargets (search p99, from the issue; reported, not asserted)');
  const targets: Array<[string, SizeResult | undefined, number]> = [
    ['shipped list', results.find((r) => r.label === 'shipped'), targetShippedP99],
    ['100,000 entries', results.find((r) => r.entries >= 100_000), targetLargeP99],
  ];
  for (const [name, result, target] of targets) {
    if (!result) continue;
    print(
      `  ${name}: p99 ≤ ${target} ms: warm ${duration(result.warm.p99)} ${met(result.warm.p99, target)}, ` +
        `cold ${duration(result.cold.p99)} ${met(result.cold.p99, target)}`,
    );
  }

  const rows = results.map((r) => [
    r.label === 'shipped' ? 'shipped list' : `generated, ${r.label} entries`,
    count(r.papers),
    duration(r.parseMs),
    duration(r.buildMs),
    `${duration(r.cold.p50)} / ${duration(r.cold.p99)}`,
    `${duration(r.warm.p50)} / ${duration(r.warm.p99)}`,
    mebibytes(r.peakRssMiB),
    `${duration(r.fts5.latency.p50)} / ${duration(r.fts5.latency.p99)}`,
    `${duration(r.fuse.latency.p50)} / ${duration(r.fuse.latency.p99)}${r.fuse.queries < r.queries ? ` (${r.fuse.queries} q.)` : ''}`,
  ]);
  const markdown = [
    markdownTable(
      [
        'List',
        'Papers',
        'Parse',
        'Build index',
        'Search p50 / p99, cold',
        'Search p50 / p99, warm',
        'Peak RSS',
        'FTS5 p50 / p99',
        'Plain fuse.js p50 / p99',
      ],
      rows,
    ),
  ];
  if (shipped?.relevance) {
    const rate = (engine: string, kind: QueryKind) =>
      percent(shipped.relevance?.find((row) => row.engine === engine && row.kind === kind)?.rate.top3 ?? 0);
    const questions = shipped.relevance.find((row) => row.kind === 'question')?.rate.queries ?? 0;
    markdown.push(
      '',
      `Top-3 hit rate on the shipped list, ${shipped.relevance[0]?.rate.queries ?? 0} relevance queries ` +
        `(and their typo'd copies; ${questions} questions): ours ${rate('ours', 'relevance')} (${rate('ours', 'typo')}; ${rate('ours', 'question')}), ` +
        `SQLite FTS5 ${rate('SQLite FTS5', 'relevance')} (${rate('SQLite FTS5', 'typo')}; ${rate('SQLite FTS5', 'question')}), ` +
        `plain fuse.js ${rate('plain fuse.js', 'relevance')} (${rate('plain fuse.js', 'typo')}; ${rate('plain fuse.js', 'question')}).`,
    );
  }
  markdown.push(
    '',
    `${results[0]?.queries ?? 0} queries (the relevance and question suites plus typo'd, acronym, arXiv-id and nonsense variants), ` +
      `limit ${searchBenchDefaults.limit}. Cold: fresh index, first run of each query (code already JIT-compiled); ` +
      'warm: repeated. ' +
      'FTS5: title + sections, words as AND-ed prefix terms. Plain fuse.js: a linear scan over titles, ' +
      `timed on ${results.map((r) => `${count(r.fuse.queries)} queries at ${r.label}`).join(', ')}.`,
  );
  return markdown.join('\n');
}

/**
 * The search suite: for the shipped list and generated lists of 10,000 and 100,000 entries, each in
 * its own process, time parsing, index building and queries (ours, SQLite FTS5, plain fuse.js).
 *
 * @param context Where the readable tables go.
 * @returns The README block.
 */
export const runSearchBench: Suite = async ({ print }) => {
  const results: SizeResult[] = [];
  for (const [index, spec] of searchBenchDefaults.sizes.entries()) {
    print(`  ${labelOf(spec).padStart(8)}: measuring in a child process…`);
    const { value, ms: elapsed } = await timedAsync(() => measureInChild(index));
    print(`  ${labelOf(spec).padStart(8)}: done in ${duration(elapsed)}`);
    results.push(value);
  }
  return { markdown: report(results, print) };
};

async function timedAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

if (process.argv[2] === childFlag && resolve(process.argv[1] ?? '') === selfPath) {
  const spec = searchBenchDefaults.sizes[Number(process.argv[3])];
  if (!spec) throw new Error(`no size #${process.argv[3]}`);
  process.stdout.write(`${JSON.stringify(measureSize(spec))}\n`);
}
