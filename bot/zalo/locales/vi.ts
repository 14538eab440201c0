import { errorMessages as telegramErrors } from '../../telegram/locales/vi';
import type { ServiceErrorCode } from '../../../src/services/errors';
import { numberedLines } from '../text';

// Every text the Zalo bot shows, in one place for review. NFC Vietnamese. Wording shared with
// Telegram (quiz verdicts, document headers, meeting confirmations) is imported from the
// Telegram locale, not copied; only what differs on Zalo (no buttons, no /commands) is here.

export { docs, meet, quiz, sectionLabel, documentKindNames, roleNames, statusNames, vi as shared } from '../../telegram/locales/vi';

/** "1, 2, 3 hoặc 4" */
const orList = (n: number) => {
  const all = Array.from({ length: n }, (_, i) => String(i + 1));
  return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} hoặc ${all.at(-1)}`;
};

export const zalo = {
  /** Appended to quiz questions and meeting replies: the same thing on the member's own page. */
  pageLink: (url: string) => `🌐 Hoặc làm trên trang web: ${url}`,
  welcomeStranger:
    'Chào đồng chí! Đây là Chibo — trợ lý sinh hoạt chi bộ: tóm tắt nghị quyết, câu hỏi ôn tập, thông báo họp.\n\n' +
    'Để bắt đầu, đồng chí gửi vào đây mã mời gồm 10 ký tự do bí thư chi bộ cấp (ví dụ: ABCD23EFGH).',
  privacyNotice:
    '🔒 Thông báo về bảo vệ dữ liệu cá nhân\n\n' +
    'Để liên kết tài khoản Zalo với hồ sơ đảng viên của đồng chí, Chibo sẽ lưu:\n' +
    '• mã người dùng Zalo và mã cuộc trò chuyện (để gửi thông báo, tài liệu);\n' +
    '• việc đồng chí đọc tài liệu, trả lời câu hỏi, phản hồi thông báo họp và điểm danh.\n\n' +
    'Mục đích: phục vụ sinh hoạt và học tập nghị quyết của chi bộ. Chỉ cấp ủy có thẩm quyền được xem; ' +
    'dữ liệu không chia sẻ cho bên khác.\n\n' +
    'Theo Luật Bảo vệ dữ liệu cá nhân (Luật số 91/2025/QH15), đồng chí có quyền xem, rút lại sự đồng ý ' +
    'và đề nghị xóa liên kết bất cứ lúc nào.\n\n' +
    'Đồng chí có đồng ý không?',
  linked: (name: string, unit: string) =>
    `Chào đồng chí ${name}! Tài khoản Zalo đã được liên kết với hồ sơ đảng viên tại ${unit}.\n\nGửi số 0 (hoặc chữ “menu”) bất cứ lúc nào để xem những việc đồng chí có thể làm.`,
  consentDeclined: 'Đồng chí chưa đồng ý nên tài khoản chưa được liên kết và Chibo không lưu gì. Khi sẵn sàng, đồng chí gửi lại mã mời.',
  welcomeBack: (name: string) => `Chào đồng chí ${name}!`,
  menuHeader: (name: string) => `Chào đồng chí ${name}. Đồng chí muốn làm gì?`,
  menuDocuments: '📚 Văn bản, nghị quyết và bản tóm tắt',
  menuQuizzes: '📝 Ôn tập, thi tìm hiểu nghị quyết',
  menuMe: '👤 Thông tin liên kết',
  /** The line under every numbered list. */
  chooseByNumber: (n: number) => `Trả lời ${orList(n)}.`,
  chooseSeveral: (n: number) => `Có thể có nhiều đáp án đúng: gửi các số đồng chí chọn (từ 1 đến ${n}), cách nhau bằng dấu phẩy, ví dụ: 1, 3.`,
  outOfRange: (n: number) => `Số này không có trong danh sách. Đồng chí trả lời ${orList(n)}.`,
  promptExpired: 'Lựa chọn đó đã hết hạn hoặc không còn mở, nên Chibo chưa ghi nhận gì. Gửi số 0 để xem menu.',
  notUnderstood: 'Chibo chưa hiểu tin nhắn này. Gửi số 0 (hoặc chữ “menu”) để xem những việc đồng chí có thể làm.',
  textOnly: 'Chibo chỉ đọc được tin nhắn chữ. Gửi số 0 để xem menu.',
  notOnZalo: 'Chức năng này hiện dùng trên Telegram hoặc bảng theo dõi trên web, chưa dùng được trên Zalo.',
  reasonEmpty: 'Đồng chí vui lòng gõ lý do vắng mặt (bằng chữ).',
  me: (p: { name: string; unit: string; role: string; status: string; since: string }) =>
    '👤 Thông tin liên kết\n\n' +
    `Họ và tên: ${p.name}\nĐơn vị: ${p.unit}\nVai trò: ${p.role}\nĐảng viên: ${p.status}\nLiên kết Zalo từ: ${p.since}\n\n` +
    'Chibo lưu mã Zalo của đồng chí và hoạt động trong ứng dụng để phục vụ sinh hoạt chi bộ. ' +
    'Muốn hủy liên kết, đồng chí báo bí thư chi bộ.',
  docOpenChoice: (number: string | null, title: string | null) => `${number ?? ''}${number && title ? ' — ' : ''}${title ?? ''}`.slice(0, 120),
  docMore: 'Xem các văn bản tiếp theo',
  docSectionChoice: (path: string, heading: string) => `Đọc toàn văn ${path === 'preamble' ? 'phần mở đầu' : `mục ${path}. ${heading}`}`.slice(0, 120),
  docConfirmChoice: '✅ Đã học, quán triệt',
  quizQuestion: (p: { position: number; total: number; text: string; options: string[]; multiple: boolean; timeLimitSeconds: number | null; deadline: string | null }) =>
    `Câu ${p.position + 1}/${p.total}\n\n${p.text}\n\n${numberedLines(p.options)}\n\n` +
    (p.multiple ? zalo.chooseSeveral(p.options.length) : zalo.chooseByNumber(p.options.length)) +
    (p.timeLimitSeconds && p.deadline ? `\n⏱ Thời gian: ${p.timeLimitSeconds} giây (trả lời trước ${p.deadline}).` : ''),
  quizStartChoice: (title: string, resume: boolean) => `${resume ? 'Tiếp tục: ' : ''}${title}`,
  contestStartChoice: (title: string, resume: boolean) => `${resume ? 'Tiếp tục thi: ' : 'Dự thi: '}${title}`,
};

/** Service errors as Zalo members read them: Telegram's wording, except where it names Telegram or a /command. */
export const errorMessages: Record<ServiceErrorCode | 'generic', string> = {
  ...telegramErrors,
  invite_unknown: 'Mã mời không đúng. Đồng chí kiểm tra lại mã (10 ký tự) hoặc xin mã mới từ bí thư chi bộ.',
  invite_already_yours: 'Tài khoản Zalo này đã được liên kết với hồ sơ của đồng chí rồi. Gửi số 0 để xem menu.',
  member_linked_elsewhere:
    'Mã mời này thuộc về một hồ sơ đã liên kết với tài khoản Zalo khác. Nếu đó không phải đồng chí, hãy báo ngay cho bí thư chi bộ.',
  account_linked_to_other_member: 'Tài khoản Zalo này đã liên kết với một hồ sơ khác. Muốn đổi, đồng chí báo bí thư chi bộ.',
  not_linked: 'Tài khoản Zalo này chưa liên kết với hồ sơ đảng viên nào. Đồng chí gửi mã mời do bí thư chi bộ cấp để liên kết.',
  attempt_finished: 'Lượt làm bài này đã kết thúc. Gửi số 0, rồi chọn ôn tập để làm lượt mới.',
};
