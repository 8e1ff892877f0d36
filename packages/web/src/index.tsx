import { render } from "solid-js/web";
import { App } from "./App";
import { setLocale, storedLocale } from "./i18n";
import "./styles.css";

// The stored language is loaded before the first paint, so an English reader never sees German flash by.
await setLocale(storedLocale());
const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks <div id=\"root\">.");
render(() => <App />, root);
