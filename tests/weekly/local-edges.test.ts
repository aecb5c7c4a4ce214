import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedLibrary } from '../../src/library.ts';
import { createSearch } from '../../src/search/search.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { localTeam, openLocalWeekly } from '../../src/weekly/local.ts';
import { abc, listOf } from '../support/small-list.ts';

const library = fixedLibrary(createSearch(listOf(abc)));
const at = new Date('2026-12-01T10:00:00Z');

describe('the weekly service without a bot (shell, CLI)', () => {
  it('acts for the shell’s own workspace by default, on the default schedule it was given', async () => {
    expect(localTeam).toBe('T0LOCALSHELL');
    const { weekly, store } = openLocalWeekly(library, {
      dbPath: ':memory:',
      cron: '30 16 * * 5',
      timeZone: 'Europe/Paris',
    });
    try {
      expect(weekly.defaults).toEqual({ cron: '30 16 * * 5', timeZone: 'Europe/Paris' });
      // Not subscribed: the default schedule, Fridays 16:30 in Paris (15:30 UTC in December).
      expect(await weekly.nextFire('C0SHELL', at)).toEqual(new Date('2026-12-04T15:30:00Z'));
      await weekly.subscribe('C0SHELL', { cron: '0 9 * * 1', timeZone: 'UTC' }, 'U0ME', at);
      expect((await store.team(localTeam).subscription('C0SHELL'))?.cron).toBe('0 9 * * 1');
      expect(await store.team('T0OTHER').subscription('C0SHELL')).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('reads and writes the workspace it is told, in the database file it is told', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'optpaper-local-'));
    const dbPath = join(dir, 'optpaper.db');
    try {
      const opened = openLocalWeekly(library, { dbPath, cron: '0 9 * * 1', timeZone: 'UTC', team: 'T0BOT' });
      await opened.weekly.subscribe('C0READING', { cron: '0 8 * * 2', timeZone: 'UTC' }, 'U0ME', at);
      await opened.store.close();

      const store = openStore(dbPath);
      try {
        expect((await store.team('T0BOT').subscription('C0READING'))?.cron).toBe('0 8 * * 2');
        expect(await store.team(localTeam).subscription('C0READING')).toBeUndefined();
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
