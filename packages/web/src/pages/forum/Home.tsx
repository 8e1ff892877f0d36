import { createMemo, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { errorText } from "../../api";
import { Loading } from "../../components/Guards";
import { createLoader } from "../../components/loader";
import { Alert } from "../../components/Notices";
import { Page } from "../../components/Page";
import { formatDateTime, t } from "../../i18n/forum";
import { isStaff, type Account } from "../../session";
import { CategoryForm } from "./CategoryForm";
import { categoryHref, fetchCategories, fetchGroups, groupHref, threadHref, type CategoryView } from "./data";
import { Disclosure } from "./Disclosure";
import { ForumGate, ForumNav } from "./Gate";
import { GroupStatusBadge } from "./GroupStatusBadge";
import { SearchBox } from "./SearchBox";

export default function ForumHome() {
  return (
    <Page title={t("forum.title")} wide>
      <ForumGate>
        {(account) => (
          <>
            <ForumNav />
            <ForumOverview account={account()} />
          </>
        )}
      </ForumGate>
    </Page>
  );
}

function ForumOverview(props: { account: Account }) {
  const categories = createLoader(fetchCategories);
  const groups = createLoader(fetchGroups);

  // Everyone's categories first, then one section per closed group the member belongs to.
  const sections = createMemo(() => {
    const all = categories.data() ?? [];
    const byGroup = new Map<string, { groupId: string; name: string; categories: CategoryView[] }>();
    for (const category of all) {
      if (!category.group) continue;
      const section = byGroup.get(category.group.groupId) ?? { ...category.group, categories: [] };
      section.categories.push(category);
      byGroup.set(category.group.groupId, section);
    }
    return { open: all.filter((c) => !c.group), groups: [...byGroup.values()] };
  });

  return (
    <div class="forum forum-home">
      <p class="lead">{t("forum.lead")}</p>
      <SearchBox />
      <Show when={categories.error()}>
        {(err) => (
          <>
            <Alert>{errorText(err())}</Alert>
            <button type="button" class="button" onClick={() => void categories.reload()}>
              {t("common.retry")}
            </button>
          </>
        )}
      </Show>
      <Show when={categories.data()} fallback={<Show when={!categories.error()}><Loading /></Show>}>
        <section aria-labelledby="forum-categories">
          <h2 id="forum-categories">{t("forum.categories")}</h2>
          <CategoryList categories={sections().open} />
          <Show when={sections().open.length === 0}>
            <p class="empty">{t("forum.categories.empty")}</p>
          </Show>
        </section>
        <For each={sections().groups}>
          {(group) => (
            <section aria-labelledby={`group-${group.groupId}`}>
              <h2 id={`group-${group.groupId}`}>
                <A href={groupHref(group.groupId)}>{t("forum.groupCategories", { name: group.name })}</A>
              </h2>
              <CategoryList categories={group.categories} />
            </section>
          )}
        </For>
      </Show>

      <section class="forum-groups" aria-labelledby="forum-groups">
        <h2 id="forum-groups">{t("forum.groups.title")}</h2>
        <p>{t("forum.groups.lead")}</p>
        <Show when={groups.error()}>{(err) => <Alert>{errorText(err())}</Alert>}</Show>
        <Show when={(groups.data() ?? []).length > 0}>
          <ul class="group-summary">
            <For each={groups.data()}>
              {(group) => (
                <li>
                  <A href={groupHref(group.groupId)} dir="auto">{group.name}</A>
                  <GroupStatusBadge group={group} />
                </li>
              )}
            </For>
          </ul>
        </Show>
        <A href="/forum/groups">{t("forum.groups.all")}</A>
      </section>

      <Show when={isStaff(props.account)}>
        <Disclosure title={t("forum.categoryForm.newTitle")}>
          <p class="hint">{t("forum.categoryForm.groupHint")}</p>
          <CategoryForm onSaved={() => void categories.reload()} />
        </Disclosure>
      </Show>
    </div>
  );
}

function CategoryList(props: { categories: readonly CategoryView[] }) {
  return (
    <ul class="category-list">
      <For each={props.categories}>
        {(category) => (
          <li class="category-row">
            <div class="category-main">
              <h3>
                <A href={categoryHref(category.categoryId)} dir="auto">{category.name}</A>
                <Show when={category.postingPolicy === "coordinators"}>
                  <span class="badge">{t("forum.policy.badge")}</span>
                </Show>
              </h3>
              <Show when={category.description}>
                <p dir="auto">{category.description}</p>
              </Show>
              <p class="meta">{t("forum.category.counts", { threads: category.threadCount, posts: category.postCount })}</p>
            </div>
            <div class="category-latest">
              <Show when={category.lastActivity} fallback={<p class="meta">{t("forum.category.noActivity")}</p>}>
                {(last) => (
                  <p class="meta">
                    <span class="visually-hidden">{t("forum.category.latest")} </span>
                    <A href={threadHref(last().threadId)} dir="auto">{last().threadTitle}</A>
                    <br />
                    {t("forum.category.latestBy", { name: last().authorName, date: formatDateTime(last().at) })}
                  </p>
                )}
              </Show>
            </div>
          </li>
        )}
      </For>
    </ul>
  );
}
