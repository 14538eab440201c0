// The texts a broadcast's starter sees while it goes out, in Vietnamese (NFC).

const n = (value: number) => new Intl.NumberFormat('vi-VN').format(value);

export interface BroadcastCounts {
  title: string;
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  uncertain: number;
  pending: number;
  notLinked: number;
  errors: { reason: string; count: number }[];
}

export const outboxTexts = {
  progress: (c: BroadcastCounts) =>
    `📤 Đang gửi “${c.title}”: đã gửi ${n(c.sent)}/${n(c.total)}` +
    (c.failed + c.blocked > 0 ? `, chưa gửi được ${n(c.failed + c.blocked)}` : '') +
    '…',
  report: (c: BroadcastCounts) => {
    const lines = [`✅ Đã gửi xong “${c.title}”: ${n(c.sent)}/${n(c.total)} đồng chí đã nhận.`];
    if (c.blocked > 0) lines.push(`• ${n(c.blocked)} đồng chí đã chặn bot, không nhận được tin.`);
    if (c.failed > 0) {
      lines.push(`• ${n(c.failed)} tin gửi không thành công:`);
      for (const e of c.errors) lines.push(`   – ${e.reason}: ${n(e.count)}`);
    }
    if (c.uncertain > 0) lines.push(`• ${n(c.uncertain)} tin không rõ đã đến hay chưa (máy chủ khởi động lại giữa chừng).`);
    if (c.notLinked > 0) lines.push(`• ${n(c.notLinked)} đồng chí chưa liên kết tài khoản nên chưa nhận được; cần báo trực tiếp.`);
    return lines.join('\n');
  },
};
