/**
 * Words units type in enum cells, read against the spec's allowed values. People write
 * "hoan thanh", "Đã hoàn thành", "HT", "đang triển khai": the spec lists the canonical words, and a
 * small grammar (optional "đã", "triển khai" ≡ "thực hiện", initials) accepts the rest.
 */
import type { Evaluation, TaskStatus } from '../model';
import { EVALUATION_VALUES, STATUS_VALUES } from '../spec/annex';
import { wordKey } from './find-sheet';
import { TextMemo } from '../text/memo';

type StatusValue = (typeof STATUS_VALUES)[number];
type EvaluationValue = (typeof EVALUATION_VALUES)[number];

/** Checked against the spec's list by the compiler: a status added there must be mapped here. */
const STATUS_OF: Record<StatusValue, TaskStatus> = {
  'Hoàn thành': 'done',
  'Đang thực hiện': 'in_progress',
  'Chưa thực hiện': 'not_started',
};
const EVALUATION_OF: Record<EvaluationValue, Evaluation> = { 'Đạt': 'met', 'Chưa đạt': 'missed' };

/** The canonical word of each status, for messages. */
export const STATUS_LABEL: Record<TaskStatus, string> = Object.fromEntries(
  (Object.entries(STATUS_OF) as [StatusValue, TaskStatus][]).map(([label, s]) => [s, label]),
) as Record<TaskStatus, string>;

export const EVALUATION_LABEL: Record<Evaluation, string> = Object.fromEntries(
  (Object.entries(EVALUATION_OF) as [EvaluationValue, Evaluation][]).map(([label, e]) => [e, label]),
) as Record<Evaluation, string>;

const initials = (k: string) => k.split(' ').map((w) => w.charAt(0)).join('');

/** Folded spec words and their initials ("hoan thanh", "ht") → status. */
const STATUS_KEYS: [string, TaskStatus][] = (Object.entries(STATUS_OF) as [StatusValue, TaskStatus][]).flatMap(
  ([label, s]) => [[wordKey(label), s], [initials(wordKey(label)), s]] as [string, TaskStatus][],
);

function statusKey(text: string): string {
  return wordKey(text)
    .replace(/^da /, '')
    .replace(/\btrien khai\b/g, 'thuc hien')
    .replace(/\bhoan tat\b/g, 'hoan thanh')
    .trim();
}

/**
 * A status cell: 'empty' when blank, null when the word is not a status.
 * "Chưa hoàn thành" reads as in progress: started, not finished.
 */
export function readStatus(v: unknown): TaskStatus | 'empty' | null {
  return typeof v === 'string' ? STATUS_READINGS.get(v, statusOf) : statusOf(String(v ?? ''));
}

/** Status words by the text typed: a batch types a handful, thousands of times. */
const STATUS_READINGS = new TextMemo<TaskStatus | 'empty' | null>(50_000, 200);

function statusOf(text: string): TaskStatus | 'empty' | null {
  const k = statusKey(text);
  if (!k) return 'empty';
  if (k === 'xong') return 'done';
  if (k === 'chua hoan thanh' || k.startsWith('chua hoan thanh ')) return 'in_progress';
  for (const [key, s] of STATUS_KEYS) if (k === key) return s;
  for (const [key, s] of STATUS_KEYS) if (key.includes(' ') && k.startsWith(key + ' ')) return s;
  return null;
}

/** An evaluation cell: "Đạt" / "dat" → met; "Chưa đạt", "Không đạt" → missed. */
const EVALUATION_KEYS: [string, Evaluation][] = (Object.entries(EVALUATION_OF) as [EvaluationValue, Evaluation][]).map(
  ([label, e]) => [wordKey(label), e],
);

export function readEvaluation(v: unknown): Evaluation | 'empty' | null {
  return typeof v === 'string' ? EVALUATION_READINGS.get(v, evaluationOf) : evaluationOf(String(v ?? ''));
}

const EVALUATION_READINGS = new TextMemo<Evaluation | 'empty' | null>(50_000, 200);

function evaluationOf(text: string): Evaluation | 'empty' | null {
  const k = wordKey(text).replace(/^khong /, 'chua ');
  if (!k) return 'empty';
  for (const [key, e] of EVALUATION_KEYS) if (k === key) return e;
  return null;
}

/** Section-row numbering: I, II, … XX, with or without a full stop. */
export function isRomanNumeral(text: string): boolean {
  return /^(?=[IVX])X{0,2}(IX|IV|V?I{0,3})\.?$/.test(text.trim());
}
