import { render } from "solid-js/web";
import { App } from "./App";
import { initialLocale, setLocale } from "./i18n";
import "./styles.css";

// The language is loaded before the first paint, so a reader of another language never sees German flash by.
await setLocale(initialLocale(), false);
const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks <div id=\"root\">.");
render(() => <App />, root);
