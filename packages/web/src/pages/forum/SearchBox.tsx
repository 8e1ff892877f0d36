import { createEffect, createSignal, on } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { TextField } from "../../components/Form";
import { t } from "../../i18n/forum";

/** The forum search form; the query goes into the address of the search page, so results can be linked and revisited. */
export function SearchBox(props: { initial?: string }) {
  const navigate = useNavigate();
  const [q, setQ] = createSignal(props.initial ?? "");
  createEffect(on(() => props.initial, (initial) => setQ(initial ?? ""), { defer: true }));
  return (
    <form
      class="forum-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const query = q().trim();
        navigate(query ? `/forum/search?${new URLSearchParams({ q: query })}` : "/forum/search");
      }}
    >
      <TextField name="q" type="search" label={t("forum.search.label")} value={q()} onValue={setQ} autocomplete="off" />
      <button type="submit" class="button">
        {t("forum.search.submit")}
      </button>
    </form>
  );
}
