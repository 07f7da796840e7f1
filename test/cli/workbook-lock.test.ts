// The CLI and the playground on one workbook file: a command that saves the workbook (checkin, build
// --workbook) takes the same lock a playground takes, so it is refused while a playground has the file open
// (naming it, exit 1, nothing done), holds the lock for its run and releases it after; export only reads.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockWorkbook } from '../../local/workbook-lock';
import { startPlayground } from '../../playground/server';
import { ROOT, runInProcess, tempFolder } from './run-cli';

const temp = tempFolder();
afterAll(temp.remove);
const workbook = join(temp.folder, 'wb.json');
const plan = join(ROOT, 'examples/plan.json');
const checkin = () =>
  runInProcess([
    'checkin',
    '--workbook',
    workbook,
    '--values',
    join(ROOT, 'examples/week5.csv'),
    '--as-of',
    '2027-01-29',
  ]);

beforeAll(async () => {
  const built = await runInProcess(['build', '--plan', plan, '--workbook', workbook]);
  expect(built.code).toBe(0);
}, 90_000);

describe('a CLI command on a workbook open in a playground', () => {
  it('is refused, naming the playground, with exit 1 and nothing done', async () => {
    const playground = await startPlayground({ port: 0, workbookPath: workbook, build: false });
    try {
      for (const run of [await checkin(), await runInProcess(['build', '--plan', plan, '--workbook', workbook])]) {
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(
          `✗ ${workbook}: is open in a playground at ${playground.url} (process ${process.pid}, started `,
        );
        expect(run.stderr).toMatch(/would overwrite what okr (checkin|build) writes: stop it first/);
      }
      // The playground's lock stays the playground's.
      expect(JSON.parse(readFileSync(`${workbook}.lock`, 'utf8'))).toMatchObject({ by: 'playground' });
      // Export only reads the workbook: it runs beside the playground.
      const exported = await runInProcess(['export', '--workbook', workbook, '--out', join(temp.folder, 'x.xlsx')]);
      expect(exported.code).toBe(0);
    } finally {
      await playground.close();
    }
    expect(existsSync(`${workbook}.lock`)).toBe(false);
  }, 60_000);
});

describe('a CLI command that saves the workbook', () => {
  it('runs once no playground holds it, and leaves no lock behind', async () => {
    const run = await checkin();
    expect(run.code).toBe(0);
    expect(existsSync(`${workbook}.lock`)).toBe(false);
  });

  it('holds the lock for its run: a playground or another command meanwhile is refused, naming it', async () => {
    const held = lockWorkbook(workbook, 'okr checkin');
    try {
      await expect(startPlayground({ port: 0, workbookPath: workbook, build: false })).rejects.toThrow(
        `is being written by okr checkin (process ${process.pid}, started `,
      );
      const second = await runInProcess(['build', '--plan', plan, '--workbook', workbook]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('is being written by okr checkin');
      expect(second.stderr).toContain('wait until it is done');
    } finally {
      held.release();
    }
    expect(existsSync(`${workbook}.lock`)).toBe(false);
  });
});
