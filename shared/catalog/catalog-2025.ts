/**
 * The 2025 standard catalog of commune-level CCHC indicators (Phụ lục 1) and key tasks (Phụ lục 2),
 * read from the seed plans: 000 (Phụ lục 1 and its 18 tasks, with its STT numbering), the numeric
 * targets of 001, 003 and 004 (the same indicator named in several seeds is one row listing them all
 * in `sources`), the task annex of 001 and the enterprise-support tasks of 002.
 *
 * Wording is generic for a commune ("UBND xã" where a seed names its own thị trấn); the consolidating
 * level above is never named as "huyện". Codes are stable: CT.<area>.<NN> for indicators,
 * NV.<area>.<NN> for tasks; a later version adds codes and never reuses one.
 *
 * STT: rows of seed 000's Phụ lục 1 keep its numbers (1, 2, 3.1, 3.2, 4, 5, 6.1, and 6.2.1… for the
 * rows it prints unnumbered under 6.2). Rows added to its groups 3 and 6 continue them (3.3…, 6.3…);
 * rows added to other areas are unnumbered, as plans print sub-rows.
 */
import type { Catalog, CatalogHeading, CatalogIndicator, CatalogTask } from '../model';
import { PERIODS } from '../period';
import { AREAS } from './areas';

// Units as commune plans name them.
const VP = 'Văn phòng UBND xã';
const TP = 'Công chức Tư pháp - Hộ tịch';
const TCKT = 'Công chức Tài chính - Kế toán';
const VHXH = 'Công chức Văn hóa - Xã hội';
const VPTK = 'Công chức Văn phòng - Thống kê';
const CBCC = 'Cán bộ, công chức cấp xã';
const BPCM = 'Các bộ phận chuyên môn thuộc UBND xã';
const MOT_CUA = 'Bộ phận Một cửa';
const CBCC_LQ = 'Cán bộ, công chức cấp xã và các đơn vị liên quan';

type Ind = CatalogIndicator;
type Task = CatalogTask;

// ================================================================ indicators

const CDDH: Ind[] = [
  {
    code: 'CT.CDDH.01', area: 'CDDH', stt: '1',
    name: 'Tự kiểm tra cải cách hành chính',
    kind: 'ratio',
    numerator: 'Số bộ phận chuyên môn được tự kiểm tra công tác cải cách hành chính',
    denominator: 'Tổng số bộ phận chuyên môn thuộc UBND xã',
    target: '100% số bộ phận chuyên môn thuộc UBND xã',
    monitor: VP, executor: BPCM, sources: ['000'],
    aliases: ['Bộ phận chuyên môn được kiểm tra, đánh giá công tác cải cách hành chính'],
  },
  {
    code: 'CT.CDDH.02', area: 'CDDH', stt: '',
    name: 'Tỷ lệ tồn tại, hạn chế phát hiện qua kiểm tra được khắc phục hoặc kiến nghị xử lý trong năm',
    kind: 'ratio',
    numerator: 'Số tồn tại, hạn chế đã khắc phục hoặc kiến nghị cấp có thẩm quyền xử lý',
    denominator: 'Tổng số tồn tại, hạn chế phát hiện qua kiểm tra',
    target: '100%', monitor: VP, executor: BPCM, sources: ['003'],
  },
  {
    code: 'CT.CDDH.03', area: 'CDDH', stt: '',
    name: 'Tỷ lệ hoạt động kiểm tra được thực hiện thông qua môi trường số và hệ thống thông tin',
    kind: 'ratio',
    numerator: 'Số cuộc kiểm tra thực hiện qua môi trường số, hệ thống thông tin',
    denominator: 'Tổng số cuộc kiểm tra',
    target: '50%', monitor: VP, executor: BPCM, sources: ['001', '003'],
  },
  {
    code: 'CT.CDDH.04', area: 'CDDH', stt: '',
    name: 'Số bản tin, bài viết, sản phẩm truyền thông về cải cách hành chính trong năm',
    kind: 'count',
    target: 'Từ 15 bản tin, bài viết trở lên',
    monitor: VHXH, executor: 'Đài truyền thanh xã; Trung tâm Dịch vụ tổng hợp', sources: ['003'],
  },
];

const TC: Ind[] = [
  {
    code: 'CT.TC.01', area: 'TC', stt: '2',
    name: 'Văn bản quy phạm pháp luật được ban hành đúng trình tự, thủ tục, thẩm quyền và bảo đảm chất lượng theo quy định',
    kind: 'ratio',
    numerator: 'Số văn bản QPPL ban hành đúng trình tự, thủ tục, thẩm quyền, bảo đảm chất lượng',
    denominator: 'Tổng số văn bản QPPL đã ban hành',
    target: '100%', monitor: TP, executor: 'Các công chức chuyên môn thuộc UBND xã', sources: ['000'],
  },
  {
    code: 'CT.TC.02', area: 'TC', stt: '',
    name: 'Tỷ lệ văn bản quy phạm pháp luật được giao chủ trì xây dựng hoàn thành đúng tiến độ, quy trình',
    kind: 'ratio',
    numerator: 'Số văn bản QPPL được giao chủ trì xây dựng hoàn thành đúng tiến độ',
    denominator: 'Tổng số văn bản QPPL được giao chủ trì xây dựng',
    target: '100%', monitor: TP, executor: 'Các công chức chuyên môn thuộc UBND xã', sources: ['000', '003'],
    aliases: ['Cơ quan, đơn vị được phân công chủ trì xây dựng, hoàn thiện hệ thống văn bản quy phạm pháp luật hoàn thành đúng tiến độ'],
  },
  {
    code: 'CT.TC.03', area: 'TC', stt: '',
    name: 'Tỷ lệ văn bản quy phạm pháp luật của HĐND, UBND xã được thẩm định trước khi ban hành',
    kind: 'ratio',
    numerator: 'Số văn bản QPPL được thẩm định trước khi ban hành',
    denominator: 'Tổng số văn bản QPPL đã ban hành',
    target: '100%', monitor: TP, executor: 'Các công chức chuyên môn thuộc UBND xã', sources: ['001'],
  },
  {
    code: 'CT.TC.04', area: 'TC', stt: '',
    name: 'Tỷ lệ văn bản quy phạm pháp luật đã ban hành được rà soát, bảo đảm tính hợp hiến, hợp pháp, thống nhất',
    kind: 'ratio',
    numerator: 'Số văn bản QPPL đã được rà soát',
    denominator: 'Tổng số văn bản QPPL do HĐND, UBND xã ban hành',
    target: '100%', monitor: TP, executor: 'Các công chức chuyên môn thuộc UBND xã', sources: ['000', '003'],
  },
  {
    code: 'CT.TC.05', area: 'TC', stt: '',
    name: 'Tỷ lệ văn bản quy phạm pháp luật trái pháp luật, chồng chéo, hết hiệu lực phát hiện qua rà soát, kiểm tra được xử lý hoặc kiến nghị xử lý',
    kind: 'ratio',
    numerator: 'Số văn bản đã xử lý hoặc kiến nghị cơ quan có thẩm quyền xử lý',
    denominator: 'Tổng số văn bản phát hiện sai phạm, không còn phù hợp qua rà soát, kiểm tra',
    target: '100%', monitor: TP, executor: 'Các công chức chuyên môn thuộc UBND xã', sources: ['001', '004'],
    aliases: ['Văn bản QPPL phát hiện sai phạm qua kiểm tra được kiến nghị xử lý'],
  },
  {
    code: 'CT.TC.06', area: 'TC', stt: '',
    name: 'Tỷ lệ văn bản quy phạm pháp luật của cấp trên ban hành trong năm được triển khai kịp thời',
    kind: 'ratio',
    numerator: 'Số văn bản QPPL được triển khai kịp thời',
    denominator: 'Tổng số văn bản QPPL cấp trên ban hành cần triển khai',
    target: '100%', monitor: TP, executor: 'Các công chức chuyên môn thuộc UBND xã', sources: ['004'],
  },
  {
    code: 'CT.TC.07', area: 'TC', stt: '',
    name: 'Hoạt động theo dõi thi hành pháp luật được thực hiện (kiểm tra; điều tra, khảo sát tình hình thi hành pháp luật)',
    kind: 'count',
    target: '02 hoạt động', monitor: TP, executor: 'Các công chức chuyên môn thuộc UBND xã', sources: ['004'],
  },
];

