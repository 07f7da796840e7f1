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
