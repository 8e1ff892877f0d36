import { createSignal, For, Show } from "solid-js";
import { client, errorText, readError } from "../../api";
import { createForm, Form } from "../../components/Form";
import { createLoader } from "../../components/loader";
import { Alert, Status } from "../../components/Notices";
import { formatDateTime, t } from "../../i18n";

/** A short, readable name for a browser's user-agent string. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return t("sessions.unknownDevice");
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\/|FxiOS/.test(userAgent)
      ? "Firefox"
      : /Chrome\/|CriOS/.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : undefined;
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad|iPod/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Macintosh|Mac OS X/.test(userAgent)
          ? "macOS"
          : /CrOS/.test(userAgent)
            ? "ChromeOS"
            : /Linux/.test(userAgent)
              ? "Linux"
              : undefined;
  if (browser && system) return t("sessions.deviceOn", { browser, system });
  return browser ?? system ?? t("sessions.unknownDevice");
}

export function SessionsSection() {
  const sessions = createLoader(async () => {
    const res = await client.api.account.sessions.$get();
    if (!res.ok) throw await readError(res);
    return (await res.json()).sessions;
  });
  const [ended, setEnded] = createSignal<number | null>(null);
  const form = createForm(async () => {
    const res = await client.api.account.sessions["end-others"].$post({ json: {} });
    if (!res.ok) throw await readError(res);
    setEnded((await res.json()).ended);
    await sessions.reload();
  });

  return (
    <section class="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("sessions.title")}</h2>
      <p>{t("sessions.intro")}</p>
      <Show when={sessions.error()}>{(error) => <Alert>{errorText(error())}</Alert>}</Show>
      <Show when={sessions.data()} fallback={<p class="loading">{t("common.loading")}</p>}>
        {(list) => (
          <ul class="sessions">
            <For each={list()}>
              {(session) => (
                <li>
                  <span class="device">{describeDevice(session.userAgent)}</span>
                  <Show when={session.current}>
                    <span class="badge badge-accent">{t("sessions.current")}</span>
                  </Show>
                  <span class="meta">{t("sessions.since", { date: formatDateTime(session.createdAt) })}</span>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
      <Form form={form} submitLabel={t("sessions.endOthers")} class="form form-inline" secondary>
        {null}
      </Form>
      <Show when={ended() !== null}>
        <Status>{t("sessions.ended", { count: ended() ?? 0 })}</Status>
      </Show>
    </section>
  );
}
