/**
 * Node's codecs for io/xlsx, which itself uses no Node built-ins: zlib to inflate what the values
 * reader reads and to deflate what the writer writes, and a Latin-1 copy for reading parts as binary
 * text.
 *
 * Inflating: several times faster than fflate, and capped the same way (`maxOutputLength` stops
 * within one 16 KB chunk past the cap), so a deflate bomb is still refused without being inflated.
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import type { BinaryText } from '../io/xlsx/binary-text';
import type { Crc32, IsUtf8 } from '../io/xlsx/checks';
import type { HostDeflate } from '../io/xlsx/fast-write';
import type { InflateRaw } from '../io/xlsx/zip';
import { collectGarbage } from './young-generation';

/**
 * zlib writes its output in chunks (16 KB by default) and joins them at the end; sized to the cap
 * (the entry's declared size plus one byte), a part comes out in one chunk, without the join: about
 * a fifth less time for the parts of a commune workbook, and half the peak memory for a large part
 * (chunks and their join would both be held). The cap is within the package's inflated budget
 * (checked before inflating), so even a lying claim costs at most the budget.
 */
const MAX_CHUNK = 64 << 20;
const MIN_CHUNK = 64; // zlib's own lower bound for chunkSize

export const nodeInflateRaw: InflateRaw = (data, maxOutput) => {
  try {
    return inflateRawSync(data, { maxOutputLength: maxOutput, chunkSize: Math.max(MIN_CHUNK, Math.min(maxOutput, MAX_CHUNK)) });
  } catch (e) {
    // ERR_BUFFER_TOO_LARGE (a RangeError): the output would pass the cap.
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
};

/** Bytes → one character per byte, a plain memory copy (see io/xlsx/binary-text.ts). */
export const nodeBinaryText: BinaryText = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** zlib's CRC-32, native: the same values as io/xlsx/checks.ts's (tested). */
export const nodeCrc32: Crc32 = (bytes, previous) => crc32(bytes, previous);

/** Node's native UTF-8 check: the same answers as io/xlsx/checks.ts's (tested). */
export const nodeIsUtf8: IsUtf8 = (bytes) => isUtf8(bytes);

/**
 * What the command line hands the values reader, for every command (validate, consolidate, the
 * expected-units list): one inflater, one decoder, one set of checks, so that a file is accepted or
 * refused alike whichever command reads it; and a full collection after each large part the reader
 * lets go of (a hostile file's), so that its parts are not held at once.
 */
export const NODE_XLSX_CODECS = { inflate: nodeInflateRaw, binaryText: nodeBinaryText, crc32: nodeCrc32, isUtf8: nodeIsUtf8, afterLargePart: collectGarbage };

/**
 * Node's zlib as the writer's deflater: each chunk of a part is deflated on its own, ending with a
 * sync flush so the pieces make one stream (fast-write.ts). Level 6, zlib's default: at that level
 * zlib is still several times faster than fflate's level 5, for a smaller file.
 */
export const nodeDeflate: HostDeflate = {
  deflate: (chunk, final) => deflateRawSync(chunk, { level: 6, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  crc32: (chunk, previous) => crc32(chunk, previous),
};
