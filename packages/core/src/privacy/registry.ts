import type { PersonalDataContributor } from "./contributor";
import { accountPrivacy } from "../user/privacy";
import { eventPrivacy } from "../event/privacy";
import { forumPrivacy } from "../forum/privacy";
import { newsletterPrivacy } from "../newsletter/privacy";
import { infoPrivacy } from "../info/privacy";
import { auditPrivacy } from "../audit/privacy";

/**
 * Every feature that stores data about a member. Export and erasure run them all, in this order;
 * the account comes first (its sessions end at once) and the user item itself is removed last
 * by erase.ts, so contributors can still read the member's name and address.
 */
export const contributors: readonly PersonalDataContributor[] = [
  accountPrivacy,
  eventPrivacy,
  forumPrivacy,
  newsletterPrivacy,
  infoPrivacy,
  auditPrivacy,
  // MERGE POINT — the people and programme features register here when they are merged:
  // peoplePrivacy,    (import { peoplePrivacy } from "../people/privacy";)
  // programmePrivacy, (import { programmePrivacy } from "../programme/privacy";)
];
