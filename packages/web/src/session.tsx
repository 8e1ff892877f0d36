import { createContext, createSignal, useContext, type Accessor, type ParentProps } from "solid-js";
import type { InferResponseType } from "hono/client";
import { ApiError, client, readError } from "./api";
import { locale, setLocale } from "./i18n";

export type Account = NonNullable<InferResponseType<typeof client.api.auth.session.$get>["account"]>;

export interface Session {
  /** undefined while the first check runs, null when signed out. */
  account: Accessor<Account | null | undefined>;
  /** Why the session could not be checked (the server was unreachable), if so. */
  loadError: Accessor<ApiError | null>;
  /** Takes an account the API just returned; its language becomes the interface language. */
  setAccount(account: Account | null): void;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session>();

export function isStaff(account: Account): boolean {
  return account.status === "approved" && (account.role === "coordinator" || account.role === "admin");
}

export function SessionProvider(props: ParentProps) {
  const [account, setAccountSignal] = createSignal<Account | null | undefined>(undefined);
  const [loadError, setLoadError] = createSignal<ApiError | null>(null);

  function setAccount(next: Account | null) {
    setAccountSignal(next);
    if (next && next.locale !== locale()) void setLocale(next.locale);
  }

  async function refresh() {
    try {
      const res = await client.api.auth.session.$get();
      if (!res.ok) throw await readError(res);
      setLoadError(null);
      setAccount((await res.json()).account);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setLoadError(err);
      setAccountSignal(null);
    }
  }

  async function signOut() {
    const res = await client.api.auth.signout.$post({ json: {} });
    if (!res.ok) throw await readError(res);
    setAccountSignal(null);
  }

  void refresh();
  const session: Session = { account, loadError, setAccount, refresh, signOut };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession needs a <SessionProvider> above it.");
  return session;
}
