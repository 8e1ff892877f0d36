import { createSignal, createUniqueId, Show } from "solid-js";
import { useNavigate } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { announce } from "../../announcements";
import { createAction, SelectField, TextField } from "../../components/Form";
import { createLoader } from "../../components/loader";
import { Alert, Status } from "../../components/Notices";
import { t } from "../../i18n/forum";
import { Disclosure } from "./Disclosure";
import { categoryHref, fetchCategories, segment, type ThreadAction, type ThreadView } from "./data";

/** Coordinators pin, lock, hide, delete and move a thread; an optional reason goes to the moderation log. */
export function ThreadTools(props: { thread: ThreadView; onThread(thread: ThreadView): void }) {
  const navigate = useNavigate();
  const confirmId = createUniqueId();
  const busy = () => (action.busy() ? "true" : undefined);
  const action = createAction();
  const [reason, setReason] = createSignal("");
  const [destination, setDestination] = createSignal("");
  const [confirming, setConfirming] = createSignal(false);
  const [done, setDone] = createSignal("");
  const categories = createLoader(fetchCategories);
  let deleteButton: HTMLButtonElement | undefined;

  const param = () => ({ threadId: segment(props.thread.threadId) });
  const why = () => reason().trim() || undefined;

  function moderate(kind: ThreadAction) {
    void action.run(async () => {
      const res = await client.api.forum.threads[":threadId"].moderate.$post({ param: param(), json: { action: kind, reason: why() } });
      if (!res.ok) throw await readError(res);
      const { thread } = await res.json();
      if (kind === "delete") {
        const to = categoryHref(thread.category.categoryId);
        announce(() => t("forum.tools.done.delete"), to);
        navigate(to);
        return;
      }
      props.onThread(thread);
      setReason("");
      setDone(t(`forum.tools.done.${kind}`));
    });
  }

  function move() {
    const categoryId = destination();
    if (!categoryId) return;
    void action.run(async () => {
      const res = await client.api.forum.threads[":threadId"].move.$post({ param: param(), json: { categoryId, reason: why() } });
      if (!res.ok) throw await readError(res);
      const { thread } = await res.json();
      props.onThread(thread);
      setReason("");
      setDestination("");
      setDone(t("forum.tools.done.move", { name: thread.category.name }));
    });
  }

  const destinations = () => [
    { value: "", label: t("forum.tools.move.choose") },
    ...(categories.data() ?? [])
      .filter((c) => c.categoryId !== props.thread.category.categoryId)
      .map((c) => ({ value: c.categoryId, label: c.group ? `${c.group.name}: ${c.name}` : c.name })),
  ];

  return (
    <Disclosure title={t("forum.tools.title")} class="mod-tools">
      <TextField name="reason" label={t("forum.tools.reason")} value={reason()} onValue={setReason} autocomplete="off" />
      <div class="actions" aria-busy={busy()}>
        <button type="button" class="button small" onClick={() => moderate(props.thread.pinned ? "unpin" : "pin")}>
          {t(props.thread.pinned ? "forum.tools.unpin" : "forum.tools.pin")}
        </button>
        <button type="button" class="button small" onClick={() => moderate(props.thread.locked ? "unlock" : "lock")}>
          {t(props.thread.locked ? "forum.tools.unlock" : "forum.tools.lock")}
        </button>
        <button type="button" class="button small" onClick={() => moderate(props.thread.status === "hidden" ? "unhide" : "hide")}>
          {t(props.thread.status === "hidden" ? "forum.tools.unhide" : "forum.tools.hide")}
        </button>
        <button type="button" class="button small danger" ref={deleteButton} aria-expanded={confirming()} onClick={() => setConfirming(!confirming())}>
          {t("forum.tools.delete")}
        </button>
      </div>
      <Show when={confirming()}>
        <div class="confirm" role="group" aria-labelledby={confirmId}>
          <p id={confirmId}>{t("forum.tools.confirmDelete")}</p>
          <div class="actions">
            <button type="button" class="button danger" ref={(element) => queueMicrotask(() => element.focus())} onClick={() => moderate("delete")}>
              {t("forum.tools.delete.yes")}
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                setConfirming(false);
                deleteButton?.focus();
              }}
            >
              {t("common.cancel")}
            </button>
          </div>
        </div>
      </Show>
      <div class="mod-move">
        <SelectField name="categoryId" label={t("forum.tools.move")} value={destination()} options={destinations()} onValue={setDestination} />
        <button type="button" class="button small" aria-disabled={destination() ? undefined : "true"} onClick={move}>
          {t("forum.tools.move.submit")}
        </button>
      </div>
      <Show when={categories.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <Show when={done()}>{(message) => <Status>{message()}</Status>}</Show>
    </Disclosure>
  );
}
