import { createUniqueId } from "solid-js";
import { t } from "../i18n";

/**
 * A coordinator's summary in plain German ("einfache Sprache"), labelled in the reader's language.
 * The text is German whatever the interface language, so it says so to screen readers and keeps
 * left-to-right lines on Arabic and Farsi pages.
 */
export function PlainLanguageBox(props: { text: string }) {
  const id = createUniqueId();
  return (
    <section class="plain-language" aria-labelledby={id}>
      <h2 id={id}>{t("plainLanguage.title")}</h2>
      <p lang="de" dir="ltr">
        {props.text}
      </p>
    </section>
  );
}
