/**
 * Starts the collection note for a list read to its end whose items did not number its own `count`: kept (items
 * deleted while it was read are legitimate) but possibly short, so every command that reads the snapshot warns of it.
 */
export const COUNT_MISMATCH_NOTE = 'A list read to its end did not hold as many items as its count said';

/**
 * The note for one such list: its path, the items it returned and the `count` it gave, in the words every command
 * shows (the collector's snapshot note, and `whoami`'s warning for the lists it reads).
 */
export function countMismatchNote({ path, returned, count }: { path: string; returned: number; count: number }): string {
  return `${COUNT_MISMATCH_NOTE}: ${path} returned ${returned} and counted ${count} (changed while read, or cut short by the server); collect again to check.`;
}
