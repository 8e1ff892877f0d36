import { createEffect, createSignal, Match, on, Show, Suspense, Switch, type ParentProps } from "solid-js";
import { A, useLocation, useNavigate } from "@solidjs/router";
import { ApiError, errorText } from "../api";
import { t } from "../i18n";
import { announce, dismissNotice, notice } from "../announcements";
import { isStaff, useSession } from "../session";
import { Loading } from "./Guards";
import { LanguageSwitch } from "./LanguageSwitch";
import { NotificationBell } from "./forum/NotificationBell";
import { ProgrammesNavItem } from "../programmes/NavItem";
import { MessagesLink } from "./MessagesLink";

function Header() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  // On narrow screens the navigation folds behind a menu button; it folds again on every page change.
  const [menuOpen, setMenuOpen] = createSignal(false);
  createEffect(on(() => location.pathname, () => setMenuOpen(false), { defer: true }));
  let menuToggle: HTMLButtonElement | undefined;

  // Escape folds the open menu and gives focus back to its button, as keyboard users expect of menus.
  function closeMenuOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape" || !menuOpen() || !menuToggle?.checkVisibility()) return;
    setMenuOpen(false);
    menuToggle.focus();
  }

  async function signOut() {
    try {
      await session.signOut();
      announce(() => t("session.signedOut"), "/");
      navigate("/");
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      announce(() => errorText(err), location.pathname, "error");
    }
  }

  return (
    <header class="site-header" onKeyDown={closeMenuOnEscape}>
      <div class="site-header-inner">
        <A href="/" class="brand" end>
          <span class="brand-name">{t("brand")}</span>
          <span class="brand-tagline">{t("brand.tagline")}</span>
        </A>
        {/* Outside the foldable list, so the unread count stays in sight on phones too. */}
        <Show when={session.account()?.status === "approved"}>
          <div class="header-bell">
            <NotificationBell />
          </div>
        </Show>
        {/* Never folded away: someone who cannot read the current language must still find their own. */}
        <div class="header-language">
          <LanguageSwitch />
        </div>
        <button
          ref={menuToggle}
          type="button"
          class="menu-toggle"
          aria-expanded={menuOpen() ? "true" : "false"}
          aria-controls="site-nav-list"
          onClick={() => setMenuOpen(!menuOpen())}
        >
          {t("nav.menu")}
        </button>
        <nav aria-label={t("nav.label")} class="site-nav" classList={{ open: menuOpen() }}>
          <ul id="site-nav-list">
            <li>
              <A href="/events">{t("nav.events")}</A>
            </li>
            <li>
              <A href="/news">{t("nav.news")}</A>
            </li>
            <li>
              <A href="/newsletter">{t("nav.newsletter")}</A>
            </li>
            <li>
              <A href="/organisations">{t("nav.organisations")}</A>
            </li>
            <li>
              <A href="/info">{t("nav.info")}</A>
            </li>
            <Switch>
              <Match when={session.account()}>
                {(account) => (
                  <>
                    <Show when={account().status === "approved"}>
                      <li>
                        <A href="/me/events">{t("nav.myEvents")}</A>
                      </li>
                    </Show>
                    <Show when={account().status === "approved"}>
                      <li>
                        <A href="/forum">{t("nav.forum")}</A>
                      </li>
                      <li>
                        <A href="/people">{t("nav.people")}</A>
                      </li>
                      <li>
                        <MessagesLink />
                      </li>
                    </Show>
                    <ProgrammesNavItem account={account()} />
                    <li>
                      <A href="/account">{t("nav.account")}</A>
                    </li>
                    <Show when={isStaff(account())}>
                      <li>
                        <A href="/admin/members">{t("nav.members")}</A>
                      </li>
                      <li>
                        <A href="/admin/newsletter">{t("nav.newsletterAdmin")}</A>
                      </li>
                    </Show>
                    <Show when={account().status === "approved" && account().role === "admin"}>
                      <li>
                        <A href="/admin/usage">{t("nav.usage")}</A>
                      </li>
                      <li>
                        <A href="/admin/audit">{t("nav.audit")}</A>
                      </li>
                    </Show>
                    <li>
                      <button type="button" class="link-button" onClick={() => void signOut()}>
                        {t("nav.signout")}
                      </button>
                    </li>
                  </>
                )}
              </Match>
              <Match when={session.account() === null}>
                <li>
                  <A href="/signin">{t("nav.signin")}</A>
                </li>
                <li>
                  <A href="/signup">{t("nav.signup")}</A>
                </li>
              </Match>
            </Switch>
          </ul>
        </nav>
      </div>
    </header>
  );
}

function Footer() {
  return (
    <footer class="site-footer">
      <div class="site-footer-inner">
        <p>{t("footer.about")}</p>
        <nav aria-label={t("footer.label")}>
          <ul>
            <li>
              <A href="/impressum">{t("footer.imprint")}</A>
            </li>
            <li>
              <A href="/datenschutz">{t("footer.privacy")}</A>
            </li>
            <li>
              <A href="/kontakt">{t("footer.contact")}</A>
            </li>
            <li>
              <A href="/dokumente">{t("footer.documents")}</A>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

export function Layout(props: ParentProps) {
  const session = useSession();
  const location = useLocation();
  let main: HTMLElement | undefined;

  createEffect(
    on(
      () => location.pathname,
      (path) => {
        const current = notice();
        if (current && current.path !== path) dismissNotice();
      },
    ),
  );
  const visibleNotice = () => {
    const current = notice();
    return current && current.path === location.pathname ? current : null;
  };

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main?.focus();
        }}
      >
        {t("skipToContent")}
      </a>
      <Header />
      <main id="main" ref={main} tabindex="-1">
        <div class="announcements" role="status">
          <Show when={session.loadError()}>
            {(error) => (
              <div class="banner banner-error">
                <span>{t("session.loadFailed", { reason: errorText(error()) })}</span>
                <button type="button" class="button" onClick={() => void session.refresh()}>
                  {t("common.retry")}
                </button>
              </div>
            )}
          </Show>
          {/* Keyed: the notice depends on the location, which a pending navigation holds apart from the
              committed one; a language switch meanwhile must not read it through a stale accessor. */}
          <Show when={visibleNotice()} keyed>
            {(current) => (
              <div class={`banner banner-${current.tone}`}>
                <span>{current.text()}</span>
                <button type="button" class="banner-close" onClick={dismissNotice}>
                  <span aria-hidden="true">×</span>
                  <span class="visually-hidden">{t("common.dismiss")}</span>
                </button>
              </div>
            )}
          </Show>
        </div>
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
      </main>
      <Footer />
    </>
  );
}
