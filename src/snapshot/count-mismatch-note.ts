/**
 * Starts the collection note for a list read to its end whose items did not number its own `count`: kept (items
 * deleted while it was read are legitimate) but possibly short, so every command that reads the snapshot warns of it.
 */
export const COUNT_MISMATCH_NOTE = 'A list read to its end did not hold as many items as its count said';
