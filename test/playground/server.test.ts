// The playground's HTTP server without a browser: what it refuses (bodies over the limit, functions outside
// the registry, other hosts and origins, files outside playground/public), where it listens (127.0.0.1
// only), and that `npm start`'s own script starts it and serves the page.

import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../playground/api';
import { type Playground, startPlayground } from '../../playground/server';

interface RawAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** An HTTP request with full control of the headers (fetch will not set Host). */
function raw(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: response.headers,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function postJson(playground: Playground, path: string, value: unknown): Promise<Response> {
  return fetch(new URL(path, playground.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(value),
  });
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('the playground server', () => {
  let folder: string;
  let playground: Playground;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'okr-playground-server-'));
    playground = await startPlayground({ port: 0, workbookPath: join(folder, 'workbook.json'), build: false });
  }, 60_000);

  afterAll(async () => {
    await playground?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(playground.url).toBe(`http://127.0.0.1:${playground.port}/`);
    expect(playground.address).toBe('127.0.0.1');
    expect(await accepts('127.0.0.1', playground.port)).toBe(true);
    const outward = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address?.address ?? '');
    for (const address of outward) expect(await accepts(address, playground.port), address).toBe(false);
  });

  it('serves the page, its script and its style, and nothing else from disk', async () => {
    const page = await fetch(playground.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('id="grid-scroll"');
    expect((await fetch(new URL('/page.js', playground.url))).status).toBe(200);
    expect((await fetch(new URL('/style.css', playground.url))).status).toBe(200);
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/public/index.html',
      '/dist/Code.js',
      '/server.ts',
    ]) {
      expect((await raw(playground.port, { path })).status, path).toBe(404);
    }
  });

  it('answers the state of the workbook: a first start, with the add-on menu onOpen built', async () => {
    const state = await (await fetch(new URL('/api/state', playground.url))).json();
    expect(state.fresh).toBe(true);
    expect(state.workbook.menu.filter((entry: { type: string }) => entry.type === 'item')).toEqual([
      { type: 'item', caption: 'New quarter…', functionName: 'showNewQuarterSidebar' },
      { type: 'item', caption: 'Close quarter…', functionName: 'showCloseQuarter' },
      { type: 'item', caption: 'Weekly check-in', functionName: 'showWeeklyCheckIn' },
      { type: 'item', caption: 'Record check-in', functionName: 'showRecordCheckIn' },
      { type: 'item', caption: 'Dashboard', functionName: 'showDashboard' },
      { type: 'item', caption: 'Monthly review', functionName: 'showMonthlyReview' },
      { type: 'item', caption: 'Initiatives', functionName: 'showInitiatives' },
      { type: 'item', caption: 'Deals sheet', functionName: 'showDealsSheet' },
      { type: 'item', caption: 'Import deals…', functionName: 'showImportDeals' },
      { type: 'item', caption: 'Company roll-up…', functionName: 'showCompanyRollup' },
      { type: 'item', caption: 'Update as-of date', functionName: 'updateAsOfDate' },
      { type: 'item', caption: 'Hide old check-in tabs…', functionName: 'hideOldCheckInTabs' },
      { type: 'item', caption: 'Settings', functionName: 'showSettings' },
      { type: 'item', caption: 'Help', functionName: 'showHelp' },
    ]);
  });

  it('runs a server function for google.script.run and answers its value', async () => {
    const response = await postJson(playground, '/api/run', { fn: 'getSettings', args: [] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { lang: 'en' } });
  });

  it('refuses a function outside the registry’s server functions, and a malformed request', async () => {
    for (const fn of ['notAFunction', 'onOpen', 'KR_SCORE', 'constructor', '__proto__']) {
      const response = await postJson(playground, '/api/run', { fn, args: [] });
      expect(response.status, fn).toBe(400);
      expect(await response.json()).toEqual({ ok: false, error: `Script function not found: ${fn}` });
    }
    const noArgs = await postJson(playground, '/api/run', { fn: 'getSettings' });
    expect(noArgs.status).toBe(400);
    expect((await noArgs.json()).error).toMatch(/^Bad request: args/);
    const notJson = await raw(playground.port, {
      method: 'POST',
      path: '/api/run',
      headers: { Host: `127.0.0.1:${playground.port}`, 'Content-Type': 'application/json' },
      body: '{"fn":',
    });
    expect(notJson.status).toBe(400);
    // The menu runs only items onOpen added.
    const menu = await postJson(playground, '/api/menu', { fn: 'getSettings' });
    expect(menu.status).toBe(400);
  });

  it('refuses a body over the limit with 413', async () => {
    const big = JSON.stringify({ fn: 'getSettings', args: ['x'.repeat(MAX_BODY_BYTES)] });
    const response = await postJson(playground, '/api/run', JSON.parse(big));
    expect(response.status).toBe(413);
    const declared = await raw(playground.port, {
      method: 'POST',
      path: '/api/cell',
      headers: {
        Host: `127.0.0.1:${playground.port}`,
        'Content-Type': 'application/json',
        'Content-Length': String(64 * MAX_BODY_BYTES),
      },
    });
    expect(declared.status).toBe(413);
  });

  it('refuses other hosts (DNS rebinding), other origins and bodies that are not JSON', async () => {
    const port = playground.port;
    expect((await raw(port, { headers: { Host: `evil.example:${port}` } })).status).toBe(421);
    const crossSite = await raw(port, {
      method: 'POST',
      path: '/api/run',
      headers: {
        Host: `127.0.0.1:${port}`,
        Origin: 'https://evil.example',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ fn: 'getSettings', args: [] }),
    });
    expect(crossSite.status).toBe(403);
    const form = await raw(port, {
      method: 'POST',
      path: '/api/run',
      headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ fn: 'getSettings', args: [] }),
    });
    expect(form.status).toBe(415);
    expect((await raw(port, { method: 'PUT', path: '/api/run', headers: { Host: `127.0.0.1:${port}` } })).status).toBe(
      405,
    );
  });

  it('refuses a deeply nested body with 400 before parsing it', async () => {
    const deep = `{"fn":"getSettings","args":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}`;
    const answer = await raw(playground.port, {
      method: 'POST',
      path: '/api/run',
      headers: { Host: `127.0.0.1:${playground.port}`, 'Content-Type': 'application/json' },
      body: deep,
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toBe('The request body is nested more than 32 levels deep');
    // Brackets inside strings are text, not nesting.
    const text = await postJson(playground, '/api/run', { fn: 'getSettings', args: ['['.repeat(100)] });
    expect(text.status).toBe(200);
  });

  it('refuses the GETs that change state to other origins and sites, as it refuses their POSTs', async () => {
    const port = playground.port;
    const host = `127.0.0.1:${port}`;
    for (const path of ['/', '/api/state']) {
      const crossOrigin = await raw(port, { path, headers: { Host: host, Origin: 'https://evil.example' } });
      expect(crossOrigin.status, path).toBe(403);
    }
    const crossSite = await raw(port, { path: '/api/state', headers: { Host: host, 'Sec-Fetch-Site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    // A link from another site still opens the page, but does not run onOpen for it.
    const runtime = playground.runtime();
    const call = runtime.call;
    const opened: string[] = [];
    runtime.call = (name, ...args) => {
      opened.push(name);
      return call(name, ...args);
    };
    try {
      const linked = await raw(port, { path: '/', headers: { Host: host, 'Sec-Fetch-Site': 'cross-site' } });
      expect(linked.status).toBe(200);
      expect(opened).toEqual([]);
      const typed = await raw(port, { path: '/', headers: { Host: host, 'Sec-Fetch-Site': 'none' } });
      expect(typed.status).toBe(200);
      expect(opened).toEqual(['onOpen']);
    } finally {
      runtime.call = call;
    }
    const own = await raw(port, { path: '/api/state', headers: { Host: host, 'Sec-Fetch-Site': 'same-origin' } });
    expect(own.status).toBe(200);
  });

  it('refuses cell text over the 50,000 characters a Sheets cell holds, with Sheets’ message', async () => {
    const long = await postJson(playground, '/api/cell', { sheet: 'Sheet1', a1: 'C3', input: 'x'.repeat(50_001) });
    expect(long.status).toBe(200);
    const state = await long.json();
    expect(state.error).toBe('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(state.sheet.cells[2]?.[2]?.value.display ?? '').toBe('');
    const most = await postJson(playground, '/api/cell', { sheet: 'Sheet1', a1: 'C3', input: 'x'.repeat(50_000) });
    expect((await most.json()).sheet.cells[2][2].value.display).toHaveLength(50_000);
  });

  it('types into a cell, refuses a cell that is no A1 address, and saves the workbook after the change', async () => {
    const typed = await postJson(playground, '/api/cell', { sheet: 'Sheet1', a1: 'B2', input: '=1+2' });
    expect(typed.status).toBe(200);
    const state = await typed.json();
    expect(state.sheet.cells[1][1]).toMatchObject({ formula: '=1+2', value: { display: '3' } });
    const file = JSON.parse(readFileSync(playground.workbookPath, 'utf8'));
    expect(file.format).toBe('okr-sheets-local-workbook');
    expect((await postJson(playground, '/api/cell', { sheet: 'Sheet1', a1: 'B2:C3', input: '1' })).status).toBe(400);
    const noSheet = await postJson(playground, '/api/cell', { sheet: 'Nope', a1: 'A1', input: '1' });
    expect((await noSheet.json()).error).toBe('There is no sheet named "Nope"');
  });
});

describe('formulas typed into the playground', () => {
  it('answers a formula in the locale’s syntax and a bad one with the cell’s error, never HTTP 500', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'okr-playground-formulas-'));
    const playground = await startPlayground({ port: 0, workbookPath: join(folder, 'workbook.json'), build: false });
    try {
      // The sample quarter: a Polish spreadsheet with an OKR sheet in the add-on style.
      const started = await postJson(playground, '/api/start', { sample: true });
      expect(started.status).toBe(200);
      const startedState = await started.json();
      // Opened, the sample says what is due: its week 5 (this week) is not recorded yet.
      expect(startedState.toasts).toContainEqual({
        title: 'OKR Sheets: do zrobienia',
        message: expect.stringMatching(/^Check-in tygodnia 5 jeszcze niezapisany/),
      });
      const tabs = startedState.workbook.sheets as { name: string }[];
      const okrSheet = tabs.find((tab) => tab.name.startsWith('OKR'));
      if (!okrSheet) throw new Error('no OKR sheet in the sample');
      expect((await postJson(playground, '/api/activate', { sheet: okrSheet.name })).status).toBe(200);
      const type = (a1: string, input: string) =>
        postJson(playground, '/api/cell', { sheet: okrSheet.name, a1, input });
      const sum = await type('K7', '=SUM(2;1)');
      expect(sum.status).toBe(200);
      const bad = await type('K8', '=FOO(((');
      expect(bad.status).toBe(200);
      const state = await bad.json();
      expect(state.sheet.cells[6][10]).toMatchObject({ formula: '=SUM(2;1)', value: { raw: 3 } });
      expect(state.sheet.cells[7][10]).toMatchObject({ value: { type: 'error', raw: '#ERROR!' } });
      // The score column still scores the other key results.
      expect(typeof state.sheet.cells[6][12].value.raw).toBe('number');
    } finally {
      await playground.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('one writer per workbook file', () => {
  it('refuses a second playground on the same file, naming the first, and lets it start once the first stops', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'okr-playground-lock-'));
    const path = join(folder, 'workbook.json');
    const first = await startPlayground({ port: 0, workbookPath: path, build: false });
    try {
      const lock = JSON.parse(readFileSync(`${path}.lock`, 'utf8'));
      expect(lock).toMatchObject({ pid: process.pid, url: first.url });
      const second = startPlayground({ port: 0, workbookPath: path, build: false });
      await expect(second).rejects.toThrow(`is open in another playground at ${first.url} (process ${process.pid}`);
    } finally {
      await first.close();
    }
    expect(existsSync(`${path}.lock`)).toBe(false);
    const again = await startPlayground({ port: 0, workbookPath: path, build: false });
    await again.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('takes over the lock of a process that is gone, and removes the temporary files a crashed save left', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'okr-playground-stale-'));
    const path = join(folder, 'workbook.json');
    // A pid no process has: beyond the kernel's limit.
    const gone = 2 ** 22 + 1;
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: gone, startedAt: '2026-01-01T00:00:00.000Z', url: null }));
    writeFileSync(join(folder, `.workbook.json.${gone}.1767225600000.tmp`), '{"half": ');
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    const playground = await startPlayground({ port: 0, workbookPath: path, build: false });
    try {
      expect(readdirSync(folder).sort()).toEqual(['notes.txt', 'workbook.json.lock']);
    } finally {
      await playground.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a read-only workbook file instead of replacing it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'okr-playground-readonly-'));
    const path = join(folder, 'workbook.json');
    const first = await startPlayground({ port: 0, workbookPath: path, build: false });
    await postJson(first, '/api/start', { sample: false });
    await first.close();
    const bytes = readFileSync(path);
    chmodSync(path, 0o444);
    try {
      await expect(startPlayground({ port: 0, workbookPath: path, build: false })).rejects.toThrow(
        `${path}: is read-only`,
      );
      expect(readFileSync(path).equals(bytes)).toBe(true);
      expect(existsSync(`${path}.lock`)).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a workbook file that is not ours', () => {
  it('is refused with its path and the problem, and left as it was', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'okr-playground-foreign-'));
    const path = join(folder, 'workbook.json');
    writeFileSync(path, '{"not": "a workbook"}');
    try {
      await expect(startPlayground({ port: 0, workbookPath: path, build: false })).rejects.toThrow(path);
      expect(readFileSync(path, 'utf8')).toBe('{"not": "a workbook"}');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('npm start', () => {
  it('runs the script package.json names, which prints its address and serves the page', async () => {
    const root = join(__dirname, '../..');
    const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start as string;
    const [command, ...args] = script.split(' ');
    expect(command).toBe('node');
    const folder = mkdtempSync(join(tmpdir(), 'okr-playground-start-'));
    // --no-build: the tests' global setup built dist/, and other test files read it meanwhile.
    const child = spawn(process.execPath, [...args, '--no-build'], {
      cwd: root,
      env: { ...process.env, PORT: '0', OKR_WORKBOOK: join(folder, 'workbook.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const read = (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
          if (found) resolve(found[0]);
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script src="/page.js" defer></script>');
      const state = await (await fetch(new URL('/api/state', url))).json();
      expect(state.workbookPath).toBe(join(folder, 'workbook.json'));

      // A second `npm start` on the same workbook refuses, naming the first, instead of racing it.
      const second = spawn(process.execPath, [...args, '--no-build'], {
        cwd: root,
        env: { ...process.env, PORT: '0', OKR_WORKBOOK: join(folder, 'workbook.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let refusal = '';
      second.stdout.on('data', (chunk: Buffer) => {
        refusal += chunk.toString('utf8');
      });
      second.stderr.on('data', (chunk: Buffer) => {
        refusal += chunk.toString('utf8');
      });
      const code = await new Promise((resolve) => second.once('exit', resolve));
      expect(code).toBe(1);
      expect(refusal).toContain(`npm start: ${join(folder, 'workbook.json')}: is open in another playground at ${url}`);
      expect(refusal).toContain(`process ${child.pid}`);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
