/**
 * Each feature that stores data about a member contributes to the GDPR export and to account
 * deletion through one of these. The registry (`privacy/registry.ts`) lists them all; the export
 * and deletion run every contributor, so a feature that forgets to register leaves a trace the
 * deletion test finds.
 */
export interface PersonalDataContributor {
  /** Key of this feature's part in the exported JSON, e.g. "events" or "forum". */
  readonly section: string;
  /** Everything this feature holds about the member, as plain JSON; nothing about other people. */
  export(userId: string): Promise<unknown>;
  /**
   * Erases or anonymises everything this feature holds about the member. Must be safe to run
   * again after a crash half way (idempotent). `removePosts`: the member also asked for their
   * forum posts to be removed rather than shown as "former member".
   */
  erase(userId: string, options: { removePosts: boolean }): Promise<void>;
}