const TTHC: Ind[] = [
  {
    code: 'CT.TTHC.01', area: 'TTHC', stt: '3.1',
    name: 'Thủ tục hành chính nội bộ được công bố, đơn giản hóa',
    kind: 'ratio',
    numerator: 'Số TTHC nội bộ được công bố',
    denominator: 'Tổng số TTHC nội bộ thuộc thẩm quyền',
    target: 'Công bố 100% TTHC nội bộ; đơn giản hóa 10% TTHC nội bộ',
    monitor: VP, executor: BPCM, sources: ['000', '003'],
    aliases: ['Thủ tục hành chính nội bộ được rà soát, cắt giảm, đơn giản hóa'],
  },
  {
    code: 'CT.TTHC.02', area: 'TTHC', stt: '3.2',
    name: 'Tỷ lệ công bố, công khai thủ tục hành chính đúng hạn',
    kind: 'ratio',
    numerator: 'Số TTHC được công bố, công khai đúng hạn',
    denominator: 'Tổng số TTHC phải công bố, công khai',
    target: '100%', monitor: VP, executor: BPCM, sources: ['000', '004'],
    aliases: ['Thủ tục hành chính được công bố, công khai kịp thời, đúng quy định'],
  },
  {
    code: 'CT.TTHC.03', area: 'TTHC', stt: '3.3',
    name: 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước hạn và đúng hạn',
    kind: 'ratio',
    numerator: 'Số hồ sơ giải quyết trước hạn và đúng hạn',
    denominator: 'Tổng số hồ sơ đã giải quyết',
    target: 'Tối thiểu 98%', monitor: VP, executor: MOT_CUA, sources: ['000', '001', '003', '004'],
    aliases: [
      'Tỷ lệ giải quyết hồ sơ đúng hạn',
      'Hồ sơ TTHC tại bộ phận tiếp nhận và trả kết quả được giải quyết trước và đúng hạn',
      'Hồ sơ TTHC được trả kết quả giải quyết đúng hạn, trước hạn',
    ],
  },
  {
    code: 'CT.TTHC.04', area: 'TTHC', stt: '3.4',
    name: 'Tỷ lệ thủ tục hành chính có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến',
    kind: 'ratio',
    numerator: 'Số TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến',
    denominator: 'Tổng số TTHC có yêu cầu nghĩa vụ tài chính',
    target: 'Tối thiểu 80%', monitor: VP, executor: MOT_CUA, sources: ['003', '004'],
  },
  {
    code: 'CT.TTHC.05', area: 'TTHC', stt: '3.5',
    name: 'Tỷ lệ người dân, doanh nghiệp không phải cung cấp lại thông tin, giấy tờ, tài liệu đã được chấp nhận khi thực hiện thủ tục hành chính trước đó',
    kind: 'ratio',
    numerator: 'Số hồ sơ không phải cung cấp lại thông tin, giấy tờ, tài liệu',
    denominator: 'Tổng số hồ sơ tiếp nhận',
    target: '80%', monitor: VP, executor: MOT_CUA, sources: ['001', '003', '004'],
  },
  {
    code: 'CT.TTHC.06', area: 'TTHC', stt: '3.6',
    name: 'Tỷ lệ thủ tục hành chính được thực hiện không phụ thuộc vào địa giới hành chính',
    kind: 'ratio',
    numerator: 'Số TTHC thực hiện không phụ thuộc vào địa giới hành chính',
    denominator: 'Tổng số TTHC thuộc thẩm quyền giải quyết của cấp xã',
    target: '100%', monitor: VP, executor: MOT_CUA, sources: ['003'],
  },
  {
    code: 'CT.TTHC.07', area: 'TTHC', stt: '3.7',
    name: 'Tỷ lệ thủ tục hành chính liên quan đến doanh nghiệp được thực hiện trực tuyến',
    kind: 'ratio',
    numerator: 'Số TTHC liên quan đến doanh nghiệp được thực hiện trực tuyến',
    denominator: 'Tổng số TTHC liên quan đến doanh nghiệp',
    target: '100%', monitor: VP, executor: MOT_CUA, sources: ['003'],
  },
  {
    code: 'CT.TTHC.08', area: 'TTHC', stt: '3.8',
    name: 'Tỷ lệ thủ tục hành chính được rà soát, kiến nghị đơn giản hóa',
    kind: 'ratio',
    numerator: 'Số TTHC được kiến nghị đơn giản hóa',
    denominator: 'Tổng số TTHC thuộc phạm vi quản lý',
    target: '10%', monitor: VP, executor: BPCM, sources: ['003'],
  },
  {
    code: 'CT.TTHC.09', area: 'TTHC', stt: '3.9',
    name: 'Tỷ lệ cắt giảm thông tin phải khai báo trên cơ sở tái sử dụng dữ liệu đã được số hóa',
    kind: 'ratio',
    numerator: 'Số trường thông tin được cắt giảm',
    denominator: 'Tổng số trường thông tin phải khai báo',
    target: 'Tối thiểu 20%', monitor: VP, executor: BPCM, sources: ['003'],
  },
  {
    code: 'CT.TTHC.10', area: 'TTHC', stt: '3.10',
    name: 'Tỷ lệ phương án phân cấp thẩm quyền giải quyết thủ tục hành chính đã được phê duyệt được thực thi',
    kind: 'ratio',
    numerator: 'Số phương án phân cấp đã thực thi',
    denominator: 'Tổng số phương án phân cấp đã được phê duyệt',
    target: '100%', monitor: VP, executor: BPCM, sources: ['003'],
  },
  {
    code: 'CT.TTHC.11', area: 'TTHC', stt: '3.11',
    name: 'Tỷ lệ hồ sơ thủ tục hành chính được luân chuyển trong nội bộ giữa các cơ quan bằng phương thức điện tử',
    kind: 'ratio',
    numerator: 'Số hồ sơ luân chuyển bằng phương thức điện tử',
    denominator: 'Tổng số hồ sơ phải luân chuyển giữa các cơ quan',
    target: 'Tối thiểu 80%', monitor: VP, executor: MOT_CUA, sources: ['004'],
  },
  {
    code: 'CT.TTHC.12', area: 'TTHC', stt: '3.12',
    name: 'Mức độ hài lòng về giải quyết thủ tục hành chính lĩnh vực đất đai, xây dựng, đầu tư',
    kind: 'ratio',
    numerator: 'Số phiếu đánh giá hài lòng (đất đai, xây dựng, đầu tư)',
    denominator: 'Tổng số phiếu đánh giá (đất đai, xây dựng, đầu tư)',
    target: 'Tối thiểu 85%', monitor: VP, executor: MOT_CUA, sources: ['004'],
  },
  {
    code: 'CT.TTHC.13', area: 'TTHC', stt: '3.13',
    name: 'Thời gian chờ đợi trung bình của người dân, doanh nghiệp tại Bộ phận Một cửa',
    kind: 'duration',
    target: 'Tối đa 15 phút/01 lượt giao dịch', monitor: VP, executor: MOT_CUA, sources: ['004'],
  },
  {
    code: 'CT.TTHC.14', area: 'TTHC', stt: '3.14',
    name: 'Trung tâm Phục vụ hành chính công xã triển khai quy trình số hóa hồ sơ, giấy tờ, kết quả giải quyết thủ tục hành chính',
    kind: 'qualitative',
    target: 'Hoàn thành', monitor: VP, executor: 'Trung tâm Phục vụ hành chính công xã', sources: ['003'],
  },
];

