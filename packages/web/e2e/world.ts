// The data the page-by-page browser checks look at: a member and a coordinator who can sign in, and
// something on every page they visit (an event to register for and one registered for, a forum
// thread with a reply, a report and a moderation entry, news and a sent newsletter issue).
import { createEvent } from "@vernetzt/core/event/events";
import { registerMember } from "@vernetzt/core/event/registration";
import { createCategory } from "@vernetzt/core/forum/categories";
import { createGroup } from "@vernetzt/core/forum/groups";
import { moderateThread, reportPost } from "@vernetzt/core/forum/moderation";
import { reply } from "@vernetzt/core/forum/posts";
import { createThread } from "@vernetzt/core/forum/threads";
import { approveNext } from "@vernetzt/core/newsletter/issues";
import { createNews } from "@vernetzt/core/newsletter/news";
import { runNewsletterJob } from "@vernetzt/core/newsletter/send";
import { createUser } from "@vernetzt/core/user/account";
import { VisibleError } from "@vernetzt/core/errors";
import { DEMO_PAGES } from "@vernetzt/core/info/defaults";
import { saveFolder } from "@vernetzt/core/info/documents";
import { savePage } from "@vernetzt/core/info/pages";
import { saveContact } from "@vernetzt/core/info/contacts";
import { startConversation } from "@vernetzt/core/people/messages";
import { confirmLink, createOrganisation, requestLink } from "@vernetzt/core/people/organisations";
import { saveOwnProfile } from "@vernetzt/core/people/profiles";
import { CHILDMINDER_TEMPLATE } from "@vernetzt/core/programme/constants";
import { createProgramme } from "@vernetzt/core/programme/programmes";
import { createParticipant } from "@vernetzt/core/programme/participants";
import type { UserItem } from "@vernetzt/core/user/user.entity";
import { eventInput, inDays } from "../../core/test/events-fixtures";
import { uniqueEmail } from "../../core/test/mail";

export interface Person {
  name: string;
  email: string;
  password: string;
  user: UserItem;
}

export interface World {
  member: Person;
  coordinator: Person;
  /** Public, with a required question; the member has not registered. */
  openEventId: string;
  openEventTitle: string;
  /** The member is registered. */
  registeredEventId: string;
  categoryId: string;
  threadId: string;
  threadTitle: string;
  groupId: string;
  newsId: string;
  organisationId: string;
  conversationId: string;
  programmeId: string;
  participantId: string;
  infoSlug: string;
}

const PASSWORD = "Sonnenblumen im Garten";

async function person(label: string, role: UserItem["role"], tag: string): Promise<Person> {
  const name = `${label} ${tag}`;
  const email = uniqueEmail(label.toLowerCase());
  const user = await createUser({ name, email, password: PASSWORD, role, status: "approved", emailVerified: true });
  if (!user) throw new Error(`could not create ${email}`);
  return { name, email, password: PASSWORD, user };
}

