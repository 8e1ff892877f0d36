import { createSignal, createUniqueId, For, Show } from "solid-js";
import { client, errorText, readError } from "../../api";
import { createDebouncedSearch } from "../../components/search";
import { createAction, TextField } from "../../components/Form";
import { Alert } from "../../components/Notices";
import { t } from "../../i18n/forum";
import { segment } from "./data";

interface Candidate {
  userId: string;
  name: string;
  /** The e-mail address, which only staff see: it tells apart members of the same name. */
  email?: string;
}

/**
 * Coordinators search the member directory (name or e-mail); a group's moderators, who may not
 * see the directory, find members by name through the forum's mention suggestions.
 */
async function findMembers(q: string, staff: boolean): Promise<Candidate[]> {
  if (staff) {
    const res = await client.api.members.$get({ query: { status: "approved", q } });
    if (!res.ok) throw await readError(res);
    return (await res.json()).members.map((m) => ({ userId: m.userId, name: m.name, email: m.email }));
  }
  const res = await client.api.forum.mentions.$get({ query: { q } });
  if (!res.ok) throw await readError(res);
  return (await res.json()).members;
}

export function InvitePicker(props: { groupId: string; staff: boolean; exclude: readonly string[]; onInvited(): void }) {
  const titleId = createUniqueId();
  const resultsId = createUniqueId();
  const search = createDebouncedSearch((q) => findMembers(q, props.staff));
  const { term, query, hits, loading } = search;
  const searchError = search.error;
  const [message, setMessage] = createSignal("");
  const invite = createAction();

  function inviteMember(candidate: Candidate) {
    void invite.run(async () => {
      const res = await client.api.forum.groups[":groupId"].invitations.$post({ param: { groupId: segment(props.groupId) }, json: { userId: candidate.userId } });
      if (!res.ok) throw await readError(res);
      const { member } = await res.json();
      setMessage(t(member.status === "member" ? "forum.invite.admitted" : "forum.invite.done", { name: candidate.name }));
      props.onInvited();
    });
  }

  const shown = () => hits().filter((m) => !props.exclude.includes(m.userId));

  return (
    <section class="invite" aria-labelledby={titleId}>
      <h3 id={titleId}>{t("forum.invite.title")}</h3>
      <TextField
        name="memberSearch"
        type="search"
        label={t("forum.invite.search")}
        hint={t(props.staff ? "forum.invite.hintStaff" : "forum.invite.hint")}
        value={term()}
        onValue={search.onTerm}
        autocomplete="off"
        aria-controls={resultsId}
      />
      <Show when={searchError()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
      <div id={resultsId} aria-live="polite" aria-busy={loading() ? "true" : undefined}>
        <Show when={query() && !loading() && shown().length === 0 && !searchError()}>
          <p class="empty">{t("forum.invite.none")}</p>
        </Show>
        <ul class="picker-results">
          <For each={shown()}>
            {(candidate) => (
              <li>
                <span>
                  <span class="picker-name" dir="auto">{candidate.name}</span>
                  <Show when={candidate.email}>
                    {(email) => <span class="meta"> {email()}</span>}
                  </Show>
                </span>
                <button type="button" class="button small" onClick={() => inviteMember(candidate)}>
                  {t("forum.invite.submit")}
                  <span class="visually-hidden">: {candidate.name}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </div>
      <p class="meta" role="status">
        {message()}
      </p>
      <Show when={invite.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
    </section>
  );
}
