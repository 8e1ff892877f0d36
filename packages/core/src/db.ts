import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { Service } from "electrodb";
import { provideCommands } from "./electrodb-lib";
import { VisibleError } from "./errors";
import { config } from "./config";
import { dynamo } from "./dynamo";
import { EmailOwnerEntity, UserEntity } from "./user/user.entity";
import { RateLimitEntity, SessionEntity, TokenEntity } from "./auth/auth.entity";
import { CounterEntity, DeliveryEntity, IssueEntity, NewsEntity, NewsletterSettingsEntity, SubscriberEntity } from "./newsletter/newsletter.entity";
import { CalendarFeedEntity, CertificateEntity, EventEntity, RegistrationEntity, RegistrationLinkEntity, SeriesEntity } from "./event/event.entity";
import {
  ForumCategoryEntity,
  ForumCategoryReadsEntity,
  ForumFollowEntity,
  ForumGroupEntity,
  ForumLinkEntity,
  ForumMailQueueEntity,
  ForumMembershipEntity,
  ForumModLogEntity,
  ForumNotificationEntity,
  ForumPostEntity,
  ForumProfileEntity,
  ForumReadEntity,
  ForumReportEntity,
  ForumTermEntity,
  ForumThreadEntity,
} from "./forum/forum.entity";
import {
  AccessLogEntity,
  ContactEntity,
  MentorshipEntity,
  MilestoneEntity,
  MilestoneReminderEntity,
  ParticipantEntity,
  ProgrammeEntity,
  ProgrammeLogEntity,
  ProgrammeStaffEntity,
} from "./programme/programme.entity";
import {
  BlockEntity,
  ConversationEntity,
  CustomAreaEntity,
  DirectPairEntity,
  DirectoryFacetEntity,
  DirectoryTownEntity,
  MessageEntity,
  MessageNoticeEntity,
  MessageReportEntity,
  OrganisationEntity,
  OrgLinkEntity,
  ConversationMemberEntity,
  PersonProfileEntity,
} from "./people/people.entity";
import { ActiveMemberEntity, UsageMonthEntity } from "./usage/usage.entity";
import { ConsentEntity, ContactEntity as ContactPersonEntity, DocumentEntity, FolderEntity, InfoSettingEntity, PageEntity, PageRevisionEntity } from "./info/info.entity";
import { AuditEntity } from "./audit/audit.entity";

export { dynamo, ping } from "./dynamo";

function createService() {
  provideCommands({ BatchGetCommand, BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactGetCommand, TransactWriteCommand, UpdateCommand });
  return new Service(
    {
      user: UserEntity,
      emailOwner: EmailOwnerEntity,
      session: SessionEntity,
      token: TokenEntity,
      rateLimit: RateLimitEntity,
      event: EventEntity,
      series: SeriesEntity,
      registration: RegistrationEntity,
      registrationLink: RegistrationLinkEntity,
      certificate: CertificateEntity,
      calendarFeed: CalendarFeedEntity,
      forumCategory: ForumCategoryEntity,
      forumThread: ForumThreadEntity,
      forumPost: ForumPostEntity,
      forumGroup: ForumGroupEntity,
      forumMembership: ForumMembershipEntity,
      forumFollow: ForumFollowEntity,
      forumMailQueue: ForumMailQueueEntity,
      forumRead: ForumReadEntity,
      forumCategoryReads: ForumCategoryReadsEntity,
      forumNotification: ForumNotificationEntity,
      forumProfile: ForumProfileEntity,
      forumReport: ForumReportEntity,
      forumModLog: ForumModLogEntity,
      forumTerm: ForumTermEntity,
      forumLink: ForumLinkEntity,
      news: NewsEntity,
      issue: IssueEntity,
      subscriber: SubscriberEntity,
      delivery: DeliveryEntity,
      newsletterSettings: NewsletterSettingsEntity,
      counter: CounterEntity,
      programme: ProgrammeEntity,
      programmeStaff: ProgrammeStaffEntity,
      programmeLog: ProgrammeLogEntity,
      participant: ParticipantEntity,
      mentorship: MentorshipEntity,
      milestone: MilestoneEntity,
      participantContact: ContactEntity,
      participantAccess: AccessLogEntity,
      milestoneReminder: MilestoneReminderEntity,
      personProfile: PersonProfileEntity,
      directoryFacet: DirectoryFacetEntity,
      directoryTown: DirectoryTownEntity,
      customArea: CustomAreaEntity,
      organisation: OrganisationEntity,
      orgLink: OrgLinkEntity,
      conversation: ConversationEntity,
      conversationMember: ConversationMemberEntity,
      directPair: DirectPairEntity,
      message: MessageEntity,
      block: BlockEntity,
      messageReport: MessageReportEntity,
      messageNotice: MessageNoticeEntity,
      usageMonth: UsageMonthEntity,
      activeMember: ActiveMemberEntity,
      page: PageEntity,
      pageRevision: PageRevisionEntity,
      contact: ContactPersonEntity,
      infoSetting: InfoSettingEntity,
      consent: ConsentEntity,
      audit: AuditEntity,
      folder: FolderEntity,
      document: DocumentEntity,
    },
    { client: dynamo(), table: config().tableName },
  );
}

let service: ReturnType<typeof createService> | undefined;

/** The one ElectroDB service over the one table. Created on first use, after configuration is set. */
export function db() {
  service ??= createService();
  return service;
}

/** True when a conditional write (or a transaction containing one) was refused by DynamoDB. */
export function conditionFailed(err: unknown): boolean {
  const names = ["ConditionalCheckFailedException", "TransactionCanceledException"];
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if (names.includes((e as { name?: string }).name ?? "")) return true;
  }
  return false;
}

export type TxResult = { canceled: boolean; data: { code: string }[] };
export type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]["write"]>[0]>[0];

/**
 * Transactions touching the same item at the same moment are refused with
 * TransactionConflict (nothing written). Retried after a short, growing random pause; real
 * condition failures are returned to the caller.
 */
export async function retryConflicts<T extends TxResult>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    const result = await attempt();
    const conflicted = result.canceled && result.data.some((d) => d.code === "TransactionConflict");
    if (!conflicted || i >= 40) return result;
    await new Promise((r) => setTimeout(r, 5 + Math.random() * Math.min(50, 5 * (i + 1))));
  }
}


/** Runs a cursor-paged query; a cursor that is not ours is the caller's mistake, not a 500. */
export async function paged<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if ((err as { code?: number }).code === 5003 || /cursor/i.test(String((err as Error).message))) {
      throw new VisibleError("invalid", "invalid_cursor", "The page cursor is not valid.", { cursor: "invalid_cursor" });
    }
    throw err;
  }
}

