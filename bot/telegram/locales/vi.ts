import type { MemberRole, MemberStatus } from '../../../src/db/schema';
import type { ServiceErrorCode } from '../../../src/services/errors';

// Every text the Telegram bot shows, in one place for review. NFC Vietnamese.

export const roleNames: Record<MemberRole, string> = {
  member: 'Đảng viên',
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  committee_member: 'Cấp ủy viên',
};

export const statusNames: Record<MemberStatus, string> = {
  full: 'Chính thức',
  probationary: 'Dự bị',
};

export const errorMessages: Record<ServiceErrorCode | 'generic', string> = {
  invite_unknown: 'Mã mời không đúng. Đồng chí kiểm tra lại đường link hoặc xin mã mới từ bí thư chi bộ.',
  invite_expired: 'Mã mời đã hết hạn. Đồng chí vui lòng xin mã mới từ bí thư chi bộ.',
  invite_used:
    'Mã mời này đã được sử dụng. Mỗi mã chỉ dùng được một lần; đồng chí xin mã mới từ bí thư chi bộ nếu cần.',
  invite_already_yours: 'Tài khoản này đã được liên kết với hồ sơ của đồng chí rồi. Gõ /toi để xem.',
  member_linked_elsewhere:
    'Mã mời này thuộc về một hồ sơ đã liên kết với tài khoản Telegram khác. Nếu đó không phải đồng chí, hãy báo ngay cho bí thư chi bộ.',
  account_linked_to_other_member:
    'Tài khoản Telegram này đã liên kết với một hồ sơ khác. Muốn đổi, đồng chí gõ /toi và hủy liên kết trước.',
  not_linked:
    'Tài khoản này chưa liên kết với hồ sơ đảng viên nào. Đồng chí mở đường link mời do bí thư chi bộ gửi để liên kết.',
  forbidden: 'Chức năng này chỉ dành cho bí thư, phó bí thư và cấp ủy viên.',
  not_found: 'Không tìm thấy thông tin đồng chí yêu cầu.',
  invalid_input: 'Thông tin chưa hợp lệ. Đồng chí vui lòng kiểm tra lại.',
  generic: 'Xin lỗi, đã có lỗi xảy ra. Đồng chí vui lòng thử lại sau ít phút.',
};

export const vi = {
  welcomeStranger:
    'Chào đồng chí! Đây là Chibo — trợ lý sinh hoạt chi bộ: tóm tắt nghị quyết, câu hỏi ôn tập, thông báo họp.\n\n' +
    'Để bắt đầu, đồng chí mở đường link mời do bí thư chi bộ gửi (dạng t.me/…?start=MÃ).',
  welcomeBack: (name: string) => `Chào đồng chí ${name}! Gõ /help để xem những việc đồng chí có thể làm.`,
  privateOnly: 'Vì lý do bảo mật, đồng chí vui lòng nhắn riêng cho bot để liên kết tài khoản.',
  privacyNotice:
    '🔒 Thông báo về bảo vệ dữ liệu cá nhân\n\n' +
    'Để liên kết tài khoản Telegram với hồ sơ đảng viên của đồng chí, Chibo sẽ lưu:\n' +
    '• mã tài khoản Telegram và mã cuộc trò chuyện (để gửi thông báo, tài liệu);\n' +
    '• việc đồng chí đọc tài liệu, trả lời câu hỏi, phản hồi thông báo họp và điểm danh.\n\n' +
    'Mục đích: phục vụ sinh hoạt và học tập nghị quyết của chi bộ. Chỉ cấp ủy có thẩm quyền được xem; ' +
    'dữ liệu không chia sẻ cho bên khác.\n\n' +
    'Theo Luật Bảo vệ dữ liệu cá nhân (Luật số 91/2025/QH15), đồng chí có quyền xem, rút lại sự đồng ý ' +
    'và xóa liên kết bất cứ lúc nào bằng lệnh /toi.\n\n' +
    'Đồng chí có đồng ý không?',
  consentYes: '✅ Tôi đồng ý',
  consentNo: 'Không đồng ý',
  consentDeclined:
    'Đồng chí chưa đồng ý nên tài khoản chưa được liên kết và Chibo không lưu gì. Khi sẵn sàng, đồng chí mở lại đường link mời.',
  linked: (name: string, unit: string) =>
    `Chào đồng chí ${name}! Tài khoản Telegram đã được liên kết với hồ sơ đảng viên tại ${unit}.\n\nGõ /help để xem những việc đồng chí có thể làm.`,
  me: (p: { name: string; unit: string; role: string; status: string; since: string }) =>
    '👤 Thông tin liên kết\n\n' +
    `Họ và tên: ${p.name}\nĐơn vị: ${p.unit}\nVai trò: ${p.role}\nĐảng viên: ${p.status}\nLiên kết Telegram từ: ${p.since}\n\n` +
    'Chibo lưu mã Telegram của đồng chí và hoạt động trong ứng dụng để phục vụ sinh hoạt chi bộ. ' +
    'Đồng chí có thể hủy liên kết bất cứ lúc nào.',
  unlinkButton: 'Hủy liên kết',
  unlinkConfirm:
    'Đồng chí chắc chắn muốn hủy liên kết? Chibo sẽ không gửi thông báo, tài liệu cho đồng chí nữa cho đến khi liên kết lại bằng mã mời mới.',
  unlinkYes: 'Hủy liên kết',
  unlinkNo: 'Giữ nguyên',
  unlinked: 'Đã hủy liên kết. Mã Telegram của đồng chí đã được xóa khỏi hồ sơ.',
  unlinkKept: 'Đã giữ nguyên liên kết.',
  helpStranger:
    'Chibo giúp chi bộ gửi tóm tắt nghị quyết, câu hỏi ôn tập và thông báo họp.\n\n' +
    'Đồng chí chưa liên kết tài khoản. Hãy mở đường link mời do bí thư chi bộ gửi; nếu chưa có, đồng chí liên hệ bí thư chi bộ.',
  helpHeader: (name: string) => `Chào đồng chí ${name}. Các lệnh đồng chí dùng được:`,
  unitMembers: (unit: string, linked: number, total: number) =>
    `📋 ${unit}: ${linked}/${total} đồng chí đã liên kết Telegram.`,
  notLinkedHeader: 'Chưa liên kết:',
  linkedHeader: 'Đã liên kết:',
  andMore: (n: number) => `… và ${n} đồng chí khác`,
  notUnderstood: 'Chibo chưa hiểu tin nhắn này. Gõ /help để xem các lệnh.',
  staleButton: 'Nút này không còn dùng được. Gõ /help để bắt đầu lại.',
  done: 'Xong',
};

/** Commands shown in Telegram's menu and in /help, per role. */
export const commandDescriptions = {
  help: 'Hướng dẫn sử dụng',
  toi: 'Thông tin và liên kết của tôi',
  donvi: 'Đảng viên trong đơn vị và tình hình liên kết',
};
