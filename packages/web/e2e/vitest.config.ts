import { defineConfig } from "vitest/config";

// End-to-end: the real local platform (DynamoDB Local, local SES, the Node server with the built
// SPA) driven through headless Debian Chromium.
export default defineConfig({
  test: {
    name: "e2e",
    environment: "node",
    include: ["**/*.e2e.test.ts"],
    globalSetup: ["global-setup.ts"],
    setupFiles: ["../../core/test/setup-env.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
