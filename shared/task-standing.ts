/**
 * What a task's row says at a report's cut-off, defined once for validation, the per-unit tables,
 * the task summary, the text summary and every message:
 *
 * | status typed      | deadline passed at the cut-off | standing                                  |
 * | ----------------- | ------------------------------ | ----------------------------------------- |
 * | Hoàn thành        | —                              | done                                      |
 * | Đang / Chưa thực hiện | no / yes                   | in_progress / not_started (+ overdue)     |
 * | blank             | yes                            | overdue_not_updated: overdue, not "no data" |
 * | blank             | no                             | not_updated: no data yet                  |
 * | a row with errors | —                              | invalid: no valid data                    |
 *
 * A blank status past its deadline is counted as overdue and shown as "quá hạn, chưa cập nhật tình
 * trạng" everywhere — never as "chưa có số liệu hợp lệ".
 */
import type { TaskStatus } from './model';

export type TaskStanding = 'done' | 'in_progress' | 'not_started' | 'overdue_not_updated' | 'not_updated' | 'invalid';

/** The standing of one unit's task row: its status, whether it is overdue, whether the row has errors. */
export function taskStanding(status: TaskStatus | null, overdue: boolean, invalid = false): TaskStanding {
  if (invalid) return 'invalid';
  if (status !== null) return status;
  return overdue ? 'overdue_not_updated' : 'not_updated';
}

/** Counted among the overdue: not done, past its deadline, whether the status was typed or left blank. */
export function countsAsOverdue(standing: TaskStanding, overdue: boolean): boolean {
  return overdue && (standing === 'in_progress' || standing === 'not_started' || standing === 'overdue_not_updated');
}

/** Counted as "chưa có số liệu hợp lệ": errors in the row, or a blank status whose deadline has not passed. */
export function countsAsNoData(standing: TaskStanding): boolean {
  return standing === 'invalid' || standing === 'not_updated';
}

export const OVERDUE_NOT_UPDATED_LABEL = 'Quá hạn, chưa cập nhật tình trạng';

/** The words a table or message shows for a standing. */
export const TASK_STANDING_LABELS: Record<TaskStanding, string> = {
  done: 'Hoàn thành',
  in_progress: 'Đang thực hiện',
  not_started: 'Chưa thực hiện',
  overdue_not_updated: OVERDUE_NOT_UPDATED_LABEL,
  not_updated: 'Chưa cập nhật tình trạng',
  invalid: 'Chưa có số liệu hợp lệ',
};
