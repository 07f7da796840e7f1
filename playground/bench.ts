// Figures of the playground for `npm run bench`: a cold `npm start` (its script, `node playground/start.mjs`,
// spawned as a new process: build dist/, bundle the server, load the bundle in node:vm, listen) to the
// first page served, on a workbook in a temporary folder so nobody's own workbook is touched.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository, found upwards from this module or from the bundle the bench makes of it. */
function findRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'playground/start.mjs'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export interface ColdStartOptions {
  /** Skip the build (`--no-build`): the server's own start only. Default false. */
  noBuild?: boolean;
  /** Give up after this many milliseconds. Default 60 000. */
  timeoutMs?: number;
}

/** Milliseconds from spawning `npm start`'s process to the first page it serves. */
export async function measureColdStart(options: ColdStartOptions = {}): Promise<number> {
  const root = findRoot();
  const folder = mkdtempSync(join(tmpdir(), 'okr-playground-bench-'));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, 'playground/start.mjs'), ...(options.noBuild ? ['--no-build'] : [])],
    {
      cwd: root,
      env: { ...process.env, PORT: '0', OKR_WORKBOOK: join(folder, 'workbook.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`npm start printed no address in ${options.timeoutMs ?? 60_000} ms:\n${output}`)),
        options.timeoutMs ?? 60_000,
      );
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
        if (found) {
          clearTimeout(timer);
          resolveUrl(found[0]);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${code}:\n${output}`));
      });
    });
    const response = await fetch(url);
    await response.text();
    if (!response.ok) throw new Error(`The first page answered ${response.status}`);
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  }
}
