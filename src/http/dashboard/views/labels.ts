import type { TargetMetric } from '../../../db/schema';
import type { ServiceErrorCode } from '../../../services/errors';
import { meetingTexts } from '../../../locales/vi-meetings';
import type { AttentionReason } from '../../../services/dashboard/rates';

// Every text the web dashboard shows, in one place for review. NFC Vietnamese.

export const nav = {
  overview: 'Tổng quan',
  units: 'Đơn vị',
  meetings: 'Sinh hoạt',
  documents: 'Văn bản',
  quizzes: 'Câu hỏi ôn tập',
  members: 'Đảng viên',
  targets: 'Chỉ tiêu',
} as const;

export const ui = {
  appName: 'Chibo — Bảng theo dõi',
  signOut: 'Đăng xuất',
  admin: 'Quản trị viên',
  allUnits: 'Toàn bộ đơn vị',
  scope: 'Phạm vi',
  exportCsv: 'Tải CSV',
  exportXlsx: 'Tải Excel',
  percentSuffix: '(%)',
  noRows: 'Chưa có số liệu.',
  up: 'Lên cấp trên',
  signInTitle: 'Đăng nhập bảng theo dõi',
  signInExplain: 'Đường link này chỉ dùng được một lần và hết hạn sau ít phút. Bấm nút dưới đây để đăng nhập.',
  signInButton: 'Đăng nhập',
  signedOut: 'Đồng chí đã đăng xuất.',
  needSignIn: 'Đồng chí cần đăng nhập. Trong Telegram, gõ /dashboard cho bot để nhận đường link đăng nhập.',
  forbidden: 'Đồng chí không có quyền xem nội dung này. Mỗi tài khoản chỉ xem được số liệu của đơn vị mình phụ trách.',
  notFound: 'Không tìm thấy trang hoặc nội dung này.',
  csrf: 'Biểu mẫu đã cũ hoặc không hợp lệ. Đồng chí tải lại trang rồi thử lại.',
  invalid: 'Thông tin chưa hợp lệ. Đồng chí kiểm tra lại.',
  /** What a refused form field needs, by the field the service names (`reason`). */
  invalidField: {
    value: 'Mức chỉ tiêu phải là số từ 0 đến 100 (điểm góp ý bình quân: từ 0 đến 5).',
    metric: 'Đồng chí chọn số liệu dùng để đo chỉ tiêu.',
    label: 'Chỉ tiêu cần có nội dung: chọn một chỉ tiêu trích từ nghị quyết hoặc nhập nội dung.',
    unit: 'Không xác định được đơn vị đặt chỉ tiêu. Đồng chí chọn đơn vị rồi thử lại.',
  } as Record<string, string>,
  generic: 'Đã có lỗi xảy ra. Đồng chí thử lại sau ít phút.',
  backToOverview: 'Về trang tổng quan',
  chooseUnit: 'Chọn một chi bộ ở trang Đơn vị để xem danh sách đảng viên.',
  months12: '12 tháng qua',
  thisMonth: 'Tháng này',
  halfYear: '6 tháng (từ đầu năm hoặc giữa năm)',
} as const;

export const signInErrors: Partial<Record<ServiceErrorCode, string>> = {
  sign_in_link_unknown: 'Đường link đăng nhập không đúng. Đồng chí gõ /dashboard cho bot để nhận link mới.',
  sign_in_link_expired: 'Đường link đăng nhập đã hết hạn. Đồng chí gõ /dashboard cho bot để nhận link mới.',
  sign_in_link_used: 'Đường link đăng nhập đã được dùng. Mỗi link chỉ dùng một lần; đồng chí gõ /dashboard để nhận link mới.',
  forbidden: 'Tài khoản của đồng chí không còn quyền xem bảng theo dõi.',
};

export const stat = {
  linked: 'Đảng viên đã kết nối',
  meetingsThisMonth: 'Chi bộ đã sinh hoạt định kỳ tháng này',
  meetingsHalfYear: 'Sinh hoạt định kỳ đủ trong 6 tháng',
  attendance: 'Tỷ lệ dự sinh hoạt (12 tháng)',
  study: 'Học tập nghị quyết hiện hành (chỉ tiêu 100%)',
  quizParticipation: 'Tham gia ôn tập',
  quizAverage: 'Điểm trung bình ôn tập',
  quizPass: 'Đạt yêu cầu ôn tập',
  feedback: 'Đánh giá buổi sinh hoạt (thang 5)',
} as const;

