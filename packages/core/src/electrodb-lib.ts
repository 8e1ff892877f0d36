// What ElectroDB takes from @aws-sdk/lib-dynamodb (electrodb/src/client.js, its v3 wrapper): its
// commands, looked up by name each time it sends. The deployed bundles hand ElectroDB this module
// in place of the package (infra/bundling.ts), because ElectroDB loads the package with require()
// and esbuild cannot tree-shake anything reached through require(): every command and schema of
// the DynamoDB client would sit in the chunk the API's entry loads on each cold start. This
// module imports nothing; db.ts imports the commands (shaken like any import) and provides them
// before ElectroDB first sends. Outside bundles (tests, the local server) ElectroDB reads the
// package itself and this module is unused. Scan is left out on purpose: the platform serves
// every request by key, and a scan in a deployed bundle fails instead of reading the whole table.

type Command = new (...args: never[]) => unknown;

export let BatchGetCommand: Command | undefined;
export let BatchWriteCommand: Command | undefined;
export let DeleteCommand: Command | undefined;
export let GetCommand: Command | undefined;
export let PutCommand: Command | undefined;
export let QueryCommand: Command | undefined;
export let TransactGetCommand: Command | undefined;
export let TransactWriteCommand: Command | undefined;
export let UpdateCommand: Command | undefined;

export interface ElectroCommands {
  BatchGetCommand: Command;
  BatchWriteCommand: Command;
  DeleteCommand: Command;
  GetCommand: Command;
  PutCommand: Command;
  QueryCommand: Command;
  TransactGetCommand: Command;
  TransactWriteCommand: Command;
  UpdateCommand: Command;
}

export function provideCommands(commands: ElectroCommands): void {
  ({ BatchGetCommand, BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactGetCommand, TransactWriteCommand, UpdateCommand } = commands);
}
