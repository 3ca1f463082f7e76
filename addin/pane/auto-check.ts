/**
 * The check that runs by itself after a person edits an annex sheet, made for people who are
 * typing:
 * - it waits for a pause in the edits (debounce), and never interrupts a cell being edited: with
 *   ExcelApi 1.11 the batch asks Excel to wait until the edit ends (`delayForCellEdit`); older Excel
 *   refuses a batch during an edit (InvalidOperationInCellEditMode), so it retries quietly later;
 * - it never shows an error: a check that cannot run now simply runs at the next edit or click;
 * - the add-in's own writes (Chèn Phụ lục, Tổng hợp, its own check) also raise `onChanged`; edits
 *   arriving while a command runs, or within a short quiet time after it, are not the person's.
 */
import { debounce } from '../debounce';

export interface AutoCheckHost<R> {
  /** Runs the check batch; `delayForCellEdit` only where the host has ExcelApi 1.11. */
  run(delayForCellEdit: boolean): Promise<R>;
  /** True where ExcelApi 1.11 (RunOptions.delayForCellEdit) exists. */
  canDelayForCellEdit(): boolean;
  /** Shows a result (the issue list); never called with an error. */
  show(result: R): void;
  /** The "Tự kiểm tra sau khi sửa" box. */
  enabled(): boolean;
  /** True while a pane command runs. */
  busy(): boolean;
  /** Quietly notes what went wrong (console), never to the person. */
  log?(e: unknown): void;
}

/** Pause after the last edit before the check runs. */
export const PAUSE_MS = 800;
/** Edits reported this soon after one of the add-in's own commands are its own writes. */
export const OWN_WRITES_MS = 1500;
/** Retry after a refusal in cell-edit mode (Excel without delayForCellEdit), at most RETRIES times. */
export const RETRY_MS = 2000;
export const RETRIES = 5;

function code(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

export class AutoCheck<R> {
  private quietUntil = 0;
  private retries = 0;
  private readonly later: ReturnType<typeof debounce<[]>>;
  /** How many checks ran and how many were skipped or gave up (for tests and the console). */
  readonly stats = { ran: 0, ignoredOwn: 0, retried: 0, gaveUp: 0 };

  constructor(
    private readonly host: AutoCheckHost<R>,
    private readonly now: () => number = () => Date.now(),
    pauseMs = PAUSE_MS,
    private readonly retryMs = RETRY_MS,
  ) {
    this.later = debounce(() => void this.runQuietly(), pauseMs);
  }

  /** Call when one of the add-in's own commands finishes writing. */
  ownWritesDone(): void {
    this.quietUntil = this.now() + OWN_WRITES_MS;
  }

  /** The onChanged handler of each watched sheet. */
  onChanged(): void {
    if (this.host.busy() || this.now() < this.quietUntil) {
      this.stats.ignoredOwn++;
      return;
    }
    if (!this.host.enabled()) return;
    this.retries = 0;
    this.later();
  }

  cancel(): void {
    this.later.cancel();
  }

  private async runQuietly(): Promise<void> {
    if (!this.host.enabled() || this.host.busy()) return;
    try {
      const result = await this.host.run(this.host.canDelayForCellEdit());
      this.stats.ran++;
      this.host.show(result);
    } catch (e) {
      if (code(e) === 'InvalidOperationInCellEditMode' && this.retries < RETRIES) {
        this.retries++;
        this.stats.retried++;
        setTimeout(() => void this.runQuietly(), this.retryMs);
        return;
      }
      this.stats.gaveUp++;
      this.host.log?.(e);
    }
  }
}
