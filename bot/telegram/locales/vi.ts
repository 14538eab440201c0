import type { ServiceErrorCode } from '../../../src/services/errors';
import type { AttemptResult } from '../../../src/services/quizzes/attempt-result';

// Every text the Telegram bot shows, in one place for review. NFC Vietnamese.

export { documentKindNames, roleNames, statusNames } from '../../../src/locales/vi-names';

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
  document_exists: 'Văn bản này đã có trong hệ thống.',
  document_empty: 'Văn bản không có nội dung.',
  document_unreadable: 'Không đọc được văn bản này.',
  summary_invalid: 'Bản tóm tắt chưa hợp lệ.',
  summariser_failed: 'Chưa tạo được bản tóm tắt tự động.',
  contest_closed: 'Cuộc thi chưa mở hoặc đã kết thúc.',
  no_attempts_left: 'Đồng chí đã dùng hết số lượt dự thi của cuộc thi này.',
  question_stale: 'Câu hỏi này đã qua rồi. Đồng chí trả lời câu hỏi hiện tại nhé.',
  attempt_finished: 'Lượt làm bài này đã kết thúc. Gõ /quiz để làm lượt mới.',
  no_prediction_pending: 'Hiện không có câu dự đoán nào đang chờ đồng chí trả lời.',
  meeting_started: 'Cuộc họp đã bắt đầu hoặc đã hủy nên không đổi trả lời được nữa.',
  check_in_closed: 'Chưa đến giờ điểm danh hoặc đã hết giờ (mở từ 30 phút trước đến 90 phút sau giờ họp).',
  sign_in_link_unknown: 'Đường link đăng nhập không đúng. Đồng chí gõ /dashboard để nhận link mới.',
  sign_in_link_expired: 'Đường link đăng nhập đã hết hạn. Đồng chí gõ /dashboard để nhận link mới.',
  sign_in_link_used: 'Đường link đăng nhập đã được dùng. Mỗi link chỉ dùng một lần; đồng chí gõ /dashboard để nhận link mới.',
  link_invalid: 'Đường link không đúng. Đồng chí gõ /trang để nhận link mới.',
  link_expired: 'Đường link đã hết hạn. Đồng chí gõ /trang để nhận link mới.',
  link_wrong_purpose: 'Đường link này dùng cho việc khác. Đồng chí gõ /trang để nhận link mới.',
  link_member_gone: 'Hồ sơ của đồng chí không còn ở đơn vị nhận link này.',
  link_not_allowed: 'Đồng chí không còn quyền dùng trang này.',
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
  dashboardLink: (url: string, minutes: number) =>
    `Đường link đăng nhập bảng theo dõi (chỉ dùng một lần, hết hạn sau ${minutes} phút; không chuyển cho người khác):\n${url}`,
  pagesIntro: 'Các trang đồng chí có thể mở trên điện thoại (chữ to, dễ bấm). Mỗi đường link chỉ dành riêng cho đồng chí, xin đừng chuyển cho người khác:',
  pagesNone: 'Hiện chưa có bài ôn tập, cuộc họp hay bản tóm tắt nào cần đồng chí mở.',
  pagesPrivateOnly: 'Vì lý do bảo mật, đồng chí gõ /trang trong tin nhắn riêng với bot.',
  dashboardPrivateOnly: 'Vì lý do bảo mật, đồng chí gõ /dashboard trong tin nhắn riêng với bot.',
  notUnderstood: 'Chibo chưa hiểu tin nhắn này. Gõ /help để xem các lệnh.',
  staleButton: 'Nút này không còn dùng được. Gõ /help để bắt đầu lại.',
  done: 'Xong',
};

/** "II.1" → "mục II.1"; the opening text before part I has no number. */
export const sectionLabel = (path: string) => (path === 'preamble' ? 'phần mở đầu' : `mục ${path}`);

const shortDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

