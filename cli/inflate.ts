/**
 * Node's zlib as the values reader's raw inflater: several times faster than fflate, and capped the
 * same way (`maxOutputLength` stops within one 16 KB chunk past the cap), so a deflate bomb is still
 * refused without being inflated.
 */
import { inflateRawSync } from 'node:zlib';
import type { InflateRaw } from '../io/xlsx/zip';

export const nodeInflateRaw: InflateRaw = (data, maxOutput) => {
  try {
    return inflateRawSync(data, { maxOutputLength: maxOutput });
  } catch (e) {
    // ERR_BUFFER_TOO_LARGE (a RangeError): the output would pass the cap.
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
};
