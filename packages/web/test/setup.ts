import { cleanup } from "@solidjs/testing-library";
import { afterEach, beforeEach, vi } from "vitest";
import { setLocale } from "../src/i18n";

beforeEach(async () => {
  localStorage.clear();
  await setLocale("de");
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
