import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { nodeArgs, repoRoot, runScript } from '../support/spawn.ts';

/** Run the CLI in-process, capturing its output. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({}, ...argv);
}

async function cliWith(
  env: Record<string, string>,
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

interface Upcoming {
  channel: string | null;
  subscribed: boolean;
  schedule: { cron: string; timeZone: string; description: string };
  upcoming: Array<{
    date: string;
    section: string;
    sectionIndex: number;
    position: number;
    total: number;
    queued: boolean;
    papers: Array<{ id: string; title: string }>;
  }>;
}

const malformed = join(repoRoot, 'tests/fixtures/catalog/malformed/input.md');

describe('the optpaper CLI, spawned as npm runs it', () => {
  it('search "sharp minima" --json answers in the documented shape, best first', async () => {
    const { code, stdout } = await runScript('src/cli.ts', ['search', 'sharp minima', '--json']);
    expect(code).toBe(0);
    const { results } = JSON.parse(stdout) as { results: Array<Record<string, unknown>> };
    expect(results).toHaveLength(5);
    expect(results[0]).toMatchObject({
      id: 'sharp-minima-can-generalize-for-deep-nets',
      title: 'Sharp Minima Can Generalize For Deep Nets',
      sections: ['Poor Local Minima? and Sharp Minima'],
      links: [{ label: 'Link', url: 'https://arxiv.org/pdf/1703.04933.pdf', kind: 'paper' }],
      arxivId: '1703.04933',
      year: 2017,
    });
    expect(typeof results[0]?.score).toBe('number');
  });

  it('list --json gives every section and its papers in list order', async () => {
    const { code, stdout } = await runScript('src/cli.ts', ['list', '--json']);
    expect(code).toBe(0);
    const { sections } = JSON.parse(stdout) as {
      sections: Array<{
        name: string;
        papers: Array<{ id: string; title: string; links: Array<{ label: string; url: string }> }>;
      }>;
    };
    expect(sections.map((section) => section.name)).toHaveLength(14);
    expect(sections[0]?.name).toBe('Popular Optimization algorithms');
    expect(sections[0]?.papers.map((paper) => paper.title)).toEqual([
      'SGD',
      'Momentum',
      'RMSProp',
      'AdaGrad',
      'ADAM',
      'AdaBound',
      'ADAMAX',
      'NADAM',
    ]);
    expect(sections[0]?.papers[4]?.links).toEqual([
      { label: 'Link', url: 'https://arxiv.org/abs/1412.6980', kind: 'paper' },
    ]);
    // A paper in two sections is listed under both.
    const exact = 'exact-solutions-to-the-nonlinear-dynamics-of-learning-in-deep-linear-neural';
    expect(
      sections.filter((section) => section.papers.some((paper) => paper.id === exact)).map((s) => s.name),
    ).toEqual([
      'On Loss Surfaces and Generalization of Deep Neural Networks',
      'Degeneracy of Neural Networks',
    ]);
    expect(sections.reduce((sum, section) => sum + section.papers.length, 0)).toBe(116);
  });
});

describe('the optpaper CLI', () => {
  it('search without --json prints the papers for a person', async () => {
    const { code, stdout } = await cli('search', 'loss', 'landscape', 'visualization', '--limit', '1');
    expect(code).toBe(0);
    expect(stdout).toContain('1. Visualizing the Loss Landscape of Neural Nets');
    expect(stdout).toContain(
      'https://papers.nips.cc/paper/7875-visualizing-the-loss-landscape-of-neural-nets.pdf',
    );
  });

  it('search for nonsense returns an empty result list', async () => {
    expect(JSON.parse((await cli('search', 'zzqxv', '--json')).stdout)).toEqual({
      query: 'zzqxv',
      results: [],
    });
    expect((await cli('search', 'banana bread recipe')).stdout).toMatch(
      /^No papers match "banana bread recipe"\./,
    );
  });

  it('search --limit caps the results', async () => {
    const { results } = JSON.parse((await cli('search', 'curriculum', '--json', '--limit', '2')).stdout) as {
      results: unknown[];
    };
    expect(results).toHaveLength(2);
  });

  it('check on the shipped list reports the three broken links and the mojibake with their lines, exit 0', async () => {
    const { code, stdout } = await cli('check');
    expect(code).toBe(0);
    const warnings = stdout.split('\n').filter((line) => line.includes(': warning: '));
    expect(warnings.map((line) => line.replace(/: warning: .*\[(.+)\]$/, ' $1'))).toEqual([
      'data/optimization-papers.md:27 broken-link',
      'data/optimization-papers.md:33 mojibake',
      'data/optimization-papers.md:48 broken-link',
      'data/optimization-papers.md:89 broken-link',
    ]);
    expect(stdout).toContain('14 sections, 116 entries, 114 papers; 0 errors, 4 warnings');
  });

  it('check exits 1 on a list with unreadable items, naming their lines', async () => {
    const { code, stdout } = await cli('check', malformed);
    expect(code).toBe(1);
    expect(stdout).toMatch(/input\.md:12: error: item has no link: "A paper without any link"/);
    expect(stdout).toMatch(/input\.md:13: error: item has links but no title/);
  });

  it('check --strict fails on warnings; check --json gives counts and diagnostics', async () => {
    expect((await cli('check', '--strict')).code).toBe(1);
    const report = JSON.parse((await cli('check', '--json')).stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      ok: true,
      sections: 14,
      entries: 116,
      papers: 114,
      errors: 0,
      warnings: 4,
    });
  });

  it.each([
    [[], 'a command is needed'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['search'], 'search needs a query'],
    [['search', 'x', '--limit', 'many'], '--limit must be a whole number from 1 to 50'],
    [['list', '--colour'], 'unknown option --colour (list takes --json, --list and --help)'],
    [['search', 'x', '--jsn'], 'unknown option --jsn: did you mean --json?'],
    [['search', 'x', '--json', '--limt', '3'], 'unknown option --limt: did you mean --limit?'],
    [['list', '--jsn'], 'unknown option --jsn: did you mean --json?'],
    [['check', '--strcit'], 'unknown option --strcit: did you mean --strict?'],
    [['upcoming', '3', '--chanel', 'C1'], 'unknown option --chanel: did you mean --channel?'],
    [['upcoming', '3', '--tema', 'T1'], 'unknown option --tema: did you mean --team?'],
    [['purge-workspace', 'T1', '--yse'], 'unknown option --yse: did you mean --yes?'],
    [['backup', 'x.db', '--jsn'], 'unknown option --jsn (backup takes only --help)'],
    [['search', 'x', '--sectoin', 'adam'], 'unknown option --sectoin: did you mean --section?'],
    [['serach', 'x'], 'unknown command "serach": did you mean "search"?'],
    [['list', '--limit', '3'], 'list does not take --limit, an option of search'],
    [['upcoming', '2', '--section', 'x'], 'upcoming does not take --section, an option of search'],
    [['search', 'x', '--list'], '--list needs a value, for example: --list papers.md'],
    [['list', '--json=yes'], '--json takes no value'],
    [['upcoming', '-1'], 'upcoming takes a number of papers of the week from 1 to 520'],
    [['upcoming', '0'], 'upcoming takes a number of papers of the week from 1 to 520'],
    [['search', 'x', '--limit', '-1'], '--limit must be a whole number from 1 to 50'],
    [['list', 'extra'], 'list takes no arguments'],
  ])('bad arguments %j print usage and exit 2', async (argv, message) => {
    const { code, stderr, stdout } = await cli(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: optpaper <command>');
    // Node's own hint, with its quote left open: '-- "--jsn"
    expect(stderr).not.toContain('To specify a positional argument');
    expect(stdout).toBe('');
  });

  it('upcoming N --json gives the next picks of a channel with their dates, from the database', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'state.db');
    const root = openStore(dbPath);
    const store = root.team('T0TEAM');
    await store.subscribe({
      channel: 'C0FRIDAY',
      cron: '30 16 * * 5',
      timeZone: 'Europe/Paris',
      createdBy: 'U0ALICE',
      at: new Date(),
    });
    await store.enqueue('C0FRIDAY', 'sharp-minima-can-generalize-for-deep-nets', {
      by: 'U0ALICE',
      at: new Date(),
    });
    await root.close();

    const fresh = JSON.parse(
      (await cliWith({ OPTPAPER_DB: dbPath }, 'upcoming', '3', '--json')).stdout,
    ) as Upcoming;
    expect(fresh.channel).toBeNull();
    expect(fresh.schedule).toEqual({
      cron: '0 9 * * 1',
      timeZone: 'UTC',
      description: 'every Monday at 09:00 (UTC)',
    });
    expect(fresh.upcoming.map((pick) => pick.papers.map((paper) => paper.title).join(' · '))).toEqual([
      'SGD · Momentum · RMSProp · Optimization',
      'BatchNorm',
      'Convex Neural Networks',
    ]);
    const dates = fresh.upcoming.map((pick) => new Date(pick.date));
    for (const date of dates)
      expect([date.getUTCDay(), date.getUTCHours(), date.getUTCMinutes()]).toEqual([1, 9, 0]);
    expect((dates[1]?.getTime() ?? 0) - (dates[0]?.getTime() ?? 0)).toBe(7 * 86_400_000);
    expect((dates[0]?.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);

    const friday = JSON.parse(
      (await cliWith({ OPTPAPER_DB: dbPath }, 'upcoming', '2', '--json', '--channel', 'C0FRIDAY')).stdout,
    ) as Upcoming;
    expect(friday).toMatchObject({
      // The workspace the channel is subscribed in, found without --team.
      team: 'T0TEAM',
      channel: 'C0FRIDAY',
      subscribed: true,
      schedule: { description: 'every Friday at 16:30 (Europe/Paris)' },
    });
    expect(friday.upcoming[0]).toMatchObject({
      queued: true,
      section: 'Poor Local Minima? and Sharp Minima',
      sectionIndex: 7,
      position: 1,
      total: 110,
    });
    expect(friday.upcoming[0]?.papers[0]?.id).toBe('sharp-minima-can-generalize-for-deep-nets');
    expect(new Date(friday.upcoming[0]?.date ?? '').getUTCDay()).toBe(5);
  });

  it('upcoming without a number is a usage error', async () => {
    expect((await cli('upcoming')).code).toBe(2);
    expect((await cli('upcoming', 'many')).stderr).toContain(
      'upcoming takes a number of papers of the week from 1 to 520',
    );
  });

  it('check exits 1 on a file with no papers, saying what a list needs', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'empty.md');
    writeFileSync(empty, 'Just prose, no list.\n');
    const { code, stdout } = await cli('check', empty);
    expect(code).toBe(1);
    expect(stdout).toContain(`${empty}:1: error: no papers found: a paper is a list item with a link`);
    expect(stdout).toContain('0 sections, 0 entries, 0 papers; 1 error, 0 warnings, 0 notes');
  });

  it('check reads prose bullets of an introduction as notes and paper-like lines it could not read as errors, with their lines', async () => {
    const file = join(repoRoot, 'tests/fixtures/catalog/prose-and-unreadable/input.md');
    const { code, stdout } = await cliWith({ INIT_CWD: repoRoot }, 'check', file);
    expect(code).toBe(1);
    const shown = 'tests/fixtures/catalog/prose-and-unreadable/input.md';
    expect(
      stdout.split('\n').filter((line) => /: (error|note): .*\[(unreadable-item|not-a-paper)\]$/.test(line)),
    ).toEqual([
      `${shown}:5: note: item without a link is read as prose: "collects papers on sharp and flat minima" [not-a-paper]`,
      `${shown}:6: note: item without a link is read as prose: "is maintained by the reading group" [not-a-paper]`,
      `${shown}:7: note: item without a link is read as prose: "welcomes pull requests" [not-a-paper]`,
      `${shown}:12: error: item has no link: "Flat Minima (1997), S. Hochreiter and J. Schmidhuber" [unreadable-item]`,
      `${shown}:20: error: row has no link: "Fantastic Generalization Measures and Where to Find Them | 2019" [unreadable-item]`,
      `${shown}:26: error: paragraph has no link: "[4] Chaudhari, Pratik, et al. "Entropy-SGD." (2017)." [unreadable-item]`,
    ]);
    expect(stdout).toContain(`${shown}: 3 sections, 4 entries, 3 papers; 3 errors, 0 warnings, 4 notes`);
  });

  it('check passes a valid list whose introduction has prose bullets', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'intro.md');
    writeFileSync(
      file,
      '# Reading list\n\nThis list:\n\n- is curated by hand\n- welcomes pull requests\n\n## Papers\n\n- [Adam](https://arxiv.org/abs/1412.6980)\n',
    );
    const { code, stdout } = await cli('check', file);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `${file}:5: note: item without a link is read as prose: "is curated by hand" [not-a-paper]`,
    );
    expect(stdout).toContain('1 sections, 1 entries, 1 papers; 0 errors, 0 warnings, 2 notes');
  });

  it('check fails a list where most paper-like lines were not read, saying so on line 1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'mostly.md');
    writeFileSync(
      file,
      [
        '## Papers',
        '- [Adam](https://arxiv.org/abs/1412.6980)',
        '- Flat Minima (1997), Hochreiter and Schmidhuber',
        '- Dropout (2014), Srivastava et al.',
        '- Batch Normalization (2015), Ioffe and Szegedy',
        '',
      ].join('\n'),
    );
    const { code, stdout } = await cli('check', file);
    expect(code).toBe(1);
    expect(stdout.split('\n')[0]).toBe(
      `${file}:1: error: 3 of 4 items, rows and paragraphs that look like papers could not be read: see the errors below [mostly-unread]`,
    );
    expect(stdout).toContain(
      `${file}:5: error: item has no link: "Batch Normalization (2015), Ioffe and Szegedy"`,
    );
  });

  it('check reports nesting too deep to read as it stands, with its line, and reads the rest', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'deep.md');
    writeFileSync(
      file,
      `## Deep\n${'- '.repeat(10_000)}[Deep](https://example.org/deep)\n- [Adam](https://arxiv.org/abs/1412.6980)\n`,
    );
    const { code, stdout } = await cli('check', file);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `${file}:2: warning: more than 32 nested list or quote markers: the rest dropped (line 2) [too-deep]`,
    );
    expect(stdout).toContain('1 sections, 2 entries, 2 papers; 0 errors, 1 warning, 0 notes');
  });

  it('search on a list with no papers says so and exits 1, instead of answering "no match"', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'prose.md');
    writeFileSync(file, '# Notes\n\nJust prose, no papers.\n');
    for (const json of [[], ['--json']]) {
      const { code, stdout, stderr } = await cli('search', 'adam', '--list', file, ...json);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe('optpaper: the paper list has no papers to search; `optpaper check` says why\n');
    }
  });

  it('OPTPAPER_LIST and FILE arguments are read from where npm was started (INIT_CWD), not the package root', async () => {
    const tests = join(repoRoot, 'tests');
    const viaEnv = await cliWith(
      { OPTPAPER_LIST: '../data/optimization-papers.md', INIT_CWD: tests },
      'check',
    );
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.stdout).toContain(
      `${join(repoRoot, 'data/optimization-papers.md')}: 14 sections, 116 entries, 114 papers`,
    );
    const viaFile = await cliWith({ INIT_CWD: tests }, 'check', 'fixtures/catalog/malformed/input.md');
    expect(viaFile.stdout).toMatch(/^fixtures\/catalog\/malformed\/input\.md:12: error: item has no link/m);
  });

  it('a blank OPTPAPER_LIST means the shipped list', async () => {
    const { code, stdout } = await cliWith({ OPTPAPER_LIST: '  ' }, 'list');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('1. Popular Optimization algorithms (8)');
  });

  it('list piped into a reader that stops early (| head) exits 0 without a stack trace', async () => {
    const piped = spawnSync(
      'bash',
      ['-c', `set -o pipefail; '${process.execPath}' ${nodeArgs('src/cli.ts').join(' ')} list | head -n 1`],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(piped.stdout).toBe('1. Popular Optimization algorithms (8)\n');
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
  });

  it('a missing list file is one clear line and exit 1', async () => {
    const { code, stderr } = await cli('list', '--list', '/nonexistent/list.md');
    expect(code).toBe(1);
    expect(stderr).toBe('optpaper: cannot read the paper list /nonexistent/list.md: no such file\n');
  });

  it('check FILE says in words what is wrong with the file: missing, or a folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'optpaper-'));
    const missing = await cli('check', join(folder, 'papers.md'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `optpaper: cannot read the paper list ${join(folder, 'papers.md')}: no such file\n`,
    );
    const directory = await cli('check', folder);
    expect(directory.code).toBe(1);
    expect(directory.stderr).toBe(
      `optpaper: cannot read the paper list ${folder}: it is a folder, not a file\n`,
    );
  });
});

describe('the first hour with the CLI (issue 13)', () => {
  it('a mistyped option, spawned as npm runs it, says which option was meant and exits 2', async () => {
    const typo = await runScript('src/cli.ts', ['search', 'x', '--jsn']);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr.split('\n')[0]).toBe(
      'optpaper: unknown option --jsn: did you mean --json? (search takes --json, --limit, --section, --list and --help)',
    );
    const negative = await runScript('src/cli.ts', ['upcoming', '-1']);
    expect(negative.code).toBe(2);
    expect(negative.stderr.split('\n')[0]).toBe(
      'optpaper: upcoming takes a number of papers of the week from 1 to 520 (ten years), for example: upcoming 4',
    );
  });

  it('upcoming with no database file yet creates none, and answers from the default schedule', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'optpaper-'));
    const dbPath = join(folder, 'state', 'optpaper.db');
    const { code, stdout, stderr } = await runScript('src/cli.ts', ['upcoming', '2'], {
      env: { OPTPAPER_DB: dbPath },
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'Next 2 papers of the week for a new channel, every Monday at 09:00 (UTC):',
    );
    expect(existsSync(join(folder, 'state'))).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('upcoming opens an existing database read-only: the file, its size and its time stay as they were', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'optpaper-'));
    const dbPath = join(folder, 'optpaper.db');
    const bot = openStore(dbPath);
    await bot.team('T0TEAM').subscribe({
      channel: 'C0FRIDAY',
      cron: '30 16 * * 5',
      timeZone: 'Europe/Paris',
      createdBy: 'U0ALICE',
      at: new Date(),
    });
    await bot.close();
    const before = statSync(dbPath);
    const files = readdirSync(folder);
    const { code, stdout } = await runScript('src/cli.ts', ['upcoming', '1', '--channel', 'C0FRIDAY'], {
      env: { OPTPAPER_DB: dbPath },
    });
    expect(code).toBe(0);
    // Read: the channel's own schedule.
    expect(stdout.split('\n')[0]).toBe(
      'Next paper of the week for C0FRIDAY, every Friday at 16:30 (Europe/Paris):',
    );
    const after = statSync(dbPath);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    // Not even SQLite's -wal and -shm, which would belong to whoever ran the command.
    expect(readdirSync(folder)).toEqual(files);

    // While the bot has it open, its latest writes (still in the WAL) are seen, and nothing is written.
    const live = openStore(dbPath);
    try {
      await live.team('T0TEAM').enqueue('C0FRIDAY', 'batchnorm', { by: 'U0ALICE', at: new Date() });
      const open = statSync(dbPath);
      const json = await runScript('src/cli.ts', ['upcoming', '1', '--channel', 'C0FRIDAY', '--json'], {
        env: { OPTPAPER_DB: dbPath },
      });
      expect(json.code).toBe(0);
      const read = JSON.parse(json.stdout) as Upcoming;
      expect(read.upcoming[0]?.papers[0]?.id).toBe('batchnorm');
      expect(statSync(dbPath).mtimeMs).toBe(open.mtimeMs);
    } finally {
      await live.close();
    }
  });

  it('list and upcoming on a list with no papers exit 1 with one line, as search and check do', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'optpaper-')), 'prose.md');
    writeFileSync(file, '# Notes\n\nJust prose, no papers.\n');
    const env = { OPTPAPER_LIST: file, OPTPAPER_DB: join(tmpdir(), 'optpaper-never-created.db') };
    const search = await runScript('src/cli.ts', ['search', 'adam'], { env });
    expect([search.code, search.stderr]).toEqual([
      1,
      'optpaper: the paper list has no papers to search; `optpaper check` says why\n',
    ]);
    for (const argv of [['list'], ['list', '--json']]) {
      const { code, stdout, stderr } = await cliWith(env, ...argv);
      expect([code, stdout, stderr]).toEqual([
        1,
        '',
        'optpaper: the paper list has no papers to list; `optpaper check` says why\n',
      ]);
    }
    const upcoming = await cliWith(env, 'upcoming', '2');
    expect([upcoming.code, upcoming.stdout, upcoming.stderr]).toEqual([
      1,
      '',
      'optpaper: the paper list has no papers to post as papers of the week; `optpaper check` says why\n',
    ]);
    expect(existsSync(env.OPTPAPER_DB)).toBe(false);
    // A nonsense query on a good list is an answer: exit 0.
    expect((await cli('search', 'zzqxv')).code).toBe(0);
  });
});

describe('optpaper backup', () => {
  it('writes a consistent copy of the database, spawned as npm runs it, and says how to restore', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'optpaper-'));
    const dbPath = join(folder, 'state.db');
    const live = openStore(dbPath);
    await live.team('T0TEAM').subscribe({
      channel: 'C0FRIDAY',
      cron: '30 16 * * 5',
      timeZone: 'Europe/Paris',
      createdBy: 'U0ALICE',
      at: new Date(),
    });
    await live.team('T0TEAM').enqueue('C0FRIDAY', 'batchnorm', { by: 'U0ALICE', at: new Date() });
    // The bot keeps the database open while the backup runs.
    try {
      const { code, stdout, stderr } = await runScript('src/cli.ts', ['backup', join(folder, 'copy.db')], {
        env: { OPTPAPER_DB: dbPath },
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain(`Backed up ${dbPath} to ${join(folder, 'copy.db')}. To restore: stop the bot`);
    } finally {
      await live.close();
    }
    const copy = openStore(join(folder, 'copy.db'));
    try {
      expect((await copy.team('T0TEAM').subscription('C0FRIDAY'))?.timeZone).toBe('Europe/Paris');
      expect((await copy.team('T0TEAM').history('C0FRIDAY')).queued).toEqual(['batchnorm']);
    } finally {
      await copy.close();
    }
    // Never over an existing file.
    const again = await cliWith({ OPTPAPER_DB: dbPath }, 'backup', join(folder, 'copy.db'));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('copy.db already exists: backup writes a new file');
  });

  it('says in words why the backup cannot be written, or the database read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'optpaper-'));
    const dbPath = join(folder, 'state.db');
    await openStore(dbPath).close();
    writeFileSync(join(folder, 'afile'), '');
    const backup = (to: string, db = dbPath) => cliWith({ OPTPAPER_DB: db }, 'backup', to);
    expect((await backup(join(folder, 'missing', 'copy.db'))).stderr).toBe(
      `optpaper: cannot write the backup ${join(folder, 'missing', 'copy.db')}: the folder ${join(folder, 'missing')} does not exist\n`,
    );
    const underFile = await backup(join(folder, 'afile', 'copy.db'));
    expect(underFile.code).toBe(1);
    expect(underFile.stderr).toBe(
      `optpaper: cannot write the backup ${join(folder, 'afile', 'copy.db')}: ${join(folder, 'afile')} is a file, where a folder is needed\n`,
    );
    const intoFolder = await backup(folder);
    expect(intoFolder.code).toBe(2);
    expect(intoFolder.stderr.split('\n')[0]).toBe(
      `optpaper: ${folder} is a folder: give the backup a file name, such as ${join(folder, 'optpaper-backup.db')}`,
    );
    const fromFolder = await backup(join(folder, 'copy.db'), folder);
    expect(fromFolder.code).toBe(1);
    expect(fromFolder.stderr).toBe(
      `optpaper: cannot open the database ${folder} (OPTPAPER_DB): it is a folder, not a file\n`,
    );
  });

  it('says to use pg_dump when the database is PostgreSQL', async () => {
    const { code, stderr } = await cliWith(
      { DATABASE_URL: 'postgres://bot:secret@db.example:5432/optpaper' },
      'backup',
      'x.db',
    );
    expect(code).toBe(1);
    expect(stderr).toContain('back it up with pg_dump');
    expect(stderr).not.toContain('secret');
  });
});
