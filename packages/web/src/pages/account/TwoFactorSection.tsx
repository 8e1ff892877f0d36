import { createSignal, Match, onMount, Show, Switch, type Accessor, type JSX } from "solid-js";
import type { InferResponseType } from "hono/client";
import { client, readError } from "../../api";
import { CodeField } from "../../components/CodeField";
import { createForm, Form, TextField } from "../../components/Form";
import { Status } from "../../components/Notices";
import { t } from "../../i18n";
import { useSession, type Account } from "../../session";

export type TwoFactorStep = "idle" | "password" | "scan" | "codes";
type Setup = InferResponseType<typeof client.api.account["two-factor"]["setup"]["$post"], 200>;

/** The server renders the QR code; shown as an image, its SVG can never run script in the page. */
const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
const groupedSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, "$1 ");

export function TwoFactorSection(props: { account: Accessor<Account>; step: TwoFactorStep; setStep(step: TwoFactorStep): void }) {
  const session = useSession();
  const [password, setPassword] = createSignal("");
  const [code, setCode] = createSignal("");
  const [regenerateCode, setRegenerateCode] = createSignal("");
  const [disableCode, setDisableCode] = createSignal("");
  const [setup, setSetup] = createSignal<Setup | null>(null);
  const [codes, setCodes] = createSignal<string[]>([]);
  const [message, setMessage] = createSignal<string | null>(null);

  function go(step: TwoFactorStep) {
    setPassword("");
    setCode("");
    setRegenerateCode("");
    setDisableCode("");
    props.setStep(step);
  }

  const passwordForm = createForm(async () => {
    const res = await client.api.account["two-factor"].setup.$post({ json: { password: password() } });
    if (!res.ok) throw await readError(res);
    setSetup(await res.json());
    go("scan");
  });

  const enableForm = createForm(async () => {
    const res = await client.api.account["two-factor"].enable.$post({ json: { code: code() } });
    if (!res.ok) throw await readError(res);
    setCodes((await res.json()).recoveryCodes);
    setSetup(null);
    setMessage(t("twoFactor.enabled"));
    go("codes");
    await session.refresh();
  });

  const regenerateForm = createForm(async () => {
    const res = await client.api.account["two-factor"]["recovery-codes"].$post({ json: { code: regenerateCode() } });
    if (!res.ok) throw await readError(res);
    setCodes((await res.json()).recoveryCodes);
    setMessage(null);
    go("codes");
    await session.refresh();
  });

  const disableForm = createForm(async () => {
    const res = await client.api.account["two-factor"].disable.$post({ json: { password: password(), code: disableCode() } });
    if (!res.ok) throw await readError(res);
    setMessage(t("twoFactor.disabled"));
    go("idle");
    await session.refresh();
  });

  return (
    <section class="card" id="two-factor" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t("twoFactor.title")}</h2>
      <Switch>
        <Match when={props.step === "password"}>
          <p>{t("twoFactor.confirmPassword")}</p>
          <Form
            form={passwordForm}
            submitLabel={t("twoFactor.continue")}
            extraActions={
              <button type="button" class="button" onClick={() => go("idle")}>
                {t("common.cancel")}
              </button>
            }
          >
            <FocusFirst>
              <TextField
                form={passwordForm}
                name="password"
                type="password"
                autocomplete="current-password"
                label={t("field.password")}
                value={password()}
                onValue={setPassword}
                required
              />
            </FocusFirst>
          </Form>
        </Match>
        <Match when={props.step === "scan" && setup()}>
          {(current) => (
            <>
              <p>{t("twoFactor.scan")}</p>
              <img class="qr" src={svgDataUrl(current().qrSvg)} alt={t("twoFactor.qrAlt")} width="200" height="200" />
              <p>{t("twoFactor.manual")}</p>
              <p>
                <code class="secret">{groupedSecret(current().secret)}</code>
              </p>
              <p>
                <a href={current().uri}>{t("twoFactor.openApp")}</a>
              </p>
              <p>{t("twoFactor.enterCode")}</p>
              <Form
                form={enableForm}
                submitLabel={t("twoFactor.enable")}
                extraActions={
                  <button type="button" class="button" onClick={() => go("idle")}>
                    {t("common.cancel")}
                  </button>
                }
              >
                <CodeField form={enableForm} value={code()} onValue={setCode} appOnly />
              </Form>
            </>
          )}
        </Match>
        <Match when={props.step === "codes"}>
          <Show when={message()}>{(text) => <Status>{text()}</Status>}</Show>
          <RecoveryCodes codes={codes()} email={props.account().email} onDone={() => go("idle")} />
        </Match>
        <Match when={props.account().twoFactorEnabled}>
          <Show when={message()}>{(text) => <Status>{text()}</Status>}</Show>
          <p>{t("twoFactor.on")}</p>
          <p>{t("twoFactor.codesLeft", { count: props.account().recoveryCodesLeft })}</p>
          <details class="disclosure">
            <summary>{t("twoFactor.regenerate.title")}</summary>
            <p>{t("twoFactor.regenerate.text")}</p>
            <Form form={regenerateForm} submitLabel={t("twoFactor.regenerate.submit")}>
              <CodeField form={regenerateForm} value={regenerateCode()} onValue={setRegenerateCode} />
            </Form>
          </details>
          <details class="disclosure">
            <summary>{t("twoFactor.disable.title")}</summary>
            <Form form={disableForm} submitLabel={t("twoFactor.disable.submit")}>
              <TextField
                form={disableForm}
                name="password"
                type="password"
                autocomplete="current-password"
                label={t("field.password")}
                value={password()}
                onValue={setPassword}
                required
              />
              <CodeField form={disableForm} value={disableCode()} onValue={setDisableCode} />
            </Form>
          </details>
        </Match>
        <Match when={!props.account().twoFactorEnabled}>
          <Show when={message()}>{(text) => <Status>{text()}</Status>}</Show>
          <p>{t("twoFactor.off")}</p>
          <button type="button" class="button primary" onClick={() => go("password")}>
            {t("twoFactor.start")}
          </button>
        </Match>
      </Switch>
    </section>
  );
}

