/**
 * The sample consolidating unit of the demo and the benchmark: a province office receiving the
 * reports of 13 commune-level units of the two-level local government (xã, phường and one đặc khu),
 * the seeds' communes among them. Codes are sample codes (9xxxx), not official administrative codes;
 * plan dates are given for 2025 and move to the year of the report (sampleInfo).
 */
import type { UnitKind } from '../shared/model';

export interface SampleCommune {
  code: string;
  name: string;
  kind: UnitKind;
  /** Who is in charge of the report (for the Thông tin sheet). */
  reporter: string;
  planNumber: string;
  planDate: string;
}

export const SAMPLE_PARENT = { name: 'Sở Nội vụ tỉnh (dữ liệu mẫu)', level: 'tinh' as const };

export const SAMPLE_COMMUNES: SampleCommune[] = [
  { code: '90001', name: 'UBND phường Bình Dương', kind: 'phuong', reporter: 'Nguyễn Thị Hoa', planNumber: '05/KH-UBND', planDate: '2025-01-10' },
  { code: '90002', name: 'UBND xã Anh Sơn', kind: 'xa', reporter: 'Lê Văn Minh', planNumber: '12/KH-UBND', planDate: '2025-01-15' },
  { code: '90003', name: 'UBND phường Bút Sơn', kind: 'phuong', reporter: 'Trần Thị Lan', planNumber: '08/KH-UBND', planDate: '2025-01-08' },
  { code: '90004', name: 'UBND xã Bình Tân', kind: 'xa', reporter: 'Phạm Quốc Huy', planNumber: '101/KH-UBND', planDate: '2025-07-20' },
  { code: '90005', name: 'UBND xã Hải Thanh', kind: 'xa', reporter: 'Đỗ Thị Thu', planNumber: '07/KH-UBND', planDate: '2025-01-12' },
  { code: '90006', name: 'UBND phường Đông Sơn', kind: 'phuong', reporter: 'Vũ Đức Anh', planNumber: '15/KH-UBND', planDate: '2025-01-14' },
  { code: '90007', name: 'UBND xã Tân Dân', kind: 'xa', reporter: 'Hoàng Văn Tú', planNumber: '09/KH-UBND', planDate: '2025-01-09' },
  { code: '90008', name: 'UBND phường Quảng Hưng', kind: 'phuong', reporter: 'Ngô Thị Mai', planNumber: '11/KH-UBND', planDate: '2025-01-13' },
  { code: '90009', name: 'UBND xã Định Hòa', kind: 'xa', reporter: 'Bùi Văn Khánh', planNumber: '06/KH-UBND', planDate: '2025-01-10' },
  { code: '90010', name: 'UBND xã Nga Thắng', kind: 'xa', reporter: 'Đặng Thị Yến', planNumber: '10/KH-UBND', planDate: '2025-01-16' },
  { code: '90011', name: 'UBND phường Trường Sơn', kind: 'phuong', reporter: 'Lý Văn Phúc', planNumber: '14/KH-UBND', planDate: '2025-01-11' },
  { code: '90012', name: 'UBND xã Xuân Lâm', kind: 'xa', reporter: 'Trịnh Thị Ngọc', planNumber: '04/KH-UBND', planDate: '2025-01-07' },
  { code: '90013', name: 'UBND đặc khu Hòn Mê', kind: 'dac_khu', reporter: 'Mai Văn Sơn', planNumber: '13/KH-UBND', planDate: '2025-01-15' },
];
