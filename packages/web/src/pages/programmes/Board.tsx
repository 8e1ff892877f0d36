import { For, Match, Show, Switch } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { client, errorText, readError } from "../../api";
import { Loading, SignedIn } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDate, t, type MessageKey } from "../../i18n/programmes";
import { LogSection, loadProgrammeLog } from "../../programmes/ProgrammeLog";
import type { BoardData, BoardRow } from "../../programmes/types";

export default function Board() {
  const params = useParams<{ programmeId: string }>();
  const board = createLoader(async () => {
    const res = await client.api.programmes[":programmeId"].board.$get({ param: { programmeId: params.programmeId } });
    if (!res.ok) throw await readError(res);
    return res.json();
  });
  return (
    <Page title={board.data()?.programme.name ?? t("board.title")} wide>
      <SignedIn>
        {() => (
          <Switch fallback={<Loading />}>
            <Match when={board.error()}>{(e) => <Alert>{errorText(e())}</Alert>}</Match>
            <Match when={board.data()}>{(data) => <BoardView data={data()} />}</Match>
          </Switch>
        )}
      </SignedIn>
    </Page>
  );
}

const participantHref = (programmeId: string, participantId: string) => `/programmes/${programmeId}/participants/${participantId}`;

function BoardView(props: { data: BoardData }) {
  const programme = () => props.data.programme;
  const coordinator = () => programme().role === "coordinator";
  const needing = () => props.data.rows.filter((r) => r.attention.length > 0);
  return (
    <>
      <p class="meta">
        <span class="badge">{t(`programmes.role.${programme().role}`)}</span> {t("programmes.courseStart")}: {formatDate(programme().courseStart)}
      </p>
      <Show when={programme().description}>
        <p>{programme().description}</p>
      </Show>
      <Show when={coordinator()}>
        <div class="actions">
          <A class="button primary" href={`/programmes/${programme().programmeId}/participants/new`}>
            {t("board.addParticipant")}
          </A>
          <A class="button" href={`/programmes/${programme().programmeId}/edit`}>
            {t("board.edit")}
          </A>
        </div>
      </Show>

      <section aria-labelledby="attention-heading">
        <h2 id="attention-heading">{t("board.attention")}</h2>
        <Show when={needing().length > 0} fallback={<p class="empty">{t("board.noAttention")}</p>}>
          <ul class="attention-list">
            <For each={needing()}>
              {(row) => (
                <li>
                  <A href={participantHref(programme().programmeId, row.participantId)}>{row.name}</A>: {row.attention.map((a) => t(`attention.${a}`)).join(", ")}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <section aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">{t("board.deadlines")}</h2>
        <Show when={props.data.deadlines.length > 0} fallback={<p class="empty">{t("board.noDeadlines")}</p>}>
          <ul class="deadline-list">
            <For each={props.data.deadlines}>
              {(d) => (
                <li classList={{ overdue: d.overdue }}>
                  <span class="deadline-date">{formatDate(d.dueDate)}</span>{" "}
                  <Show when={d.overdue}>
                    <span class="badge badge-danger">{t("board.overdue")}</span>{" "}
                  </Show>
                  <A href={participantHref(programme().programmeId, d.participantId)}>{d.name}</A>: {d.title}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("board.participants")}</h2>
        <Show when={props.data.rows.length > 0} fallback={<p class="empty">{t("board.noParticipants")}</p>}>
          <div class="table-scroll">
            <table class="board-table">
              <thead>
                <tr>
                  <th scope="col">{t("board.name")}</th>
                  <th scope="col">{t("board.stands")}</th>
                  <th scope="col">{t("board.progress")}</th>
                  <th scope="col">{t("board.lastContact")}</th>
                  <th scope="col">{t("board.mentors")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.data.rows}>{(row) => <Row row={row} programmeId={programme().programmeId} />}</For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>

      <Show when={coordinator()}>
        <LogSection
          title={t("board.log")}
          showLabel={t("board.logShow")}
          load={() => loadProgrammeLog(programme().programmeId)}
          describe={(e) => t(`programmeLog.${e.action}` as MessageKey)}
        />
      </Show>
    </>
  );
}

function Row(props: { row: BoardRow; programmeId: string }) {
  const total = () => props.row.milestones.filter((m) => m.status !== "not_applicable").length;
  return (
    <tr>
      <th scope="row">
        <A href={participantHref(props.programmeId, props.row.participantId)}>{props.row.name}</A>
        <For each={props.row.attention}>{(a) => <span class="badge badge-warning">{t(`attention.${a}`)}</span>}</For>
      </th>
      <td data-label={t("board.stands")}>
        <Show when={props.row.current} fallback={t("board.allDone")}>
          {(m) => (
            <>
              {m().title}
              <Show when={m().dueDate}>{(due) => <span class="meta"> ({t("board.dueOn", { date: formatDate(due()) })})</span>}</Show>
            </>
          )}
        </Show>
      </td>
      <td data-label={t("board.progress")}>{t("board.progressValue", { done: props.row.done, total: total() })}</td>
      <td data-label={t("board.lastContact")}>{props.row.lastContactAt ? formatDate(props.row.lastContactAt) : t("board.noContact")}</td>
      <td data-label={t("board.mentors")}>{props.row.mentors.map((m) => m.name).join(", ")}</td>
    </tr>
  );
}