export async function buildWorld(): Promise<World> {
  // Each world's names are its own: mentions and searches never meet another test's data.
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  // The coordinator is an admin, so the admin-only pages (usage, audit) are checked too.
  const [member, coordinator] = await Promise.all([person("Mitglied", "volunteer", tag), person("Koordination", "admin", tag)]);
  const memberUser = member.user;
  const coordinatorUser = coordinator.user;
  const openEvent = await createEvent(
    coordinatorUser,
    eventInput({
      title: `Einführung für neue Ehrenamtliche ${tag}`,
      capacity: 20,
      questions: [{ label: "Brauchen Sie Kinderbetreuung?", kind: "yes_no", required: true }],
    }),
  );
  const registeredEvent = await createEvent(coordinatorUser, eventInput({ title: "Sprachcafé am Mittwoch", startsAt: inDays(9, 16), endsAt: inDays(9, 18), visibility: "members" }));
  await registerMember(memberUser, registeredEvent.eventId, {});

  const category = await createCategory(coordinatorUser, { name: `Austausch ${tag}`, description: "Fragen und Erfahrungen aus der Praxis", position: 0, postingPolicy: "members" });
  const threadTitle = "Wer kennt eine Beratungsstelle für Wohngeld?";
  const { thread } = await createThread(memberUser, category.categoryId, { title: threadTitle, body: "Eine Familie braucht Hilfe beim **Wohngeldantrag**." });
  const answer = await reply(coordinatorUser, thread.threadId, { body: `Hallo @[${member.name}], die Beratungsstelle im Rathaus hilft dienstags.` });
  await reportPost(memberUser, thread.threadId, answer.postId, "Bitte prüfen: enthält eine Telefonnummer.");
  await moderateThread(coordinatorUser, thread.threadId, { action: "pin", reason: "Häufige Frage" });
  const group = await createGroup(coordinatorUser, { name: `Supervision ${tag}`, description: "Gruppensupervision für Begleitende" });

  const news = await createNews(coordinatorUser, {
    title: "Beratung jetzt auch samstags",
    summary: "Die Migrationsberatung bietet **samstags** offene Sprechstunden an.",
    category: "local_offers",
    sourceUrl: null,
    status: "published",
  });

  // People: a profile, an organisation both belong to, a conversation between them.
  const members = "members" as const;
  await saveOwnProfile(memberUser, {
    bio: "Ich begleite Familien zu Behörden.",
    areas: ["accompaniment", "language_support"],
    languages: ["de", "ar"],
    town: "Weststadt",
    availability: "Montags ab 16 Uhr",
    visibility: { photo: members, bio: members, areas: members, languages: members, town: members, organisations: members, availability: members },
    listed: true,
    messageNotices: true,
  });
  const organisation = await createOrganisation(coordinatorUser, {
    name: `Café Willkommen ${tag}`,
    description: "Offenes Begegnungscafé mit Sprachtreff.",
    areas: ["language_support"],
    contact: "Dienstags 15–18 Uhr",
    website: "https://example.org/cafe",
  });
  await requestLink(memberUser, organisation.orgId);
  await confirmLink(coordinatorUser, organisation.orgId, memberUser.userId);
  const { conversationId } = await startConversation(memberUser, {
    participantIds: [coordinatorUser.userId],
    title: "",
    body: "Hallo, haben Sie Unterlagen zum Wohngeld?",
  });

  // An accompaniment programme the coordinator runs, with the member as mentor.
  const programme = await createProgramme(coordinatorUser, {
    name: `Qualifizierung Kindertagespflege ${tag}`,
    description: "Begleitung durch die Qualifizierung.",
    courseStart: new Date().toISOString().slice(0, 10),
    stages: CHILDMINDER_TEMPLATE.de,
    coordinatorIds: [],
  });
  const { participantId } = await createParticipant(coordinatorUser, programme.programmeId, {
    name: "Hevin Demir",
    email: "",
    phone: "+49 170 0000001",
    languages: ["Kurmandschi", "Deutsch"],
    coordinatorId: coordinatorUser.userId,
    mentorIds: [memberUser.userId],
    consentDate: new Date().toISOString().slice(0, 10),
    consentText: "Ich willige in die Speicherung meiner Daten für die Begleitung ein.",
    notes: "",
  });

  // Information: a content page, a contact person, a documents folder.
  const infoPage = DEMO_PAGES[0]!;
  await savePage(coordinatorUser, infoPage.slug, infoPage).catch((err: unknown) => {
    // Each browser test file builds its world in the same table: the demo page may be there already.
    if (!(err instanceof VisibleError && err.code === "slug_taken")) throw err;
  });
  await saveContact(coordinatorUser, undefined, {
    name: "Miriam Köhler",
    role: "Koordination",
    phone: "+49 5551 123456",
    email: "ehrenamt@example.org",
    address: "Hauptstraße 1, 12345 Musterstadt",
    officeHours: "Di und Do 9–12 Uhr",
    position: 0,
  });
  await saveFolder(coordinatorUser, undefined, { name: `Konzepte ${tag}`, description: "Das Konzept des Projekts.", visibility: "public", position: 0 });

  return {
    organisationId: organisation.orgId,
    conversationId,
    programmeId: programme.programmeId,
    participantId,
    infoSlug: infoPage.slug,
    member,
    coordinator,
    openEventId: openEvent.eventId,
    openEventTitle: openEvent.title,
    registeredEventId: registeredEvent.eventId,
    categoryId: category.categoryId,
    threadId: thread.threadId,
    threadTitle,
    groupId: group.groupId,
    newsId: news.newsId,
  };
}

/**
 * A newsletter issue in the archive: the next issue approved and sent at once. Only one test file
 * may call it, as two issues approved at once would be one.
 */
export async function sentIssue(editor: Person): Promise<number> {
  await approveNext(editor.user, true);
  const { finished } = await runNewsletterJob({ ratePerSecond: 500 });
  const number = finished.at(-1);
  if (number === undefined) throw new Error("the newsletter job sent no issue");
  return number;
}