export const docs = {
  listHeader: (page: number, pages: number, total: number) =>
    `📚 Văn bản gửi đến đồng chí (${total} văn bản, trang ${page}/${pages}). Chọn một văn bản để đọc tóm tắt:`,
  listItem: (i: number, d: { kindName: string; number: string | null; title: string | null; issuedAt: string | null; confirmed: boolean }) =>
    `${i}. ${d.kindName}${d.number ? ` số ${d.number}` : ''}${d.issuedAt ? ` (${shortDate(d.issuedAt)})` : ''}${d.confirmed ? ' ✅' : ''}\n   ${d.title ?? ''}`,
  listEmpty: 'Chưa có văn bản nào được gửi đến chi bộ của đồng chí.',
  previous: '◀ Trước',
  next: 'Sau ▶',
  header: (d: { kindName: string; number: string | null; title: string | null; issuer: string | null; issuedAt: string | null }) =>
    `📄 ${d.kindName.toUpperCase()}${d.number ? ` số ${d.number}` : ''}\n${d.title ?? ''}${d.issuer ? `\n${d.issuer}` : ''}${d.issuedAt ? `, ngày ${shortDate(d.issuedAt)}` : ''}`,
  summaryLabel: '📝 TÓM TẮT — trích nguyên văn các ý chính, không thay thế toàn văn:',
  summaryLine: (text: string, section: string) => `• ${text} (${sectionLabel(section)})`,
  summaryPending:
    'Bản tóm tắt đang chờ cấp ủy duyệt. Đồng chí có thể đọc toàn văn từng phần bằng các nút bên dưới.',
  sectionsHint: 'Chọn một phần để đọc tóm tắt và toàn văn:',
  sectionButton: (path: string, heading: string) => {
    const label = path === 'preamble' ? 'Mở đầu' : `${path}. ${heading}`;
    return label.length > 48 ? `${label.slice(0, 46)}…` : label;
  },
  confirmButton: '✅ Đã học, quán triệt',
  confirmedButton: '✅ Đã xác nhận học tập',
  confirmed: 'Đã ghi nhận: đồng chí đã học tập, quán triệt văn bản này. Cảm ơn đồng chí!',
  alreadyConfirmed: 'Đồng chí đã xác nhận học văn bản này trước đó.',
  sectionTitle: (docNumber: string | null, path: string, heading: string) =>
    `📄 ${docNumber ? `${docNumber} · ` : ''}${path === 'preamble' ? 'Phần mở đầu' : `Mục ${path}. ${heading}`}`,
  sectionSummaryLabel: '📝 Tóm tắt mục này (trích nguyên văn):',
  sectionSummaryPending: 'Tóm tắt mục này đang chờ duyệt; đồng chí bấm "Đọc toàn văn" để đọc.',
  fullTextButton: '📖 Đọc toàn văn mục này',
  previousSection: '◀ Mục trước',
  nextSection: 'Mục sau ▶',
  backToDocument: '↩ Về văn bản',
  fullTextPart: (part: number, parts: number) => (parts > 1 ? ` (phần ${part}/${parts})` : ''),
  footnotesLabel: 'Chú thích:',
  searchUsage: 'Gõ /timkiem và cụm từ cần tìm, ví dụ: /timkiem sinh hoạt chuyên đề (gõ không dấu cũng được).',
  searchNone: (q: string) => `Không tìm thấy “${q}” trong các văn bản đồng chí được đọc.`,
  searchHeader: (q: string) => `🔎 Kết quả tìm “${q}”:`,
  searchHit: (i: number, h: { number: string | null; section: string; text: string }) =>
    `${i}. ${h.number ?? 'Văn bản'} · ${sectionLabel(h.section)}\n${h.text}`,
  searchOpen: (i: number, number: string | null, section: string) => `${i}. Mở ${number ? `${number}, ` : ''}${sectionLabel(section)}`,
};

const letter = (i: number) => String.fromCharCode(65 + i);

