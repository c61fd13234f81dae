/** Bytes gathered into each block by {@link utf8Blocks}: few large writes, little memory. */
export const BLOCK_BYTES = 1 << 20;

/**
 * The pieces encoded as UTF-8 into blocks of about `size` bytes, each piece written once into a growing buffer
 * (no joined string, no second encoding). A piece never straddles two blocks, so every block is whole UTF-8 text
 * on its own; a piece longer than `size` is a block of its own size. Each block is yielded as it fills, the last
 * when the pieces end (none for no bytes). Blocks come from `allocate`: a block already yielded is never written again, so a
 * caller done with one may hand its memory back for a later block.
 */
export function* utf8Blocks(pieces: Iterable<string>, size = BLOCK_BYTES, allocate: (size: number) => Buffer = Buffer.allocUnsafe): Generator<Buffer> {
  let block = allocate(size);
  let used = 0;
  for (const piece of pieces) {
    // A UTF-16 unit is at most 3 bytes of UTF-8: most pieces fit without being measured.
    const room = block.length - used;
    if (piece.length * 3 > room && Buffer.byteLength(piece) > room) {
      if (used > 0) yield block.subarray(0, used);
      block = allocate(Math.max(size, Buffer.byteLength(piece)));
      used = 0;
    }
    // Written in place: no view of the block per piece, and Buffer's own UTF-8 writer is the fastest for the
    // one-byte strings most pieces are (a lone surrogate becomes U+FFFD, as TextEncoder makes it).
    used += block.write(piece, used, 'utf8');
  }
  if (used > 0) yield block.subarray(0, used);
}

/** A block of {@link utf8Blocks} as text again (a block holds whole characters), for a stream that takes text. */
export function utf8Text(block: Uint8Array): string {
  return Buffer.from(block.buffer, block.byteOffset, block.byteLength).toString('utf8');
}
