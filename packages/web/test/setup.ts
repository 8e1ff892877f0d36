import { cleanup, configure } from "@solidjs/testing-library";
import { afterEach, beforeEach, vi } from "vitest";
import { setLocale } from "../src/i18n";

// findBy…/waitFor give up after 1 s by default; lazy pages and dictionaries on a busy 2-core CI
// machine can take longer to appear. A real regression still fails, only later.
configure({ asyncUtilTimeout: 5000 });

beforeEach(async () => {
  localStorage.clear();
  await setLocale("de");
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
