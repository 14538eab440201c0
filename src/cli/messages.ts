import { documentKindNames } from '../locales/vi-names';
import type { QuestionStats } from '../services/quizzes/quiz-stats';
import type { DocumentDetails } from '../services/documents/document-details';
import type { SummaryView } from '../services/documents/summaries';
import type { UnitCoverage } from '../services/documents/study-coverage';
export { documentKindNames, roleNames, statusNames, unitKindNames, unitTypeNames } from '../locales/vi-names';
import type { RowProblem } from '../services/roster/table';

// Every text the admin CLI prints, in Vietnamese (NFC).

/** Why a service refused input (ServiceError details.reason). */
const invalidReasons: Record<string, string> = {
  guide_not_above: 'người được phân công phải là cấp ủy viên của đơn vị cấp trên',
  closes_before_opens: 'thời điểm đóng phải sau thời điểm mở',
  bad_attempts: 'số lượt dự thi phải là số nguyên dương',
};

const problemText: Record<RowProblem['code'], string> = {
  missing_column: 'thiếu cột bắt buộc',
  required: 'chưa có giá trị (bắt buộc)',
  invalid_value: 'giá trị không hợp lệ',
  duplicate_in_file: 'mã bị trùng trong tệp',
  unknown_parent: 'không tìm thấy đơn vị cấp trên',
  unknown_unit: 'không tìm thấy đơn vị (hãy nhập danh sách đơn vị trước)',
  cycle: 'cấp trên tạo thành vòng lặp',
  invalid_parent_kind: 'loại đơn vị cấp trên không phù hợp',
  empty_file: 'tệp không có dòng dữ liệu nào',
};

export function formatProblem(p: RowProblem): string {
  const field = p.field ? ` cột "${p.field}"` : '';
  const value = p.value !== undefined && p.value !== '' ? `: "${p.value}"` : '';
  return `  Dòng ${p.line}${field} — ${problemText[p.code]}${value}`;
}

