import { createSignal, createUniqueId, For, onMount, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { useParams } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { ApiError, client, errorText, readError } from "../../api";
import { createAction, createForm, Form, TextAreaField, TextField } from "../../components/Form";
import { refreshUnreadMessages } from "../../components/messages-unread";
import { Loading } from "../../components/Guards";
import { Alert, Status } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDateTime, t } from "../../i18n/people";
import { useSession } from "../../session";
import { MembersGate, PeopleNav } from "../people/Gate";
import { segment } from "../people/labels";

type Thread = InferResponseType<(typeof client.api.messages)[":conversationId"]["$get"], 200>;
type Message = Thread["messages"][number];

export default function Conversation() {
  const params = useParams<{ conversationId: string }>();
  const [state, setState] = createStore<{ thread: Thread | null; older: Message[]; loading: boolean }>({ thread: null, older: [], loading: true });
  const [error, setError] = createSignal<ApiError | null>(null);

  async function load(cursor?: string) {
    setState("loading", true);
    try {
      const res = await client.api.messages[":conversationId"].$get({ param: { conversationId: segment(params.conversationId) }, query: cursor ? { cursor } : {} });
      if (!res.ok) throw await readError(res);
      const page = await res.json();
      if (cursor && state.thread) setState({ older: [...page.messages, ...state.older], thread: { ...state.thread, cursor: page.cursor } });
      else setState({ thread: page, older: [] });
      if (!cursor) void refreshUnreadMessages().catch(() => undefined);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    } finally {
      setState("loading", false);
    }
  }
  onMount(() => void load());

  const session = useSession();
  const title = () => {
    const thread = state.thread;
    if (!thread) return t("messages.title");
    const me = session.account()?.userId;
    return thread.title || t("messages.with", { names: thread.participants.filter((p) => p.userId !== me).map((p) => p.name).join(", ") });
  };

  return (
    <Page title={title()} wide>
      <MembersGate>
        {() => (
          <>
            <PeopleNav />
            <Show when={error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
            <Show when={state.thread} fallback={<Show when={state.loading}><Loading /></Show>}>
              {(thread) => (
                <>
                  <Show when={thread().cursor}>
                    <button type="button" class="button" onClick={() => void load(thread().cursor ?? undefined)}>
                      {t("messages.older")}
                    </button>
                  </Show>
                  <ol class="message-list">
                    <For each={[...state.older, ...thread().messages]}>{(m) => <MessageItem conversationId={thread().conversationId} message={m} />}</For>
                  </ol>
                  <Show when={thread().blockedIds.length === 0} fallback={<p class="callout callout-info">{t("messages.blockedNotice")}</p>}>
                    <Reply conversationId={thread().conversationId} onSent={(m) => setState("thread", "messages", (list) => [...list, m])} />
                  </Show>
                </>
              )}
            </Show>
          </>
        )}
      </MembersGate>
    </Page>
  );
}

function MessageItem(props: { conversationId: string; message: Message }) {
  const [reporting, setReporting] = createSignal(false);
  const [reported, setReported] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const action = createAction();
  const authorId = createUniqueId();
  function report(event: SubmitEvent) {
    event.preventDefault();
    void action.run(async () => {
      const res = await client.api.messages[":conversationId"].messages[":messageId"].report.$post({
        param: { conversationId: segment(props.conversationId), messageId: segment(props.message.messageId) },
        json: { reason: reason() },
      });
      if (!res.ok) throw await readError(res);
      setReporting(false);
      setReported(true);
    });
  }
  return (
    <li class="message" classList={{ mine: props.message.mine }} aria-labelledby={authorId}>
      <p class="meta">
        <strong id={authorId}>{props.message.authorName}</strong> · <time datetime={props.message.createdAt}>{formatDateTime(props.message.createdAt)}</time>
      </p>
      <Show when={!props.message.deleted} fallback={<p class="post-placeholder">{t("messages.deleted")}</p>}>
        <p class="prewrap">{props.message.body}</p>
      </Show>
      <Show when={!props.message.mine && !props.message.deleted && !reported()}>
        <Show
          when={reporting()}
          fallback={
            <button type="button" class="link-button" aria-label={t("messages.reportOf", { name: props.message.authorName })} onClick={() => setReporting(true)}>
              {t("messages.report")}
            </button>
          }
        >
          <form class="form" onSubmit={report} aria-label={t("messages.reportOf", { name: props.message.authorName })}>
            <TextField name="reason" label={t("messages.reportReason")} value={reason()} onValue={setReason} autocomplete="off" />
            <div class="actions">
              <button type="submit" class="button">
                {t("messages.reportSend")}
              </button>
              <button type="button" class="button" onClick={() => setReporting(false)}>
                {t("common.cancel")}
              </button>
            </div>
          </form>
        </Show>
      </Show>
      <Show when={reported()}>
        <Status>{t("messages.reported")}</Status>
      </Show>
      <Show when={action.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </li>
  );
}

function Reply(props: { conversationId: string; onSent(message: Message): void }) {
  const [body, setBody] = createSignal("");
  const [sent, setSent] = createSignal(false);
  const form = createForm(async () => {
    setSent(false);
    const res = await client.api.messages[":conversationId"].$post({ param: { conversationId: segment(props.conversationId) }, json: { body: body() } });
    if (!res.ok) throw await readError(res);
    props.onSent((await res.json()).message);
    setBody("");
    setSent(true);
  });
  return (
    <Form form={form} submitLabel={t("messages.send")}>
      <TextAreaField
        form={form}
        name="body"
        label={t("messages.reply")}
        rows="4"
        value={body()}
        onValue={(value) => {
          setSent(false);
          setBody(value);
        }}
      />
      <p role="status" class="visually-hidden">
        {sent() ? t("messages.sent") : ""}
      </p>
    </Form>
  );
}