const TCBM: Ind[] = [
  {
    code: 'CT.TCBM.01', area: 'TCBM', stt: '',
    name: 'Sắp xếp đơn vị hành chính, tổ chức bộ máy theo tiêu chuẩn quy định',
    kind: 'qualitative',
    target: 'Hoàn thành', monitor: VP, executor: BPCM, sources: ['003'],
  },
];

const CDCV: Ind[] = [
  {
    code: 'CT.CDCV.01', area: 'CDCV', stt: '4',
    name: 'Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định',
    kind: 'ratio',
    numerator: 'Số cán bộ, công chức cấp xã đạt chuẩn',
    denominator: 'Tổng số cán bộ, công chức cấp xã',
    // Seed 000 writes "Trên 100%", impossible for a rate: 100% is what is meant.
    target: '100%', monitor: VP, executor: CBCC, sources: ['000'],
  },
  {
    code: 'CT.CDCV.02', area: 'CDCV', stt: '',
    name: 'Tỷ lệ cán bộ, công chức được luân chuyển, bổ nhiệm đúng quy trình, tiêu chuẩn theo quy định',
    kind: 'ratio',
    numerator: 'Số cán bộ, công chức được luân chuyển, bổ nhiệm đúng quy trình, tiêu chuẩn',
    denominator: 'Tổng số cán bộ, công chức được luân chuyển, bổ nhiệm',
    target: '100%', monitor: VP, executor: CBCC, sources: ['004'],
  },
  {
    code: 'CT.CDCV.03', area: 'CDCV', stt: '',
    name: 'Tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng cán bộ, công chức',
    kind: 'ratio',
    numerator: 'Số lượt cán bộ, công chức được đào tạo, bồi dưỡng theo kế hoạch',
    denominator: 'Tổng số lượt đào tạo, bồi dưỡng trong kế hoạch',
    target: '100%', monitor: VP, executor: CBCC, sources: ['004'],
  },
];

const TCC: Ind[] = [
  {
    code: 'CT.TCC.01', area: 'TCC', stt: '5',
    name: 'Đổi mới cơ chế hoạt động các đơn vị sự nghiệp công lập',
    kind: 'qualitative',
    target: 'Hoàn thành các chỉ tiêu đề ra theo Kế hoạch',
    monitor: TCKT,
    executor: 'Các cơ quan, đơn vị thuộc và trực thuộc UBND xã; các cơ quan, đơn vị liên quan',
    sources: ['000'],
  },
  {
    code: 'CT.TCC.02', area: 'TCC', stt: '',
    name: 'Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao',
    kind: 'ratio',
    numerator: 'Số vốn đầu tư công đã giải ngân',
    denominator: 'Tổng kế hoạch vốn đầu tư công được giao',
    target: '100%', monitor: TCKT, executor: 'Các cơ quan, đơn vị liên quan', sources: ['004'],
  },
  {
    code: 'CT.TCC.03', area: 'TCC', stt: '',
    name: 'Tỷ lệ kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách được thực hiện đầy đủ, kịp thời',
    kind: 'ratio',
    numerator: 'Số kiến nghị đã thực hiện đầy đủ, kịp thời',
    denominator: 'Tổng số kiến nghị sau thanh tra, kiểm tra, kiểm toán',
    target: '100%', monitor: TCKT, executor: 'Các cơ quan, đơn vị liên quan', sources: ['000', '004'],
  },
  {
    code: 'CT.TCC.04', area: 'TCC', stt: '',
    name: 'Tỷ lệ cơ quan, đơn vị thực hiện đúng quy định về quản lý, sử dụng tài sản công',
    kind: 'ratio',
    numerator: 'Số cơ quan, đơn vị thực hiện đúng quy định về quản lý, sử dụng tài sản công',
    denominator: 'Tổng số cơ quan, đơn vị thuộc phạm vi quản lý',
    target: '100%', monitor: TCKT, executor: 'Các cơ quan, đơn vị thuộc và trực thuộc UBND xã', sources: ['004'],
  },
  {
    code: 'CT.TCC.05', area: 'TCC', stt: '',
    name: 'Tỷ lệ cơ quan, đơn vị thực hiện đúng quy định về sử dụng kinh phí từ ngân sách nhà nước',
    kind: 'ratio',
    numerator: 'Số cơ quan, đơn vị sử dụng kinh phí đúng quy định',
    denominator: 'Tổng số cơ quan, đơn vị sử dụng ngân sách nhà nước',
    target: '100%', monitor: TCKT, executor: 'Các cơ quan, đơn vị thuộc và trực thuộc UBND xã', sources: ['004'],
  },
];

