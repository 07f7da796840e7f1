import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once, so the bundle tests always run against the code under test.
    globalSetup: ['test/support/build-dist.ts'],
    // Browser, LibreOffice and child-process tests take seconds; on a busy 2-core CI machine, many more.
    // A limit is only a safety net here: no test asserts wall-clock time.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
