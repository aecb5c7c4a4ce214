import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';

/** Run the CLI in-process, capturing its output. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  return { code, stdout, stderr };
}

interface SearchJson {
  query: string;
  sections?: string[];
  years?: number[];
  parts?: string[];
  unmatched?: string[];
  results: Array<{ id: string; score: number; matched?: string[] }>;
}

describe('optpaper search with questions', () => {
  it('--json gives each result the parts it matched', async () => {
    const { code, stdout } = await cli('search', 'adam vs rmsprop', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as SearchJson;
    expect(json.parts).toEqual(['adam', 'rmsprop']);
    expect(json.results.map(({ id, matched }) => [id, matched])).toEqual([
      ['adam', ['adam']],
      ['rmsprop', ['rmsprop']],
      ['adamax', ['adam']],
    ]);
  });

  it('--section filters like section:<name> in the query, and the JSON says which sections', async () => {
    const option = JSON.parse(
      (await cli('search', 'warm', '--section', 'curriculum', '--json')).stdout,
    ) as SearchJson;
    const inQuery = JSON.parse(
      (await cli('search', 'section:curriculum warm', '--json')).stdout,
    ) as SearchJson;
    expect(option.sections).toEqual([
      'Continuation Methods and Curriculum Learning',
      'Multi-Task Learning with curricula',
      'Reinforcement Learning and Curriculum',
    ]);
    expect(option.results[0]?.id).toBe('hashnet-deep-learning-to-hash-by-continuation');
    expect(option.results.map((result) => result.id)).toEqual(inQuery.results.map((result) => result.id));
  });

  it('--section alone lists the section; an unknown one says so; an empty one is a usage error', async () => {
    const { stdout } = await cli('search', '--section', '12');
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'Papers in Constrained Optimization for Deep Learning: 1, in list order',
      '1. A Primal-Dual Formulation for Deep Learning with Constraints',
    ]);
    expect((await cli('search', 'adam', '--section', 'zzqxv')).stdout).toBe(
      'No section matches "zzqxv". Closest: ADAM; ADAMAX.\n',
    );
    expect((await cli('search', 'adam', '--section', ' ')).code).toBe(2);
  });

  it('prints, for a person, which part each paper matched', async () => {
    const { stdout } = await cli('search', 'sgd momentum', '--limit', '2');
    expect(stdout).toBe(
      [
        'Top 2 for “sgd momentum” · no paper matches “sgd” and “momentum” together: the best for each',
        '1. SGD',
        '   Book: https://www.deeplearningbook.org/contents/optimization.html',
        '   Popular Optimization algorithms · score 0.5',
        '   matches “sgd”',
        '2. Momentum',
        '   Book: https://www.deeplearningbook.org/contents/optimization.html',
        '   Popular Optimization algorithms · score 0.5',
        '   matches “momentum”',
        '',
      ].join('\n'),
    );
  });

  it('a year no paper of the list is known to be from: the undated papers, said so', async () => {
    const { stdout } = await cli('search', 'weight norm 2016', '--limit', '1');
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'Best match for “weight norm 2016” · no paper from 2016 matches; the list shows no year for these',
      '1. Weight Norm',
    ]);
  });

  it('a year is a filter; invisible characters never reach the output', async () => {
    const json = JSON.parse(
      (await cli('search', 'sharp\u200b minima 2017\u202e', '--json')).stdout,
    ) as SearchJson;
    expect(json.query).toBe('sharp minima 2017');
    expect(json.years).toEqual([2017]);
    expect(json.results.map((result) => result.id)).toEqual(['sharp-minima-can-generalize-for-deep-nets']);
  });
});
