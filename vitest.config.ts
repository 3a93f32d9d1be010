import { defineConfig } from 'vitest/config';

// One unit-test run over every package (each keeps its own config), so `pnpm test:unit`
// prints a single summary and writes one JUnit report that CI and `scripts/test-summary.mjs` read.
export default defineConfig({
  test: {
    projects: ['packages/sdk', 'packages/models'],
    reporters: ['default', ['junit', { outputFile: 'reports/junit-unit.xml' }]],
  },
});