export const cliText = {
  usage: `Cách dùng: npm run cli -- <lệnh>

  migrate                                  Áp dụng các bản di chuyển cơ sở dữ liệu
  seed demo                                Tạo tổ chức mẫu nếu cơ sở dữ liệu trống
  import units TỆP [--json]                Nhập cây đơn vị từ CSV/XLSX
  import members TỆP [--json]              Nhập danh sách đảng viên từ CSV/XLSX
  units list [--json]                      Liệt kê đơn vị
  units guide MÃ_ĐƠN_VỊ MÃ_ĐẢNG_VIÊN        Phân công cấp ủy viên cấp trên dự, chỉ đạo sinh hoạt của đơn vị
  units anonymous-feedback MÃ on|off       Góp ý sau buổi họp của đơn vị không ghi tên (on) hoặc ghi tên (off)
  members list [--unit MÃ] [--json]        Liệt kê đảng viên (cả các đơn vị cấp dưới)
  member export MÃ                         Xuất (JSON) mọi dữ liệu đang lưu về một đảng viên
  member erase MÃ --confirm                Xóa dữ liệu cá nhân của một đảng viên (giữ số liệu tổng hợp)
  backup TỆP                               Sao lưu cơ sở dữ liệu (chạy được khi máy chủ đang hoạt động)
  restore TỆP                              Khôi phục từ bản sao lưu (dừng máy chủ trước)
  invite --member MÃ | --unit MÃ [--ttl-hours N] [--json]
                                           Tạo mã mời liên kết Telegram (CSV cho cả đơn vị)
  dashboard link --admin | --member MÃ     Tạo đường link đăng nhập bảng theo dõi (một lần, hết hạn sau 10 phút)
  doc import TỆP [--unit MÃ,MÃ] [--replace] [--json]
                                           Nhập văn bản (.txt, .md, .docx, .pdf) và ban hành cho đơn vị
  doc list [--json]                        Liệt kê văn bản
  doc show ID [--json]                     Chỉ tiêu, văn bản trích dẫn và được trích dẫn
  doc search CỤM TỪ [--json]               Tìm trong mọi văn bản (không cần dấu)
  doc coverage ID [--unit MÃ] [--json]     Tình hình học tập, quán triệt theo đơn vị
  doc summaries ID [--json]                Xem các bản tóm tắt và trạng thái duyệt
  doc edit-summary ID --scope PHẠM_VI --lines TỆP.json
                                           Sửa một bản tóm tắt ([{"text","section"}]); trở về bản nháp
  doc propose-summary ID [--scope PHẠM_VI]  Nhờ mô hình (SUMMARY_API_URL) đề xuất cách viết; lưu làm bản nháp
  doc approve ID [--scope PHẠM_VI]         Duyệt tóm tắt (mặc định: tất cả) để đảng viên xem được
  quiz validate [TỆP.yaml…]                Kiểm tra bộ câu hỏi (mặc định: quizzes/*.yaml), báo lỗi kèm dòng
  quiz import [TỆP.yaml…] [--unit MÃ,MÃ]   Nạp bộ câu hỏi (chỉ khi mọi tệp đều hợp lệ); --unit: mở cho các đơn vị
  quiz import-bank TỆP --set MÃ --title TÊN [--document SỐ] [--unit MÃ,MÃ]
                                           Nạp ngân hàng câu hỏi từ CSV/XLSX (cột A–H, "Đáp án đúng")
  quiz drafts ID_VĂN_BẢN [--set MÃ]        Soạn câu hỏi nháp từ chỉ tiêu, tần suất, trách nhiệm trong văn bản
  quiz approve MÃ [--question MÃ,MÃ]       Duyệt câu hỏi nháp để đảng viên làm được
  quiz stats MÃ [--json]                   Thống kê từng câu: tỷ lệ đúng, từng phương án, độ phân biệt
  quiz results MÃ [--unit MÃ] [--json]     Kết quả theo đảng viên và theo đơn vị
  contest create --slug MÃ --title TÊN --set MÃ_BỘ --opens "2026-12-01 08:00" --closes "2026-12-15 17:00"
                 [--attempts N] [--prediction] [--unit MÃ,MÃ]
                                           Tạo cuộc thi (giờ Việt Nam)
  contest leaderboard ID [--unit MÃ] [--json]   Bảng xếp hạng
  contest stats ID [--json]                Thống kê theo tuần và theo đơn vị`,
  rejected: (n: number) => `Tệp có ${n} lỗi; chưa nhập dòng nào. Sửa các dòng sau rồi nhập lại:`,
  unitsImported: (s: { created: number; updated: number; unchanged: number }) =>
    `Đã nhập đơn vị: ${s.created} mới, ${s.updated} cập nhật, ${s.unchanged} không đổi.`,
  membersImported: (s: { created: number; updated: number; moved: number; unchanged: number }) =>
    `Đã nhập đảng viên: ${s.created} mới, ${s.updated} cập nhật, ${s.moved} chuyển sinh hoạt, ${s.unchanged} không đổi.`,
  migrated: 'Cơ sở dữ liệu đã được cập nhật.',
  backedUp: (file: string) => `Đã sao lưu vào ${file}.`,
  restored: (file: string) => `Đã khôi phục từ ${file}. Khởi động lại máy chủ.`,
  backupError: {
    remote: 'Chỉ sao lưu/khôi phục được cơ sở dữ liệu dạng tệp (file:); với máy chủ libSQL/Turso hãy dùng công cụ của máy chủ.',
    exists: 'Tệp đích đã tồn tại; chọn tên khác để không ghi đè.',
    not_found: 'Không tìm thấy tệp sao lưu.',
    corrupt: 'Tệp sao lưu hỏng hoặc không phải cơ sở dữ liệu của Chibo; chưa khôi phục gì.',
  },
  eraseNeedsConfirm: (code: string) => `Thao tác này xóa dữ liệu cá nhân của đảng viên ${code} và không hoàn tác được. Thêm --confirm để thực hiện.`,
  erased: (code: string, id: number) => `Đã xóa dữ liệu cá nhân của đảng viên ${code} (nay là #${id}); số liệu tổng hợp của đơn vị được giữ nguyên.`,
  guideAssigned: (unit: string, member: string) => `Đã phân công đảng viên ${member} dự sinh hoạt của ${unit}; các cuộc họp tạo từ nay sẽ mời đồng chí.`,
  invalid: (reason: unknown) => `Không thực hiện được: ${invalidReasons[String(reason)] ?? 'dữ liệu chưa hợp lệ'}.`,
  anonymousFeedback: (code: string, on: boolean) => `Đơn vị ${code}: góp ý sau buổi họp ${on ? 'không ghi tên' : 'có ghi tên'} (áp dụng cho các cuộc họp tạo từ nay).`,
  seeded: (done: boolean) => (done ? 'Đã tạo tổ chức mẫu.' : 'Cơ sở dữ liệu đã có dữ liệu; không tạo tổ chức mẫu.'),
  fileError: {
    not_found: (f: string) => `Không tìm thấy tệp: ${f}`,
    unsupported: (f: string) => `Không hỗ trợ định dạng tệp này (chỉ nhận .csv hoặc .xlsx): ${f}`,
    unreadable: (f: string) => `Không đọc được tệp (hỏng hoặc sai định dạng): ${f}`,
    too_large: (f: string) => `Tệp quá lớn (tối đa 20 MB): ${f}`,
  },
  notFound: (what: string) => `Không tìm thấy: ${what}`,
  noBotUsername: 'Chưa đặt TELEGRAM_BOT_USERNAME nên đường link dùng <ten_bot>; đặt biến này để có link đúng.',
  noInvites: (linked: number) => `Không tạo mã nào: ${linked} đồng chí trong đơn vị đã liên kết Telegram.`,
  dashboardLink: (url: string, expires: string) => `Đường link đăng nhập (dùng một lần, hết hạn lúc ${expires}):\n${url}`,
  noDashboardRole: 'Đảng viên này không có quyền xem bảng theo dõi (chỉ bí thư, phó bí thư và cấp ủy viên).',
  inviteOne: (p: { name: string; code: string; link: string; expires: string }) =>
    `Mã mời cho đồng chí ${p.name}: ${p.code}\nĐường link: ${p.link}\nHết hạn: ${p.expires}`,
  unknownCommand: (c: string) => `Lệnh không đúng: ${c}`,
  badConfig: 'Cấu hình chưa hợp lệ:',
};

