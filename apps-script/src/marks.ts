/**
 * Marking wrong cells in Sheets: a red fill and a note with the shared validation message; the
 * mark goes away when the cell is fixed. A cell's own fill other than white is remembered
 * (document properties, one value per sheet) and put back; a note the user wrote is kept below ours and restored.
 * Each call reads and writes the notes and fills of one rectangle: four calls whatever its size.
 */
import type { ValidationIssue } from '../../shared/model';
import { parseA1 } from '../../shared/cell';
import type { Box } from './sheets-styles';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const MARK_FILL = '#f4cccc';
export const MARK_PREFIX = '⚠ CCHC: ';
/** Separates our message from a note the user had already written on the cell. */
const MARK_END = '\n——\n';
const DEFAULT_FILL = '#ffffff';

const fillsKey = (sheet: Sheet) => `CCHC_MARKS_${sheet.getSheetId()}`;

function loadFills(key: string): Record<string, string> {
  try {
    return JSON.parse(PropertiesService.getDocumentProperties().getProperty(key) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

function userNote(note: string): string {
  if (!note.startsWith(MARK_PREFIX)) return note;
  const i = note.indexOf(MARK_END);
  return i < 0 ? '' : note.slice(i + MARK_END.length);
}

/**
 * Sets the marks of every cell in `box` to match `issues` (those of this sheet; others are ignored):
 * cells with an issue get marked, marked cells without one get cleared. Returns the cells marked.
 */
export function applyMarks(sheet: Sheet, box: Box, issues: readonly ValidationIssue[]): number {
  if (box.rows <= 0 || box.cols <= 0) return 0;
  const messages = new Map<string, string[]>();
  for (const i of issues) {
    const p = i.address ? parseA1(i.address) : null;
    if (!p || p.row < box.row || p.row >= box.row + box.rows || p.col < box.col || p.col >= box.col + box.cols) continue;
    const k = `${p.row - box.row},${p.col - box.col}`;
    messages.set(k, [...(messages.get(k) ?? []), `${i.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}: ${i.message}`]);
  }
  const range = sheet.getRange(box.row + 1, box.col + 1, box.rows, box.cols);
  const notes = range.getNotes();
  const fills = range.getBackgrounds();
  const key = fillsKey(sheet);
  const saved = loadFills(key);
  let changed = false;
  let savedChanged = false;
  let marked = 0;
  for (let r = 0; r < box.rows; r++) {
    for (let c = 0; c < box.cols; c++) {
      const cellKey = `${box.row + r},${box.col + c}`;
      const wasMarked = notes[r][c].startsWith(MARK_PREFIX);
      const msg = messages.get(`${r},${c}`);
      if (msg) {
        marked++;
        const own = userNote(notes[r][c]);
        const note = `${MARK_PREFIX}${msg.join('\n')}${own ? MARK_END + own : ''}`;
        if (!wasMarked && fills[r][c] !== DEFAULT_FILL) {
          saved[cellKey] = fills[r][c];
          savedChanged = true;
        }
        if (note !== notes[r][c] || fills[r][c] !== MARK_FILL) {
          notes[r][c] = note;
          fills[r][c] = MARK_FILL;
          changed = true;
        }
      } else if (wasMarked) {
        notes[r][c] = userNote(notes[r][c]);
        fills[r][c] = saved[cellKey] ?? DEFAULT_FILL;
        if (cellKey in saved) {
          delete saved[cellKey];
          savedChanged = true;
        }
        changed = true;
      }
    }
  }
  if (changed) {
    range.setNotes(notes);
    range.setBackgrounds(fills);
  }
  if (savedChanged) {
    const props = PropertiesService.getDocumentProperties();
    const json = JSON.stringify(saved);
    // Past the 9 KB a property holds, fills are not remembered: cleared cells turn white.
    if (Object.keys(saved).length === 0) props.deleteProperty(key);
    else if (json.length < 8000) props.setProperty(key, json);
  }
  return marked;
}