const CQS: Ind[] = [
  {
    code: 'CT.CQS.01', area: 'CQS', stt: '6.1',
    name: 'Tỷ lệ lập hồ sơ công việc (trừ hồ sơ mật) trên môi trường mạng',
    kind: 'ratio',
    numerator: 'Số hồ sơ công việc được lập, xử lý trên môi trường mạng',
    denominator: 'Tổng số hồ sơ công việc (trừ hồ sơ mật)',
    target: '80%', monitor: VP, executor: CBCC, sources: ['000', '003', '004'],
    aliases: [
      'Hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước)',
      'Hồ sơ công việc được tạo lập dưới dạng điện tử',
    ],
  },
  // 6.2 Nâng cao chất lượng phục vụ người dân, doanh nghiệp… (heading); seed 000 prints these unnumbered.
  {
    code: 'CT.CQS.02', area: 'CQS', stt: '6.2.1',
    name: 'Tỷ lệ TTHC được cung cấp dịch vụ công trực tuyến (nếu có phát sinh giao dịch thực tế) phát sinh hồ sơ trực tuyến',
    kind: 'ratio',
    numerator: 'Số TTHC cung cấp dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến',
    denominator: 'Tổng số TTHC cung cấp dịch vụ công trực tuyến có phát sinh giao dịch',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['000'],
  },
  {
    code: 'CT.CQS.03', area: 'CQS', stt: '6.2.2',
    name: 'Tỷ lệ TTHC được cung cấp dịch vụ thanh toán trực tuyến (nếu có phát sinh giao dịch thực tế) phát sinh giao dịch trực tuyến',
    kind: 'ratio',
    numerator: 'Số TTHC có phát sinh giao dịch thanh toán trực tuyến',
    denominator: 'Tổng số TTHC được cung cấp thanh toán trực tuyến có phát sinh giao dịch',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['000'],
  },
  {
    code: 'CT.CQS.04', area: 'CQS', stt: '6.2.3',
    name: 'Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện theo quy định',
    kind: 'ratio',
    numerator: 'Số TTHC cung cấp dịch vụ công trực tuyến toàn trình',
    denominator: 'Tổng số TTHC đủ điều kiện cung cấp trực tuyến toàn trình',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['000', '001', '004'],
    aliases: ['Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình', 'Thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình'],
  },
  {
    code: 'CT.CQS.05', area: 'CQS', stt: '6.2.4',
    name: 'Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch thanh toán của dịch vụ công',
    kind: 'ratio',
    numerator: 'Số giao dịch thanh toán trực tuyến',
    denominator: 'Tổng số giao dịch thanh toán của dịch vụ công',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['000', '001', '003', '004'],
    aliases: ['Tỷ lệ giao dịch thanh toán trực tuyến', 'Tỷ lệ thực hiện thanh toán trực tuyến'],
  },
  {
    code: 'CT.CQS.06', area: 'CQS', stt: '6.2.5',
    name: 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính',
    kind: 'ratio',
    numerator: 'Số hồ sơ tiếp nhận trực tuyến',
    denominator: 'Tổng số hồ sơ tiếp nhận',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['000', '001', '003', '004'],
    aliases: [
      'Tỷ lệ hồ sơ trực tuyến',
      'Tỷ lệ nộp hồ sơ trực tuyến một phần và toàn trình',
      'Hồ sơ thủ tục hành chính được người dân, doanh nghiệp thực hiện trực tuyến từ xa',
    ],
  },
  {
    code: 'CT.CQS.07', area: 'CQS', stt: '6.2.6',
    name: 'Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ trực tuyến',
    kind: 'ratio',
    numerator: 'Số hồ sơ trực tuyến toàn trình',
    denominator: 'Tổng số hồ sơ trực tuyến',
    target: '75%', monitor: VP, executor: CBCC_LQ, sources: ['000'],
  },
  {
    code: 'CT.CQS.08', area: 'CQS', stt: '6.2.7',
    name: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    kind: 'ratio',
    numerator: 'Số hồ sơ, kết quả giải quyết TTHC được số hóa',
    denominator: 'Tổng số hồ sơ, kết quả giải quyết TTHC',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['000', '001', '003', '004'],
    aliases: [
      'Số hóa kết quả giải quyết thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã',
      'Hồ sơ và kết quả giải quyết TTHC được số hóa theo quy định',
    ],
  },
  {
    code: 'CT.CQS.09', area: 'CQS', stt: '6.2.8',
    name: 'Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử',
    kind: 'ratio',
    numerator: 'Số kết quả giải quyết TTHC được cấp bản điện tử',
    denominator: 'Tổng số kết quả giải quyết TTHC đã cấp',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['000', '003'],
  },
  {
    code: 'CT.CQS.10', area: 'CQS', stt: '6.2.9',
    name: 'Tỷ lệ bản sao chứng thực điện tử trên tổng số bản sao do UBND cấp xã chứng thực',
    kind: 'ratio',
    numerator: 'Số bản sao chứng thực điện tử',
    denominator: 'Tổng số bản sao đã chứng thực',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['000'],
    aliases: ['Tỷ lệ số lượng bản sao chứng thực điện tử trên tổng số bản sao do UBND cấp xã và Phòng Tư pháp cấp huyện chứng thực'],
  },
  {
    code: 'CT.CQS.11', area: 'CQS', stt: '6.2.10',
    name: 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa',
    kind: 'ratio',
    numerator: 'Số hồ sơ có khai thác, sử dụng lại thông tin, dữ liệu số hóa',
    denominator: 'Tổng số hồ sơ tiếp nhận',
    target: '70%', monitor: VP, executor: CBCC_LQ, sources: ['000', '001', '003'],
  },
  {
    code: 'CT.CQS.12', area: 'CQS', stt: '6.2.11',
    name: 'Tỷ lệ kết quả xử lý hồ sơ thủ tục hành chính được đồng bộ đầy đủ trên Cổng Dịch vụ công quốc gia',
    kind: 'ratio',
    numerator: 'Số kết quả xử lý hồ sơ được đồng bộ',
    denominator: 'Tổng số hồ sơ đã xử lý',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['000', '004'],
    aliases: ['Hồ sơ được đồng bộ, kết nối chia sẻ dữ liệu TTHC đã được số hóa'],
  },
  {
    code: 'CT.CQS.13', area: 'CQS', stt: '6.2.12',
    name: 'Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn',
    kind: 'ratio',
    numerator: 'Số phản ánh, kiến nghị được xử lý đúng hạn',
    denominator: 'Tổng số phản ánh, kiến nghị đã tiếp nhận',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['000', '003'],
    aliases: ['Phản ánh kiến nghị của người dân, tổ chức liên quan đến giải quyết thủ tục hành chính được xử lý đúng hạn'],
  },
  {
    code: 'CT.CQS.14', area: 'CQS', stt: '6.2.13',
    name: 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp',
    kind: 'ratio',
    numerator: 'Số phiếu đánh giá hài lòng',
    denominator: 'Tổng số phiếu đánh giá',
    target: '95%', monitor: VP, executor: CBCC_LQ, sources: ['000', '003', '004'],
    aliases: [
      'Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính',
      'Mức độ hài lòng của tổ chức, cá nhân đối với chất lượng cung cấp dịch vụ công',
    ],
  },
  {
    code: 'CT.CQS.15', area: 'CQS', stt: '6.3',
    name: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử với các cơ quan nhà nước (trừ văn bản mật)',
    kind: 'ratio',
    numerator: 'Số văn bản đi, đến dưới dạng điện tử',
    denominator: 'Tổng số văn bản đi, đến (trừ văn bản mật)',
    target: '100%', monitor: VP, executor: CBCC, sources: ['001'],
    aliases: ['Tỷ lệ trao đổi văn bản điện tử của đơn vị với các cơ quan nhà nước trên phần mềm quản lý văn bản và hồ sơ công việc'],
  },
  {
    code: 'CT.CQS.16', area: 'CQS', stt: '6.4',
    name: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử sử dụng chữ ký số',
    kind: 'ratio',
    numerator: 'Số văn bản điện tử có chữ ký số',
    denominator: 'Tổng số văn bản trao đổi dưới dạng điện tử',
    target: '100%', monitor: VP, executor: CBCC, sources: ['001'],
  },
  {
    code: 'CT.CQS.17', area: 'CQS', stt: '6.5',
    name: 'Chỉnh lý, số hóa toàn bộ tài liệu lưu trữ',
    kind: 'qualitative',
    target: 'Hoàn thành', monitor: VP, executor: CBCC, sources: ['001'],
  },
  {
    code: 'CT.CQS.18', area: 'CQS', stt: '6.6',
    name: 'Tỷ lệ cơ sở dữ liệu quốc gia, chuyên ngành được kết nối, khai thác dữ liệu',
    kind: 'ratio',
    numerator: 'Số cơ sở dữ liệu đã kết nối, khai thác',
    denominator: 'Tổng số cơ sở dữ liệu quốc gia, chuyên ngành liên quan',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['003'],
  },
  {
    code: 'CT.CQS.19', area: 'CQS', stt: '6.7',
    name: 'Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến được định danh và xác thực điện tử',
    kind: 'ratio',
    numerator: 'Số người dân, doanh nghiệp được định danh và xác thực điện tử',
    denominator: 'Tổng số người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['003'],
  },
  {
    code: 'CT.CQS.20', area: 'CQS', stt: '6.8',
    name: 'Tỷ lệ hệ thống thông tin của xã liên quan đến người dân, doanh nghiệp được kết nối, liên thông qua nền tảng tích hợp, chia sẻ dữ liệu',
    kind: 'ratio',
    numerator: 'Số hệ thống thông tin đã kết nối, liên thông',
    denominator: 'Tổng số hệ thống thông tin đang vận hành',
    target: '100%', monitor: VP, executor: CBCC_LQ, sources: ['003'],
  },
  {
    code: 'CT.CQS.21', area: 'CQS', stt: '6.9',
    name: 'Kết nối, báo cáo định kỳ trên Hệ thống thông tin báo cáo của tỉnh',
    kind: 'qualitative',
    target: 'Hoàn thành', monitor: VP, executor: CBCC, sources: ['003', '004'],
  },
  {
    code: 'CT.CQS.22', area: 'CQS', stt: '6.10',
    name: 'Đưa vào vận hành phân hệ theo dõi nhiệm vụ Chủ tịch UBND xã giao',
    kind: 'qualitative',
    target: 'Hoàn thành', monitor: VP, executor: CBCC, sources: ['003'],
  },
  {
    code: 'CT.CQS.23', area: 'CQS', stt: '6.11',
    name: 'Tỷ lệ cán bộ, công chức được tập huấn, bồi dưỡng kỹ năng số cơ bản',
    kind: 'ratio',
    numerator: 'Số cán bộ, công chức được tập huấn kỹ năng số cơ bản',
    denominator: 'Tổng số cán bộ, công chức',
    target: '50%', monitor: VHXH, executor: CBCC, sources: ['004'],
  },
  {
    code: 'CT.CQS.24', area: 'CQS', stt: '6.12',
    name: 'Tỷ lệ nhà văn hóa thôn, khu phố được phủ sóng Wi-Fi phục vụ chuyển đổi số',
    kind: 'ratio',
    numerator: 'Số nhà văn hóa được phủ sóng Wi-Fi',
    denominator: 'Tổng số nhà văn hóa thôn, khu phố',
    target: '100%', monitor: VHXH, executor: 'Ban nhân dân các thôn, khu phố', sources: ['000'],
  },
];

