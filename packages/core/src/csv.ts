import { lazy } from "./lazy";

const csvStringify = lazy(() => import("csv-stringify/sync"));

/**
 * CSV that Excel opens correctly in a German locale: UTF-8 with a byte-order mark (so umlauts
 * survive), semicolons as separators, CRLF line ends; quoting by csv-stringify.
 */
export async function excelCsv(rows: (string | number)[][]): Promise<string> {
  const { stringify } = await csvStringify();
  return "\uFEFF" + stringify(rows, { delimiter: ";", record_delimiter: "\r\n", cast: { number: String } });
}
