// The annex tables of the seed plans (/work/shared/seeds), as their Word documents lay them out:
// header rows (with merged cells), section rows, rows broken across a page with the header repeated
// between the two parts, vertically merged cells. make-fixtures.mjs turns them into .docx files with
// LibreOffice and into a hand-made .xlsx (columns in another order, no diacritics).
//
// Row forms: an array of cell texts ("\n" = a new paragraph in the cell; null = covered by a cell
// merged from above); { merged: 'text' } a row whose one cell spans the table; 'HEADER' the header
// rows again, as a page break in the seed repeats them; { cells, rowspan: { col: rows } }.

const TT = 'UBND thị trấn';

export const SEED_000_P1 = {
  file: 'seed-000-phu-luc-1',
  title: ['PHỤ LỤC 1', 'CÁC CHỈ TIÊU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH THỊ TRẤN BÌNH DƯƠNG NĂM 2025', '(Ban hành kèm theo Kế hoạch số 05/KH-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân thị trấn)'],
  // STT, Chỉ tiêu, target merged down two rows; "Trách nhiệm cụ thể" merged across its two columns.
  header: [
    [{ text: 'STT', rowspan: 2 }, { text: 'Chỉ tiêu', rowspan: 2 }, { text: 'Chỉ tiêu phấn đấu\nnăm 2025', rowspan: 2 }, { text: 'Trách nhiệm cụ thể', colspan: 2 }],
    [{ text: 'Đơn vị theo dõi,\nhướng dẫn thực\nhiện' }, { text: 'Đơn vị thực hiện' }],
  ],
  columns: ['stt', 'name', 'target', 'monitor', 'executor'],
  rows: [
    ['1', 'Tự kiểm tra cải cách hành chính', `100% số bộ phận\nchuyên môn thuộc\n${TT}`, `Văn phòng ${TT}`, `Các bộ phận chuyên môn thuộc ${TT}`],
    ['2', 'Các văn bản quy phạm pháp luật trên địa bàn thị trấn được ban hành đúng trình tự, thủ tục, thẩm quyền và đảm bảo chất lượng theo quy định', '100%', 'Công chức Tư pháp – Hộ tịch', 'Các công chức chuyên môn thuộc UBND cấp thị trấn'],
    ['3', 'Cải cách thủ tục hành chính', '', '', ''],
    ['3.1', 'Thủ tục hành chính nội bộ được công bố, đơn giản hóa', `Công bố 100% TTHC thuộc phạm vi giải quyết của ${TT}`, `Văn phòng ${TT}`, `Các bộ phận chuyên môn thuộc ${TT}`],
    'HEADER',
    ['', '', `- Tham mưu công bố 100% TTHC nội bộ được quy định tại các văn bản thuộc thẩm quyền ban hành của ${TT}, Chủ tịch ${TT} do các bộ phận chuyên môn dự thảo và trình phê duyệt.\n- Thực hiện đơn giản hóa 10% số lượng TTHC nội bộ như nêu trên`, '', ''],
    ['3.2', 'Tỷ lệ công bố, công khai thủ tục hành chính đúng hạn', '100%', `Văn phòng ${TT}`, `Các bộ phận chuyên môn thuộc ${TT}`],
    ['4', 'Tỷ lệ cán bộ, công chức cấp thị trấn đạt chuẩn theo quy định', 'Trên 100% cán bộ, công chức cấp thị trấn đạt chuẩn theo quy định', `Văn phòng ${TT}`, 'Cán bộ, công chức cấp thị trấn'],
    'HEADER',
    ['5', 'Đổi mới cơ chế hoạt động các đơn vị sự nghiệp công lập', 'Hoàn thành các chỉ tiêu đề ra theo Kế hoạch', 'Công chức Tài chính - Kế hoạch', `Các cơ quan, đơn vị thuộc và trực thuộc ${TT}; các cơ quan đơn vị liên quan`],
    ['6', 'Chính quyền điện tử, chính quyền số', '', '', ''],
    ['6.1', 'Tỷ lệ lập hồ sơ công việc (trừ hồ sơ mật) trên môi trường mạng:', '80%', `Văn phòng ${TT}`, 'Cán bộ, công chức cấp thị trấn'],
    ['6.2', 'Nâng cao chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công', '', '', ''],
    { cells: ['', 'Tỷ lệ TTHC được cung cấp dịch vụ công trực tuyến (nếu có phát sinh giao dịch thực tế) phát sinh hồ sơ trực tuyến', '100%', `Văn phòng ${TT}`, 'Cán bộ, công chức cấp thị trấn và các đơn vị liên quan'], rowspan: { 3: 4, 4: 4 } },
    ['', 'Tỷ lệ TTHC được cung cấp dịch vụ thanh toán trực tuyến (nếu có phát sinh giao dịch thực tế) phát sinh giao dịch trực tuyến', '100%', null, null],
    ['', 'Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện theo quy định', '100%', null, null],
    ['', 'Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch thanh toán của dịch vụ công', '100%', null, null],
    'HEADER',
    { cells: ['', 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính', '100%', `Văn phòng ${TT}`, 'Cán bộ, công chức cấp thị trấn và các đơn vị liên quan'], rowspan: { 3: 9, 4: 9 } },
    ['', 'Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ trực tuyến', '75%', null, null],
    ['', 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', '100%', null, null],
    ['', 'Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử', '100%', null, null],
    ['', 'Tỷ lệ số lượng bản sao chứng thực điện tử trên tổng số bản sao do UBND cấp thị trấn và Phòng Tư pháp cấp huyện chứng thực', '100%', null, null],
    ['', 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa', '70%', null, null],
    ['', 'Tỷ lệ kết quả xử lý hồ sơ thủ tục hành chính được đồng bộ đầy đủ trên Cổng Dịch vụ công quốc gia', '100%', null, null],
    ['', 'Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn', '100%', null, null],
    ['', 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp', '95%', null, null],
  ],
};

const KH_TT = `Kế hoạch của\n${TT}`;
const VP_TT = `Văn phòng\n${TT}`;
const BH = 'Ban hành Kế hoạch: Quý I\nThực hiện: Cả năm';
const BH2 = 'Ban hành: Quý I\nThực hiện: Cả năm';

export const SEED_000_P2 = {
  file: 'seed-000-phu-luc-2',
  title: ['PHỤ LỤC 2', 'NHIỆM VỤ TRỌNG TÂM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH THỊ TRẤN BÌNH DƯƠNG NĂM 2025', '(Kèm theo Kế hoạch số: 05/KH-UBND ngày 10 tháng 01 năm 2025 của UBND thị trấn)'],
  header: [[{ text: 'TT' }, { text: 'Nhiệm vụ' }, { text: 'Sản phẩm' }, { text: 'Cơ quan\nchủ trì' }, { text: 'Cơ quan\nphối hợp' }, { text: 'Thời gian\nhoàn thành' }]],
  columns: ['stt', 'name', 'product', 'lead', 'partners', 'deadline'],
  rows: [
    { merged: 'I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH' },
    ['1', 'Kế hoạch cải cách hành chính năm 2025.', KH_TT, VP_TT, 'Các ngành liên quan', BH],
    ['2', 'Kế hoạch tự kiểm tra công tác cải cách hành chính năm 2025.', KH_TT, VP_TT, 'Các ngành liên quan', BH],
    ['3', 'Kế hoạch truyền công tác cải cách hành chính năm 2025.', KH_TT, VP_TT, 'Các ngành liên quan', BH],
    ['4', 'Kế hoạch nâng cao, cải thiện chỉ số PAPI năm 2025', KH_TT, VP_TT, 'Các ngành liên quan', BH],
    { merged: 'II. CẢI CÁCH THỂ CHẾ' },
    ['5', 'Ban hành và triển khai thực hiện: Kế hoạch ban hành văn bản quy phạm pháp luật, Kế hoạch rà', `1. Kế hoạch của ${TT};`, 'Tư pháp - Hộ tịch', 'Thường trực HĐND thị trấn;', 'Ban hành: Quý I'],
    'HEADER',
    ['', 'soát, hệ thống hóa văn bản quy phạm pháp luật, Kế hoạch kiểm tra việc thực hiện văn bản quy phạm pháp luật, Kế hoạch theo dõi thi hành pháp luật năm 2025.', `2. Báo cáo của ${TT}.`, '', `Văn phòng ${TT}.`, 'Thực hiện: Cả năm'],
    ['6', 'Xây dựng Kế hoạch và tổ chức tuyên truyền, phổ biến giáo dục pháp luật năm 2025.', `1. Kế hoạch của ${TT};\n2. Báo cáo của ${TT}.`, 'Tư pháp - hộ tịch', 'TT. UBMTTQVN, Các hội đoàn thể thị trấn, Địa chính, BCHQS, Công an thị trấn.', BH2],
    ['7', 'Kế hoạch phổ biến Luật thực hiện dân chủ cơ sở năm 2025', `1. Kế hoạch của ${TT};\n2. Báo cáo của ${TT}.`, 'Tư pháp - hộ tịch', 'TT. UBMTTQVN thị trấn', BH2],
    { merged: 'III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH' },
    ['8', 'Ban hành và triển khai thực hiện Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2025.', `1. Kế hoạch của ${TT};\n2. Báo cáo của ${TT}.`, VP_TT, 'Các lĩnh vực có phát sinh TTHC: Tư pháp hộ tịch, VHXH, Địa chính', BH2],
    ['9', 'Triển khai thực hiện các chỉ tiêu trên lĩnh vực dịch vụ công trực tuyến năm 2025. (7 chỉ tiêu liên quan DVC trực tuyến).', `1. Kế hoạch của ${TT};\n2. Báo cáo của ${TT}.`, VP_TT, 'Công chức chuyên môn; Mặt trận, các hội đoàn thể thị trấn; Công an thị trấn', BH2],
    'HEADER',
    { merged: 'IV. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC' },
    ['10', `Kiện toàn Quyết định phân công nhiệm vụ cho cán bộ, công chức thuộc ${TT}; Phân công nhiệm vụ cho cán bộ, công chức tại bộ phận tiếp nhận và trả kết quả thuộc ${TT}.`, `Quyết định của\n${TT}`, VP_TT, `Văn phòng ${TT}`, 'Quý I'],
    ['11', 'Kế hoạch mua sắm trang thiết bị tập trung cho bộ phận Tiếp nhận và trả kết quả.', KH_TT, VP_TT, 'Tài chính kế toán', 'Cả năm'],
    ['V.', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', '', '', '', ''],
    ['12', 'Kế hoạch bồi dưỡng cán bộ, công chức, cán bộ không chuyên trách cấp thị trấn năm 2025.', `Kế hoạch của ${TT};\nBáo cáo kết quả thực hiện.`, VP_TT, 'Cán bộ, công chức thị trấn', BH2],
    ['13', 'Báo cáo kê khai tài sản CB, CC năm 2025', 'Báo cáo kết quả thực hiện.', VP_TT, 'Cán bộ, công chức thị trấn', 'Quý IV'],
    ['VI.', 'CẢI CÁCH TÀI CHÍNH CÔNG', '', '', '', ''],
    ['14', 'Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước', `Báo cáo của\n${TT}`, 'Tài chính - kế toán', 'Các cơ quan, đơn vị liên quan', BH2],
    ['15', 'Thực hiện Công khai tài chính', 'công khai', 'Tài chính - kế toán', `Bộ phận một cửa ${TT}; Đài truyền thanh thị trấn; BND các khu phố.`, BH2],
    ['VII', 'XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ', '', '', '', ''],
    'HEADER',
    ['16', 'Kế hoạch chuyển đổi số thị trấn Bình Dương năm 2025', `Kế hoạch của ${TT}`, 'Văn hóa xã hội', 'Các ngành liên quan; Mặt trận, Các hội đoàn thể thị trấn, Công an thị trấn, BND các khu phố; Tổ công nghệ số cộng đồng.', BH2],
    ['17', 'Kế hoạch thúc đẩy việc sử dụng dịch vụ công trực tuyến trên địa bàn thị trấn Bình Dương', `Kế hoạch của ${TT}`, `Văn phòng ${TT}`, `Các cơ quan, đơn vị trường học; Cán bộ, công chức chuyên môn; Bộ phận một cửa ${TT}.`, BH2],
    ['18', 'Kế hoạch tạo chữ ký số; tạo tài khoản dịch vụ công cho người dân.', 'Kế hoạch của Đoàn TNCSHCM thị trấn', 'Đoàn TNCSHCM thị trấn', `Công an thị trấn, Văn hóa xã hội, Văn phòng ${TT}.`, BH2],
    { merged: 'TỔNG CỘNG: 18 NHIỆM VỤ' },
  ],
  after: ['Nơi nhận:', '- UBND huyện Phù Mỹ;', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Võ Đình Sơn'],
};

const TP = 'Công chức\nTư pháp - HT';
const VPTK = 'Công chức\nVăn phòng - TK';
const TCKT = 'Công chức\nTài chính - KT';
const VHXH = 'Công chức\nVăn hóa - XH';
const KSTTHC = '- Báo cáo công tác kiểm soát TTHC\n- Các văn bản có liên quan';
const QUARTERS_5 = '- Báo cáo quý I: 5/3/2025\n- Báo cáo quý II: 5/6/2025\n- Báo cáo quý III: 5/9/2025\n- Báo cáo năm: 5/12/2025';

export const SEED_001 = {
  file: 'seed-001-phu-luc',
  title: ['Phụ lục', 'NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025'],
  header: [[{ text: 'STT' }, { text: 'Nhiệm vụ thực hiện' }, { text: 'Sản phẩm' }, { text: 'Công chức chủ trì\ntham mưu thực hiện' }, { text: 'Thời gian' }, { text: 'Ghi chú' }]],
  columns: ['stt', 'name', 'product', 'lead', 'deadline', 'note'],
  rows: [
    ['I.', 'CẢI CÁCH THỂ CHẾ', '', '', '', ''],
    ['1', 'Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật năm 2025', '- Kế hoạch theo dõi tình hình thi hành pháp luật năm 2025.\n- Báo cáo kết quả theo dõi thi hành pháp luật năm 2025', TP, '', 'Ban hành kế hoạch đúng thời gian quy định theo Kế hoạch của thị xã'],
    ['2', 'Ban hành Kế hoạch kiểm tra, giám sát kết quả theo dõi thi hành pháp luật năm 2025 và kiểm tra việc thực hiện VBQPPL trên địa bàn xã năm 2025', '- Kế hoạch kiểm tra, giám sát kết quả theo dõi thi hành pháp luật trên địa bàn xã năm 2025.\n- Các thông báo kết luận kiểm tra hoặc báo cáo kết quả kiểm tra.\n- Văn bản kiến nghị xử lý; xử lý kết quả theo dõi thi hành pháp luật sau kiểm tra', TP, 'Trong năm 2025', 'Căn cứ kết quả thu thập thông tin, kết quả kiểm tra, điều tra, khảo sát tình hình thi hành pháp luật, của xã xử lý theo thẩm quyền hoặc kiến nghị cấp có thẩm quyền xử lý kết quả theo dõi tình hình thi hành pháp luật theo quy định Nghị định số 59/2012/NĐ-CP, Nghị định 32/2020/NĐ-CP ngày 05/3/2020.'],
    ['3', 'Ban hành kế hoạch rà soát, hệ thống hóa VBQPPL', '- Kế hoạch rà soát, hệ thống hóa văn bản QPPL của xã.\n- Báo cáo kết quả rà soát văn bản QPPL năm 2025', TP, 'Trong năm 2025', '- Yêu cầu thống kê: Tổng số nhiệm vụ rà soát theo Kế hoạch đề ra; Số nhiệm vụ đã hoàn thành; Tính tỷ lệ % giữa số nhiệm vụ đã hoàn thành so'],
    'HEADER',
    ['', '', '- Các văn bản xử lý VBQPPL sau rà soát (nếu có);', '', '', 'với tổng số nhiệm vụ đã xác định trong năm; Tính tỷ lệ % giữa số VBQPPL đã được xử lý theo thẩm quyền hoặc kiến nghị cơ quan có thẩm quyền xử lý so với tổng số VBQPPL phải được xử lý hoặc kiến nghị xử lý sau khi rà soát'],
    ['4', 'Ban hành kế hoạch kiểm tra việc thực hiện VBQPPL trên địa bàn xã năm 2025', '- Kế hoạch kiểm tra việc thực hiện văn bản QPPL của xã\n- Các thông báo kết luận kiểm tra hoặc báo cáo kết quả kiểm tra.\n- Báo cáo kết quả kiểm tra việc thực hiện văn bản QPPL của địa phương hoặc Báo cáo công tác tư pháp trong năm của xã', TP, 'Trong năm 2025', '- Tổ chức triển khai đầy đủ văn bản QPPL do Trung ương, tỉnh, huyện, xã ban hành.\n- Đơn vị thống kê các vấn đề phát hiện qua kiểm tra, các vấn đề qua kiểm tra đã được xử lý, giải quyết'],
    ['5', 'Ban hành kế hoạch Tuyên tuyền, phổ biến pháp luật', '- Văn bản thể hiện nội dung tuyên truyền, phổ biến pháp luật (Kế hoạch, công văn hướng dẫn tuyên truyền…)\n- Cung cấp các đường link tới tin, bài, hình ảnh đã tuyên truyền phổ biến', TP, 'Trong năm 2025', '- Ban hành văn bản (kế hoạch, công văn hướng dẫn tuyên truyền);'],
    'HEADER',
    ['', '', 'pháp luật trên website (nếu có).\n- Báo cáo kết quả tuyên truyền, phổ biến giáo dục pháp luật năm 2025.', '', '', ''],
    ['II.', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', '', '', '', ''],
    ['1', 'Ban hành kế hoạch Kiểm soát TTHC', '- Kế hoạch kiểm soát TTHC hàng năm.', VPTK, '- Qúy I năm 2025', '- Ban hành đúng thời gian quy định theo Kế hoạch của thị xã'],
    ['2', 'Thực hiện chế độ báo cáo định kỳ hàng quý, năm về công tác kiểm soát TTHC, triển khai cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử trên hệ Hệ thống thông tin báo cáo Chính phủ (baocaochinhphu.gov.vn)', '- 04 Báo cáo định kỳ về kiểm soát TTHC của đơn vị.', VPTK, '- Báo cáo quý I: 15/3/2025\n- Báo cáo quý II: 15/6/2025\n- Báo cáo quý III: 15/9/2025\n- Báo cáo năm: 15/12/2025', '- Thực hiện đầy đủ nội dung, đúng thời hạn quy định'],
    ['3', 'Tổ chức thực hiện việc tiếp nhận PAKN của cá nhân, tổ chức đối với TTHC thuộc', KSTTHC, VPTK, 'Trong năm 2025', '- Yêu cầu: Tổ chức thực hiện đầy đủ các hình thức, quy trình tiếp nhận PAKN của cá nhân, tổ chức về TTHC theo quy'],
    'HEADER',
    ['', 'thẩm quyền giải quyết của UBND cấp huyện', '', '', '', 'định tại Nghị định số 20/2008/NĐ-CP, Nghị định số 63/2010/NĐ-CP, Nghị định số 92/2017/NĐ-CP và các văn bản sửa đổi, bổ sung hoặc hướng dẫn thi hành của các văn bản nêu trên.'],
    ['4', 'Xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết', KSTTHC, VPTK, 'Trong năm 2025', '- Yêu cầu: Thống kê đầy đủ tất cả PAKN trong năm về TTHC do đơn vị tiếp nhận trực tiếp'],
    ['5', 'TTHC thực hiện việc tiếp nhận, trả kết quả theo cơ chế một cửa liên thông', '- Danh mục TTHC đang thực hiện giải quyết theo cơ chế một cửa liên thông của cả cấp huyện và cấp xã.\n' + KSTTHC, VPTK, 'Trong năm 2025', 'Yêu cầu:\n- Thống kê tổng số TTHC đang thực hiện giải quyết theo cơ chế một cửa liên thông tại xã.'],
    ['6', 'Đưa TTHC ngành dọc thực hiện việc tiếp nhận hồ sơ tại Bộ phận một cửa của cấp huyện theo danh mục được phê duyệt', KSTTHC, VPTK, 'Trong năm 2025', '- Yêu cầu:\nTổng số TTHC ngành dọc thực hiện việc tiếp nhận hồ sơ tại tại Bộ phận một cửa của xã.'],
    ['7', '- Thực hiện quy định về tiếp nhận hồ sơ TTHC\n- Chứng thực bản sao điện tử', KSTTHC, TP, 'Trong năm 2025', '- Yêu cầu:\nTổng số hồ sơ đã tiếp nhận/Tổng số hồ sơ đã giải quyết trong năm của cả cấp cấp xã.'],
    ['8', '- Hồ sơ giải quyết đúng hạn\n- Công khai kết quả giải quyết thủ tục hành chính', KSTTHC, VPTK, 'Trong năm 2025', '-Yêu cầu:\n- Tổng số hồ sơ đã tiếp nhận/Tổng số hồ sơ đã giải quyết trong năm của cả cấp huyện và cấp xã'],
    ['9', '- Công khai xin lỗi trong giải quyết TTHC.\n- Thái độ phục vụ của cán bộ, công chức', '- Báo cáo công tác kiểm soát TTHC\n- Những trường hợp để xảy ra trễ hẹn nhưng lỗi không phải do cơ quan nhà nước thì phải có giải trình cụ thể từng trường hợp.', VPTK, 'Trong năm 2025', 'Yêu cầu:\n- Thống kê tổng số hồ sơ TTHC giải quyết trễ hẹn.'],
    ['10', 'Triển khai số hóa hồ sơ giải quyết TTHC', '- Các văn bản triển khai\n- Báo cáo Kiểm soát TTHC của đơn vị;', VPTK, QUARTERS_5, '- Báo cáo phải nêu rõ:\n+ Hoàn thành việc số hóa kết quả giải quyết TTHC còn hiệu lực theo quy định'],
    ['11', 'Tổ chức đối thoại với cá nhân, tổ chức theo quy định', '- Các tài liệu chứng minh về việc tổ chức các cuộc diễn đàn/ đối thoại.\n- Các văn bản, chỉ đạo về việc xử lý, giải quyết những kiến nghị, đề xuất.', VPTK, '', 'Tổ chức các diễn đàn/đối thoại (trực tiếp hoặc trực tuyến) đối với cá nhân, tổ chức.\n- Thực hiện định kỳ hàng quý/6 tháng/năm'],
    ['12', 'Duy trì tỷ lệ giải quyết hồ sơ đúng hạn đạt trên 98%,', 'Báo cáo kết quả thực hiện', 'Bộ phận Một cửa', 'Thường xuyên', ''],
    ['13', 'Tiếp tục thực hiện các nội dung, nhiệm vụ theo Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 trên địa bàn thị xã', 'Báo cáo kết quả thực hiện', 'Bộ phận Một cửa', 'Thường xuyên', ''],
    ['III.', 'CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', '', '', '', ''],
    'HEADER',
    ['1', 'Ban hành kế hoạch CCHC năm kịp thời', '- Kế hoạch CCHC năm 2025', VPTK, 'Trước ngày 10/1/2025', '- Kế hoạch có đầy đủ các nội dung và từng chỉ tiêu cụ thể trong công tác CCHC'],
    ['2', 'Thực hiện công tác báo cáo định kỳ', '- Báo cáo định kỳ công tác CCHC trong năm.\n- Báo cáo định kỳ về thực hiện kỷ luật, kỷ cương hành chính\n- Báo cáo đánh giá, xếp hạng Chỉ số CCHC đối với cấp xã.', VPTK, '- BC công tác CCHC\n+ Quý I: 10/3/2025\n+ Quý II: 10/6/2025\n+ Quý III: 10/9/2025\n+ Quý IV: 10/11/2025\n- BC Kỷ luật KCHC\n+ Quý I: 15/3/2025\n+ Quý II: 15/6/2025\n+ Quý III: 15/9/2025\n+ Quý IV: 15/11/2025\n- BC xếp hạng chỉ số CCHC cấp xã\n+ Trước 1/12/2025', 'Yêu cầu:\n- Các báo cáo phải đáp ứng đầy đủ số lượng, nội dung, gửi đúng thời gian theo quy định'],
    ['3', 'Sáng kiến mới trong thực hiện nhiệm vụ cải cách hành chính trong năm', '- Các văn bản phê duyệt, triển khai các giải pháp mới trong thực hiện các nội dung CCHC.\n- Các văn bản công nhận sáng kiến của cơ quan có thẩm quyền (nếu có).', VPTK, 'Trước tháng 12/2025', '- Các sáng kiến hoặc giải pháp, cách làm mới trong CCHC phải đáp ứng yêu cầu'],
    'HEADER',
    ['4', '- Thực hiện quy định về sử dụng biên chế hành chính.\n- Thực hiện quy định về số lượng người làm việc hưởng lương từ ngân sách nhà nước trong UBND xã', '- Báo cáo tổng kết năm phòng Nội vụ\n- Các văn bản báo cáo khác.', VPTK, 'Thường xuyên', '- Yêu cầu:\n+ Thống kê tổng số biên chế hiện có/Tổng số biên chế được giao;'],
    ['5', 'Cập nhật, hoàn thiện quy định về vị trí việc làm của cơ quan, tổ chức thuộc phạm vi quản lý', '- Báo cáo tổng kết năm phòng Nội vụ\n- Các văn bản về hoàn thiện vị trí việc làm.', VPTK, 'Thường xuyên', 'Yêu cầu:\n- Thường xuyên rà soát, cập nhật và ban hành các văn bản để hoàn thiện các quy định về vị trí việc làm'],
    ['6', 'Xây dựng bảng mô tả công việc, khung năng lực theo từng vị trí việc làm của viên chức theo Danh mục vị trí việc làm đã được phê duyệt', 'Bản mô tả công việc, khung năng lực theo từng vị trí việc làm của công chức, viên chức theo Danh mục vị trí việc làm đã được phê duyệt', VPTK, 'Tháng 1/2025', ''],
    'HEADER',
    ['7', 'Thực hiện kế hoạch đào tạo, bồi dưỡng công chức xã', 'Báo cáo công tác đào tạo, bồi dưỡng công chức, viên chức của đơn vị', VPTK, 'Tháng 12/2025', 'Yêu cầu:\n- Ban hành kế hoạch đúng thời gian quy định theo Kế hoạch của tỉnh.'],
    ['8', 'Thực hiện trình tự, thủ tục đánh giá, phân loại cán bộ, công chức, viên chức theo quy định', 'Báo cáo kết quả đánh giá, phân loại công chức xã', VPTK, 'Trước ngày 15/12/2025', ''],
    ['9', 'Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức', 'Báo cáo CCHC năm của xã', VPTK, 'Trước ngày 15/11/2025', '- Yêu cầu:\nThống kê tổng số cán bộ, công chức, viên chức bị kỷ luật trong năm'],
    ['10', 'Thực hiện rà soát số lượng, chất lượng cán bộ, công chức cấp xã', '- Báo cáo số lượng, chất lượng cán bộ, công chức cấp xã;\n- Báo cáo năm ngành nội vụ', VPTK, 'Trước 10/12/2025', '- Báo cáo số cán bộ, công chức đạt chuẩn của các xã, phường trên địa bàn thị xã'],
    ['IV.', 'CẢI CÁCH TÀI CHÍNH CÔNG', '', '', '', ''],
    ['1', 'Xây dựng và báo cáo dự toán, chấp hành, quyết toán ngân sách', 'Báo cáo dự toán, chấp hành, quyết toán ngân sách.', TCKT, 'Trước ngày 30/11/2025', '- Thực hiện xây dựng báo cáo đúng quy định và gửi đúng thời hạn'],
    'HEADER',
    ['', 'Thực hiện công khai dự toán ngân sách được cấp có thẩm quyền giao, quyết toán ngân sách được cấp có thẩm quyền phê duyệt và gửi báo cáo theo quy định', 'Văn bản công khai dự toán ngân sách (Quyết định, Công văn…).', '', '', '- báo cáo thể hiện công khai dự toán ngân sách được cấp có thẩm quyền giao'],
    ['2', 'Thực hiện Tiết kiệm kinh phí, tăng thu nhập cho cán bộ, công chức và lao động hợp đồng', 'Các văn bản thể hiện quy định về việc chi trả thu nhập tăng thêm và thực hiện chi trả thu nhập tăng thêm;', TCKT, 'Trước ngày 30/11/2025', ''],
    ['3', 'Thực hiện quy định về việc phân phối kết quả tài chính hoặc sử dụng kinh phí tiết kiệm chi thường xuyên trong năm tại các đơn vị SNCL', 'Báo cáo kết quả thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính của thị xã', TCKT, 'Trước ngày 30/11/2025', ''],
    ['4', 'Ban hành, bổ sung quy chế quản lý, sử dụng tài sản công của các cơ quan, đơn vị thuộc phạm vi quản lý', '- Quy chế quản lý sử dụng tài sản công của các cơ quan, đơn vị trực thuộc (bao gồm cả đơn vị SNCL).\n- Báo cáo kết quả thực hiện.', TCKT, 'Trước ngày 30/11/2025', ''],
    ['V.', 'XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ', '', '', '', ''],
    'HEADER',
    ['1', 'Ban hành kế hoạch chuyển đổi số.', 'Kế hoạch chuyển đổi số của xã', VHXH, 'Quý I năm 2025', '- Ban hành kế hoạch đúng thời gian, đầy đủ nội dung'],
    ['2', 'Báo cáo kết quả thực hiện chuyển đổi số', 'Báo cáo kết quả thực hiện chuyển đổi số', VHXH, '- Báo cáo quý I: 20/3/2025\n- Báo cáo quý II: 20/6/2025\n- Báo cáo quý III: 20/9/2025\n- Báo cáo năm: 15/12/2025', '- Báo cáo phải nêu rõ:\n+ thống kê số chỉ tiêu đơn vị được giao và số chỉ tiêu đơn vị đã hoàn thành'],
    'HEADER',
    ['', '', '', '', '', '+ Các nhiệm vụ khác có liên quan'],
    ['3', 'Triển khai số hóa hồ sơ giải quyết TTHC', '- Các văn bản triển khai\n- Báo cáo Kiểm soát TTHC của đơn vị;', VPTK, QUARTERS_5, 'Phối hợp với Văn phòng HĐND&UBND thị xã thực hiện báo cáo đầy đủ các nội dung theo yêu cầu của kế hoạch'],
    ['4', 'Ban hành Kế hoạch tuyên truyền công tác CCHC.', 'Kế hoạch chuyển tuyên truyền công tác CCHC.', VHXH, 'Quý I năm 2025', '- Nếu tuyên truyền qua các phương tiện thông tin đại chúng: (1) Tổ chức các hội nghị, tập huấn chuyên đề CCHC; (2) Đăng tải thông tin'],
    'HEADER',
    ['', '', '', '', '', 'CCHC trên website của Sở; (3) Tuyên truyền CCHC trên phát thanh, truyền hình'],
    ['5', 'Báo cáo kết quả thực hiện công tác tuyên truyền công tác CCHC.', 'Báo cáo kết quả thực hiện công tác tuyên truyền công tác CCHC.', VHXH, QUARTERS_5, '- Báo cáo phải nêu rõ:\n+ Đã tổ chức phát sóng tuyên truyền công tác CCHC bao nhiêu lượt,'],
  ],
  after: ['Nơi nhận:', '- Phòng Nội vụ thị xã;', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
};

const BS = 'Công chức TP-HT, VP-TK, các công chức chuyên môn UBND thị trấn';
const BS_VP = 'Văn phòng UBND, các CC chuyên môn UBND thị trấn';
const KQ = 'Báo cáo kết quả\nthực hiện.';

export const SEED_002 = {
  file: 'seed-002-phu-luc',
  title: ['Phụ lục', 'PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN THỊ TRẤN BÚT SƠN, GIAI ĐOẠN 2021-2025'],
  header: [[{ text: 'TT' }, { text: 'Nội dung thực hiện' }, { text: 'Sản phẩm/kết quả' }, { text: 'Cơ quan thực hiện' }, { text: 'Thời gian hoàn\nthành' }]],
  columns: ['stt', 'name', 'product', 'lead', 'deadline'],
  rows: [
    ['I', 'Cải cách thể chế', '', '', ''],
    ['1', 'Nâng cao chất lượng kiểm tra, rà soát, hệ thống hoá văn bản QPPL, văn bản hành chính, thực hiện tự kiểm tra văn bản do UBND thị trấn ban hành; rà soát, sửa đổi, bổ sung, ban hành mới các văn bản theo thẩm quyền hoặc kịp thời kiến nghị sửa đổi, bổ sung, thay thế, bãi bỏ các văn bản trái pháp luật, không còn phù hợp với tình hình thực tế theo quy định của pháp luật.', '- Kế hoạch\n- Báo cáo kết quả rà soát\n- Quyết định của cơ quan có thẩm quyền (ban hành mới, sửa đỏi, bổ sung, bãi bỏ, hủy bỏ)', BS, 'Thường xuyên; Theo thời hạn quy định của văn bản quy phạm pháp luật'],
    ['2', 'Đổi mới, nâng cao chất lượng, hiệu quả thực thi pháp luật: tổ chức thi hành có hiệu quả hệ thống pháp luật, cơ chế, chính sách Trung ương, tỉnh, huyện đã ban hành; đổi mới công tác kiểm tra, theo dõi, đánh giá việc thực hiện trách nhiệm quản lý nhà nước trong công tác tổ chức thi hành pháp luật; thực hiện có hiệu quả công tác phổ biến, giáo dục pháp luật thông qua tăng cường ứng dụng công nghệ thông tin và số hóa công tác phổ biến, giáo dục pháp luật; tăng cường vai trò của người dân, doanh nghiệp, các tổ chức chính trị - xã hội, xã hội - nghề nghiệp và cộng đồng trong phản biện và giám sát thi hành pháp luật.', '- Kế hoạch\n- Báo cáo kết quả thực hiện', BS, 'Báo cáo định kỳ 6 tháng, hàng năm'],
    ['3', 'Thực hiện đồng bộ các hoạt động theo dõi, thi hành pháp luật; thường xuyên kiểm tra việc theo dõi, thi hành pháp luật', '- Kế hoạch\n- Báo cáo kết quả thực hiện', BS, 'Báo cáo định kỳ 6 tháng, hàng năm'],
    ['II', 'Các cách thủ tục hành chính', '', '', ''],
    ['4', '100% TTHC thuộc thẩm quyền giải quyết được niêm yết công khai trên Trang thông tin điện tử và tại Bộ phận một cửa của đơn vị theo quy định; thực hiện tốt việc công khai kết quả giải quyết TTHC, công khai xin lỗi trong giải quyết TTHC, 100% TTHC giải quyết quá hạn phải thực hiện xin lỗi người dân,tổ chức, doanh nghiệp (nếu để quá hạn).', '- Báo cáo kết quả thực hiện', BS, 'Thường xuyên'],
    ['5', 'Rà soát, kiến nghị cơ quan có thẩm quyền loại bỏ các mẫu đơn, tờ khai không cần thiết, không hợp lý; đặc biệt là các mẫu đơn, tờ khai có thông tin trùng lặp. Rà soát, cắt giảm các khâu, các bước trong triển khai thủ tục sau cấp phép kinh doanh, cấp phép đầu tư, giao đất, cho thuê đất, cấp phép xây dựng, cấp giấy phép kinh doanh đối với ngành nghề kinh doanh có điều kiện', '- Kế hoạch đơn giản hóa thủ tục hành chính\n- Báo cáo kết quả rà soát', BS, 'Định kỳ hàng năm'],
    ['6', 'Tập trung giải quyết các thủ tục hành chính thuộc thẩm quyền bảo đảm duy trì giải quyết đúng hạn đạt tỷ lệ 100%; nghiêm túc thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn; 100% hồ sơ thủ tục hành chính đủ điều kiện giải quyết trực tuyến mức độ 3, mức độ 4 được số hóa kết quả giải quyết; 100% tổ chức, người dân, doanh nghiệp hài lòng với sự phục vụ của các cơ quan.', '- Báo cáo kết quả rà soát\n- Báo cáo kết quả thực hiện', BS, 'Từ quý IV/2021'],
    ['7', 'Thực hiện số hóa 100% kết quả giải quyết thủ tục hành chính thuộc thẩm quyền giải quyết.', '- Báo cáo kết quả thực hiện', BS, 'Trước 30/12/2024'],
    ['8', 'Thực hiện khảo sát, đánh giá mức độ hài lòng của tổ chức, người dân đối với việc giải quyết thủ tục hành chính của cơ quan nhà nước', '- Báo cáo kết quả thực hiện', BS, 'Báo cáo kết quả khảo sát; tháng 11 hàng năm'],
    ['III', 'Cải cách tổ chức bộ máy nhà nước', '', '', ''],
    ['9', 'Rà soát, sắp xếp, tinh gọn bộ máy tổ chức trên địa bàn theo quy định, khắc phục triệt để sự trùng lắp, chồng chéo chức năng, nhiệm vụ, gắn kết chặt chẽ với chính sách tinh giản biên chế.', '- Quyết định của cơ quan có thẩm quyền.\n- Báo cáo kết quả thực hiện', 'Văn phòng UBND, các công chức chuyên môn UBND thị trấn', 'Thực hiện từ năm 2022'],
    ['IV', 'Cải cách chế độ công vụ', '', '', ''],
    ['10', 'Cơ cấu, sắp xếp lại đội ngũ cán bộ, công chức theo vị trí việc làm, khung năng lực. Tăng cường ứng dụng công nghệ thông tin trong quản lý cán bộ, công chức.', '- Kế hoạch;\n- Quyết định của cơ quan có thẩm quyền.\n- Báo cáo kết quả thực hiện', BS_VP, 'Thường xuyên'],
    ['11', 'Xây dựng, ban hành quy định trách nhiệm của người đứng đầu cơ quan hành chính nhà nước khi để xảy ra tình trạng cán bộ, công chức thuộc thẩm quyền quản lý có hành vi vi phạm bị xử lý trong giải quyết thủ tục hành chính; quy định xử lý đối với cán bộ, công chức có hành vi vi phạm, gây phiền hà, nhũng nhiễu tổ chức, người dân và doanh nghiệp.', 'Quyết định của cơ quan có thẩm quyền.', BS_VP, 'Quý II/2022'],
    ['12', 'Xây dựng mẫu bản cam kết của cán bộ, công chức trong thực hiện nhiệm vụ.', 'Quyết định của Chủ tịch UBND thị trấn', BS_VP, 'Tháng 11/2021'],
    ['13', 'Xây dựng Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức giai đoạn 2021 - 2025.', 'Kế hoạch của UBND thị trấn', 'Văn phòng UBND', 'Quý IV/2021'],
    ['V', 'Cải cách tài chính công', '', '', ''],
    ['14', 'Xây dựng định mức phân bổ chi thường xuyên ngân sách địa phương năm 2022, ổn định đến năm 2025, thị trấn Bút Sơn', '- Nghị quyết của HĐND thị trấn;\n- Quyết định của UBND thị trấn;', 'Công chức tài chính – kế toán', 'Quý IV/2021'],
    ['VI', 'Xây dựng và phát triển chính quyền điện tử', '', '', ''],
    ['15', 'Thực hiện rà soát, cập nhật, sửa đổi, bổ sung khung pháp lý trong xây dựng, phát triển Chính quyền số theo quy định', '- Văn bản triển khai thực hiện;\n- Báo cáo kết quả thực hiện.', 'Công chức VH-XH; VP-TK', 'Thường xuyên'],
    ['16', 'Triển khai thực hiện phần mềm đánh giá, chấm điểm chỉ số cải cách hành chính; chấm điểm mức độ hoàn thành nhiệm vụ theo quy định', '- Văn bản triển khai thực hiện;\n- Báo cáo kết quả chấm điểm hàng năm.', BS_VP, 'Quý IV/2021'],
    ['17', 'Thực hiện xây dựng và vận hành hệ thống cơ sở dữ liệu đất đai; Quản lý, vận hành hệ thống cơ sở dữ liệu ngành Tài nguyên và Môi trường, đảm bảo việc tiếp cận thông tin, dữ liệu cho các tổ chức, cá nhân và doanh nghiệp theo quy định.', KQ, 'Công chức ĐC-XĐ-ĐT-MT', 'Theo kế hoạch của UBND tỉnh'],
    ['18', 'Chuẩn hóa, điện tử hóa quy trình nghiệp vụ xử lý hồ sơ trên môi trường mạng; thực hiện số hóa hồ sơ, lưu trữ hồ sơ công việc điện tử của các cơ quan nhà nước theo quy định', KQ, BS_VP, 'Thường xuyên'],
    ['19', 'Phát triển các hệ thống làm việc tại nhà, từ xa của cơ quan nhà nước: ứng dụng mạnh mẽ, hiệu quả các công nghệ số mới như điện toán đám mây (Cloud Computing), dữ liệu lớn (Big Data), di động, internet vạn vật (IoT), trí tuệ nhân tạo (AI), chuỗi khối (Blockchain), mạng xã hội và các công nghệ số mới trong xây dựng, triển khai các ứng dụng, dịch vụ Chính quyền điện tử tại địa phương.', KQ, 'Cán bộ, công chức UBND thị trấn', 'Thực hiện từ quý IV/2021'],
    ['20', 'Thực hiện Đề án chỉnh lý, số hóa tài liệu lưu trữ theo quy định', KQ, BS_VP, 'Thực hiện khi có Đề án của tỉnh; hoàn thành 31/12/2025'],
    ['21', 'Thực hiện tốt việc dùy trì, cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn TCVN ISO 9001:2015', KQ, BS_VP, 'Báo cáo kết quả thực hiện tháng 11 hàng năm'],
    ['VII', 'Hỗ trợ phát triển doanh nghiệp', '', '', ''],
    ['22', 'Công khai, minh bạch các quy hoạch, kế hoạch phát triển kinh tế - xã hội, khu, công nghiệp, môi trường; quy hoạch, kế hoạch sử dụng đất, giá đất, các dự án kêu gọi đầu tư vào thị trấn Bút Sơn.', KQ, 'UBND thị trấn', 'Thường xuyên'],
    ['23', 'Tổ chức các hoạt động đối thoại với doanh nghiệp; tiếp thu, giải đáp phản ánh, kiến nghị, khó khăn, vướng mắc trong hoạt động đầu tư, sản xuất kinh doanh', 'Kế hoạch thực hiện', 'UBND thị trấn', 'Định kỳ hàng quý'],
  ],
  after: ['Nơi nhận:', '- Như trên;', '- Lưu: VT.'],
};

export const SEEDS = [SEED_000_P1, SEED_000_P2, SEED_001, SEED_002];