const TD: Ind[] = [
  {
    code: 'CT.TD.01', area: 'TD', stt: '',
    name: 'Tỷ lệ thu ngân sách nhà nước trên địa bàn so với dự toán được giao',
    kind: 'ratio',
    numerator: 'Số thu ngân sách thực hiện',
    denominator: 'Dự toán thu ngân sách được giao',
    target: 'Từ 100% trở lên', monitor: TCKT, executor: 'Các bộ phận liên quan', sources: ['004'],
  },
  {
    code: 'CT.TD.02', area: 'TD', stt: '',
    name: 'Tỷ lệ chỉ tiêu phát triển kinh tế - xã hội do HĐND xã giao đạt và vượt kế hoạch',
    kind: 'ratio',
    numerator: 'Số chỉ tiêu đạt và vượt kế hoạch',
    denominator: 'Tổng số chỉ tiêu được giao',
    target: '100%', monitor: TCKT, executor: 'Các bộ phận liên quan', sources: ['004'],
  },
  {
    code: 'CT.TD.03', area: 'TD', stt: '',
    name: 'Khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
    kind: 'qualitative',
    target: 'Hoàn thành', monitor: VP, executor: BPCM, sources: ['001', '003', '004'],
  },
];

// ================================================================ tasks

const PLAN_THEN_YEAR = 'Ban hành: Quý I; Thực hiện: Cả năm';
const QUARTER_REPORTS_5TH = 'Báo cáo quý I: 5/3/2025; Báo cáo quý II: 5/6/2025; Báo cáo quý III: 5/9/2025; Báo cáo năm: 5/12/2025';

const TASKS_CDDH: Task[] = [
  {
    code: 'NV.CDDH.01', area: 'CDDH',
    name: 'Kế hoạch cải cách hành chính năm 2025',
    product: 'Kế hoạch của UBND xã', lead: VP, partners: 'Các ngành liên quan',
    deadline: 'Ban hành Kế hoạch: Quý I; Thực hiện: Cả năm',
    note: 'Kế hoạch có đầy đủ các nội dung và từng chỉ tiêu cụ thể trong công tác CCHC',
    sources: ['000', '001'],
    aliases: ['Ban hành kế hoạch CCHC năm kịp thời'],
  },
  {
    code: 'NV.CDDH.02', area: 'CDDH',
    name: 'Kế hoạch tự kiểm tra công tác cải cách hành chính năm 2025',
    product: 'Kế hoạch của UBND xã', lead: VP, partners: 'Các ngành liên quan',
    deadline: 'Ban hành Kế hoạch: Quý I; Thực hiện: Cả năm', note: '', sources: ['000'],
  },
  {
    code: 'NV.CDDH.03', area: 'CDDH',
    name: 'Kế hoạch tuyên truyền công tác cải cách hành chính năm 2025',
    product: 'Kế hoạch của UBND xã', lead: VP, partners: 'Các ngành liên quan',
    deadline: 'Ban hành Kế hoạch: Quý I; Thực hiện: Cả năm',
    note: 'Hình thức: hội nghị, tập huấn chuyên đề; đăng tải thông tin CCHC; phát thanh; cuộc thi, tọa đàm, sân khấu hóa…',
    sources: ['000', '001'],
    aliases: ['Ban hành Kế hoạch tuyên truyền công tác CCHC'],
  },
  {
    code: 'NV.CDDH.04', area: 'CDDH',
    name: 'Kế hoạch nâng cao, cải thiện chỉ số PAPI năm 2025',
    product: 'Kế hoạch của UBND xã', lead: VP, partners: 'Các ngành liên quan',
    deadline: 'Ban hành Kế hoạch: Quý I; Thực hiện: Cả năm', note: '', sources: ['000'],
  },
  {
    code: 'NV.CDDH.05', area: 'CDDH',
    name: 'Thực hiện công tác báo cáo định kỳ',
    product: 'Báo cáo định kỳ công tác CCHC; báo cáo định kỳ về kỷ luật, kỷ cương hành chính; báo cáo đánh giá, xếp hạng Chỉ số CCHC cấp xã',
    lead: VPTK, partners: '',
    deadline:
      'Báo cáo CCHC quý I: 10/3/2025; quý II: 10/6/2025; quý III: 10/9/2025; quý IV: 10/11/2025; ' +
      'Báo cáo kỷ luật, kỷ cương hành chính quý I: 15/3/2025; quý II: 15/6/2025; quý III: 15/9/2025; quý IV: 15/11/2025; ' +
      'Báo cáo xếp hạng Chỉ số CCHC: trước 1/12/2025',
    note: 'Báo cáo đầy đủ số lượng, nội dung, gửi đúng thời gian quy định; nêu rõ mức độ hoàn thành kế hoạch CCHC',
    sources: ['001'],
  },
  {
    code: 'NV.CDDH.06', area: 'CDDH',
    name: 'Sáng kiến mới trong thực hiện nhiệm vụ cải cách hành chính trong năm',
    product: 'Văn bản phê duyệt, triển khai giải pháp mới; văn bản công nhận sáng kiến của cơ quan có thẩm quyền (nếu có)',
    lead: VPTK, partners: '', deadline: 'Trước tháng 12/2025',
    note: 'Lần đầu được áp dụng hoặc áp dụng thử trong nội bộ xã; mang lại lợi ích thiết thực, nâng cao hiệu quả nhiệm vụ CCHC',
    sources: ['001'],
  },
  {
    code: 'NV.CDDH.07', area: 'CDDH',
    name: 'Báo cáo kết quả thực hiện công tác tuyên truyền cải cách hành chính',
    product: 'Báo cáo kết quả thực hiện công tác tuyên truyền CCHC',
    lead: VHXH, partners: '', deadline: QUARTER_REPORTS_5TH,
    note: 'Nêu rõ số lượt phát sóng tuyên truyền CCHC và các hình thức tuyên truyền khác (băng rôn, khẩu hiệu, cuộc thi tìm hiểu về CCHC)',
    sources: ['001'],
  },
];

