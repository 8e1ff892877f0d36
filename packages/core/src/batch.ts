import { BatchGetItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { config } from "./config";
import { dynamo } from "./dynamo";
import { keyOf, readAhead, type KeyedOperation } from "./readahead";

/** DynamoDB's limit for one BatchGetItem. */
const MAX_KEYS = 100;

/**
 * Reads items of different entities in one BatchGetItem (ElectroDB batches one entity at a time):
 * a request that knows several keys up front pays one round trip. Answers the raw items in the
 * order asked (undefined where absent), for each entity's `parse({ Item })`. Keys DynamoDB leaves
 * unprocessed under load are asked again. Items this request read ahead (see readahead.ts) are
 * not asked for again; when all were, no call is made.
 */
export async function getItems(operations: KeyedOperation[]): Promise<(Record<string, unknown> | undefined)[]> {
  const keys = operations.map((op) => op.params().Key!);
  const found = new Map<string, Record<string, unknown>>();
  const missing: Record<string, unknown>[] = [];
  operations.forEach((op, i) => {
    const ahead = readAhead(op);
    if (!ahead) missing.push(keys[i]!);
    else if (ahead.item) found.set(keyOf(keys[i]!), ahead.item);
  });
  const unique = [...new Map(missing.map((k) => [keyOf(k), marshall(k)])).values()];
  const table = config().tableName;
  await Promise.all(
    Array.from({ length: Math.ceil(unique.length / MAX_KEYS) }, async (_, i) => {
      let pending: Record<string, AttributeValue>[] = unique.slice(i * MAX_KEYS, (i + 1) * MAX_KEYS);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(200, 10 * 2 ** attempt)));
        const out = await dynamo().send(new BatchGetItemCommand({ RequestItems: { [table]: { Keys: pending } } }));
        for (const item of out.Responses?.[table] ?? []) {
          const plain = unmarshall(item);
          found.set(keyOf({ pk: plain.pk, sk: plain.sk }), plain);
        }
        pending = out.UnprocessedKeys?.[table]?.Keys ?? [];
      }
    }),
  );
  return keys.map((k) => found.get(keyOf(k)));
}