function FocusFirst(props: { children: JSX.Element }) {
  let wrapper: HTMLDivElement | undefined;
  onMount(() => wrapper?.querySelector<HTMLElement>("input, select, textarea, button")?.focus());
  return <div ref={wrapper}>{props.children}</div>;
}

/** Shown once after they were made: the server keeps only digests, so this is the reader's only chance to save them. */
function RecoveryCodes(props: { codes: string[]; email: string; onDone(): void }) {
  const [copyResult, setCopyResult] = createSignal<"copied" | "failed" | null>(null);
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  const text = () => [t("recovery.fileHeader", { email: props.email }), "", ...props.codes, ""].join("\n");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text());
      setCopyResult("copied");
    } catch {
      // Clipboard access is refused outside secure contexts or without permission; the codes stay selectable.
      setCopyResult("failed");
    }
  }

  return (
    <div class="recovery">
      <h3 ref={heading} tabindex="-1">
        {t("recovery.title")}
      </h3>
      <p>{t("recovery.text")}</p>
      <ol class="codes">
        {props.codes.map((c) => (
          <li>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div class="actions">
        <button type="button" class="button" onClick={() => void copy()}>
          {t("recovery.copy")}
        </button>
        <a class="button" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text())}`} download={t("recovery.fileName")}>
          {t("recovery.download")}
        </a>
        <button type="button" class="button primary" onClick={() => props.onDone()}>
          {t("recovery.saved")}
        </button>
      </div>
      <Show when={copyResult() === "copied"}>
        <Status>{t("recovery.copied")}</Status>
      </Show>
      <Show when={copyResult() === "failed"}>
        <Status tone="info">{t("recovery.copyFailed")}</Status>
      </Show>
    </div>
  );
}
