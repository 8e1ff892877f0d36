import { createSignal, createUniqueId, For, Show } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { MAX_OTHER_PARTICIPANTS } from "@vernetzt/core/people/constants";
import { client, errorText, readError } from "../../api";
import { createForm, Form, TextAreaField, TextField } from "../../components/Form";
import { createDebouncedSearch } from "../../components/search";
import { Alert } from "../../components/Notices";
import { t } from "../../i18n/people";
import { useSession } from "../../session";

interface Person {
  userId: string;
  name: string;
}

/** Starts a conversation with up to nine members found by name in the directory. */
export function NewGroup() {
  const navigate = useNavigate();
  const session = useSession();
  const [chosen, setChosen] = createSignal<Person[]>([]);
  const [title, setTitle] = createSignal("");
  const [body, setBody] = createSignal("");
  const headingId = createUniqueId();
  const resultsId = createUniqueId();
  const search = createDebouncedSearch(async (q): Promise<Person[]> => {
    const res = await client.api.people.$get({ query: { q } });
    if (!res.ok) throw await readError(res);
    return (await res.json()).people.map((p) => ({ userId: p.userId, name: p.name }));
  });
  const hits = () => search.hits().filter((p) => p.userId !== session.account()?.userId && !chosen().some((c) => c.userId === p.userId));
  const form = createForm(async () => {
    const res = await client.api.messages.$post({ json: { participantIds: chosen().map((p) => p.userId), title: title(), body: body() } });
    if (!res.ok) throw await readError(res);
    navigate(`/messages/${encodeURIComponent((await res.json()).conversationId)}`);
  });
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("messages.new")}</h2>
      <TextField name="peopleSearch" type="search" label={t("messages.findPeople")} value={search.term()} onValue={search.onTerm} autocomplete="off" aria-controls={resultsId} />
      <Show when={search.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <ul id={resultsId} class="plain-list" aria-live="polite">
        <For each={hits()}>
          {(p) => (
            <li>
              {p.name}{" "}
              <button type="button" class="button small" disabled={chosen().length >= MAX_OTHER_PARTICIPANTS} onClick={() => setChosen([...chosen(), p])}>
                {t("messages.add", { name: p.name })}
              </button>
            </li>
          )}
        </For>
      </ul>
      <Form form={form} submitLabel={t("messages.send")} aria-labelledby={headingId}>
        <fieldset class="checkbox-group">
          <legend>{t("messages.recipients", { count: chosen().length, max: MAX_OTHER_PARTICIPANTS })}</legend>
          <ul class="chip-list" id="participantIds">
            <For each={chosen()}>
              {(p) => (
                <li class="chip">
                  {p.name}
                  <button type="button" class="chip-remove" aria-label={t("messages.removeRecipient", { name: p.name })} onClick={() => setChosen(chosen().filter((c) => c.userId !== p.userId))}>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
          <Show when={form.fieldError("participantIds")}>{(text) => <p class="field-error">{text()}</p>}</Show>
        </fieldset>
        <Show when={chosen().length > 1}>
          <TextField form={form} name="title" label={t("messages.groupTitle")} value={title()} onValue={setTitle} autocomplete="off" />
        </Show>
        <TextAreaField form={form} name="body" label={t("people.profile.message")} rows="4" value={body()} onValue={setBody} />
      </Form>
    </section>
  );
}
