import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    testTimeout: 60_000,
    // A stray .only fails the run everywhere, not only on CI: npm test behaves the same on every machine.
    allowOnly: false,
  },
});