export const quiz = {
  letter,
  menuHeader: 'Các bài ôn tập và cuộc thi đồng chí có thể tham gia:',
  menuEmpty: 'Hiện chưa có bài ôn tập nào cho chi bộ của đồng chí.',
  quizButton: (title: string, resume: boolean) => `${resume ? '▶ Tiếp tục: ' : '📝 '}${title}`,
  quizLine: (p: { title: string; questions: number; timeLimitSeconds: number | null; bestPercent: number | null }) =>
    `• ${p.title} — ${p.questions} câu${p.timeLimitSeconds ? `, ${p.timeLimitSeconds} giây mỗi câu` : ', không giới hạn thời gian'}${
      p.bestPercent !== null ? ` (kết quả tốt nhất: ${p.bestPercent}%)` : ''
    }`,
  contestButton: (title: string, resume: boolean) => `${resume ? '▶ Tiếp tục thi: ' : '🏆 Dự thi: '}${title}`,
  contestLine: (p: { title: string; closesAt: string; used: number; allowed: number }) =>
    `🏆 ${p.title} — hạn chót ${p.closesAt}, đã dự ${p.used}/${p.allowed} lượt`,
  question: (p: { position: number; total: number; text: string; options: string[]; multiple: boolean; timeLimitSeconds: number | null; deadline: string | null }) =>
    `Câu ${p.position + 1}/${p.total}\n\n${p.text}\n\n${p.options.map((o, i) => `${letter(i)}. ${o}`).join('\n')}\n\n` +
    (p.multiple ? 'Có thể có nhiều đáp án đúng: bấm chọn các đáp án rồi bấm "Xác nhận".' : 'Bấm chữ cái của đáp án đồng chí chọn.') +
    (p.timeLimitSeconds && p.deadline ? `\n⏱ Thời gian: ${p.timeLimitSeconds} giây (trả lời trước ${p.deadline}).` : ''),
  answeredQuestion: (position: number, total: number, text: string) => `Câu ${position + 1}/${total}: ${text}`,
  confirmChoice: '✔ Xác nhận',
  pickAtLeastOne: 'Đồng chí chọn ít nhất một đáp án rồi bấm Xác nhận.',
  correct: '✅ Đúng rồi!',
  wrong: (answers: string) => `❌ Chưa đúng. Đáp án đúng: ${answers}.`,
  timedOut: (answers: string) => `⏱ Hết giờ. Đáp án đúng: ${answers}.`,
  yourChoice: (answers: string) => `Đồng chí chọn: ${answers}.`,
  explanation: (text: string) => `💡 ${text}`,
  source: (doc: string | null, section: string | null) =>
    `📖 Nguồn: ${doc ? `văn bản ${doc}` : 'văn bản'}${section ? `, ${section === 'preamble' ? 'phần mở đầu' : `mục ${section}`}` : ''}.`,
  next: 'Câu tiếp theo ▶',
  seeResult: 'Xem kết quả 🏁',
  alreadyAnswered: 'Câu này đồng chí đã trả lời rồi; kết quả vẫn giữ như lần đầu.',
  result: (p: { title: string; correct: number; total: number; percent: number; passed: boolean; minutes: number; seconds: number }) =>
    `🏁 Kết quả: ${p.title}\n\nĐúng ${p.correct}/${p.total} câu (${p.percent}%) — ${p.passed ? 'Đạt' : 'Chưa đạt'}.\n` +
    `Thời gian làm bài: ${p.minutes > 0 ? `${p.minutes} phút ` : ''}${p.seconds} giây.`,
  missedHeader: 'Các câu chưa đúng:',
  missedLine: (text: string, section: string | null) => `• ${text}${section ? ` (${section === 'preamble' ? 'phần mở đầu' : `mục ${section}`})` : ''}`,
  reread: (doc: string | null, sections: string[]) =>
    `📖 Nên đọc lại: ${doc ? `văn bản ${doc}, ` : ''}${sections.map((s) => (s === 'preamble' ? 'phần mở đầu' : `mục ${s}`)).join(', ')}.`,
  allCorrect: 'Đồng chí trả lời đúng tất cả. Xin chúc mừng!',
  /** The whole result message (Telegram and Zalo): score and time, then what was missed and where to re-read it. */
  resultReport: (r: AttemptResult) => {
    const parts = [quiz.result({ ...r, title: r.setTitle, minutes: Math.floor(r.durationSeconds / 60), seconds: r.durationSeconds % 60 })];
    if (r.missed.length === 0) parts.push(quiz.allCorrect);
    else {
      parts.push(`${quiz.missedHeader}\n${r.missed.map((m) => quiz.missedLine(m.text, m.sectionPath)).join('\n')}`);
      if (r.sectionsToReread.length > 0) parts.push(quiz.reread(r.documentNumber, r.sectionsToReread));
    }
    return parts.join('\n\n');
  },
  predictionAsk:
    'Câu hỏi phụ (dùng để xếp hạng khi bằng điểm): theo đồng chí, có bao nhiêu người trả lời đúng tất cả các câu? Đồng chí gõ một con số, ví dụ: 25',
  predictionSaved: (n: number) => `Đã ghi nhận dự đoán của đồng chí: ${n} người.`,
  predictionInvalid: 'Đồng chí gõ một số nguyên, ví dụ: 25',
  leaderboardHeader: (title: string, unit: string, entrants: number, perfect: number) =>
    `🏆 Bảng xếp hạng: ${title} — ${unit}\nToàn cuộc thi: ${entrants} người dự thi, ${perfect} người đúng tất cả.`,
  leaderboardLine: (p: { rank: number; name: string; unit: string; correct: number; total: number; minutes: number; seconds: number }) =>
    `${p.rank}. ${p.name} (${p.unit}) — ${p.correct}/${p.total} câu, ${p.minutes > 0 ? `${p.minutes} phút ` : ''}${p.seconds} giây`,
  noContests: 'Hiện chưa có cuộc thi nào đang mở cho đồng chí.',
  leaderboardButton: (title: string) => `🏆 Xếp hạng: ${title}`,
};