const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;

export const docText = {
  needFile: 'Thiếu đường dẫn tệp văn bản.',
  needId: 'Thiếu hoặc sai mã số văn bản (ID, xem bằng "doc list").',
  needQuery: 'Thiếu cụm từ cần tìm.',
  needScopeAndLines: 'Cần --scope (document hoặc số mục, ví dụ II) và --lines TỆP.json.',
  badLinesFile: 'Tệp tóm tắt phải là mảng JSON các dòng {"text": "...", "section": "II.1"}.',
  unknown: (s: string) => `Lệnh doc không đúng: ${s}`,
  noDocuments: 'Chưa có văn bản nào.',
  noHits: (q: string) => `Không tìm thấy "${q}".`,
  imported: (p: { id: number; status: string; number: string | null; title: string | null; sections: number; targets: number; references: number }) =>
    `${p.status === 'created' ? 'Đã nhập' : p.status === 'updated' ? 'Đã cập nhật' : 'Không thay đổi'} văn bản #${p.id} ${p.number ?? ''} ${p.title ?? ''}\n` +
    `  ${p.sections} mục, ${p.targets} chỉ tiêu, ${p.references} văn bản được trích dẫn. Tóm tắt đang ở dạng nháp: duyệt bằng "doc approve ${p.id}".`,
  details: (d: DocumentDetails) =>
    [
      `#${d.id} ${d.number ?? '—'} · ${documentKindNames[d.kind]} · ${d.issuedAt ?? ''}`,
      d.title ?? '',
      `Ban hành cho: ${d.publishedTo.join(', ') || '(chưa ban hành)'}`,
      `Chỉ tiêu (${d.targets.length}):`,
      ...d.targets.map((t) => `  [${t.section}] ${t.text}`),
      `Trích dẫn (${d.cites.length}):`,
      ...d.cites.map((c) => `  ${c.number}${c.date ? ` ngày ${c.date}` : ''}${c.documentId ? ` → #${c.documentId}` : ''}`),
      `Được trích dẫn bởi (${d.citedBy.length}):`,
      ...d.citedBy.map((c) => `  #${c.documentId} ${c.number ?? ''}`),
    ].join('\n'),
  coverage: (rows: UnitCoverage[]) =>
    rows.length === 0
      ? 'Văn bản chưa ban hành cho đơn vị nào có đảng viên.'
      : rows.map((r) => `${r.unitCode}\t${r.unitName}\tđã nhận ${r.received}/${r.members}\tđã mở ${r.opened}\tđã học ${r.confirmed} (${percent(r.confirmedRate)})`).join('\n'),
  summaries: (list: SummaryView[]) =>
    list
      .map(
        (s) =>
          `[${s.scope}] ${s.heading} — ${s.status === 'approved' ? 'đã duyệt' : 'bản nháp'} (${s.source})\n` +
          s.lines.map((l) => `  ${l.verbatim ? '•' : '✎'} (${l.section}) ${l.text}`).join('\n'),
      )
      .join('\n\n'),
  approved: (n: number) => `Đã duyệt ${n} bản tóm tắt.`,
  edited: 'Đã lưu bản tóm tắt (bản nháp, cần duyệt lại).',
  proposed: (n: number) => `Mô hình đề xuất ${n} dòng; đã lưu làm bản nháp. Xem bằng "doc summaries", duyệt bằng "doc approve".`,
  fileError: {
    not_found: (f: string) => `Không tìm thấy tệp: ${f}`,
    too_large: (f: string) => `Tệp quá lớn (tối đa 5 MB): ${f}`,
    empty: (f: string) => `Tệp rỗng, không có chữ: ${f}`,
    binary: (f: string) => `Tệp không phải văn bản UTF-8 (có thể là tệp nhị phân): ${f}`,
    unsupported: (f: string) => `Chỉ nhận .txt, .md, .docx hoặc .pdf có lớp chữ: ${f}`,
    unreadable: (f: string) => `Không đọc được tệp (hỏng hoặc sai định dạng): ${f}`,
    no_text_layer: (f: string) => `Tệp PDF không có lớp chữ (bản quét ảnh); cần nhận dạng chữ (OCR) trước: ${f}`,
  },
  serviceError: {
    document_exists: (d: Record<string, unknown>) =>
      `Văn bản đã được nhập (#${String(d.documentId)}${d.number ? `, số ${String(d.number)}` : ''}). Dùng --replace để cập nhật.`,
    document_empty: 'Văn bản không có nội dung.',
    document_unreadable: 'Không nhận ra cấu trúc văn bản.',
    summary_invalid: (_d: Record<string, unknown>, m: string) => `Bản tóm tắt không hợp lệ: ${m}`,
    summariser_failed: (_d: Record<string, unknown>, m: string) => `Chưa tạo được tóm tắt bằng mô hình: ${m}`,
    not_found: (d: Record<string, unknown>) => `Không tìm thấy: ${JSON.stringify(d)}`,
  },
};

const pctText = (r: number) => `${Math.round(r * 100)}%`;

export const quizText = {
  missingFile: 'không đọc được tệp',
  duplicateSet: (id: string, other: string) => `mã bộ câu hỏi "${id}" đã dùng ở ${other}`,
  problems: (n: number) => `Có ${n} lỗi; chưa nạp bộ câu hỏi nào:`,
  valid: (sets: number, questions: number) => `Hợp lệ: ${sets} bộ, ${questions} câu hỏi.`,
  imported: (r: { slug: string; created: boolean; questions: number; retired: number }) =>
    `${r.created ? 'Đã tạo' : 'Đã cập nhật'} bộ "${r.slug}": ${r.questions} câu${r.retired > 0 ? `, ${r.retired} câu cũ ngừng dùng` : ''}.`,
  approved: (n: number) => `Đã duyệt ${n} câu hỏi.`,
  needDocumentId: 'Thiếu hoặc sai mã văn bản (xem bằng "doc list").',
  drafted: (r: { slug: string; drafted: number }) =>
    r.drafted === 0
      ? 'Không soạn được câu hỏi nháp nào từ văn bản này.'
      : `Đã soạn ${r.drafted} câu hỏi nháp vào bộ "${r.slug}". Xem lại rồi duyệt bằng "quiz approve ${r.slug}".`,
  needSet: 'Thiếu mã bộ câu hỏi.',
  needBankArgs: 'Cần: quiz import-bank TỆP --set MÃ --title TÊN.',
  needTimes: 'Cần --opens và --closes (ví dụ "2026-12-01 08:00", giờ Việt Nam).',
  badTime: (raw: string) => `Thời gian không hợp lệ: ${raw}`,
  needContestArgs: 'Cần --slug, --title và --set.',
  needContestId: 'Thiếu hoặc sai mã cuộc thi.',
  unknown: (c: string) => `Lệnh không đúng: ${c}`,
  contestCreated: (id: number) => `Đã tạo cuộc thi #${id}.`,
  stats: (rows: QuestionStats[]) =>
    rows
      .map(
        (q) =>
          `${q.key}\t${q.answers} lượt\tđúng ${pctText(q.shareCorrect)}\tphân biệt ${q.discrimination === null ? '—' : q.discrimination.toFixed(2)}` +
          `\t${q.optionShares.map((s, i) => `${String.fromCharCode(65 + i)} ${pctText(s)}`).join(' ')}`,
      )
      .join('\n'),
  results: (rows: { unitCode: string; members: number; participants: number; passed: number; averageBestPercent: number | null }[]) =>
    rows.map((u) => `${u.unitCode}\t${u.participants}/${u.members} đã làm\t${u.passed} đạt\tđiểm TB ${u.averageBestPercent ?? '—'}%`).join('\n'),
  leaderboard: (b: { title: string; entrants: number; perfectEntrants: number; rows: { rank: number; fullName: string; unitCode: string; correct: number; total: number; durationSeconds: number; prediction: number | null }[] }) =>
    [`${b.title}: ${b.entrants} người dự thi, ${b.perfectEntrants} người đúng tất cả`, ...b.rows.map((r) => `${r.rank}. ${r.fullName} (${r.unitCode})\t${r.correct}/${r.total}\tdự đoán ${r.prediction ?? '—'}\t${r.durationSeconds} giây`)].join('\n'),
  weekly: (rows: { weekStart: string; unitCode: string; entrants: number; attempts: number }[]) =>
    rows.length === 0 ? 'Chưa có lượt dự thi.' : rows.map((r) => `Tuần từ ${r.weekStart}\t${r.unitCode}\t${r.entrants} người\t${r.attempts} lượt`).join('\n'),
  serviceError: (code: string, details: Record<string, unknown>) =>
    code === 'not_found' ? `Không tìm thấy: ${JSON.stringify(details)}` : cliText.invalid(details.reason),
};
