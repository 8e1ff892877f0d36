import { lazy } from "solid-js";
import { Route, Router } from "@solidjs/router";
import { Layout } from "./components/Layout";
import { SessionProvider } from "./session";

const Home = lazy(() => import("./pages/Home"));
const SignUp = lazy(() => import("./pages/SignUp"));
const SignIn = lazy(() => import("./pages/SignIn"));
const Verify = lazy(() => import("./pages/Verify"));
const ForgotPassword = lazy(() => import("./pages/ForgotPassword"));
const ResetPassword = lazy(() => import("./pages/ResetPassword"));
const ConfirmEmail = lazy(() => import("./pages/ConfirmEmail"));
const Account = lazy(() => import("./pages/Account"));
const AdminMembers = lazy(() => import("./pages/AdminMembers"));
const AdminUsage = lazy(() => import("./pages/AdminUsage"));
const Imprint = lazy(() => import("./pages/info/ContentPage").then((m) => ({ default: m.Impressum })));
const Privacy = lazy(() => import("./pages/info/ContentPage").then((m) => ({ default: m.Datenschutz })));
const InfoPage = lazy(() => import("./pages/info/ContentPage"));
const InfoIndex = lazy(() => import("./pages/info/InfoIndex"));
const Contact = lazy(() => import("./pages/info/Contact"));
const Documents = lazy(() => import("./pages/info/Documents"));
const AdminAudit = lazy(() => import("./pages/AdminAudit"));
const NotFound = lazy(() => import("./pages/NotFound"));
const EventList = lazy(() => import("./pages/events/EventList"));
const EventDetail = lazy(() => import("./pages/events/EventDetail"));
const EventEditor = lazy(() => import("./pages/events/EventEditor"));
const EventParticipants = lazy(() => import("./pages/events/Participants"));
const EventCheckIn = lazy(() => import("./pages/events/CheckIn"));
const MyEvents = lazy(() => import("./pages/events/MyEvents"));
const CancelRegistration = lazy(() => import("./pages/events/CancelRegistration"));
const Certificate = lazy(() => import("./pages/events/Certificate"));
const NewsList = lazy(() => import("./pages/news/NewsList"));
const NewsEditor = lazy(() => import("./pages/news/NewsEditor"));
const Newsletter = lazy(() => import("./pages/newsletter/Newsletter"));
const NewsletterIssue = lazy(() => import("./pages/newsletter/Issue"));
const NewsletterConfirm = lazy(() => import("./pages/newsletter/Confirm"));
const NewsletterUnsubscribe = lazy(() => import("./pages/newsletter/Unsubscribe"));
const NewsletterAdmin = lazy(() => import("./pages/newsletter/Admin"));
const ForumHome = lazy(() => import("./pages/forum/Home"));
const ForumCategory = lazy(() => import("./pages/forum/Category"));
const ForumThread = lazy(() => import("./pages/forum/Thread"));
const ForumSearch = lazy(() => import("./pages/forum/Search"));
const ForumNotifications = lazy(() => import("./pages/forum/Notifications"));
const ForumGroups = lazy(() => import("./pages/forum/Groups"));
const ForumGroup = lazy(() => import("./pages/forum/Group"));
const ForumReports = lazy(() => import("./pages/forum/Reports"));
const ForumModerationLog = lazy(() => import("./pages/forum/ModerationLog"));
const ForumSettings = lazy(() => import("./pages/forum/Settings"));
const ForumUnsubscribe = lazy(() => import("./pages/forum/Unsubscribe"));
const Programmes = lazy(() => import("./pages/programmes/Programmes"));
const ProgrammeEditor = lazy(() => import("./pages/programmes/ProgrammeEditor"));
const ProgrammeBoard = lazy(() => import("./pages/programmes/Board"));
const ParticipantForm = lazy(() => import("./pages/programmes/ParticipantForm"));
const ProgrammeParticipant = lazy(() => import("./pages/programmes/Participant"));
const PeopleDirectory = lazy(() => import("./pages/people/Directory"));
const MyProfile = lazy(() => import("./pages/people/MyProfile"));
const Person = lazy(() => import("./pages/people/Person"));
const MessagesInbox = lazy(() => import("./pages/messages/Inbox"));
const MessagesConversation = lazy(() => import("./pages/messages/Conversation"));
const MessageReports = lazy(() => import("./pages/messages/Reports"));
const Organisations = lazy(() => import("./pages/organisations/List"));
const OrganisationPage = lazy(() => import("./pages/organisations/Detail"));