export const meet = {
  menuHeader: (unit: string) => `📅 Các cuộc họp sắp tới của ${unit}:`,
  menuEmpty: (unit: string) => `${unit} chưa có cuộc họp nào sắp tới.`,
  meetingButton: (kind: string, when: string, replied: number, invited: number) => `${kind} · ${when} (${replied}/${invited} đã trả lời)`,
  create: '➕ Tạo cuộc họp mới',
  chooseKind: 'Bước 1/4 — Chọn loại cuộc họp:',
  askTime: 'Bước 2/4 — Gõ ngày giờ họp (giờ Việt Nam), ví dụ: 20/12/2026 14:00',
  badTime: 'Chưa đọc được ngày giờ, hoặc thời điểm đã qua. Đồng chí gõ lại theo mẫu: 20/12/2026 14:00',
  askPlace: 'Bước 3/4 — Gõ địa điểm họp (hoặc đường link họp trực tuyến):',
  askAgenda: 'Bước 4/4 — Gõ nội dung (chương trình) cuộc họp:',
  commentTooLong: (max: number) => `Góp ý dài quá; đồng chí rút gọn giúp (tối đa ${max.toLocaleString('vi-VN')} ký tự) rồi gửi lại.`,
  tooLong: 'Nội dung dài quá; đồng chí rút gọn giúp (địa điểm tối đa 300 ký tự, nội dung tối đa 3.000 ký tự).',
  confirm: (preview: string) => `Xem lại thông báo trước khi gửi:\n\n${preview}`,
  send: '📤 Gửi thông báo',
  attachToggle: (on: boolean, label: string) => `${on ? '☑' : '☐'} 📎 Đính kèm ${label}`.slice(0, 60),
  recurToggle: (on: boolean) => `${on ? '☑' : '☐'} 🔁 Lặp lại hằng tháng vào ngày và giờ này`,
  cancel: 'Hủy',
  cancelled: 'Đã hủy, chưa tạo cuộc họp nào.',
  sending: (queued: number, notLinked: number) =>
    `Đã tạo cuộc họp. Đang gửi thông báo cho ${queued} đồng chí; tiến độ hiện trong tin nhắn tiếp theo.` +
    (notLinked > 0 ? `\n${notLinked} đồng chí chưa liên kết tài khoản: đồng chí báo trực tiếp giúp.` : ''),
  expired: 'Phiên tạo cuộc họp đã hết hạn. Gõ /hop để bắt đầu lại.',
  attendingSaved: 'Đã ghi nhận: đồng chí tham dự. Cảm ơn đồng chí!',
  askReason: 'Đồng chí vui lòng gõ lý do vắng mặt:',
  excusedSaved: 'Đã ghi nhận: đồng chí vắng có lý do. Đồng chí có thể đổi trả lời trước giờ họp.',
  checkedIn: (late: boolean) => (late ? 'Đã điểm danh: đồng chí đến muộn.' : 'Đã điểm danh: đồng chí có mặt. Chúc buổi sinh hoạt tốt!'),
  status: (p: { kind: string; unit: string; when: string; place: string; attending: number; excused: number; waiting: number; notLinked: number }) =>
    `📅 ${p.kind} — ${p.unit}\n🕑 ${p.when} · 📍 ${p.place}\n\n` +
    `✅ Tham dự: ${p.attending}\n🙏 Vắng có lý do: ${p.excused}\n⏳ Chưa trả lời: ${p.waiting}\n📵 Chưa liên kết: ${p.notLinked}`,
  listWaiting: 'Chưa trả lời:',
  listExcused: 'Vắng có lý do:',
  listNotLinked: 'Chưa liên kết (cần báo trực tiếp):',
  attendanceButton: '✅ Điểm danh',
  minutesButton: '📝 Phần điểm danh của biên bản',
  back: '↩ Quay lại',
  attendanceHeader: 'Bấm tên để đổi trạng thái: Có mặt → Đến muộn → Vắng có lý do → Vắng không lý do → Miễn sinh hoạt.',
  attendanceRow: (name: string, state: string) => `${name} — ${state}`,
  notMarked: 'chưa điểm danh',
  rateButton: '⭐ Đánh giá chất lượng buổi họp',
  rateAsk: (f: { count: number; average: number | null; comments: { author: string | null; text: string }[] }) =>
    `Góp ý của đảng viên: ${f.count} phiếu${f.average !== null ? `, điểm trung bình ${f.average.toFixed(1)}/5` : ''}.` +
    (f.comments.length > 0 ? `\n${f.comments.map((c) => `• ${c.author ? `${c.author}: ` : ''}${c.text}`).join('\n')}` : '') +
    '\n\nĐồng chí đánh dấu các tiêu chí đạt, rồi chọn mức xếp loại chất lượng buổi sinh hoạt:',
  rated: (level: string, rate: number) => `Đã xếp loại: ${level}. Tỷ lệ đảng viên dự: ${Math.round(rate * 100)}% (tính từ điểm danh).`,
  feedbackThanks: (score: number) =>
    `Cảm ơn đồng chí đã chấm ${score}/5. Nếu có góp ý, đồng chí gõ vào đây (không bắt buộc).`,
  commentSaved: 'Đã ghi nhận góp ý của đồng chí. Cảm ơn đồng chí!',
};

