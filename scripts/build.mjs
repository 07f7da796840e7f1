// Builds dist/: the one wrapped bundle Apps Script loads (dist/Code.js), a documented top-level stub per
// public entry point after it, the sidebar (dist/sidebar.html: its TypeScript and CSS bundled and inlined
// into one self-contained page, kept out of Code.js, which Apps Script parses on every custom-function
// call), and the manifest. Run as `npm run build`; `buildBundle()` serves the bench.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const GLOBAL_NAME = 'OKRSheets';

/**
 * esbuild options shared by the product bundle and the bench, including the bench's full-zod reference:
 * changing one of them moves that yardstick too, so what only the add-on's bundles take is in
 * `productOptions`.
 */
const bundleOptions = {
  bundle: true,
  format: 'iife',
  globalName: GLOBAL_NAME,
  // Apps Script's V8 runs ES2020 reliably; newer syntax is lowered.
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'none',
  // Keeps 🟢 and Polish letters as they are: shorter than \u escapes, and Apps Script reads UTF-8.
  charset: 'utf8',
  write: false,
};

/**
 * What the add-on's bundles (not the bench's reference) add to `bundleOptions`, for a cheaper load. Apps
 * Script compiles the whole of Code.js before every custom-function call. V8 only pre-parses a function
 * written with `function` that the code being compiled does not call, but fully parses an arrow function
 * nested in it (its whole AST, then dropped): that was every lazy module wrapper of esbuild (`__esm`, an
 * arrow holding one module's top level) and every arrow in them, most of the server code. As `function`s
 * they are pre-parsed once, and parsed in full only when a server call runs them.
 */
const productOptions = {
  supported: { arrow: false },
};

/**
 * esbuild options for a script a browser page runs: a plain IIFE (no global name: nothing leaks into the
 * page), minified. The sidebar is built with them, and the playground bundles its page with the same.
 */
export const browserScriptOptions = {
  bundle: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
};

/**
 * The minified bundle of the entry points, wrapped in one `var OKRSheets = (function () { … })()`. The bench
 * passes `extra` esbuild options to build its references from the same source (another entry, an alias),
 * and `{ product: false }` for its fixed reference, which takes `bundleOptions` alone.
 */
export async function buildBundle(extra = {}, { product = true } = {}) {
  const result = await esbuild.build({
    ...bundleOptions,
    ...(product ? productOptions : {}),
    entryPoints: [join(root, 'src/gas/entry-points.ts')],
    ...extra,
  });
  return result.outputFiles[0].text;
}

/**
 * Drops the indentation after each line break in the sidebar's sources. Their only multi-line strings are
 * the htm templates of the components, and htm ignores whitespace that holds a line break at the edge of a
 * text or between tags and attributes, so the page renders the same, some 5 KB smaller.
 */
const dropTemplateIndentation = {
  name: 'drop-template-indentation',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]client[\\/][^\\/]+\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(/\n[ \t]+/g, '\n'),
      loader: 'ts',
    }));
  },
};

/**
 * The sidebar page: src/client/sidebar.ts bundled with `browserScriptOptions` and src/client/sidebar.css
 * minified, both inlined into src/client/sidebar.html. No external script,
 * font or stylesheet: HtmlService serves the one file as it is.
 */
export async function buildSidebar() {
  const [script, style, template] = await Promise.all([
    esbuild.build({
      ...browserScriptOptions,
      entryPoints: [join(root, 'src/client/sidebar.ts')],
      plugins: [dropTemplateIndentation],
      metafile: true,
    }),
    readFile(join(root, 'src/client/sidebar.css'), 'utf8').then((css) =>
      esbuild.transform(css, { loader: 'css', minify: true, charset: 'utf8' }),
    ),
    readFile(join(root, 'src/client/sidebar.html'), 'utf8'),
  ]);
  // Inline code must not close its own element early.
  const js = script.outputFiles[0].text.trim().replace(/<\/(script)/gi, '<\\/$1');
  const css = style.code.trim().replace(/<\/(style)/gi, '<\\/$1');
  const html = template.replace('/*__SIDEBAR_CSS__*/', () => css).replace('/*__SIDEBAR_JS__*/', () => js);
  if (/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=/i.test(html)) {
    throw new Error('dist/sidebar.html must be self-contained: it references an external resource');
  }
  return { html, libraryBytes: rendererBytes(script.metafile) };
}

