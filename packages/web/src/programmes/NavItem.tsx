import { createEffect, createSignal, on, Show } from "solid-js";
import { A } from "@solidjs/router";
import { client } from "../api";
import { t } from "../i18n";
import { isStaff, type Account } from "../session";

/** Whether a volunteer mentors anyone; quietly "no" if the answer fails. */
async function mentorsSomeone(): Promise<boolean> {
  try {
    const res = await client.api.programmes.$get();
    return res.ok && (await res.json()).programmes.length > 0;
  } catch {
    // Only decides whether a menu entry shows; the page itself reports errors.
    return false;
  }
}

/** The menu entry for accompaniment programmes: for coordinators, and for members who mentor someone. */
export function ProgrammesNavItem(props: { account: Account }) {
  const [mentor, setMentor] = createSignal(false);
  const volunteerId = () => (props.account.status === "approved" && !isStaff(props.account) ? props.account.userId : undefined);
  // Not a resource: the header sits outside the page's Suspense and must never wait for this.
  createEffect(
    on(volunteerId, async (userId) => {
      setMentor(false);
      if (!userId) return;
      const answer = await mentorsSomeone();
      if (volunteerId() === userId) setMentor(answer);
    }),
  );
  return (
    <Show when={props.account.status === "approved" && (isStaff(props.account) || mentor())}>
      <li>
        <A href="/programmes">{t("nav.programmes")}</A>
      </li>
    </Show>
  );
}
