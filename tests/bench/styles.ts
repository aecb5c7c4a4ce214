import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readEntries } from '../../src/catalog/entries.ts';
import { identify } from '../../src/catalog/identity.ts';
import { defaultListPath } from '../../src/catalog/load.ts';
import { definitionsOf, parseMarkdown } from '../../src/catalog/markdown.ts';
import { limitNesting } from '../../src/catalog/nesting.ts';
import { parseCatalog } from '../../src/catalog/parse.ts';
import { collectSections } from '../../src/catalog/sections.ts';
import type { Diagnostic } from '../../src/catalog/types.ts';
import { createSearch } from '../../src/search/search.ts';
import { count, duration, markdownTable, mebibytes, textTable } from './format.ts';
import { generateStyledList, type ListStyle, listStyles } from './generate-list.ts';
import { peakRssMiB } from './stats.ts';
import type { Suite } from './suite.ts';

/** One list to measure: the shipped one, or a generated one of a style and size. */
interface StyleSpec {
  style: ListStyle;
  /** `shipped` is data/optimization-papers.md (bullets); a number is a generated list of that many papers. */
  entries: 'shipped' | number;
}

/** The lists the suite measures, each in a process of its own. */
export const stylesBenchDefaults = Object.freeze({
  specs: Object.freeze<StyleSpec[]>([
    { style: 'bullets', entries: 'shipped' },
    ...listStyles.flatMap((style) => [
      { style, entries: 10_000 },
      { style, entries: 100_000 },
    ]),
  ]),
  seed: 1,
  /** Heap for a child: remark holds a 100,000-entry list in one piece in a few GiB. */
  childHeapMiB: 12 * 1024,
  childTimeoutMs: 15 * 60 * 1000,
});

/** What one list costs, in milliseconds of CPU time unless said otherwise. */
interface StyleResult {
  label: string;
  style: ListStyle;
  characters: number;
  entries: number;
  papers: number;
  errors: number;
  /** `unified().use(remarkParse).parse()` of the whole text in one piece: the floor. */
  bareMs: number;
  /** The same with remark-gfm, which the parser uses (tables, autolinks). */
  bareGfmMs: number;
  parseMs: number;
  /** The same parse in wall time, which moves with whatever else the machine runs. */
  parseWallMs: number;
  /** `parseCatalog` stage by stage. */
  stages: { nesting: number; markdown: number; sections: number; entries: number; identity: number };
  indexMs: number;
  peakRssMiB: number;
}

function labelOf(spec: StyleSpec): string {
  return spec.entries === 'shipped' ? 'shipped list' : `${spec.style}, ${count(spec.entries)}`;
}

/** Measure one list in this process. */
function measure(spec: StyleSpec): StyleResult {
  const markdown =
    spec.entries === 'shipped'
      ? readFileSync(defaultListPath, 'utf8')
      : generateStyledList(spec.entries, spec.style, stylesBenchDefaults.seed);
  // Warm the JIT on a small list of the same style, so that the first figure is not the compiler's.
  const warmUp = generateStyledList(200, spec.style, 2);
  unified().use(remarkParse).parse(warmUp);
  unified().use(remarkParse).use(remarkGfm).parse(warmUp);
  parseCatalog(warmUp);
  const repeats = spec.entries === 'shipped' ? 5 : spec.entries <= 10_000 ? 2 : 1;
  const bare = fastest(repeats, () => unified().use(remarkParse).parse(markdown));
  const bareGfm = fastest(repeats, () => unified().use(remarkParse).use(remarkGfm).parse(markdown));
  const parsed = fastest(repeats, () => parseCatalog(markdown));
  // The same stages as parseCatalog, one at a time, to see where the time goes.
  const diagnostics: Diagnostic[] = [];
  const nesting = cpuTimed(() => limitNesting(markdown, diagnostics));
  const tree = cpuTimed(() => parseMarkdown(nesting.value));
  const sections = cpuTimed(() => collectSections(tree.value, diagnostics));
  const context = {
    diagnostics,
    definitions: definitionsOf(tree.value),
    sectionLines: new Map<string, number>(),
  };
  const entries = cpuTimed(() => sections.value.flatMap((section) => readEntries(section, context)));
  const identity = cpuTimed(() => identify(context.sectionLines, entries.value, diagnostics));
  const index = cpuTimed(() => createSearch(parsed.value));
  return {
    label: labelOf(spec),
    style: spec.style,
    characters: markdown.length,
    entries: parsed.value.entries.length,
    papers: parsed.value.papers.length,
    errors: parsed.value.diagnostics.filter((d) => d.severity === 'error').length,
    bareMs: bare.ms,
    bareGfmMs: bareGfm.ms,
    parseMs: parsed.ms,
    parseWallMs: parsed.wallMs,
    stages: {
      nesting: nesting.ms,
      markdown: tree.ms,
      sections: sections.ms,
      entries: entries.ms,
      identity: identity.ms,
    },
    indexMs: index.ms,
    peakRssMiB: peakRssMiB(),
  };
}

