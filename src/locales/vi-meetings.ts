import type { AttendanceState, MeetingKind } from '../db/schema';
import type { MeetingRoster } from '../services/meetings/attendance';
import { formatDateTime } from '../time';

// Meeting texts shared by every surface (notices go out through the outbox), NFC Vietnamese.

export const meetingKindNames: Record<MeetingKind, string> = {
  dinh_ky: 'Sinh hoạt định kỳ',
  chuyen_de: 'Sinh hoạt chuyên đề',
  chi_uy: 'Họp chi ủy',
  dang_bo: 'Hội nghị đảng bộ',
  giao_ban: 'Giao ban',
  khac: 'Cuộc họp',
};

/** The default rubric's criteria (an organisation may set its own in MEETING_RULES). */
export const defaultRatingCriteria = [
  'Chuẩn bị chu đáo, gửi tài liệu trước',
  'Tỷ lệ đảng viên dự đạt yêu cầu',
  'Nội dung thiết thực, đúng trọng tâm',
  'Giữ đúng nguyên tắc, phát huy dân chủ',
  'Kết luận rõ ràng, được biểu quyết',
];

/** Titles of the broadcasts meetings start, as their starters see them in progress reports. */
export const broadcastTitles = {
  notice: (unit: string) => `Thông báo họp ${unit}`,
  reminder: (unit: string) => `Nhắc họp ${unit}`,
  nudge: (unit: string) => `Nhắc trả lời ${unit}`,
  noReplies: (unit: string) => `Chưa trả lời ${unit}`,
  feedback: (unit: string) => `Góp ý buổi họp ${unit}`,
  compliance: (unit: string) => `Nhắc lịch sinh hoạt ${unit}`,
};

export const attendanceNames: Record<AttendanceState, string> = {
  present: 'Có mặt',
  late: 'Đến muộn',
  excused: 'Vắng có lý do',
  absent: 'Vắng không lý do',
  exempt: 'Miễn sinh hoạt',
};

const pct = (part: number, whole: number) => (whole === 0 ? '0' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format((100 * part) / whole));

