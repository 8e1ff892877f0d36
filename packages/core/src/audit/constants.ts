// Plain values shared with the web bundle.
export const AUDIT_ACTIONS = [
  "member_approved",
  "member_blocked",
  "member_unblocked",
  "role_changed",
  "news_permission_changed",
  "account_deleted",
  "page_saved",
  "page_deleted",
  "contact_saved",
  "contact_deleted",
  "contact_summary_saved",
  "document_uploaded",
  "document_deleted",
  "folder_saved",
  "folder_deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
