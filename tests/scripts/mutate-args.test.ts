import { describe, expect, it } from 'vitest';
import { expandBraces, readMutateArgs } from '../../scripts/mutate-args.js';

describe('npm run mutate’s command line', () => {
  it('expands brace groups, which would otherwise split Stryker’s comma-separated --mutate', () => {
    expect(expandBraces('src/weekly/{dates,cron}.ts')).toEqual(['src/weekly/dates.ts', 'src/weekly/cron.ts']);
    expect(expandBraces('src/{search,weekly}/{a,b}.ts')).toEqual([
      'src/search/a.ts',
      'src/search/b.ts',
      'src/weekly/a.ts',
      'src/weekly/b.ts',
    ]);
    expect(expandBraces('src/x.ts:10-20')).toEqual(['src/x.ts:10-20']);
    expect(expandBraces('src/{x}.ts')).toEqual(['src/{x}.ts']);
  });

  it('tells files, test files and Stryker’s options apart', () => {
    expect(
      readMutateArgs([
        'src/weekly/{dates,cron}.ts',
        '--concurrency',
        '1',
        '--testFiles',
        'tests/a.test.ts,tests/b.test.ts',
        'parts.ts',
        '-t=tests/c.test.ts',
        '--testFiles=',
      ]),
    ).toEqual({
      files: ['src/weekly/dates.ts', 'src/weekly/cron.ts', 'parts.ts'],
      tests: ['tests/a.test.ts', 'tests/b.test.ts', 'tests/c.test.ts'],
      options: ['--concurrency', '1'],
    });
    expect(readMutateArgs([])).toEqual({ files: [], tests: [], options: [] });
    expect(readMutateArgs(['-t'])).toEqual({ files: [], tests: [], options: [] });
  });
});