export const meetingTexts = {
  notice: (
    m: { kind: MeetingKind; unitName: string; startsAt: Date; place: string; agenda: string },
    guide: boolean,
    documents: { number: string | null; title: string | null }[] = [],
  ) =>
    `📅 THÔNG BÁO ${meetingKindNames[m.kind].toUpperCase()}\n${m.unitName}\n\n` +
    `🕑 Thời gian: ${formatDateTime(m.startsAt)}\n📍 Địa điểm: ${m.place}\n\n📋 Nội dung:\n${m.agenda}\n\n` +
    (documents.length > 0
      ? `📎 Tài liệu cần nghiên cứu trước:\n${documents.map((d) => `• ${d.number ? `Số ${d.number}` : ''}${d.number && d.title ? ' — ' : ''}${d.title ?? ''}`).join('\n')}\n\n`
      : '') +
    (guide ? 'Đồng chí được cấp ủy cấp trên phân công dự, chỉ đạo buổi sinh hoạt này.\n\n' : '') +
    'Đồng chí vui lòng xác nhận tham dự bằng các nút dưới đây (có thể đổi ý trước giờ họp).',
  reminder: (m: { kind: MeetingKind; unitName: string; startsAt: Date; place: string }, hours: number) =>
    `⏰ Nhắc lịch: ${meetingKindNames[m.kind]} ${m.unitName} ${hours <= 1 ? 'sắp bắt đầu' : `sau khoảng ${hours} giờ nữa`}.\n` +
    `🕑 ${formatDateTime(m.startsAt)} · 📍 ${m.place}` +
    (hours <= 1 ? '\n\nKhi đến nơi, đồng chí bấm "Có mặt" để điểm danh.' : ''),
  nudge: (m: { kind: MeetingKind; unitName: string; startsAt: Date }, last: boolean) =>
    `${last ? '❗ Nhắc lần cuối' : '🔔 Nhắc'}: đồng chí chưa trả lời thông báo ${meetingKindNames[m.kind].toLowerCase()} ${m.unitName} lúc ${formatDateTime(m.startsAt)}. ` +
    'Đồng chí bấm một nút dưới đây giúp chi bộ chuẩn bị.',
  noReplies: (m: { kind: MeetingKind; startsAt: Date }, names: string[]) =>
    `📋 ${meetingKindNames[m.kind]} lúc ${formatDateTime(m.startsAt)}: còn ${names.length} đồng chí chưa trả lời:\n${names.map((n) => `• ${n}`).join('\n')}`,
  feedbackRequest: (m: { kind: MeetingKind; unitName: string; startsAt: Date }) =>
    `📝 Đồng chí đánh giá giúp buổi ${meetingKindNames[m.kind].toLowerCase()} ${m.unitName} ngày ${formatDateTime(m.startsAt)}: ` +
    'bấm từ 1 (chưa tốt) đến 5 (rất tốt). Sau đó đồng chí có thể gõ góp ý.',
  complianceNudge: (unitName: string, rule: string, period: string) => {
    const month = `${period.slice(5)}/${period.slice(0, 4)}`;
    const what: Record<string, string> = {
      regular_monthly: `chưa có lịch sinh hoạt định kỳ tháng ${month}`,
      thematic: 'chưa tổ chức sinh hoạt chuyên đề trong kỳ này',
      committee_monthly: `chưa có lịch họp cấp ủy tháng ${month}`,
      party_committee: 'chưa tổ chức hội nghị đảng bộ trong kỳ này',
    };
    return `📌 ${unitName} ${what[rule] ?? 'chưa tổ chức đủ các cuộc họp theo quy định'}. Đồng chí gõ /hop để lên lịch.`;
  },
  ratingNames: { tot: 'Tốt', kha: 'Khá', trung_binh: 'Trung bình', kem: 'Kém' } as Record<'tot' | 'kha' | 'trung_binh' | 'kem', string>,
  openDocument: (number: string | null) => `📄 Đọc ${number ?? 'tài liệu'}`,
  attend: '✅ Tham dự',
  excused: '🙏 Vắng có lý do',
  checkIn: '📍 Có mặt (điểm danh)',
  /** The attendance part of the minutes, ready to paste. */
  minutes: (r: MeetingRoster) => {
    const members = r.people.filter((p) => !p.isGuide);
    const counted = members.filter((p) => p.attendance !== 'exempt');
    const by = (s: AttendanceState) => members.filter((p) => p.attendance === s);
    const unknown = counted.filter((p) => p.attendance === null);
    const present = by('present').length + by('late').length;
    const lines = [
      `Tổng số đảng viên của ${r.unitName}: ${members.length}; miễn sinh hoạt: ${by('exempt').length}; phải dự: ${counted.length}.`,
      `Có mặt: ${present}/${counted.length} đồng chí (${pct(present, counted.length)}%)${by('late').length > 0 ? `, trong đó đến muộn ${by('late').length}: ${by('late').map((p) => p.fullName).join(', ')}` : ''}.`,
    ];
    if (by('excused').length > 0) lines.push(`Vắng có lý do (${by('excused').length}): ${by('excused').map((p) => `${p.fullName}${p.attendanceReason ? ` (${p.attendanceReason})` : ''}`).join('; ')}.`);
    if (by('absent').length > 0) lines.push(`Vắng không lý do (${by('absent').length}): ${by('absent').map((p) => p.fullName).join(', ')}.`);
    if (by('exempt').length > 0) lines.push(`Miễn sinh hoạt (${by('exempt').length}): ${by('exempt').map((p) => p.fullName).join(', ')}.`);
    if (unknown.length > 0) lines.push(`Chưa điểm danh (${unknown.length}): ${unknown.map((p) => p.fullName).join(', ')}.`);
    const guides = r.people.filter((p) => p.isGuide && (p.attendance === 'present' || p.attendance === 'late'));
    if (guides.length > 0) lines.push(`Đại biểu cấp ủy cấp trên dự: ${guides.map((p) => p.fullName).join(', ')}.`);
    return lines.join('\n');
  },
};

/** Share of members who had to attend and did (present or late); exempt members are not counted. */
export function attendanceRate(r: MeetingRoster): number {
  const counted = r.people.filter((p) => !p.isGuide && p.attendance !== 'exempt');
  const present = counted.filter((p) => p.attendance === 'present' || p.attendance === 'late').length;
  return counted.length === 0 ? 0 : present / counted.length;
}