export const headers = {
  unit: 'Đơn vị',
  kind: 'Loại',
  type: 'Loại hình',
  organisations: 'Số TCCSĐ',
  members: 'Đảng viên',
  linked: 'Đã kết nối',
  meetingsThisMonth: 'Sinh hoạt tháng này',
  meetingsHalfYear: 'Sinh hoạt đủ 6 tháng',
  attendance: 'Dự sinh hoạt',
  study: 'Học tập NQ',
  quizParticipation: 'Tham gia ôn tập',
  quizAverage: 'Điểm TB',
  feedback: 'Đánh giá',
  reasons: 'Cần lưu ý',
  month: 'Tháng',
  meetings: 'Số buổi',
  document: 'Văn bản',
  title: 'Trích yếu',
  due: 'Cần học',
  confirmed: 'Đã học',
  coverage: 'Tỷ lệ',
  drafts: 'Tóm tắt chờ duyệt',
  target: 'Chỉ tiêu',
  metric: 'Đo bằng',
  targetValue: 'Mục tiêu',
  actual: 'Thực tế',
  met: 'Đạt',
  setBy: 'Đơn vị đặt',
  startsAt: 'Thời gian',
  invitees: 'Được mời',
  attending: 'Sẽ dự',
  excused: 'Xin vắng',
  present: 'Có mặt',
  absent: 'Vắng',
  feedbackCount: 'Góp ý',
  rating: 'Xếp loại',
  fullName: 'Họ và tên',
  role: 'Chức vụ',
  reply: 'Trả lời',
  attendanceState: 'Điểm danh',
  comment: 'Ý kiến',
  author: 'Người góp ý',
  quizSet: 'Bộ câu hỏi',
  participants: 'Người tham gia',
  attempts: 'Lượt làm',
  averageScore: 'Điểm TB (%)',
  passed: 'Đạt yêu cầu',
  contest: 'Cuộc thi',
  opens: 'Mở',
  closes: 'Đóng',
  entrants: 'Người dự thi',
  question: 'Câu hỏi',
  answers: 'Lượt trả lời',
  shareCorrect: 'Trả lời đúng',
  discrimination: 'Độ phân biệt',
  optionShare: (letter: string) => `Chọn ${letter}`,
  rank: 'Hạng',
  score: 'Điểm',
  duration: 'Thời gian (giây)',
  prediction: 'Dự đoán',
  channels: 'Kênh',
  lastActivity: 'Hoạt động gần nhất',
  notLinked: 'Chưa kết nối',
  blocked: 'Đã chặn bot',
  exempt: 'Miễn sinh hoạt',
  yes: 'Đạt',
  no: 'Chưa đạt',
} as const;

export const tableTitles = {
  attention: 'Đơn vị cần lưu ý',
  documents: 'Học tập nghị quyết hiện hành',
  attendanceByMonth: 'Dự sinh hoạt theo tháng',
  targets: 'Chỉ tiêu và kết quả',
  units: 'Các đơn vị trực thuộc',
  byType: 'Theo loại hình tổ chức cơ sở đảng',
  compliance: 'Sinh hoạt định kỳ theo tháng (đã họp / phải họp)',
  meetings: 'Các buổi sinh hoạt gần đây',
  people: 'Đảng viên được mời',
  comments: 'Ý kiến góp ý',
  documentList: 'Văn bản',
  coverage: 'Tỷ lệ đã học theo đơn vị',
  quizSets: 'Bộ câu hỏi',
  contests: 'Cuộc thi',
  questions: 'Thống kê từng câu hỏi',
  leaderboard: 'Bảng xếp hạng',
  members: 'Đảng viên của đơn vị',
} as const;

export const charts = {
  attendanceByMonth: 'Tỷ lệ dự sinh hoạt theo tháng',
  studyByDocument: 'Tỷ lệ học tập theo văn bản',
  attendanceByUnit: 'Tỷ lệ dự sinh hoạt theo đơn vị',
  feedbackDistribution: 'Phân bố điểm góp ý (1–5)',
  scoreBySet: 'Điểm trung bình theo bộ câu hỏi',
} as const;

export const attentionReasonNames: Record<AttentionReason, string> = {
  meetings_missed: 'Thiếu buổi sinh hoạt định kỳ',
  low_attendance: 'Tỷ lệ dự sinh hoạt dưới 80%',
  low_study: 'Học tập nghị quyết dưới 50%',
  few_linked: 'Dưới một nửa đảng viên đã kết nối',
};

export const metricNames: Record<TargetMetric, string> = {
  study_confirmed: 'Tỷ lệ đảng viên đã học tập, quán triệt (%)',
  quiz_participation: 'Tỷ lệ đảng viên tham gia ôn tập (%)',
  quiz_pass: 'Tỷ lệ đảng viên đạt yêu cầu ôn tập (%)',
  attendance: 'Tỷ lệ dự sinh hoạt (%)',
  meetings_held: 'Tỷ lệ sinh hoạt định kỳ đủ (%)',
  members_linked: 'Tỷ lệ đảng viên đã kết nối (%)',
  feedback_average: 'Điểm đánh giá sinh hoạt trung bình (thang 5)',
};

export const targetForm = {
  heading: 'Thêm chỉ tiêu',
  pickFromDocument: 'Chọn chỉ tiêu trong nghị quyết',
  orType: 'Hoặc nhập nội dung chỉ tiêu',
  none: '— Không chọn —',
  metric: 'Đo bằng số liệu',
  value: 'Mục tiêu (%, hoặc điểm trên thang 5)',
  unit: 'Áp dụng cho đơn vị',
  submit: 'Lưu chỉ tiêu',
  remove: 'Xóa',
  readOnly: 'Chỉ cấp ủy cấp trên đặt chỉ tiêu; đồng chí xem kết quả của đơn vị mình.',
} as const;

export const summaryReview = {
  heading: 'Tóm tắt văn bản',
  draft: 'Bản nháp — chờ duyệt',
  approved: 'Đã duyệt',
  verbatim: 'trích nguyên văn',
  reworded: 'diễn đạt lại',
  approve: 'Duyệt bản tóm tắt này',
  approveAll: 'Duyệt tất cả bản nháp',
  section: 'Mục',
} as const;

export const quizSetNotes = {
  optionsHidden: 'Cuộc thi trên bộ câu hỏi này đang diễn ra: tỷ lệ chọn từng phương án được ẩn cho đến khi cuộc thi kết thúc.',
} as const;

export const replyNames: Record<string, string> = { attending: 'Sẽ dự', excused: 'Xin vắng' };
export const ratingNames: Record<string, string> = meetingTexts.ratingNames;
