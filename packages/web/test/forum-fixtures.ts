// Canned forum API answers, in the shapes the API's types give them.
import type { CategoryView, NotificationView, PostView, SearchResult, ThreadView } from "../src/pages/forum/data";
import { json } from "./harness";

export const CATEGORY_ID = "fca_01jd0000000000000000000001";
export const THREAD_ID = "thr_01jd0000000000000000000001";
export const AMIRA = "usr_01jd0000000000000000000001";
export const JONAS = "usr_01jd0000000000000000000002";
export const threadPath = `/api/forum/threads/${THREAD_ID}`;

/** Post ids sort in writing order, like the API's ULIDs. */
export const postId = (n: number) => `pst_01jd${String(n).padStart(22, "0")}`;

export function categoryView(overrides: Partial<CategoryView> = {}): CategoryView {
  return {
    categoryId: CATEGORY_ID,
    name: "Austausch",
    description: "Fragen, Tipps und Erfahrungen aus der Praxis.",
    position: 1,
    postingPolicy: "members",
    group: null,
    threadCount: 1,
    postCount: 2,
    lastActivity: null,
    canPost: true,
    ...overrides,
  };
}

export function threadView(overrides: Partial<ThreadView> = {}): ThreadView {
  return {
    threadId: THREAD_ID,
    categoryId: CATEGORY_ID,
    title: "Anerkennung von Berufsabschlüssen",
    authorId: JONAS,
    authorName: "Jonas Becker",
    createdAt: "2026-11-02T09:00:00.000Z",
    editedAt: null,
    lastActivityAt: "2026-11-02T10:00:00.000Z",
    lastPostId: postId(2),
    lastAuthorName: "Jonas Becker",
    postCount: 2,
    replyCount: 1,
    pinned: false,
    locked: false,
    status: "visible",
    unread: false,
    category: { categoryId: CATEGORY_ID, name: "Austausch", groupId: null },
    openingPostId: postId(1),
    following: true,
    lastReadPostId: postId(2),
    canReply: true,
    canEditTitle: false,
    canModerate: false,
    ...overrides,
  };
}

export function postView(n: number, overrides: Partial<PostView> = {}): PostView {
  return {
    postId: postId(n),
    threadId: THREAD_ID,
    authorId: JONAS,
    authorName: "Jonas Becker",
    createdAt: `2026-11-02T0${Math.min(n, 9)}:30:00.000Z`,
    editedAt: null,
    status: "visible",
    isOpening: n === 1,
    bodyHtml: `<p>Beitrag Nummer ${n}</p>`,
    body: null,
    quote: null,
    mentions: [],
    isNew: false,
    mine: false,
    canEdit: false,
    canDelete: false,
    canReport: true,
    ...overrides,
  };
}

export function searchResult(overrides: Partial<SearchResult> = {}): SearchResult {
  return {
    threadId: THREAD_ID,
    postId: postId(2),
    threadTitle: "Anerkennung von Berufsabschlüssen",
    categoryId: CATEGORY_ID,
    categoryName: "Austausch",
    authorName: "Jonas Becker",
    createdAt: "2026-11-02T10:00:00.000Z",
    isOpening: false,
    excerpt: "Für Pflegeberufe ist das Landesamt zuständig.",
    ...overrides,
  };
}

export function notificationView(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    notificationId: "fnt_01jd0000000000000000000001",
    kind: "mention",
    actorName: "Jonas Becker",
    subject: "Anerkennung von Berufsabschlüssen",
    threadId: THREAD_ID,
    postId: postId(2),
    groupId: null,
    read: false,
    createdAt: "2026-11-02T10:00:00.000Z",
    ...overrides,
  };
}

/** The thread page's two reads: the thread, and its posts (one page). */
export function threadRoutes(thread: ThreadView, posts: PostView[]) {
  return {
    [`GET ${threadPath}`]: () => json(200, { thread }),
    [`GET ${threadPath}/posts`]: () => json(200, { posts, cursor: null, lastReadPostId: thread.lastReadPostId }),
    [`POST ${threadPath}/read`]: () => json(200, { lastReadPostId: thread.lastPostId }),
    "GET /api/forum/notifications/unread-count": () => json(200, { unreadCount: 0 }),
  };
}
