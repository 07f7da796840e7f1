// The README and the pages of docs/ held to the code they describe: the README stays short and keeps the
// two commands a fresh machine needs (and CI runs the same test command), every link and every path the
// pages name exists, the architecture page names each real folder of test/, and the CLI page documents
// every option the CLI takes and every field of the plan file the server validates.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../cli/main';
import { keyResultSchema, objectiveSchema, planSchema } from '../../src/shared/plan';
import { submitPayloadSchema } from '../../src/shared/sidebar-api';

const ROOT = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)];

/** The fields of a zod/mini object schema. */
function fieldsOf(schema: unknown): string[] {
  return Object.keys((schema as { def: { shape: Record<string, unknown> } }).def.shape);
}

describe('the README', () => {
  const readme = read('README.md');

  it('is what a new user reads to the end: under about 100 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(105);
  });

  it('keeps exactly one command for the main job and one for the tests, and CI runs the same test command', () => {
    const commands = readme
      .split('\n')
      .filter((line) => /^npm (ci|test|start)/.test(line))
      .map((line) => line.replace(/\s+#.*$/, ''));
    expect(commands).toEqual(['npm ci && npm start', 'npm test']);
    const ci = read('.ci/run').trimEnd().split('\n');
    expect(ci[ci.length - 1]).toBe('npm test');
  });

  it('says the add-on speaks Polish and English, and which two scopes it asks for and why', () => {
    expect(readme).toMatch(/Polish and\s+English/);
    expect(readme).toContain('`spreadsheets.currentonly`');
    expect(readme).toContain('`script.container.ui`');
    expect(read('appsscript.json')).toContain('spreadsheets.currentonly');
  });
});

describe('the pages of docs/', () => {
  it('link only to files that exist', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      for (const [, target = ''] of read(page).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        if (!existsSync(join(ROOT, dirname(page), target))) broken.push(`${page}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('name only paths of the repository that exist', () => {
    const missing: string[] = [];
    let named = 0;
    const folders = '(?:src|test|local|playground|cli|scripts|examples|docs|\\.ci)';
    for (const page of PAGES) {
      for (const [, path = ''] of read(page).matchAll(new RegExp(`\`(${folders}/[\\w./-]*)\``, 'g'))) {
        named++;
        if (!existsSync(join(ROOT, path))) missing.push(`${page}: ${path}`);
      }
    }
    expect(named).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('describe the folders of test/ as they are, each one by name', () => {
    const architecture = read('docs/architecture.md');
    expect(architecture).not.toMatch(/mirrors\s+`?src/);
    const folders = readdirSync(join(ROOT, 'test')).filter((name) => statSync(join(ROOT, 'test', name)).isDirectory());
    for (const folder of folders) expect(architecture, folder).toContain(`\`test/${folder}/\``);
  });

  it('document every command and option of the CLI, and every field of the plan file', () => {
    const cli = read('docs/cli.md');
    const options = new Set([...USAGE.matchAll(/--([a-z-]+)/g)].map((match) => match[1]));
    expect(options.size).toBeGreaterThan(6);
    for (const option of options) expect(cli, `--${option}`).toContain(`--${option}`);
    for (const command of ['build', 'checkin', 'export', 'help']) expect(cli).toContain(`npm run okr -- ${command}`);
    const fields = [
      ...fieldsOf(submitPayloadSchema()).filter((field) => field !== 'plan'),
      ...fieldsOf(planSchema()),
      ...fieldsOf(objectiveSchema()),
      ...fieldsOf(keyResultSchema()),
    ];
    for (const field of fields) expect(cli, field).toMatch(new RegExp(`\`(objectives\\[\\]\\.)?${field}\``));
  });
});
