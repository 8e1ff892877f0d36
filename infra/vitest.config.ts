import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "infra",
    environment: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 120000,
    hookTimeout: 120000,
  },
});
