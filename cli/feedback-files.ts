/**
 * `cchc consolidate … --phan-hoi <thư mục>`: one small workbook per unit the office has something to
 * say to (shared/layout/feedback.ts), written beside each other in a folder of its own. Input files
 * are never touched; a file of the same name from an earlier run is replaced whole (written to a
 * temporary name, then renamed).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unitNames } from '../shared/consolidate/derive';
import type { Summary } from '../shared/consolidate/types';
import { feedbackSheet, feedbackTitle, unitsWithFeedback } from '../shared/layout/feedback';
import { writeXlsx } from '../io/xlsx/write';
import { nodeDeflate } from './codecs';

/** A title as a file name on Windows, Mac and Linux: no \ / : * ? " < > | nor control characters. */
export function safeFileName(title: string): string {
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 150);
}

/** Writes the feedback workbooks; returns the paths written. */
export async function writeFeedbackFiles(summary: Summary, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const names = unitNames(summary);
  const written: string[] = [];
  for (const code of unitsWithFeedback(summary)) {
    const path = join(dir, `${safeFileName(feedbackTitle(summary, names.get(code) ?? code))}.xlsx`);
    const bytes = await writeXlsx([feedbackSheet(summary, code)], { deflate: nodeDeflate });
    const temp = `${path}.tmp-${process.pid}`;
    writeFileSync(temp, bytes);
    renameSync(temp, path);
    written.push(path);
  }
  return written;
}
