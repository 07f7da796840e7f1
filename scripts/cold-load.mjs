// The cold-load figure of `npm run bench` (issue 8, point 7): what Apps Script pays before every
// custom-function call, compiling dist/Code.js and running its top level. Four bundles are built in the same
// run and loaded the same way:
//   - the product (dist/Code.js as `npm run build` writes it);
//   - the reference the goal is set against (at most 0.30 of it): a bundle of full `zod`, everything
//     `import * as z from 'zod'` gives, a yardstick that does not move when the add-on changes (built with
//     the shared esbuild options alone, without the ones only the add-on's bundles take);
//   - the add-on's own entry points built with full `zod` in place of `zod/mini` (an esbuild alias), for
//     what the choice of zod/mini alone is worth;
//   - a floor: the custom functions alone with their stubs, what no server-side laziness can go below.
// A true cold load means nothing is reused between runs: each run gets a fresh context and a source that
// differs from every other run's at its first character (a marker comment at the START; a marker at the
// end lets V8's compilation cache compare whole sources, and later runs pay for that comparison). Medians
// over interleaved runs, so the three share whatever else the machine is doing. It measures and prints;
// nothing asserts time.

import vm from 'node:vm';
import { buildBundle, loadRegistry, withStubs } from './build.mjs';

/** The same source as `code`, made unique to one run by a comment before its first character. */
export function coldSource(code, run, label) {
  return `/* cold load ${label} #${run} */\n${code}`;
}

/** Milliseconds to compile `source` and to run its top level in a new, empty context. */
function loadOnce(source) {
  const context = vm.createContext({});
  const started = performance.now();
  const script = new vm.Script(source, { filename: 'Code.js' });
  const compiled = performance.now();
  script.runInContext(context);
  const ran = performance.now();
  return { compileMs: compiled - started, runMs: ran - compiled, totalMs: ran - started, context };
}

/** A cold load and one custom-function call: what a cell recalculating on its own costs. */
function loadAndCallOnce(source) {
  const started = performance.now();
  const { context } = loadOnce(source);
  if (typeof context.KR_SCORE === 'function') context.KR_SCORE(0, 4, 3);
  return performance.now() - started;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** The three bundles, each as Apps Script would receive it (bundle, then the documented stubs). */
export async function buildColdLoadBundles() {
  const { registry } = await loadRegistry();
  const customOnly = Object.fromEntries(Object.entries(registry).filter(([, doc]) => doc.kind === 'custom'));
  const floorEntry = [
    "import * as formulas from './src/core/formulas';",
    "import { customFunction } from './src/gas/custom-functions';",
    ...Object.keys(customOnly).map((name) => `export const ${name} = customFunction(formulas.${name});`),
  ].join('\n');
  const root = new URL('..', import.meta.url).pathname;
  const entry = (contents) => ({ entryPoints: undefined, stdin: { contents, resolveDir: root, loader: 'ts' } });
  const [product, fullZod, withFullZod, floor] = await Promise.all([
    buildBundle(),
    buildBundle(entry("export * from 'zod';"), { product: false }),
    buildBundle({ alias: { 'zod/mini': 'zod' } }),
    buildBundle(entry(floorEntry)),
  ]);
  return {
    product: withStubs(product, registry),
    fullZod,
    withFullZod: withStubs(withFullZod, registry),
    floor: withStubs(floor, customOnly),
  };
}

/**
 * Median cold-load figures of the three bundles over `runs` interleaved runs (after `warmUp` runs that are
 * not counted: the first loads of a process also pay for V8 warming up its own code).
 */
export async function measureColdLoad({ runs = 31, warmUp = 3 } = {}) {
  const bundles = await buildColdLoadBundles();
  const labels = Object.keys(bundles);
  const samples = Object.fromEntries(labels.map((label) => [label, { compile: [], run: [], total: [], call: [] }]));
  for (let run = 0; run < warmUp + runs; run++) {
    for (const label of labels) {
      const load = loadOnce(coldSource(bundles[label], run, label));
      const call = loadAndCallOnce(coldSource(bundles[label], run, `${label} call`));
      if (run < warmUp) continue;
      samples[label].compile.push(load.compileMs);
      samples[label].run.push(load.runMs);
      samples[label].total.push(load.totalMs);
      samples[label].call.push(call);
    }
  }
  const figures = {};
  for (const label of labels) {
    figures[label] = {
      bytes: Buffer.byteLength(bundles[label]),
      compileMs: median(samples[label].compile),
      runMs: median(samples[label].run),
      totalMs: median(samples[label].total),
      withCallMs: median(samples[label].call),
    };
  }
  return { runs, ...figures, ratio: figures.product.totalMs / figures.fullZod.totalMs };
}

/** The lines `npm run bench` prints. */
export function coldLoadLines(figures) {
  const line = (name, f, call = true) =>
    `${name}: ${f.totalMs.toFixed(2)} ms (compile ${f.compileMs.toFixed(2)} + top level ${f.runMs.toFixed(2)}` +
    `${call ? `; with a first KR_SCORE call ${f.withCallMs.toFixed(2)} ms` : ''}), ${f.bytes} bytes`;
  const { product, fullZod, withFullZod, floor } = figures;
  const of = (a, b) => (a.totalMs / b.totalMs).toFixed(2);
  return [
    `true cold load, median of ${figures.runs} interleaved runs (a fresh context each, the source made unique ` +
      'by a marker at its start):',
    `  ${line('dist/Code.js', product)}`,
    `  ${line('reference, a bundle of full zod', fullZod, false)}`,
    `  ${line('the same entry points with full zod for zod/mini', withFullZod)}`,
    `  ${line('floor, the custom functions alone', floor)}`,
    `  dist/Code.js is ${of(product, fullZod)} of the full-zod reference (goal ≤ 0.30), ` +
      `${of(product, withFullZod)} of itself with full zod; the floor is ${of(floor, fullZod)} of the reference. ` +
      `Between the two: compiling the server code (${(product.compileMs - floor.compileMs).toFixed(2)} ms), ` +
      'which Apps Script parses on every load though it runs none of it',
  ];
}
