/**
 * Apps Script's budgets, measured on the fake clock (test/gas/fakes/costs.ts: every service call and
 * all JSON work charged; 6 minutes per execution, past which the execution is stopped): 300 communes
 * consolidate in at most 3 executions, and the checkpoint keeps each commune's compact contribution.
 */
import { SUMMARY_SHEETS } from '../../shared/consolidate/summary-spec';
import { buildBundle, loadGas } from './fakes/gas';
import { addCommune, communes, configureHome, sheetUrl } from './helpers';

jest.setTimeout(300_000);
beforeAll(() => buildBundle());

test('300 communes: at most 3 executions of 6 minutes, none stopped by the limit', () => {
  const list = communes(300);
  const gas = loadGas();
  for (const c of list) addCommune(gas, c);
  configureHome(gas, {}, list.map((c) => ({ code: c.code, name: c.name, sheet: sheetUrl(c.id), email: `${c.code}@example.gov.vn` })));
  gas.metered = true;
  gas.log.clear();
  const executions: { ms: number; calls: number }[] = [];
  let stateChars = 0;
  const run = (fire: () => void) => {
    fire();
    executions.push({ ms: Math.round(gas.lastExecutionMs), calls: gas.callsThisExecution });
    const state = gas.home.getSheetByName('_cchc_state') as unknown as { _grid(): unknown[][] } | null;
    if (state) stateChars = Math.max(stateChars, JSON.stringify(state._grid()).length);
  };
  run(() => gas.call('consolidateReports'));
  for (let i = 0; i < 10 && gas.script.triggers.some((t) => t.handler === 'continueConsolidation' && !t.spent); i++) {
    run(() => gas.fireTrigger('continueConsolidation'));
  }
  if (process.env.SHOW_BUDGET) console.log(JSON.stringify({ executions, stateChars, calls: gas.log.entries.length }));
  expect(gas.killed).toBe(0);
  expect(executions.length).toBeLessThanOrEqual(3);
  for (const e of executions) expect(e.ms).toBeLessThan(6 * 60_000);
  expect(gas.home.getSheetByName(SUMMARY_SHEETS.indicators)).not.toBeNull();
  expect(gas.sheets.ui.alerts.at(-1) ?? gas.logs.at(-1)).toContain('300 đơn vị có số liệu trên 300 đơn vị phải báo cáo');
  // The checkpoint: each commune's contribution, a few KB, not its grids (~59 KB each before).
  expect(stateChars / 300).toBeLessThan(15_000);
});
