// `npm run okr -- <command>`: the OKR Sheets command line. The CLI is TypeScript (cli/main.ts); this launcher
// bundles it for Node with esbuild (with its npm packages) into node_modules/.cache/okr-cli/, under a
// name made of the bundle's hash so that two runs at once never write over each other's file, then imports
// it and runs it. A manifest of the sources' sizes and times lets the next run skip esbuild when nothing
// changed. dist/Code.js, the add-on the commands run, is built first when it is missing. No ts-node, no tsx.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// A young generation of 64 MB instead of V8's 16: computing a large workbook makes short-lived objects by the
// million, and a quarter of a 1,200-KR check-in went to collecting them. It is that size from the start
// (V8 would grow it from 1 MB, collecting all the way while the workbook file is read): 5-15 % less CPU for
// a 1,200-KR check-in in paired runs while the engine made more objects, a few per cent once it made fewer,
// for some 60 MB more memory. The flags only take effect when Node starts (v8.setFlagsFromString
// comes too late to resize the heap), so the launcher starts itself again with them (once), passing signals
// and the exit code on. That happens before anything else is loaded (esbuild is imported only when the
// CLI's bundle must be made again), so the first Node does no more than start. `npm run okr` gives the
// flags itself (package.json), so only `node cli/okr.mjs` run by hand starts twice.
const YOUNG_GENERATION = ['--max-semi-space-size=64', '--min-semi-space-size=64'];
if (!process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size'))) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...YOUNG_GENERATION, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise((resolve) => child.on('exit', (...end) => resolve(end)));
  process.exit(signal ? 1 : (code ?? 1));
}
const cacheDir = join(root, 'node_modules/.cache/okr-cli');

const manifestPath = join(cacheDir, 'manifest.json');

/** The module compiled last time, when none of its sources changed since (their sizes and times are kept). */
function cached() {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (!existsSync(manifest.out)) return null;
    for (const [path, stamp] of Object.entries(manifest.inputs)) {
      const stats = statSync(join(root, path));
      if (`${stats.size}:${stats.mtimeMs}` !== stamp) return null;
    }
    return manifest.out;
  } catch {
    return null;
  }
}

/** Writes a file whole or not at all: a temporary file renamed over it, so concurrent runs never see half. */
function writeWhole(path, text) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Bundles cli/main.ts (unless the last bundle is still current) and answers the path of the module. */
async function compile() {
  const current = cached();
  if (current) return current;
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(root, 'cli/main.ts')],
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The npm packages (HyperFormula, zod, fflate) are bundled in too: Node then compiles one file instead of
    // resolving, reading and linking their hundreds of modules one by one, about 0.1 s of every start.
    // (The sources' stamps below then include theirs, so reinstalling them makes a new bundle too.)
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const out = join(cacheDir, `main-${hash}.mjs`);
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(out)) {
    writeWhole(out, code);
    // Earlier builds, unless so recent that another run may still be importing one.
    for (const name of readdirSync(cacheDir)) {
      const path = join(cacheDir, name);
      try {
        if (/^main-\w+\.mjs$/.test(name) && path !== out && Date.now() - statSync(path).mtimeMs > 600_000) {
          rmSync(path, { force: true });
        }
      } catch {
        // Removed by another run meanwhile.
      }
    }
  }
  const inputs = {};
  for (const path of Object.keys(result.metafile.inputs)) {
    const stats = statSync(join(root, path));
    inputs[path] = `${stats.size}:${stats.mtimeMs}`;
  }
  writeWhole(manifestPath, JSON.stringify({ out, inputs }));
  return out;
}

// Output piped into `head` and closed early: stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

let module;
try {
  if (!existsSync(join(root, 'dist/Code.js'))) {
    console.error('okr: building dist/ first (npm run build)…');
    const { build } = await import(pathToFileURL(join(root, 'scripts/build.mjs')).href);
    await build();
  }
  module = await import(pathToFileURL(await compile()).href);
} catch (error) {
  console.error(`okr: the CLI could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
process.exitCode = await module.main(process.argv.slice(2), { root });