const TASKS_TC: Task[] = [
  {
    code: 'NV.TC.01', area: 'TC',
    name: 'Ban hành và triển khai thực hiện: Kế hoạch ban hành văn bản quy phạm pháp luật, Kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật, Kế hoạch kiểm tra việc thực hiện văn bản quy phạm pháp luật, Kế hoạch theo dõi thi hành pháp luật năm 2025',
    product: 'Kế hoạch của UBND xã; Báo cáo của UBND xã',
    lead: 'Tư pháp - Hộ tịch', partners: 'Thường trực HĐND xã; Văn phòng UBND xã',
    deadline: PLAN_THEN_YEAR, note: '', sources: ['000'],
  },
  {
    code: 'NV.TC.02', area: 'TC',
    name: 'Xây dựng Kế hoạch và tổ chức tuyên truyền, phổ biến, giáo dục pháp luật năm 2025',
    product: 'Kế hoạch của UBND xã; Báo cáo của UBND xã',
    lead: 'Tư pháp - Hộ tịch',
    partners: 'Ban Thường trực UBMTTQVN xã, các hội đoàn thể xã, Địa chính, Ban Chỉ huy Quân sự, Công an xã',
    deadline: PLAN_THEN_YEAR,
    note: 'Cung cấp đường dẫn tới tin, bài đã tuyên truyền; đa dạng hình thức (hội nghị, hội thảo, hội thi, sân khấu hóa…)',
    sources: ['000', '001'],
    aliases: ['Ban hành kế hoạch tuyên truyền, phổ biến pháp luật'],
  },
  {
    code: 'NV.TC.03', area: 'TC',
    name: 'Kế hoạch phổ biến Luật Thực hiện dân chủ ở cơ sở năm 2025',
    product: 'Kế hoạch của UBND xã; Báo cáo của UBND xã',
    lead: 'Tư pháp - Hộ tịch', partners: 'Ban Thường trực UBMTTQVN xã',
    deadline: PLAN_THEN_YEAR, note: '', sources: ['000'],
  },
  {
    code: 'NV.TC.04', area: 'TC',
    name: 'Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật năm 2025',
    product: 'Kế hoạch theo dõi tình hình thi hành pháp luật năm 2025; Báo cáo kết quả theo dõi thi hành pháp luật năm 2025',
    lead: TP, partners: '', deadline: 'Theo kế hoạch của UBND tỉnh',
    note: 'Ban hành kế hoạch đúng thời gian quy định', sources: ['001'],
  },
  {
    code: 'NV.TC.05', area: 'TC',
    name: 'Ban hành Kế hoạch kiểm tra, giám sát kết quả theo dõi thi hành pháp luật và kiểm tra việc thực hiện văn bản quy phạm pháp luật trên địa bàn xã năm 2025',
    product: 'Kế hoạch kiểm tra, giám sát; thông báo kết luận hoặc báo cáo kết quả kiểm tra; văn bản kiến nghị xử lý kết quả theo dõi thi hành pháp luật',
    lead: TP, partners: '', deadline: 'Trong năm 2025',
    note: 'Xử lý theo thẩm quyền hoặc kiến nghị xử lý kết quả theo dõi tình hình thi hành pháp luật theo Nghị định số 59/2012/NĐ-CP, Nghị định số 32/2020/NĐ-CP',
    sources: ['001'],
  },
  {
    code: 'NV.TC.06', area: 'TC',
    name: 'Ban hành kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật',
    product: 'Kế hoạch rà soát, hệ thống hóa văn bản QPPL; Báo cáo kết quả rà soát văn bản QPPL năm 2025; văn bản xử lý sau rà soát (nếu có)',
    lead: TP, partners: '', deadline: 'Trong năm 2025',
    note: 'Tính tỷ lệ % số nhiệm vụ rà soát đã hoàn thành so với tổng số nhiệm vụ trong năm; tỷ lệ % số văn bản QPPL đã xử lý hoặc kiến nghị xử lý so với tổng số phải xử lý sau rà soát',
    sources: ['001'],
  },
  {
    code: 'NV.TC.07', area: 'TC',
    name: 'Ban hành kế hoạch kiểm tra việc thực hiện văn bản quy phạm pháp luật trên địa bàn xã năm 2025',
    product: 'Kế hoạch kiểm tra việc thực hiện văn bản QPPL; thông báo kết luận hoặc báo cáo kết quả kiểm tra',
    lead: TP, partners: '', deadline: 'Trong năm 2025',
    note: 'Thống kê các vấn đề phát hiện và đã xử lý qua kiểm tra; tính tỷ lệ % số nhiệm vụ đã hoàn thành so với tổng số nhiệm vụ theo kế hoạch',
    sources: ['001'],
  },
];

const TASKS_TTHC: Task[] = [
  {
    code: 'NV.TTHC.01', area: 'TTHC',
    name: 'Ban hành và triển khai thực hiện Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2025',
    product: 'Kế hoạch của UBND xã; Báo cáo của UBND xã', lead: VP,
    partners: 'Các lĩnh vực có phát sinh TTHC: Tư pháp - Hộ tịch, Văn hóa - Xã hội, Địa chính',
    deadline: PLAN_THEN_YEAR, note: '', sources: ['000'],
  },
  {
    code: 'NV.TTHC.02', area: 'TTHC',
    name: 'Triển khai thực hiện các chỉ tiêu trên lĩnh vực dịch vụ công trực tuyến năm 2025 (7 chỉ tiêu liên quan dịch vụ công trực tuyến)',
    product: 'Kế hoạch của UBND xã; Báo cáo của UBND xã', lead: VP,
    partners: 'Công chức chuyên môn; Mặt trận, các hội đoàn thể xã; Công an xã',
    deadline: PLAN_THEN_YEAR, note: '', sources: ['000'],
  },
  {
    code: 'NV.TTHC.03', area: 'TTHC',
    name: 'Ban hành Kế hoạch kiểm soát thủ tục hành chính',
    product: 'Kế hoạch kiểm soát TTHC hàng năm', lead: VPTK, partners: '',
    deadline: 'Quý I năm 2025', note: 'Ban hành đúng thời gian quy định theo kế hoạch của cấp trên', sources: ['001'],
  },
  {
    code: 'NV.TTHC.04', area: 'TTHC',
    name: 'Thực hiện chế độ báo cáo định kỳ về kiểm soát TTHC, cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử trên Hệ thống thông tin báo cáo Chính phủ',
    product: '04 báo cáo định kỳ về kiểm soát TTHC', lead: VPTK, partners: '',
    deadline: 'Báo cáo quý I: 15/3/2025; Báo cáo quý II: 15/6/2025; Báo cáo quý III: 15/9/2025; Báo cáo năm: 15/12/2025',
    note: 'Tính tỷ lệ % số nhiệm vụ hoặc sản phẩm đã hoàn thành so với tổng số trong kế hoạch; công khai TTHC đầy đủ, đúng quy định',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.05', area: 'TTHC',
    name: 'Tổ chức tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết',
    product: 'Báo cáo công tác kiểm soát TTHC; các văn bản có liên quan', lead: VPTK, partners: '',
    deadline: 'Trong năm 2025',
    note: 'Thực hiện đầy đủ hình thức, quy trình tiếp nhận theo Nghị định số 20/2008/NĐ-CP, 63/2010/NĐ-CP, 92/2017/NĐ-CP',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.06', area: 'TTHC',
    name: 'Xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết',
    product: 'Báo cáo công tác kiểm soát TTHC; các văn bản có liên quan', lead: VPTK, partners: '',
    deadline: 'Trong năm 2025',
    note: 'Thống kê đầy đủ phản ánh, kiến nghị trong năm; công khai kết quả xử lý',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.07', area: 'TTHC',
    name: 'Thực hiện tiếp nhận, trả kết quả TTHC theo cơ chế một cửa liên thông',
    product: 'Danh mục TTHC thực hiện theo cơ chế một cửa liên thông; Báo cáo công tác kiểm soát TTHC',
    lead: VPTK, partners: '', deadline: 'Trong năm 2025',
    note: 'Tính tỷ lệ % số TTHC đưa ra thực hiện tại Bộ phận Một cửa so với tổng số TTHC thuộc thẩm quyền của xã',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.08', area: 'TTHC',
    name: 'Đưa TTHC ngành dọc thực hiện tiếp nhận hồ sơ tại Bộ phận Một cửa theo danh mục được phê duyệt',
    product: 'Báo cáo công tác kiểm soát TTHC; các văn bản có liên quan', lead: VPTK, partners: '',
    deadline: 'Trong năm 2025',
    note: 'Thống kê tổng số TTHC ngành dọc tiếp nhận hồ sơ tại Bộ phận Một cửa của xã',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.09', area: 'TTHC',
    name: 'Thực hiện quy định về tiếp nhận hồ sơ TTHC; chứng thực bản sao điện tử',
    product: 'Báo cáo công tác kiểm soát TTHC; các văn bản có liên quan', lead: TP, partners: '',
    deadline: 'Trong năm 2025',
    note: 'Tổng số hồ sơ đã tiếp nhận/tổng số hồ sơ đã giải quyết trong năm',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.10', area: 'TTHC',
    name: 'Giải quyết hồ sơ đúng hạn; công khai kết quả giải quyết thủ tục hành chính',
    product: 'Báo cáo công tác kiểm soát TTHC; các văn bản có liên quan', lead: VPTK, partners: '',
    deadline: 'Trong năm 2025',
    note: 'Thống kê hồ sơ giải quyết đúng hạn, quá hạn, chưa đến hạn; công khai tiến độ, kết quả trên trang thông tin điện tử, tại trụ sở và Hệ thống thông tin giải quyết TTHC của tỉnh',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.11', area: 'TTHC',
    name: 'Công khai xin lỗi trong giải quyết TTHC; thái độ phục vụ của cán bộ, công chức',
    product: 'Báo cáo công tác kiểm soát TTHC; giải trình từng trường hợp trễ hẹn không do lỗi của cơ quan nhà nước',
    lead: VPTK, partners: '', deadline: 'Trong năm 2025',
    note: 'Thống kê tổng số hồ sơ trễ hẹn và số hồ sơ trễ hẹn đã xin lỗi người dân, tổ chức',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.12', area: 'TTHC',
    name: 'Triển khai số hóa hồ sơ giải quyết TTHC',
    product: 'Các văn bản triển khai; Báo cáo kiểm soát TTHC của đơn vị', lead: VPTK, partners: '',
    deadline: QUARTER_REPORTS_5TH,
    note: 'Báo cáo nêu rõ: hoàn thành số hóa kết quả giải quyết TTHC còn hiệu lực; tỷ lệ hồ sơ trực tuyến; tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình; tỷ lệ thanh toán trực tuyến',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.13', area: 'TTHC',
    name: 'Tổ chức đối thoại với cá nhân, tổ chức theo quy định',
    product: 'Tài liệu chứng minh việc tổ chức diễn đàn, đối thoại; văn bản chỉ đạo xử lý kiến nghị, đề xuất',
    lead: VPTK, partners: '', deadline: 'Định kỳ hàng quý, 6 tháng, hàng năm',
    note: 'Tổ chức diễn đàn, đối thoại (trực tiếp hoặc trực tuyến); ban hành văn bản chỉ đạo giải quyết kiến nghị của người dân, doanh nghiệp',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.14', area: 'TTHC',
    name: 'Duy trì tỷ lệ giải quyết hồ sơ đúng hạn đạt trên 98%',
    product: 'Báo cáo kết quả thực hiện', lead: MOT_CUA, partners: '', deadline: 'Thường xuyên', note: '',
    sources: ['001'],
  },
  {
    code: 'NV.TTHC.15', area: 'TTHC',
    name: 'Thực hiện các nội dung, nhiệm vụ theo Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ (Đề án 06)',
    product: 'Báo cáo kết quả thực hiện', lead: MOT_CUA, partners: '', deadline: 'Thường xuyên', note: '',
    sources: ['001'],
  },
];

