import { inject } from "vitest";

// Runs in each test worker before the tests import core: point it at this project's emulators.
Object.assign(process.env, inject("platformEnv"));