/** Bytes of the page's script that are the rendering library (Preact, its hooks, htm), for the bench. */
function rendererBytes(metafile) {
  const [output] = Object.values(metafile.outputs);
  return Object.entries(output.inputs)
    .filter(([path]) => /node_modules[\\/](preact|htm)[\\/]/.test(path))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
}

/** The registry of documented entry points, compiled for Node (it is build-time only). */
export async function loadRegistry() {
  const out = join(root, 'node_modules/.cache/okr-build/registry.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'src/gas/registry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    logLevel: 'silent',
  });
  return import(`${pathToFileURL(out).href}?t=${Date.now()}`);
}

/** Names the bundle exports, read by loading it in a bare context, as Apps Script would. */
function exportedNames(bundle) {
  const context = vm.createContext({});
  vm.runInContext(bundle, context);
  return Object.keys(context[GLOBAL_NAME]).sort();
}

function checkRegistry(bundle, registry, formulaParams) {
  const exported = exportedNames(bundle);
  const documented = Object.keys(registry).sort();
  const missing = exported.filter((name) => !documented.includes(name));
  const extra = documented.filter((name) => !exported.includes(name));
  if (missing.length || extra.length) {
    throw new Error(`registry and entry points differ: undocumented ${missing}, not exported ${extra}`);
  }
  for (const [name, doc] of Object.entries(registry)) {
    if (name.endsWith('_')) throw new Error(`${name}: a name ending in _ is private in Apps Script`);
    if (doc.kind !== 'custom') continue;
    const documentedParams = doc.params.map((param) => param.name).join(',');
    const usedParams = (formulaParams[name] ?? []).join(',');
    if (documentedParams !== usedParams) {
      throw new Error(`${name}: documented parameters (${documentedParams}) differ from the formula's (${usedParams})`);
    }
  }
}

/** The JSDoc block Sheets reads for a custom function's autocomplete and formula helper. */
function jsDoc(doc) {
  const lines = [doc.summary];
  for (const param of doc.params) {
    const optional = param.optional && !/optional/i.test(param.description) ? 'Optional. ' : '';
    lines.push(`@param {${param.type}} ${param.name} ${optional}${param.description}`);
  }
  if (doc.returns) lines.push(`@return {${doc.returns.type}} ${doc.returns.description}`);
  if (doc.kind === 'custom') lines.push('@customfunction');
  return ['/**', ...lines.map((line) => ` * ${line}`), ' */'].join('\n');
}

/** A top-level declaration Apps Script can find, forwarding its named arguments into the bundle. */
function stub(name, doc) {
  const params = doc.params.map((param) => param.name).join(', ');
  return `${jsDoc(doc)}\nfunction ${name}(${params}) {\n  return ${GLOBAL_NAME}.${name}(${params});\n}\n`;
}

/** dist/Code.js from a bundle: the bundle, then the documented stub of each entry point of `registry`. */
export function withStubs(bundle, registry) {
  const stubs = Object.entries(registry).map(([name, doc]) => stub(name, doc));
  return `${bundle.trimEnd()}\n\n${stubs.join('\n')}`;
}

export async function build() {
  const [bundle, { registry, formulaParams }, { html: sidebar, libraryBytes }] = await Promise.all([
    buildBundle(),
    loadRegistry(),
    buildSidebar(),
  ]);
  checkRegistry(bundle, registry, formulaParams);
  const code = withStubs(bundle, registry);
  await mkdir(join(root, 'dist'), { recursive: true });
  const manifest = await readFile(join(root, 'appsscript.json'), 'utf8');
  await Promise.all([
    writeFile(join(root, 'dist/Code.js'), code),
    writeFile(join(root, 'dist/sidebar.html'), sidebar),
    writeFile(join(root, 'dist/appsscript.json'), manifest),
  ]);
  return {
    code,
    bytes: Buffer.byteLength(code),
    sidebar,
    sidebarBytes: Buffer.byteLength(sidebar),
    sidebarLibraryBytes: libraryBytes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { bytes, sidebarBytes } = await build();
  console.log(`dist/Code.js: ${bytes} bytes`);
  console.log(`dist/sidebar.html: ${sidebarBytes} bytes`);
}
