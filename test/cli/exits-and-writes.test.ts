// The CLI's exits and writes are honest: an existing --out is replaced only with --force; `build` writes the
// .xlsx and the workbook together or neither; `export --as-of` shows the statuses of that day's check-in;
// an --as-of long after the quarter is refused with the quarter's dates; a plan's problems come all at once,
// numbers written as text included; JSON mistakes have a line and a column; no stack reaches the terminal.

import { copyFileSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure } from '../../cli/io';
import { buildWeek5Workbook, ROOT, runCli, runInProcess, tempFolder } from './run-cli';

const temp = tempFolder();
afterAll(temp.remove);
const plan = () => JSON.parse(readFileSync(join(ROOT, 'examples/plan.json'), 'utf8'));
const workbook = join(temp.folder, 'wb.json');

beforeAll(async () => {
  const { built, recorded } = await buildWeek5Workbook(workbook);
  expect(built.code).toBe(0);
  expect(recorded.code).toBe(0);
}, 90_000);

/** The status and id of each key result line a command printed: `🟢 O1.1`. */
function statuses(stdout: string): string[] {
  return [...stdout.matchAll(/([🟢🟡🔴⚪]) (O\d\.\d) +score/gu)].map((match) => `${match[1]} ${match[2]}`);
}

describe('--out and --force', () => {
  it('refuses an existing .xlsx without --force and replaces it with', async () => {
    const out = join(temp.folder, 'taken.xlsx');
    writeFileSync(out, 'mine');
    const refused = await runInProcess(['export', '--workbook', workbook, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('taken.xlsx already exists: give another name, or add --force to replace it');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    const build = await runInProcess(['build', '--plan', join(ROOT, 'examples/plan.json'), '--out', out]);
    expect(build.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    const forced = await runInProcess(['export', '--workbook', workbook, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('build --out --workbook', () => {
  it('writes neither file when the workbook cannot be saved, and says why without a stack', async () => {
    // A link to a folder that is gone: the workbook reads as new, but its folder cannot be made (EEXIST).
    const blocker = join(temp.folder, 'gone');
    symlinkSync(join(temp.folder, 'no-such-folder'), blocker);
    const out = join(temp.folder, 'pair.xlsx');
    const run = await runCli([
      'build',
      '--plan',
      'examples/plan.json',
      '--out',
      out,
      '--workbook',
      join(blocker, 'wb.json'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^✗ could not write .*gone\/wb\.json: .+\(E[A-Z]+\)$/m);
    expect(run.stderr).toContain('pair.xlsx was not written either');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(temp.folder).filter((name) => name.includes('pair.xlsx'))).toEqual([]);
  });
});

describe('export --as-of', () => {
  it('shows the statuses of the check-in made that day, a 0.00 milestone among the red', async () => {
    const checkin = await runInProcess([
      'checkin',
      '--workbook',
      copyOf('again.json'),
      '--values',
      join(ROOT, 'examples/week5.csv'),
      '--as-of',
      '2027-01-29',
      '--replace',
    ]);
    expect(checkin.code).toBe(0);
    const run = await runInProcess([
      'export',
      '--workbook',
      workbook,
      '--out',
      join(temp.folder, 'as-of.xlsx'),
      '--as-of',
      '2027-01-29',
    ]);
    expect(run.code).toBe(0);
    expect(statuses(run.stdout)).toEqual(statuses(checkin.stdout));
    expect(statuses(run.stdout)).toContain('🔴 O3.3');
  });

  it('shows a 0.00 milestone as yellow, never green, at the start of the quarter', async () => {
    const run = await runInProcess([
      'export',
      '--workbook',
      workbook,
      '--out',
      join(temp.folder, 'quarter-start.xlsx'),
      '--as-of',
      '2027-01-01',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('expected progress 0');
    expect(statuses(run.stdout)).toContain('🟡 O3.3');
    expect(statuses(run.stdout)).not.toContain('🟢 O3.3');
  });

  it('refuses an --as-of that is no day', async () => {
    const run = await runInProcess([
      'export',
      '--workbook',
      workbook,
      '--out',
      join(temp.folder, 'x.xlsx'),
      '--as-of',
      '2027-02-30',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--as-of "2027-02-30" is not a day');
  });
});

function copyOf(name: string): string {
  const copy = join(temp.folder, name);
  copyFileSync(workbook, copy);
  return copy;
}

describe('checkin --as-of long after the quarter', () => {
  it('is refused with the quarter’s dates, and nothing is saved', async () => {
    const copy = copyOf('late.json');
    const before = readFileSync(copy, 'utf8');
    const csv = join(ROOT, 'examples/week5.csv');
    const run = await runInProcess(['checkin', '--workbook', copy, '--values', csv, '--as-of', '9999-12-31']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--as-of 9999-12-31 jest długo po kwartale Q1 2027 (2027-01-01 – 2027-03-31)');
    expect(readFileSync(copy, 'utf8')).toBe(before);
  });
});

describe('a plan file', () => {
  it('gets every problem in one run, a wrong kind with the allowed words, and "250 000" read as a number', async () => {
    const bad = plan();
    bad.quarter = { kind: 'custom', start: '2027-01-04', end: '2027-02-30' };
    bad.objectives[0].keyResults[0].kind = 'grow';
    bad.objectives[0].keyResults[1].start = '250 000';
    bad.objectives[1].title = '';
    const path = join(temp.folder, 'many.json');
    writeFileSync(path, JSON.stringify(bad, null, 2));
    const run = await runInProcess(['build', '--plan', path, '--out', join(temp.folder, 'many.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the plan was refused (3 problems)');
    expect(run.stderr).toContain('„grow” nie jest jednym z: increase, decrease, atLeast, atMost, milestone');
    expect(run.stderr).toContain('„2027-02-30” nie jest dniem kalendarza');
    expect(run.stderr).not.toContain('250 000');
  });

  it('that is not JSON gets the line and column of the mistake, also where the parser names none', async () => {
    const path = join(temp.folder, 'token.json');
    writeFileSync(path, '{\n  "team": "x",\n  "levels": tru\n}\n');
    const run = await runInProcess(['build', '--plan', path, '--out', join(temp.folder, 'token.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('token.json is not valid JSON at line 3, column 16: Unexpected token');
    writeFileSync(path, '{\n  "team": "x"');
    const short = await runInProcess(['build', '--plan', path, '--out', join(temp.folder, 'token.xlsx')]);
    expect(short.stderr).toMatch(/token\.json is not valid JSON at line 2, column \d+/);
  });
});

describe('an unexpected error', () => {
  it('is one line naming it as a bug, with no stack unless OKR_DEBUG=1', () => {
    const lines: string[] = [];
    const io = { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text) };
    const saved = process.env.OKR_DEBUG;
    try {
      delete process.env.OKR_DEBUG;
      expect(reportFailure(new TypeError('x is undefined'), 'build', io)).toBe(1);
      expect(lines.join('\n')).toContain('✗ okr build stopped on an unexpected error (a bug in OKR Sheets');
      expect(lines.join('\n')).toContain('TypeError: x is undefined');
      expect(lines.join('\n')).not.toMatch(/\n\s+at /);
      lines.length = 0;
      process.env.OKR_DEBUG = '1';
      reportFailure(new TypeError('x is undefined'), 'build', io);
      expect(lines.join('\n')).toMatch(/\n\s+at /);
    } finally {
      if (saved === undefined) delete process.env.OKR_DEBUG;
      else process.env.OKR_DEBUG = saved;
    }
  });

  it('a file the system would not write is "could not write …: reason"', () => {
    const lines: string[] = [];
    const io = { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text) };
    const error = Object.assign(new Error("EEXIST: file already exists, mkdir '/tmp/x'"), {
      code: 'EEXIST',
      syscall: 'mkdir',
      path: '/tmp/x',
    });
    reportFailure(error, 'export', io);
    expect(lines).toEqual(['✗ could not write /tmp/x: a file is in the way where a folder should be (EEXIST)']);
  });
});
