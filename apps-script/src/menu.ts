/** The CCHC menu. Item handlers are entry-point names, checked against main.ts's list by the compiler. */
import type { EntryName } from './main';

export const MENU_TITLE = 'CCHC';

interface Item {
  caption: string;
  handler: EntryName;
}

export const MENU_ITEMS: readonly Item[] = [
  { caption: 'Nạp danh mục', handler: 'loadCatalog' },
  { caption: 'Chèn Phụ lục', handler: 'insertAnnexes' },
  { caption: 'Nhập từ bảng có sẵn', handler: 'importPlan' },
  { caption: 'Kiểm tra dữ liệu', handler: 'checkData' },
  { caption: 'Tổng hợp', handler: 'consolidateReports' },
];

export const AUTOMATION_TITLE = 'Tự động';
export const AUTOMATION_ITEMS: readonly Item[] = [
  { caption: 'Bật tổng hợp hằng đêm', handler: 'enableNightlyConsolidation' },
  { caption: 'Tắt tổng hợp hằng đêm', handler: 'disableNightlyConsolidation' },
  { caption: 'Bật nhắc hạn báo cáo', handler: 'enableDeadlineReminders' },
  { caption: 'Tắt nhắc hạn báo cáo', handler: 'disableDeadlineReminders' },
];

export const HELP_ITEM: Item = { caption: 'Hướng dẫn', handler: 'showHelp' };

export function addMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const i of MENU_ITEMS) menu.addItem(i.caption, i.handler);
  const auto = ui.createMenu(AUTOMATION_TITLE);
  for (const i of AUTOMATION_ITEMS) auto.addItem(i.caption, i.handler);
  menu.addSubMenu(auto).addSeparator().addItem(HELP_ITEM.caption, HELP_ITEM.handler).addToUi();
}
