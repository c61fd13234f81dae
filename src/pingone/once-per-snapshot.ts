import type { Snapshot } from '../snapshot/model.js';

/**
 * `derive` made to run once per snapshot object: the rules of one audit that ask for the same
 * view of the snapshot (its applications, its policies in use) share one answer, which dies with
 * the snapshot. Each call hands back its own copy of the array, so a caller that sorts or pushes
 * changes no other rule's view; the items are shared and read only, like the snapshot.
 */
export function oncePerSnapshot<T>(derive: (snapshot: Snapshot) => T[]): (snapshot: Snapshot) => T[] {
  const derived = new WeakMap<Snapshot, T[]>();
  return (snapshot) => {
    let items = derived.get(snapshot);
    if (items === undefined) derived.set(snapshot, (items = derive(snapshot)));
    return items.slice();
  };
}