/** Commands shown in Telegram's menu and in /help, per role. */
export const commandDescriptions = {
  tailieu: 'Văn bản, nghị quyết và bản tóm tắt',
  quiz: 'Ôn tập, thi tìm hiểu nghị quyết',
  xephang: 'Bảng xếp hạng cuộc thi',
  timkiem: 'Tìm trong các văn bản',
  help: 'Hướng dẫn sử dụng',
  toi: 'Thông tin và liên kết của tôi',
  donvi: 'Đảng viên trong đơn vị và tình hình liên kết',
  hop: 'Tạo cuộc họp, gửi thông báo, điểm danh',
  dashboard: 'Mở bảng theo dõi trên web',
  trang: 'Mở trang ôn tập, họp, tóm tắt trên web',
};

/** One line or button per member page link (bot/telegram/features/member-pages.ts). */
export const pageLinkLabels = {
  quiz: (title: string) => `📝 Ôn tập: ${title}`,
  contest: (title: string) => `🏆 Cuộc thi: ${title}`,
  'meeting-reply': (meeting: string) => `📅 Trả lời: ${meeting}`,
  'check-in': (meeting: string) => `✋ Điểm danh: ${meeting}`,
  feedback: (meeting: string) => `💬 Góp ý: ${meeting}`,
  summary: (document: string) => `📖 Tóm tắt: ${document}`,
  documentName: (number: string | null, title: string | null) => (number ? `số ${number}` : (title ?? 'văn bản')),
};