const TASKS_TCBM: Task[] = [
  {
    code: 'NV.TCBM.01', area: 'TCBM',
    name: 'Kiện toàn Quyết định phân công nhiệm vụ cho cán bộ, công chức thuộc UBND xã; phân công nhiệm vụ cho cán bộ, công chức tại Bộ phận tiếp nhận và trả kết quả',
    product: 'Quyết định của UBND xã', lead: VP, partners: VP, deadline: 'Quý I', note: '', sources: ['000'],
  },
  {
    code: 'NV.TCBM.02', area: 'TCBM',
    name: 'Kế hoạch mua sắm trang thiết bị tập trung cho Bộ phận tiếp nhận và trả kết quả',
    product: 'Kế hoạch của UBND xã', lead: VP, partners: 'Tài chính - Kế toán', deadline: 'Cả năm', note: '',
    sources: ['000'],
  },
  {
    code: 'NV.TCBM.03', area: 'TCBM',
    name: 'Thực hiện quy định về sử dụng biên chế hành chính và số lượng người làm việc hưởng lương từ ngân sách nhà nước',
    product: 'Báo cáo tổng kết năm của phòng Nội vụ; các văn bản báo cáo khác', lead: VPTK, partners: '',
    deadline: 'Thường xuyên', note: 'Thống kê tổng số biên chế hiện có/tổng số biên chế được giao', sources: ['001'],
  },
];

const TASKS_CDCV: Task[] = [
  {
    code: 'NV.CDCV.01', area: 'CDCV',
    name: 'Kế hoạch bồi dưỡng cán bộ, công chức, cán bộ không chuyên trách cấp xã năm 2025',
    product: 'Kế hoạch của UBND xã; Báo cáo kết quả thực hiện', lead: VP, partners: 'Cán bộ, công chức xã',
    deadline: 'Ban hành Kế hoạch: Quý I; Thực hiện: Cả năm', note: '', sources: ['000'],
  },
  {
    code: 'NV.CDCV.02', area: 'CDCV',
    name: 'Báo cáo kê khai tài sản của cán bộ, công chức năm 2025',
    product: 'Báo cáo kết quả thực hiện', lead: VP, partners: 'Cán bộ, công chức xã', deadline: 'Quý IV', note: '',
    sources: ['000'],
  },
  {
    code: 'NV.CDCV.03', area: 'CDCV',
    name: 'Cập nhật, hoàn thiện quy định về vị trí việc làm của cơ quan, tổ chức thuộc phạm vi quản lý',
    product: 'Văn bản hoàn thiện vị trí việc làm; bản mô tả công việc, khung năng lực theo vị trí việc làm',
    lead: VPTK, partners: '', deadline: 'Thường xuyên',
    note: 'Bố trí công chức theo vị trí việc làm và tiêu chuẩn ngạch tương ứng với bản mô tả công việc, khung năng lực',
    sources: ['001'],
  },
  {
    code: 'NV.CDCV.04', area: 'CDCV',
    name: 'Xây dựng bản mô tả công việc, khung năng lực theo từng vị trí việc làm theo Danh mục vị trí việc làm đã được phê duyệt',
    product: 'Bản mô tả công việc, khung năng lực theo từng vị trí việc làm', lead: VPTK, partners: '',
    deadline: 'Tháng 1/2025', note: '', sources: ['001'],
  },
  {
    code: 'NV.CDCV.05', area: 'CDCV',
    name: 'Thực hiện kế hoạch đào tạo, bồi dưỡng công chức xã',
    product: 'Báo cáo công tác đào tạo, bồi dưỡng công chức', lead: VPTK, partners: '',
    deadline: 'Tháng 12/2025',
    note: 'Ban hành kế hoạch đúng thời gian quy định; báo cáo mức độ thực hiện kế hoạch đào tạo, bồi dưỡng',
    sources: ['001'],
  },
  {
    code: 'NV.CDCV.06', area: 'CDCV',
    name: 'Thực hiện trình tự, thủ tục đánh giá, phân loại cán bộ, công chức theo quy định',
    product: 'Báo cáo kết quả đánh giá, phân loại công chức xã', lead: VPTK, partners: '',
    deadline: 'Trước ngày 15/12/2025', note: '', sources: ['001'],
  },
  {
    code: 'NV.CDCV.07', area: 'CDCV',
    name: 'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức',
    product: 'Báo cáo CCHC năm của xã', lead: VPTK, partners: '', deadline: 'Trước ngày 15/11/2025',
    note: 'Thống kê số cán bộ, công chức bị kỷ luật trong năm, nêu rõ hình thức kỷ luật', sources: ['001'],
  },
  {
    code: 'NV.CDCV.08', area: 'CDCV',
    name: 'Rà soát số lượng, chất lượng cán bộ, công chức cấp xã',
    product: 'Báo cáo số lượng, chất lượng cán bộ, công chức cấp xã; báo cáo năm ngành nội vụ', lead: VPTK, partners: '',
    deadline: 'Trước 10/12/2025', note: 'Báo cáo số cán bộ, công chức đạt chuẩn', sources: ['001'],
  },
];

