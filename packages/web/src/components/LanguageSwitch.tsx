import { For } from "solid-js";
import { useLocation } from "@solidjs/router";
import { ApiError, client, errorText, readError } from "../api";
import { locale, LOCALES, setLocale, t, type Locale } from "../i18n";
import { announce } from "../announcements";
import { useSession } from "../session";

/** One button per other language; a signed-in member's choice is also kept in the account. */
export function LanguageSwitch() {
  const session = useSession();
  const location = useLocation();

  async function choose(next: Locale) {
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
    <For each={LOCALES.filter((l) => l !== locale())}>
      {(other) => (
        <button type="button" class="language-switch" onClick={() => void choose(other)}>
          <span class="visually-hidden">{t("language.switchTo")}</span> <span lang={other}>{t(`language.${other}`)}</span>
        </button>
      )}
    </For>
  );
}
