import { defineConfig } from "vitest/config";

// One project per package; each package owns its setup (DynamoDB Local, local SES, jsdom, Chromium).
export default defineConfig({
  test: {
    projects: ["packages/core", "packages/functions", "packages/web", "packages/web/e2e", "infra"],
  },
});
