// Accessibility checks axe-core leaves out, run inside the page. Each returns readable findings;
// an empty list means the page passes.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

const RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * axe-core's WCAG 2.1 A/AA rules and its best practices (landmarks, heading order), plus WCAG 2.2's
 * minimum target size (24 px or enough spacing).
 */
export async function axeFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    // Runs axe in the page itself; the default opens a blank page per run to merge the results of iframes, which the app has none of.
    .setLegacyMode()
    .options({ runOnly: { type: "tag", values: RULE_TAGS }, rules: { "target-size": { enabled: true } }, resultTypes: ["violations"] })
    .analyze();
  return violations.flatMap((v) =>
    v.nodes.map((node) => `[${v.impact ?? "?"}] ${v.id} – ${v.help}\n    at ${node.target.join(" ")}\n    ${node.failureSummary?.replaceAll("\n", "\n    ") ?? ""}`),
  );
}

/** Content reflows (WCAG 1.4.10): nothing makes the page scroll sideways. */
export async function reflowFindings(page: Page): Promise<string[]> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return overflow > 0 ? [`[serious] reflow – the page scrolls sideways by ${overflow} px`] : [];
}

/**
 * Every control shows where keyboard focus is (WCAG 2.4.7): an outline of at least 2 px on it or
 * on its ::before/::after, contrasting 3:1 with what surrounds it. A key press first, so the
 * browser treats the focus as keyboard focus (:focus-visible).
 */
export async function focusRingFindings(page: Page): Promise<string[]> {
  await page.keyboard.press("Shift");
  return page.evaluate(() => {
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const backgroundBehind = (element: Element) => {
      for (let node: Element | null = element.parentElement; node; node = node.parentElement) {
        const rgba = parse(getComputedStyle(node).backgroundColor);
        if (rgba.length === 3 || (rgba[3] ?? 0) > 0.5) return rgba.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const describe = (element: Element) => {
      const text = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className && typeof element.className === "string" ? `.${element.className.trim().split(/\s+/).join(".")}` : ""} "${text}"`;
    };
    const problems: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>("a[href], button, input:not([type='hidden']), select, textarea, summary, [tabindex]:not([tabindex='-1'])");
    const before = document.activeElement as HTMLElement | null;
    for (const control of controls) {
      if (control.matches(":disabled") || !control.checkVisibility()) continue;
      control.focus({ preventScroll: true });
      if (document.activeElement !== control) continue;
      const rings = [getComputedStyle(control), getComputedStyle(control, "::before"), getComputedStyle(control, "::after")].filter(
        (style) => style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      );
      if (rings.length === 0) {
        problems.push(`[serious] focus-visible – no focus outline on ${describe(control)}`);
        continue;
      }
      const behind = backgroundBehind(control);
      const ratio = Math.max(...rings.map((style) => contrast(parse(style.outlineColor).slice(0, 3), behind)));
      if (ratio < 3) problems.push(`[serious] focus-visible – focus outline contrast ${ratio.toFixed(2)}:1 on ${describe(control)}`);
    }
    before?.focus({ preventScroll: true });
    return problems;
  });
}

/** With reduced motion asked for, nothing moves: no transition or animation runs longer than a blink. */
export async function motionFindings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) => Math.max(...list.split(",").map((part) => parseFloat(part) * (part.trim().endsWith("ms") ? 0.001 : 1)));
    const problems: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      for (const pseudo of [null, "::before", "::after"]) {
        const style = getComputedStyle(element, pseudo);
        const moving = Math.max(seconds(style.transitionDuration), style.animationName === "none" ? 0 : seconds(style.animationDuration));
        if (moving > 0.01) problems.push(`[moderate] reduced-motion – ${element.tagName.toLowerCase()}.${element.className}${pseudo ?? ""} moves for ${moving}s`);
      }
    }
    return problems;
  });
}
