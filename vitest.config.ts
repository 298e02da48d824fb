import { defineConfig } from 'vitest/config';

// One Vitest run covers every package; each project's tests live next to the
// code they prove, and test/ holds the cross-package suites.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'shared', root: 'packages/shared', include: ['src/**/*.test.ts'] },
      },
      {
        test: { name: 'server', root: 'packages/server', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        // Unit tests of the web app's logic (no DOM needed); the pages are tested in a real browser (test/e2e).
        test: { name: 'web', root: 'packages/web', include: ['src/**/*.test.ts'] },
      },
      {
        test: {
          name: 'integration',
          root: 'test',
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
