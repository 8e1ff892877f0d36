import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "functions",
    environment: "node",
    include: ["test/**/*.test.ts"],
    globalSetup: ["../core/test/global-setup.ts"],
    setupFiles: ["../core/test/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
