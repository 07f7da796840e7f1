// `npm run bench`: prints the figures the issues ask for (sizes, service calls, milliseconds). It measures
// and prints; it asserts nothing, since wall-clock time on a shared machine is no test.

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { build } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where `importSource` puts a module of the project compiled for Node. */
const compiledPath = (path) => join(root, 'node_modules/.cache/okr-bench', `${path.replace(/[/.]/g, '_')}.mjs`);

/** Compiles a TypeScript module of the project for Node and imports it. */
async function importSource(path) {
  const out = compiledPath(path);
  await esbuild.build({ entryPoints: [join(root, path)], bundle: true, format: 'esm', platform: 'node', outfile: out });
  return import(pathToFileURL(out).href);
}

/**
 * Runs an exported function of a module compiled by `importSource` in a Node process of its own, with the
 * given Node flags, and answers what it returned (JSON).
 */
function measureInFreshProcess(path, name, options, nodeFlags) {
  const module = pathToFileURL(compiledPath(path)).href;
  const script = `import(${JSON.stringify(module)}).then((m) => process.stdout.write(JSON.stringify(m[${JSON.stringify(name)}](${JSON.stringify(options)}))))`;
  const result = spawnSync(process.execPath, [...nodeFlags, '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${name} in a fresh process exited with ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/**
 * Compiles a TypeScript module that drives the playground for Node, with npm packages left external (a
 * browser driver cannot be bundled), and imports it. It goes under .okr-local/, inside the repository, so
 * the playground finds the repository upwards from it (node_modules may be a link to another folder).
 */
async function importPlaygroundModule(path) {
  const out = join(root, '.okr-local/bench', `${path.replace(/[/.]/g, '_')}.mjs`);
  await esbuild.build({
    entryPoints: [join(root, path)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outfile: out,
    logLevel: 'warning',
  });
  return import(pathToFileURL(out).href);
}

/** Median milliseconds of `runs` calls of `fn`, after one warm-up call. */
function medianMs(fn, runs = 15) {
  fn();
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function column(rows, value) {
  return Array.from({ length: rows }, (_, index) => [value(index)]);
}

const { code, bytes, sidebar, sidebarBytes, sidebarLibraryBytes } = await build();
console.log('== bundle (issue 2)');
console.log(
  `dist/Code.js minified: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB; gzip ${gzipSync(code).length} bytes; goal ≤ 60 KB)`,
);
// Issue 9: the size before the sidebar was rebuilt from Preact + htm components (commit 4cf92a4).
console.log(`dist/sidebar.html: ${sidebarBytes.toLocaleString('en-US')} bytes (81,879 before the component rebuild)`);
console.log(
  `  gzip ${gzipSync(sidebar).length} bytes; of it Preact + htm ${sidebarLibraryBytes} bytes; loaded when the sidebar opens, not on custom-function calls`,
);

const rows = 10_000;
const start = column(rows, (i) => (i % 3 === 0 ? '' : i % 100));
const target = column(rows, (i) => (i % 100) + 50);
const current = column(rows, (i) => (i % 7 === 0 ? '' : `${(i % 130).toLocaleString('pl-PL')} zł`));

const { KR_SCORE } = await importSource('src/core/formulas.ts');
const nodeMs = medianMs(() => KR_SCORE.evaluate([start, target, current]));
console.log(`KR_SCORE over ${rows} rows, core in Node: ${nodeMs.toFixed(2)} ms per call`);

const context = vm.createContext({});
vm.runInContext(code, context);
const viaBundle = medianMs(() => context.KR_SCORE(start, target, current));
console.log(`KR_SCORE over ${rows} rows, through the vm-loaded bundle: ${viaBundle.toFixed(2)} ms per call`);
// Issue 8, point 7: the load every custom-function call pays, measured cold (scripts/cold-load.mjs).
const { coldLoadLines, measureColdLoad } = await import('./cold-load.mjs');
for (const line of coldLoadLines(await measureColdLoad())) console.log(line);

console.log('\n== new quarter (issue 3): service calls on the typed fake, and time in Node');
const { measureQuarter } = await importSource('scripts/bench-quarter.ts');
for (const style of ['addon', 'portable']) {
  for (const [objectives, keyResults] of [
    [3, 3],
    [25, 4],
  ]) {
    const figures = measureQuarter(objectives, keyResults, style);
    console.log(
      `${figures.label}: build ${figures.buildCalls} calls, read back ${figures.readCalls} calls ` +
        `(${figures.keyResults} KRs read); build ${figures.buildMs.toFixed(1)} ms, read ${figures.readMs.toFixed(1)} ms`,
    );
  }
}

console.log('\n== weekly check-in (issue 4): service calls on the typed fake, and time in Node');
const { measureCheckIn } = await importSource('test/check-in/bench-fixtures.ts');
for (const [keyResults, weeks] of [
  [9, 1],
  [100, 12],
]) {
  const figures = measureCheckIn(keyResults, weeks);
  const sidebar = measureCheckIn(keyResults, weeks, 'sidebar');
  console.log(
    `${keyResults} KRs, ${weeks} ${weeks === 1 ? 'week' : 'weeks'} of History: generate ${figures.generateCalls} calls ` +
      `(${figures.generateMs.toFixed(1)} ms), record ${figures.recordCalls} calls (${figures.recordMs.toFixed(1)} ms), ` +
      `submitCheckIn ${sidebar.recordCalls} calls (${sidebar.recordMs.toFixed(1)} ms)`,
  );
}

console.log('\n== deals (issue 10): service calls on the typed fake, and time in Node');
const { measureDeals } = await importSource('scripts/bench-deals.ts');
for (const count of [10, 2000]) {
  const figures = measureDeals(count);
  console.log(
    `${count} deals: create the Deals sheet ${figures.createCalls} calls (${figures.createMs.toFixed(1)} ms), ` +
      `import ${figures.importCalls} calls (${figures.importMs.toFixed(1)} ms), ` +
      `generate a check-in ${figures.checkInCalls} calls (${figures.checkInMs.toFixed(1)} ms)`,
  );
}

console.log('\n== monthly review (issue 10): service calls on the typed fake, and time in Node');
const { measureReview } = await importSource('scripts/bench-review.ts');
for (const krCount of [9, 100]) {
  const figures = measureReview(krCount, 2000);
  console.log(
    `${krCount} KRs, ${figures.weeks} weeks of History, ${figures.deals} deals: generate the review ` +
      `${figures.calls} calls (${figures.ms.toFixed(1)} ms)`,
  );
}

console.log('\n== dashboard (issue 10): service calls on the typed fake, and time in Node');
const { measureDashboard } = await importSource('scripts/bench-dashboard.ts');
for (const krCount of [9, 100]) {
  const figures = measureDashboard(krCount, 12, 2000);
  console.log(
    `${krCount} KRs, ${figures.weeks} weeks of History, ${figures.deals} deals: build ${figures.buildCalls} calls (${figures.buildMs.toFixed(1)} ms), ` +
      `rebuild in place ${figures.rebuildCalls} calls (${figures.rebuildMs.toFixed(1)} ms)`,
  );
}

console.log('\n== close quarter (issue 10): service calls on the typed fake, and time in Node');
const { measureClose } = await importSource('scripts/bench-close.ts');
for (const krCount of [9, 100]) {
  const figures = measureClose(krCount, 2000);
  console.log(
    `${krCount} KRs, ${figures.weeks} weeks of History, ${figures.deals} deals: close the quarter (Grades sheet) ` +
      `${figures.calls} calls (${figures.ms.toFixed(1)} ms)`,
  );
}

console.log('\n== company roll-up (issue 11): service calls on the typed fake, and time in Node');
const { measureRollup: measureRollupOnFake } = await importSource('scripts/bench-rollup.ts');
for (const [teams, krs] of [
  [5, 100],
  [50, 100],
]) {
  const figures = measureRollupOnFake(teams, krs);
  console.log(
    `${teams} teams × ${krs} KRs: connect a team ${figures.connectCalls} calls (${figures.connectMs.toFixed(1)} ms), ` +
      `refresh the roll-up ${figures.refreshCalls} calls (${figures.refreshMs.toFixed(1)} ms)`,
  );
}

console.log('\n== one reader of numbers (issue 8)');
const { measureSpellings } = await importSource('scripts/bench-reader.ts');
const spellings = measureSpellings();
console.log(`spellings read identically by every path: ${spellings.same} of ${spellings.total}`);

console.log('\n== without a Google account (issue 5)');
const { measureSampleBuild } = await importSource('local/bench.ts');
const sample = measureSampleBuild({ bundlePath: join(root, 'dist/Code.js') });
console.log(
  `sample quarter (3 objectives, 9 KRs) through the vm-hosted bundle: ${sample.ms.toFixed(1)} ms, ` +
    `${sample.calls} service calls; first computed snapshot ${sample.snapshotMs.toFixed(1)} ms`,
);
const { measureXlsxExport } = await importSource('local/xlsx-bench.ts');
const xlsx = measureXlsxExport(100);
console.log(`.xlsx export of a 100-KR quarter: ${xlsx.ms.toFixed(1)} ms, ${xlsx.bytes} bytes`);
const { measureCliBuild } = await importSource('cli/bench.ts');
console.log(
  `npm run okr -- build of examples/plan.json (in process, with the .xlsx): ${measureCliBuild(root).toFixed(0)} ms`,
);
// Issue 11: the CLI at the plan file's maximum (scripts/bench-cli-scale.ts).
const { measureCliAtScale } = await importSource('scripts/bench-cli-scale.ts');
const scale = measureCliAtScale(root);
console.log(
  `okr build at ${scale.keyResults} KRs (in process, with the .xlsx): ${scale.buildMs.toFixed(0)} ms (CPU ${scale.buildCpuMs.toFixed(0)} ms); ` +
    `okr checkin at ${scale.keyResults} KRs: ${scale.checkInMs.toFixed(0)} ms (CPU ${scale.checkInCpuMs.toFixed(0)} ms); ` +
    `as commands, each a fresh process (npm run okr -- …): build ${scale.buildCommandMs.toFixed(0)} ms, ` +
    `checkin ${scale.checkInCommandMs.toFixed(0)} ms`,
);
const { measureColdStart } = await importSource('playground/bench.ts');
console.log(`cold npm start (with its build) to the first page served: ${(await measureColdStart()).toFixed(0)} ms`);
const coldMs = await measureColdStart({ noBuild: true });
console.log(`cold npm start --no-build to the first page served: ${coldMs.toFixed(0)} ms`);

console.log('\n== the sidebar in the playground (issue 9)');
const { measureSidebarToGrid } = await importPlaygroundModule('scripts/bench-sidebar-click.ts');
const click = await measureSidebarToGrid(5);
if (click === null) {
  console.log('click in the sidebar to the grid showing the change: skipped, /usr/bin/chromium is absent');
} else {
  console.log(
    `click in the sidebar (New quarter ▸ Create) to the grid showing the new sheet, headless Chromium: ` +
      `${click.medianMs.toFixed(0)} ms median of ${click.runs.length} runs (${click.runs.map((ms) => ms.toFixed(0)).join(', ')})`,
  );
}

console.log('\n== key results fed by the Deals sheet (issue 11): the bundle on the local runtime');
const { measureAutoKr } = await importSource('scripts/bench-auto-kr.ts');
for (const [copies, deals] of [
  [1, 100],
  [4, 2000],
]) {
  const f = measureAutoKr(copies, deals);
  console.log(
    `${f.fed} fed KRs, ${f.deals} deals: build ${f.buildCalls} calls (${f.buildMs.toFixed(0)} ms), check-in state ` +
      `${f.stateCalls} calls (${f.stateMs.toFixed(0)} ms), a deal marked won to fed values read ${f.wonMs.toFixed(0)} ms`,
  );
  console.log(
    `  after the Deals sheet was deleted: repair ${f.repairCalls} calls (${f.repairMs.toFixed(0)} ms); ` +
      `New quarter state a quarter later (sources read back) ${f.nextStateCalls} calls (${f.nextStateMs.toFixed(0)} ms)`,
  );
}

console.log('\n== initiatives and tasks (issue 10)');
const { measureInitiativesMenu, measureInitiativesWithHistory, measureBuildWithInitiatives } =
  await importSource('scripts/bench-initiatives.ts');
for (const krCount of [9, 100]) {
  const figures = measureInitiativesWithHistory(krCount, 2000);
  console.log(
    `Initiatives menu item, new sheet, ${figures.label}: ${figures.calls} service calls, ${figures.ms.toFixed(1)} ms`,
  );
}
for (const [objectives, keyResults] of [
  [3, 3],
  [20, 5],
]) {
  const figures = measureInitiativesMenu(objectives, keyResults);
  console.log(
    `Initiatives menu item, new sheet, ${figures.label}: ${figures.calls} service calls, ${figures.ms.toFixed(1)} ms`,
  );
}
for (const count of [4, 100]) {
  const figures = measureBuildWithInitiatives(count);
  console.log(`New quarter (9 KRs) with ${figures.label}: ${figures.calls} service calls, ${figures.ms.toFixed(1)} ms`);
}

console.log(
  '\n== company roll-up across team spreadsheets (issue 11): the add-on on local workbooks, IMPORTRANGE of OKR_FEED',
);
const { measureRollup } = await importSource('local/rollup-scale.ts');
for (const teams of [5, 50]) {
  const options = { teams, objectives: 10, keyResults: 10, bundlePath: join(root, 'dist/Code.js') };
  const f = measureRollup(options);
  const agree = f.scores.every(
    (s) =>
      s.sheet !== null &&
      Math.abs(s.sheet - (s.core ?? Number.NaN)) < 1e-9 &&
      Math.abs((s.afterRestart ?? Number.NaN) - (s.core ?? Number.NaN)) < 1e-9,
  );
  console.log(
    `${teams} teams × ${f.keyResultsPerTeam} KRs: connect a team ${f.connectCalls} calls (${f.connectMs.toFixed(0)} ms), ` +
      `refresh ${f.refreshCalls} calls (${f.refreshMs.toFixed(0)} ms); the roll-up with the teams open (connect, ` +
      `allow, refresh, scores read) ${f.rollupMs.toFixed(0)} ms; a cold start to the same scores ` +
      `${f.coldMs.toFixed(0)} ms (${f.engineBuilds} engine builds); ${f.connected} connected, ${f.keyResults} KRs; ` +
      `company scores ${f.scores.map((s) => `${s.id} ${s.sheet?.toFixed(4)}`).join(', ')} ` +
      `(${agree ? 'as the core rolls them up' : `WRONG: the core gives ${f.scores.map((s) => s.core).join(', ')}`}); ` +
      `making the workbooks ${f.buildMs.toFixed(0)} ms`,
  );
  // The same in a Node process of its own, as the playground runs it (`npm start`): this process holds
  // everything the sections above left on its heap.
  const fresh = measureInFreshProcess('local/rollup-scale.ts', 'measureRollup', options, ['--max-semi-space-size=64']);
  console.log(
    `  in a fresh process (as npm start runs the playground): the roll-up with the teams open ` +
      `${fresh.rollupMs.toFixed(0)} ms; a cold start to the same scores ${fresh.coldMs.toFixed(0)} ms ` +
      `(${fresh.engineBuilds} engine builds)`,
  );
}

console.log('\n== nudges (issue 11): service calls on the typed fake, and time in Node');
const { measureToast, measureNudges } = await importSource('scripts/bench-nudges.ts');
for (const krCount of [9, 100]) {
  const figures = measureToast(krCount);
  console.log(
    `${krCount} KRs, 4 weeks of History: the toast's reads on open (service calls) ${figures.calls} (${figures.ms.toFixed(1)} ms), ` +
      `the check-in sidebar's What is due ${measureNudges(krCount).calls} calls`,
  );
}
