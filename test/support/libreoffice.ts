// LibreOffice headless for the tests that read an exported .xlsx back: whether `soffice` is here, a run with a
// throwaway profile (it refuses to share one between runs), the recompute-to-CSV conversion engineering.md
// names (every formula recomputed, one CSV per sheet), and the RFC 4180 reader of those CSV files.
// `SOFFICE` may name the binary where it is not on the PATH (macOS: /Applications/LibreOffice.app/…/soffice).
// Without `soffice` the callers skip their LibreOffice part with a message, except on CI (`CI` set).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = process.env.SOFFICE ?? 'soffice';
export const hasSoffice = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8' }).status === 0;

/** The message a test prints when it skips its LibreOffice part. */
export function warnWithoutSoffice(folder: string): void {
  if (hasSoffice || process.env.CI) return;
  console.warn(
    `${folder}: LibreOffice (soffice) is not installed, so the .xlsx is not read back here. ` +
      'Install it with: apt-get install -y --no-install-recommends libreoffice-calc-nogui',
  );
}

/** Runs LibreOffice headless with a new profile under `work`; throws with its output when it fails. */
export function runSoffice(args: string[], work: string): void {
  if (!hasSoffice) {
    throw new Error('soffice is missing on CI: apt-get install -y --no-install-recommends libreoffice-calc-nogui');
  }
  const profile = mkdtempSync(join(work, 'profile-'));
  const run = spawnSync(
    SOFFICE,
    ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, ...args],
    { encoding: 'utf8', env: { ...process.env, HOME: profile }, timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr || run.stdout}`);
}

/**
 * Opens `xlsx` in LibreOffice, recomputes every formula and writes one CSV per sheet into `outDir`
 * (engineering.md's filter options; the last, -1, means every sheet). Answers the rows by sheet name, as the
 * file names them (`<book>-<sheet>.csv`). Values are raw, except that LibreOffice keeps the % of a
 * percent-formatted number and writes a date in its number format.
 */
export function recomputeToCsv(xlsx: string, outDir: string): Map<string, string[][]> {
  mkdirSync(outDir, { recursive: true });
  runSoffice(
    [
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1',
      xlsx,
      '--outdir',
      outDir,
    ],
    outDir,
  );
  const prefix = `${basename(xlsx).replace(/\.xlsx$/i, '')}-`;
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.csv')) continue;
    sheets.set(name.slice(prefix.length, -'.csv'.length), parseCsv(readFileSync(join(outDir, name), 'utf8')));
  }
  return sheets;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
