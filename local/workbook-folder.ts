// Several spreadsheets side by side, as a Drive folder holds them: each workbook file of a folder has its own
// id and link (local/workbook-file.ts keeps them), and IMPORTRANGE in one of them reads the others
// (local/import-range.ts). `OpenSpreadsheets` is the directory of runtimes already open (tests, the bench,
// `okr rollup`); `WorkbookFolder` adds the files of one folder, opened when first read or switched to (the
// playground).

import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ImportSource, SpreadsheetDirectory } from './import-range';
import { createLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from './runtime';
import { WORKBOOK_FORMAT } from './workbook-file';

/** Runtimes by spreadsheet id: where IMPORTRANGE finds the spreadsheets it reads. */
export class OpenSpreadsheets implements SpreadsheetDirectory {
  protected readonly runtimes = new Map<string, LocalRuntime>();

  add(runtime: LocalRuntime): LocalRuntime {
    this.runtimes.set(runtime.id, runtime);
    return runtime;
  }

  get(id: string): LocalRuntime | null {
    return this.runtimes.get(id) ?? null;
  }

  /** Forgets a runtime (one replaced by another on the same file). */
  remove(id: string): void {
    this.runtimes.delete(id);
  }

  source(id: string): ImportSource | null {
    return this.get(id)?.importSource ?? null;
  }
}

/** A workbook file of the folder. */
export interface FolderEntry {
  id: string;
  name: string;
  path: string;
}

/**
 * The start of a workbook file as it is saved (local/workbook-file.ts writes `format`, `version`, `savedAt` and
 * `spreadsheet` before the sheets), closed into a JSON object of its own: a folder of fifty workbooks lists
 * without reading every sheet of each. `null` when the file does not start so (then it is read whole).
 */
function headerText(path: string): string | null {
  const file = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16_384);
    const read = readSync(file, buffer, 0, buffer.length, 0);
    const start = buffer.toString('utf8', 0, read);
    const end = start.indexOf('\n "sheets": ');
    return end > 0 && start.trimEnd().startsWith('{') ? `${start.slice(0, end).replace(/,\s*$/, '')}}` : null;
  } finally {
    closeSync(file);
  }
}

/** The header of a workbook file: its id and name, read once per version of the file. */
function headerOf(path: string): { id: string; name: string } | null {
  try {
    const text = headerText(path);
    return (text === null ? null : readHeader(text)) ?? readHeader(readFileSync(path, 'utf8')) ?? null;
  } catch {
    return null;
  }
}

/** The id and name in a workbook file's JSON; `null` for a file of another kind, `undefined` for no JSON. */
function readHeader(text: string): { id: string; name: string } | null | undefined {
  try {
    const json = JSON.parse(text) as {
      format?: unknown;
      spreadsheet?: { id?: unknown; name?: unknown };
    };
    if (json.format !== WORKBOOK_FORMAT) return null;
    const { id, name } = json.spreadsheet ?? {};
    return typeof id === 'string' && id !== '' ? { id, name: typeof name === 'string' ? name : id } : null;
  } catch {
    return undefined;
  }
}

/** The workbook files of one folder, each opened as a runtime whose IMPORTRANGE reads the others. */
export class WorkbookFolder extends OpenSpreadsheets {
  readonly path: string;
  private readonly headers = new Map<string, { stamp: string; header: { id: string; name: string } | null }>();

  constructor(
    folder: string,
    /** How each runtime is made (the bundle, the clock, a new spreadsheet's locale). */
    private readonly runtimeOptions: Omit<LocalRuntimeOptions, 'workbookPath' | 'directory'> = {},
  ) {
    super();
    this.path = resolve(folder);
  }

  /** The spreadsheets of the folder, open ones first as they are now, then the files, by name. */
  list(): FolderEntry[] {
    const entries = new Map<string, FolderEntry>();
    for (const runtime of this.runtimes.values()) {
      if (!runtime.workbookPath) continue;
      entries.set(runtime.id, { id: runtime.id, name: runtime.services.spreadsheet.name, path: runtime.workbookPath });
    }
    let names: string[] = [];
    try {
      names = readdirSync(this.path).filter((name) => name.endsWith('.json'));
    } catch {
      // No folder yet: only what is open.
    }
    for (const name of names) {
      const path = join(this.path, name);
      const header = this.header(path);
      if (header && !entries.has(header.id)) entries.set(header.id, { ...header, path });
    }
    return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
  }

  private header(path: string): { id: string; name: string } | null {
    let stamp: string;
    try {
      const stats = statSync(path);
      if (!stats.isFile()) return null;
      stamp = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      return null;
    }
    const kept = this.headers.get(path);
    if (kept?.stamp === stamp) return kept.header;
    const header = headerOf(path);
    this.headers.set(path, { stamp, header });
    return header;
  }

  /** Opens a workbook file of the folder (or a new one at `path`), or gives the runtime already open on it. */
  openPath(path: string, options: Pick<LocalRuntimeOptions, 'locale' | 'timeZone'> = {}): LocalRuntime {
    const full = resolve(path);
    for (const runtime of this.runtimes.values()) if (runtime.workbookPath === full) return runtime;
    return this.add(createLocalRuntime({ ...this.runtimeOptions, ...options, workbookPath: full, directory: this }));
  }

  /** The runtime of a spreadsheet of the folder by id, opened when first asked for; `null` when none has it. */
  override get(id: string): LocalRuntime | null {
    const open = super.get(id);
    if (open) return open;
    const entry = this.list().find((candidate) => candidate.id === id);
    return entry ? this.openPath(entry.path) : null;
  }

  /** A file name for a new spreadsheet called `name` that no file of the folder has yet. */
  freeFileName(name: string): string {
    const stem =
      basename(name)
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'spreadsheet';
    const taken = new Set<string>();
    try {
      for (const file of readdirSync(this.path)) taken.add(file);
    } catch {
      // No folder yet.
    }
    for (const runtime of this.runtimes.values()) if (runtime.workbookPath) taken.add(basename(runtime.workbookPath));
    for (let n = 1; ; n++) {
      const file = n === 1 ? `${stem}.json` : `${stem}-${n}.json`;
      if (!taken.has(file)) return join(this.path, file);
    }
  }
}
