import { AsyncLocalStorage } from "node:async_hooks";

// Read-ahead: a request whose keys are known from its URL and its session cookie fetches those
// items in the same BatchGetItem as the session (one round trip), and the domain code then finds
// them here instead of asking DynamoDB again. Only reading requests use it, so nothing the
// request itself writes can be shadowed by an older copy.

type RawItem = Record<string, unknown>;

/** An ElectroDB `get` operation: its key is all read-ahead needs. */
export interface KeyedOperation {
  params(): { Key?: Record<string, unknown> };
}

const store = new AsyncLocalStorage<Map<string, RawItem | undefined>>();

/** One spelling of a table key, whatever order its attributes come in. */
export const keyOf = (key: Record<string, unknown>): string => JSON.stringify(Object.entries(key).sort(([a], [b]) => a.localeCompare(b)));

export const keyOfOperation = (op: KeyedOperation): string => keyOf(op.params().Key!);

/** Runs `fn` with `items` (raw, undefined where absent) already read for `operations`, in order. */
export function withReadAhead<T>(operations: KeyedOperation[], items: (RawItem | undefined)[], fn: () => T): T {
  if (operations.length === 0) return fn();
  const known = new Map(store.getStore());
  operations.forEach((op, i) => known.set(keyOfOperation(op), items[i]));
  return store.run(known, fn);
}

/**
 * The raw item read ahead for this operation's key: `{ item }` (item undefined when DynamoDB had
 * none), or undefined when the key was not read ahead and must be fetched.
 */
export function readAhead(op: KeyedOperation): { item: RawItem | undefined } | undefined {
  const known = store.getStore();
  if (!known) return undefined;
  const key = keyOfOperation(op);
  return known.has(key) ? { item: known.get(key) } : undefined;
}

interface Parser<T> {
  parse(response: { Item: RawItem }): { data: T | null };
}

/** An ElectroDB `get`, answered from the read-ahead when it holds the key. */
export async function getOne<T>(entity: Parser<T>, op: KeyedOperation & { go(): Promise<{ data: T | null }> }): Promise<T | undefined> {
  const ahead = readAhead(op);
  if (ahead) return ahead.item ? (entity.parse({ Item: ahead.item }).data ?? undefined) : undefined;
  return (await op.go()).data ?? undefined;
}
