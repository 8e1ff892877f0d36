import { createEffect, createSignal, on, Match, Show, Switch } from "solid-js";
import { useNavigate, useParams } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { ApiError, client, errorText, readError } from "../../api";
import { createForm, Form, TextField } from "../../components/Form";
import { Loading } from "../../components/Guards";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDate, t } from "../../i18n/events";
import { formatWhen, kindLabel } from "../../events/format";
import { segment } from "../../events/links";

type Verified = InferResponseType<(typeof client.api.certificates)[":code"]["$get"], 200>["certificate"];

/** Anyone holding a certificate of participation (an employer, an authority) checks it here by its code. */
export default function Certificate() {
  const params = useParams<{ code?: string }>();
  const navigate = useNavigate();
  const [certificate, setCertificate] = createSignal<Verified>();
  const [error, setError] = createSignal<ApiError | null>(null);
  const [code, setCode] = createSignal(params.code ?? "");

  createEffect(
    on(
      () => params.code,
      async (current) => {
        setCertificate(undefined);
        setError(null);
        if (!current) return;
        try {
          const res = await client.api.certificates[":code"].$get({ param: { code: segment(current.trim().toUpperCase()) } });
          if (!res.ok) throw await readError(res);
          setCertificate((await res.json()).certificate);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          setError(err);
        }
      },
    ),
  );

  const form = createForm(async () => {
    navigate(`/certificates/${encodeURIComponent(code().trim().toUpperCase())}`);
  });

  return (
    <Page title={t("certificate.title")}>
      <Switch>
        <Match when={!params.code}>
          <p>{t("certificate.intro")}</p>
        </Match>
        <Match when={error()}>
          {(failed) => <Alert>{failed().status === 404 || failed().code === "invalid_input" ? t("certificate.unknown") : errorText(failed())}</Alert>}
        </Match>
        <Match when={certificate()}>
          {(verified) => (
            <section class="card certificate" aria-labelledby="certificate-valid">
              <h2 id="certificate-valid" class="certificate-valid">
                {t("certificate.valid")}
              </h2>
              <dl class="event-facts">
                <div>
                  <dt>{t("certificate.name")}</dt>
                  <dd>{verified().name}</dd>
                </div>
                <div>
                  <dt>{t("certificate.event")}</dt>
                  <dd>
                    {verified().eventTitle} ({kindLabel(verified().eventKind)})
                  </dd>
                </div>
                <div>
                  <dt>{t("event.when")}</dt>
                  <dd>{formatWhen(verified())}</dd>
                </div>
                <div>
                  <dt>{t("event.organiser")}</dt>
                  <dd>{verified().organiser}</dd>
                </div>
                <Show when={verified().topics.length > 0}>
                  <div>
                    <dt>{t("event.topics")}</dt>
                    <dd>{verified().topics.join(", ")}</dd>
                  </div>
                </Show>
                <div>
                  <dt>{t("certificate.code")}</dt>
                  <dd>
                    <code>{verified().code}</code>, {t("certificate.issued", { date: formatDate(verified().issuedAt) })}
                  </dd>
                </div>
              </dl>
            </section>
          )}
        </Match>
        <Match when={params.code}>
          <Loading />
        </Match>
      </Switch>
      <Form form={form} submitLabel={t("certificate.check")} secondary={!!params.code}>
        <TextField
          form={form}
          name="code"
          label={t("certificate.codeLabel")}
          hint={t("certificate.codeHint")}
          value={code()}
          onValue={setCode}
          autocapitalize="characters"
          spellcheck={false}
          autocomplete="off"
          required
        />
      </Form>
    </Page>
  );
}
