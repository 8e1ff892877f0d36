import { For } from "solid-js";
import { useLocation } from "@solidjs/router";
import { textDirection } from "@vernetzt/core/i18n/locales";
import { ApiError, client, errorText, readError } from "../api";
import { locale, LOCALES, setLocale, t, type Locale } from "../i18n";
import { announce } from "../announcements";
import { useSession } from "../session";

/**
 * The current language opens a short list of the others, each named in its own language and
 * script; a signed-in member's choice is also kept in the account.
 */
export function LanguageSwitch() {
  const session = useSession();
  const location = useLocation();
  let menu: HTMLDetailsElement | undefined;

  async function choose(next: Locale) {
    if (menu) menu.open = false;
    await setLocale(next);
    if (!session.account()) return;
    try {
      const res = await client.api.account.$patch({ json: { locale: next } });
      if (!res.ok) throw await readError(res);
      session.setAccount((await res.json()).account);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      announce(() => t("language.saveFailed", { reason: errorText(err) }), location.pathname, "error");
    }
  }

  return (
    <details class="language-menu" ref={menu}>
      <summary class="language-switch">
        <span class="visually-hidden">{t("language.label")}: </span>
        <span lang={locale()} dir={textDirection(locale())}>
          {t(`language.${locale()}`)}
        </span>
      </summary>
      <ul class="language-options">
        <For each={LOCALES.filter((l) => l !== locale())}>
          {(other) => (
            <li>
              <button type="button" class="language-option" onClick={() => void choose(other)}>
                <span class="visually-hidden">{t("language.switchTo")}</span>{" "}
                <span lang={other} dir={textDirection(other)}>
                  {t(`language.${other}`)}
                </span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}
