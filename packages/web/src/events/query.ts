/** The first value of a search parameter (the router gives arrays for repeated ones). */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `value` if it is one of `choices`, else undefined: a hand-edited address cannot send the API nonsense. */
export function oneOf<T extends string>(choices: readonly T[], value: string | undefined): T | undefined {
  return choices.find((choice) => choice === value);
}
