// The bundle as the runtimes of one process share it (local/bundle-host.ts `loadBundle`): read and compiled
// once while its files stay the same, and read again once `npm run build` rewrote them.

import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundle } from '../../local/bundle-host';
import { createLocalRuntime } from '../../local/runtime';

const DIST = join(__dirname, '../../dist');

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A copy of dist/ (the bundle and its HTML) in a folder of its own. */
function distCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'okr-bundle-'));
  folders.push(folder);
  for (const name of ['Code.js', 'sidebar.html']) copyFileSync(join(DIST, name), join(folder, name));
  return join(folder, 'Code.js');
}

describe('loadBundle', () => {
  it('compiles a bundle once for every runtime of the process while its files stay the same', () => {
    const path = distCopy();
    const first = loadBundle(path);
    expect(loadBundle(path)).toBe(first);
    expect(first.customFunctions.map((spec) => spec.name)).toContain('KR_SCORE');
    expect(first.htmlFiles.sidebar).toBe(readFileSync(join(DIST, 'sidebar.html'), 'utf8'));
    const one = createLocalRuntime({ bundlePath: path, locale: 'en_US', timeZone: 'UTC' });
    const two = createLocalRuntime({ bundlePath: path, locale: 'en_US', timeZone: 'UTC' });
    expect(two.entryPoints).toEqual(one.entryPoints);
    expect(one.entryPoints).toContain('onOpen');
    // Each runtime still runs the script in scopes of its own: a cell of one is not the other's.
    one.setCell('Sheet1', 'A1', '=KR_SCORE(0;10;5)');
    expect(one.computed('Sheet1', 1, 1)).toMatchObject({ kind: 'value', value: 0.5 });
    expect(two.computed('Sheet1', 1, 1)).toMatchObject({ kind: 'value', value: null });
  });

  it("measures the size of a custom function's spill once for every runtime of the bundle", () => {
    const path = distCopy();
    const sizes = loadBundle(path).sizes;
    const spill = (runtime: ReturnType<typeof createLocalRuntime>) => {
      runtime.setCell('Sheet1', 'A1', '0');
      runtime.setCell('Sheet1', 'A2', '0');
      runtime.setCell('Sheet1', 'B1', '10');
      runtime.setCell('Sheet1', 'B2', '10');
      runtime.setCell('Sheet1', 'C1', '5');
      runtime.setCell('Sheet1', 'C2', '10');
      runtime.setCell('Sheet1', 'D1', '=KR_SCORE(A1:A2;B1:B2;C1:C2)');
      return [runtime.computed('Sheet1', 1, 4), runtime.computed('Sheet1', 2, 4)];
    };
    const first = spill(createLocalRuntime({ bundlePath: path, locale: 'en_US', timeZone: 'UTC' }));
    expect(first).toMatchObject([
      { kind: 'value', value: 0.5 },
      { kind: 'value', value: 1 },
    ]);
    const measured = new Map(sizes);
    expect([...measured.values()]).toContainEqual({ width: 1, height: 2 });
    expect(spill(createLocalRuntime({ bundlePath: path, locale: 'en_US', timeZone: 'UTC' }))).toEqual(first);
    expect(new Map(sizes)).toEqual(measured);
  });

  it('reads the bundle and its HTML again once a build rewrote them', () => {
    const path = distCopy();
    const before = loadBundle(path);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nfunction addedByTheTest() {}\n`);
    const after = loadBundle(path);
    expect(after).not.toBe(before);
    expect(createLocalRuntime({ bundlePath: path }).entryPoints).toContain('addedByTheTest');
    writeFileSync(join(path, '../sidebar.html'), '<p>rebuilt</p>');
    expect(loadBundle(path).htmlFiles.sidebar).toBe('<p>rebuilt</p>');
  });
});
