import { createResource, Suspense, type ParentProps } from "solid-js";
import { render } from "solid-js/web";
import { App } from "./App";
import { initialLocale, setLocale } from "./i18n";
import "./styles.css";

/**
 * Shows nothing until the reader's language is loaded, so a reader of another language never sees
 * German flash by; the app is built meanwhile, so the page's own code loads alongside the language.
 */
function InLanguage(props: ParentProps<{ loaded: Promise<void> }>) {
  const [language] = createResource(() => props.loaded.then(() => true));
  return (
    <Suspense>
      {language()}
      {props.children}
    </Suspense>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks <div id=\"root\">.");
const loaded = setLocale(initialLocale(), false);
render(
  () => (
    <InLanguage loaded={loaded}>
      <App />
    </InLanguage>
  ),
  root,
);
