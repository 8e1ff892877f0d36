import type { PersonalDataContributor } from "./contributor";
import { accountPrivacy } from "../user/privacy";
import { eventPrivacy } from "../event/privacy";
import { forumPrivacy } from "../forum/privacy";
import { newsletterPrivacy } from "../newsletter/privacy";
import { infoPrivacy } from "../info/privacy";
import { auditPrivacy } from "../audit/privacy";
import { peoplePrivacy } from "../people/privacy";
import { programmePrivacy } from "../programme/privacy";
import { usagePrivacy } from "../usage/privacy";

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
  peoplePrivacy,
  programmePrivacy,
  usagePrivacy,
];
