import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests run in parallel; the end-to-end stories in tests/
// start real processes (influxd, broker, chromium) and run one file at a time,
// so they do not fight over the two cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{contracts,broker,gateway,server,firmware-sim,dashboard}/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
