import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    testTimeout: 60_000,
    // A stray .only fails the run everywhere, not only on CI: npm test behaves the same on every machine.
    allowOnly: false,
    // A file a core: vitest's default leaves one core free (one file at a time on a two-core machine).
    // The files wait on no one; on this two-core machine the suite took 230 s one at a time, 143 s two.
    maxWorkers: availableParallelism(),
  },
});
