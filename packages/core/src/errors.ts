// The one error type core throws for anything a caller may be told about.
// functions maps `kind` to an HTTP status in one place; everything else becomes a bare 500.
export type ErrorKind =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "too_large";

export class VisibleError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "VisibleError";
  }
}