/** Every page of the app; shared by the browser router and the tests' memory router. */
export const appRoutes = () => (
  <>
    <Route path="/" component={Home} />
    <Route path="/signup" component={SignUp} />
    <Route path="/signin" component={SignIn} />
    <Route path="/verify" component={Verify} />
    <Route path="/forgot-password" component={ForgotPassword} />
    <Route path="/reset-password" component={ResetPassword} />
    <Route path="/confirm-email" component={ConfirmEmail} />
    <Route path="/account" component={Account} />
    <Route path="/admin/members" component={AdminMembers} />
    <Route path="/admin/usage" component={AdminUsage} />
    <Route path="/events" component={EventList} />
    <Route path="/events/new" component={EventEditor} />
    <Route path="/events/:eventId" component={EventDetail} />
    <Route path="/events/:eventId/edit" component={EventEditor} />
    <Route path="/events/:eventId/participants" component={EventParticipants} />
    <Route path="/events/:eventId/check-in" component={EventCheckIn} />
    <Route path="/me/events" component={MyEvents} />
    <Route path="/registrations/cancel" component={CancelRegistration} />
    <Route path="/certificates/:code?" component={Certificate} />
    <Route path="/news" component={NewsList} />
    <Route path="/news/new" component={NewsEditor} />
    <Route path="/news/:id/edit" component={NewsEditor} />
    <Route path="/newsletter" component={Newsletter} />
    <Route path="/newsletter/confirm" component={NewsletterConfirm} />
    <Route path="/newsletter/unsubscribe" component={NewsletterUnsubscribe} />
    <Route path="/newsletter/:number" component={NewsletterIssue} matchFilters={{ number: /^[1-9]\d{0,5}$/ }} />
    <Route path="/admin/newsletter" component={NewsletterAdmin} />
    <Route path="/forum" component={ForumHome} />
    <Route path="/forum/categories/:categoryId" component={ForumCategory} />
    <Route path="/forum/threads/:threadId" component={ForumThread} />
    <Route path="/forum/search" component={ForumSearch} />
    <Route path="/forum/notifications" component={ForumNotifications} />
    <Route path="/forum/groups" component={ForumGroups} />
    <Route path="/forum/groups/:groupId" component={ForumGroup} />
    <Route path="/forum/reports" component={ForumReports} />
    <Route path="/forum/moderation-log" component={ForumModerationLog} />
    <Route path="/forum/settings" component={ForumSettings} />
    <Route path="/forum/unsubscribe" component={ForumUnsubscribe} />
    <Route path="/programmes" component={Programmes} />
    <Route path="/programmes/new" component={ProgrammeEditor} />
    <Route path="/programmes/:programmeId" component={ProgrammeBoard} />
    <Route path="/programmes/:programmeId/edit" component={ProgrammeEditor} />
    <Route path="/programmes/:programmeId/participants/new" component={ParticipantForm} />
    <Route path="/programmes/:programmeId/participants/:participantId" component={ProgrammeParticipant} />
    <Route path="/programmes/:programmeId/participants/:participantId/edit" component={ParticipantForm} />
    <Route path="/people" component={PeopleDirectory} />
    <Route path="/people/me" component={MyProfile} />
    <Route path="/people/:userId" component={Person} />
    <Route path="/messages" component={MessagesInbox} />
    <Route path="/messages/reports" component={MessageReports} />
    <Route path="/messages/:conversationId" component={MessagesConversation} />
    <Route path="/organisations" component={Organisations} />
    <Route path="/organisations/:orgId" component={OrganisationPage} />
    <Route path="/impressum" component={Imprint} />
    <Route path="/datenschutz" component={Privacy} />
    <Route path="/info" component={InfoIndex} />
    <Route path="/info/:slug" component={InfoPage} />
    <Route path="/kontakt" component={Contact} />
    <Route path="/dokumente" component={Documents} />
    <Route path="/admin/audit" component={AdminAudit} />
    <Route path="*" component={NotFound} />
  </>
);

export function App() {
  return (
    <SessionProvider>
      <Router root={Layout}>{appRoutes()}</Router>
    </SessionProvider>
  );
}
