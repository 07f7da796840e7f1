// `npm start`: builds dist/ (as `npm run build` does), then serves the playground on 127.0.0.1 and prints its
// address. The server is TypeScript (playground/server.ts); it is bundled for Node here, next to the build.
//
//   PORT          the port (default 8787; 0 picks a free one)
//   OKR_WORKBOOK  the workbook file (default .okr-local/workbook.json), loaded on start, saved on every change
//   OKR_LOCALE    the locale of a new, empty spreadsheet (default en_US; the sample quarter is pl_PL)
//   --no-build    serve the dist/ already built (the tests use it while other tests read dist/)

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules/.cache/okr-playground/server.mjs');

async function buildDist() {
  if (process.argv.includes('--no-build')) return;
  const { build } = await import(pathToFileURL(join(root, 'scripts/build.mjs')).href);
  await build();
}

async function main() {
  const portText = process.env.PORT ?? '8787';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${portText}"`);
  }
  await Promise.all([
    buildDist(),
    esbuild.build({
      entryPoints: [join(root, 'playground/server.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outfile: out,
      logLevel: 'warning',
    }),
  ]);
  const { startPlayground } = await import(pathToFileURL(out).href);
  const playground = await startPlayground({
    port,
    build: false,
    ...(process.env.OKR_WORKBOOK ? { workbookPath: process.env.OKR_WORKBOOK } : {}),
    ...(process.env.OKR_LOCALE ? { locale: process.env.OKR_LOCALE } : {}),
  });
  console.log(`OKR Sheets playground: ${playground.url}`);
  console.log(`workbook: ${playground.workbookPath}`);
  console.log('Ctrl+C stops it.');
  const stop = () => {
    playground.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  const message =
    error?.code === 'EADDRINUSE' ? `the port is in use (${error.message}); try PORT=8788 npm start` : error?.message;
  console.error(`npm start: ${message ?? error}`);
  process.exit(1);
});