const TASKS_TCC: Task[] = [
  {
    code: 'NV.TCC.01', area: 'TCC',
    name: 'Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước',
    product: 'Báo cáo của UBND xã', lead: 'Tài chính - Kế toán', partners: 'Các cơ quan, đơn vị liên quan',
    deadline: PLAN_THEN_YEAR, note: '', sources: ['000'],
  },
  {
    code: 'NV.TCC.02', area: 'TCC',
    name: 'Thực hiện công khai tài chính',
    product: 'Văn bản công khai', lead: 'Tài chính - Kế toán',
    partners: 'Bộ phận Một cửa UBND xã; Đài truyền thanh xã; Ban nhân dân các thôn, khu phố',
    deadline: PLAN_THEN_YEAR, note: '', sources: ['000'],
  },
  {
    code: 'NV.TCC.03', area: 'TCC',
    name: 'Xây dựng và báo cáo dự toán, chấp hành, quyết toán ngân sách',
    product: 'Báo cáo dự toán, chấp hành, quyết toán ngân sách', lead: TCKT, partners: '',
    deadline: 'Trước ngày 30/11/2025', note: 'Xây dựng báo cáo đúng quy định và gửi đúng thời hạn', sources: ['001'],
  },
  {
    code: 'NV.TCC.04', area: 'TCC',
    name: 'Công khai dự toán ngân sách được giao, quyết toán ngân sách được phê duyệt và gửi báo cáo theo quy định',
    product: 'Văn bản công khai dự toán ngân sách (quyết định, công văn…)', lead: TCKT, partners: '',
    deadline: 'Trước ngày 30/11/2025', note: 'Báo cáo thể hiện việc công khai dự toán, quyết toán ngân sách', sources: ['001'],
  },
  {
    code: 'NV.TCC.05', area: 'TCC',
    name: 'Thực hiện tiết kiệm kinh phí, tăng thu nhập cho cán bộ, công chức và lao động hợp đồng',
    product: 'Văn bản quy định và thực hiện chi trả thu nhập tăng thêm', lead: TCKT, partners: '',
    deadline: 'Trước ngày 30/11/2025', note: '', sources: ['001'],
  },
  {
    code: 'NV.TCC.06', area: 'TCC',
    name: 'Thực hiện quy định về phân phối kết quả tài chính hoặc sử dụng kinh phí tiết kiệm chi thường xuyên tại các đơn vị sự nghiệp công lập',
    product: 'Báo cáo kết quả thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính', lead: TCKT, partners: '',
    deadline: 'Trước ngày 30/11/2025', note: '', sources: ['001'],
  },
  {
    code: 'NV.TCC.07', area: 'TCC',
    name: 'Ban hành, bổ sung quy chế quản lý, sử dụng tài sản công của các cơ quan, đơn vị thuộc phạm vi quản lý',
    product: 'Quy chế quản lý, sử dụng tài sản công; báo cáo kết quả thực hiện', lead: TCKT, partners: '',
    deadline: 'Trước ngày 30/11/2025', note: '', sources: ['001'],
  },
];

const TASKS_CQS: Task[] = [
  {
    code: 'NV.CQS.01', area: 'CQS',
    name: 'Kế hoạch chuyển đổi số xã năm 2025',
    product: 'Kế hoạch của UBND xã', lead: 'Văn hóa - Xã hội',
    partners: 'Các ngành liên quan; Mặt trận, các hội đoàn thể xã, Công an xã, Ban nhân dân các thôn, khu phố; Tổ công nghệ số cộng đồng',
    deadline: PLAN_THEN_YEAR, note: 'Ban hành kế hoạch đúng thời gian, đầy đủ nội dung', sources: ['000', '001'],
    aliases: ['Ban hành kế hoạch chuyển đổi số'],
  },
  {
    code: 'NV.CQS.02', area: 'CQS',
    name: 'Kế hoạch thúc đẩy việc sử dụng dịch vụ công trực tuyến trên địa bàn xã',
    product: 'Kế hoạch của UBND xã', lead: VP,
    partners: 'Các cơ quan, đơn vị trường học; cán bộ, công chức chuyên môn; Bộ phận Một cửa UBND xã',
    deadline: PLAN_THEN_YEAR, note: '', sources: ['000'],
  },
  {
    code: 'NV.CQS.03', area: 'CQS',
    name: 'Kế hoạch tạo chữ ký số, tạo tài khoản dịch vụ công cho người dân',
    product: 'Kế hoạch của Đoàn TNCS Hồ Chí Minh xã', lead: 'Đoàn TNCS Hồ Chí Minh xã',
    partners: 'Công an xã, Văn hóa - Xã hội, Văn phòng UBND xã',
    deadline: PLAN_THEN_YEAR, note: '', sources: ['000'],
  },
  {
    code: 'NV.CQS.04', area: 'CQS',
    name: 'Báo cáo kết quả thực hiện chuyển đổi số',
    product: 'Báo cáo kết quả thực hiện chuyển đổi số', lead: VHXH, partners: '',
    deadline: 'Báo cáo quý I: 20/3/2025; Báo cáo quý II: 20/6/2025; Báo cáo quý III: 20/9/2025; Báo cáo năm: 15/12/2025',
    note: 'Nêu rõ số chỉ tiêu được giao và đã hoàn thành; tỷ lệ trao đổi văn bản điện tử; tỷ lệ văn bản điện tử sử dụng chữ ký số; kết nối phần mềm quản lý văn bản; hội nghị truyền hình trực tuyến',
    sources: ['001'],
  },
];

const TASKS_DN: Task[] = [
  {
    code: 'NV.DN.01', area: 'DN',
    name: 'Công khai, minh bạch các quy hoạch, kế hoạch phát triển kinh tế - xã hội, quy hoạch, kế hoạch sử dụng đất, giá đất, các dự án kêu gọi đầu tư',
    product: 'Báo cáo kết quả thực hiện', lead: 'UBND xã', partners: '', deadline: 'Thường xuyên', note: '',
    sources: ['002'],
  },
  {
    code: 'NV.DN.02', area: 'DN',
    name: 'Tổ chức các hoạt động đối thoại với doanh nghiệp; tiếp thu, giải đáp phản ánh, kiến nghị, khó khăn, vướng mắc trong hoạt động đầu tư, sản xuất kinh doanh',
    product: 'Kế hoạch thực hiện', lead: 'UBND xã', partners: '', deadline: 'Định kỳ hàng quý', note: '',
    sources: ['002'],
  },
];

// ================================================================ assembly

const INDICATORS: CatalogIndicator[] = [...CDDH, ...TC, ...TTHC, ...TCBM, ...CDCV, ...TCC, ...CQS, ...TD];
const TASKS: CatalogTask[] = [
  ...TASKS_CDDH, ...TASKS_TC, ...TASKS_TTHC, ...TASKS_TCBM, ...TASKS_CDCV, ...TASKS_TCC, ...TASKS_CQS, ...TASKS_DN,
];

const underStt = (prefix: string) => INDICATORS.filter((i) => i.stt.startsWith(`${prefix}.`)).map((i) => i.code);

/** Seed 000's group rows: two area headings (3, 6) and the service-quality group 6.2. */
const HEADINGS: CatalogHeading[] = [
  { area: 'TTHC', stt: '3', name: 'Cải cách thủ tục hành chính', codes: underStt('3') },
  { area: 'CQS', stt: '6', name: 'Chính quyền điện tử, chính quyền số', codes: underStt('6') },
  {
    area: 'CQS', stt: '6.2',
    name: 'Nâng cao chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công',
    codes: underStt('6.2'),
  },
];

/** The national rule for every period (Nghị định 09/2019/NĐ-CP): data to the 14th of the period's last month, report by the 20th. */
const NATIONAL_CALENDAR = PERIODS.map((period) => ({ period, cutoff: { dayOfLastMonth: 14 }, due: { dayOfLastMonth: 20 } }));

export const CATALOG_2025: Catalog = {
  id: 'CCHC-2025',
  version: '2025.1',
  year: 2025,
  name: 'Danh mục chỉ tiêu, nhiệm vụ cải cách hành chính cấp xã năm 2025',
  issuer: 'Danh mục chuẩn kèm theo phần mềm',
  level: 'xa',
  calendar: NATIONAL_CALENDAR,
  areas: AREAS.map(({ code, name }) => ({ code, name })),
  indicators: INDICATORS,
  tasks: TASKS,
  headings: HEADINGS,
};
