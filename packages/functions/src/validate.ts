import type { StandardSchemaV1 } from "@standard-schema/spec";
import { VisibleError } from "@vernetzt/core/errors";

function fieldsOf(issues: readonly StandardSchemaV1.Issue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => (typeof p === "object" ? String(p.key) : String(p))).join(".") || "_";
    fields[path] ??= issue.message;
  }
  return fields;
}

/** Hook for sValidator: a failed schema becomes a 400 that names every bad field. */
export function invalidInput(result: { success: boolean; error?: readonly StandardSchemaV1.Issue[] }): void {
  if (result.success) return;
  const fields = fieldsOf(result.error ?? []);
  const list = Object.entries(fields)
    .map(([field, code]) => `${field} (${code})`)
    .join(", ");
  throw new VisibleError("invalid", "invalid_input", `Invalid input: ${list}.`, fields);
}