/**
 * Run a function and measure the CPU time this process spent on it (user + system, GC threads included),
 * and the wall time. The machines are shared: waiting for a core shows in the wall time, not in the CPU time.
 */
function cpuTimed<T>(run: () => T): { value: T; ms: number; wallMs: number } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, ms: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}

/** The least CPU time of a few runs, with its result. */
function fastest<T>(repeats: number, run: () => T): { value: T; ms: number; wallMs: number } {
  let best = cpuTimed(run);
  for (let attempt = 1; attempt < repeats; attempt++) {
    const next = cpuTimed(run);
    if (next.ms < best.ms) best = next;
  }
  return best;
}

const selfPath = fileURLToPath(import.meta.url);
const childFlag = '--measure-style';

function measureInChild(index: number): Promise<StyleResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${stylesBenchDefaults.childHeapMiB}`,
        '--import',
        import.meta.resolve('tsx'),
        selfPath,
        childFlag,
        String(index),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], timeout: stylesBenchDefaults.childTimeoutMs },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) {
        fail(
          new Error(`the measuring process for list #${index} ended with ${signal ?? `exit code ${code}`}`),
        );
        return;
      }
      try {
        done(JSON.parse(line) as StyleResult);
      } catch {
        fail(new Error(`the measuring process for list #${index} printed no result: ${line.slice(0, 200)}`));
      }
    });
  });
}

function report(results: readonly StyleResult[], print: (text: string) => void): string {
  const headers = [
    'List',
    'Size',
    'Papers',
    'Errors',
    'remark alone',
    'remark + gfm',
    'parseCatalog',
    'ratio to remark + gfm',
    'parseCatalog, wall',
    'of which nesting / markdown / sections / entries / identity',
    'Build index',
    'Peak RSS',
  ];
  const rows = results.map((result) => [
    result.label,
    `${(result.characters / 1024 / 1024).toFixed(2)} MB`,
    count(result.papers),
    count(result.errors),
    duration(result.bareMs),
    duration(result.bareGfmMs),
    duration(result.parseMs),
    `${(result.parseMs / result.bareGfmMs).toFixed(2)}×`,
    duration(result.parseWallMs),
    [
      result.stages.nesting,
      result.stages.markdown,
      result.stages.sections,
      result.stages.entries,
      result.stages.identity,
    ]
      .map(duration)
      .join(' / '),
    duration(result.indexMs),
    mebibytes(result.peakRssMiB),
  ]);
  print(textTable(headers, rows));
  return markdownTable(headers, rows);
}

/**
 * The styles suite: the shipped list, and generated lists of 10,000 and 100,000 papers in each style
 * (bullets, table, paragraphs, text around the title), each in its own process: `parseCatalog` beside
 * bare remark (with and without remark-gfm) on the same text, its stages, and the search index build, in
 * CPU time (the machines are shared), with the parse's wall time beside it.
 *
 * @param context Where the readable table goes.
 * @returns The README block.
 */
export const runStylesBench: Suite = async ({ print }) => {
  const results: StyleResult[] = [];
  for (const [index, spec] of stylesBenchDefaults.specs.entries()) {
    const start = performance.now();
    results.push(await measureInChild(index));
    print(`  ${labelOf(spec).padStart(30)}: measured in ${duration(performance.now() - start)}`);
  }
  return { markdown: report(results, print) };
};

if (process.argv[2] === childFlag && resolve(process.argv[1] ?? '') === selfPath) {
  const spec = stylesBenchDefaults.specs[Number(process.argv[3])];
  if (!spec) throw new Error(`no list #${process.argv[3]}`);
  process.stdout.write(`${JSON.stringify(measure(spec))}\n`);
}
