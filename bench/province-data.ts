// A province-scale dataset (at scale 1: 100,000 members in 5,000 branches, 24 months of meetings,
// documents, quizzes with 1,000,000 answers) for dashboard benchmarks.
// Run: npx tsx bench/province-data.ts [file=/tmp/chibo-province.db] [scale=1]
//
// Everything big is generated inside SQLite with INSERT … SELECT over recursive CTEs and joins, a
// few statements per table. Only the unit tree (a few thousand rows), the documents and the quiz
// sets are planned in TypeScript, with a seeded generator, and each goes in as one statement over
// json_each. Pseudo-random choices in SQL come from `rnd()`, a hash of row ids, so two runs with the
// same scale in the same month write the same rows (times follow the real clock, see `now`).
import { seededRandom } from '../src/services/quizzes/draft/seeded';
import { createHash } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client, InStatement } from '@libsql/client';
import { migrateDatabase, openDatabase } from '../src/db/open-node';
import type { DocumentKind, UnitType } from '../src/db/schema';
import { defaultRatingCriteria } from '../src/locales/vi-meetings';
import { vietnamMonth, vietnamMonthStart } from '../src/services/meetings/meeting-rules';

export interface ProvinceOptions {
  /** 1 = 100,000 members, 5,000 branches, 1,000,000 quiz answers; everything scales linearly (documents and quiz sets do not). */
  scale: number;
  /** Which months are covered and which meetings are past; defaults to the real clock. */
  now?: Date;
  /** Called after each phase, e.g. to print progress. */
  onPhase?: (phase: string, ms: number) => void;
}

export interface ProvinceReport {
  now: Date;
  /** UTC ms of the first moment (Vietnam time) of each of the 24 months, oldest first. */
  monthStarts: number[];
  rootUnitId: number;
  leaves: number;
  members: number;
  phases: { phase: string; ms: number }[];
}

const MONTHS = 24;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const unitTypeCycle: UnitType[] = [
  // Weights 6:5:2:4:3 (administrative bodies and public-service units dominate a province), arranged
  // so that any five consecutive grassroots organisations already cover all five types.
  'co_quan_hanh_chinh',
  'don_vi_su_nghiep',
  'doanh_nghiep_nha_nuoc',
  'doanh_nghiep_ngoai_nha_nuoc',
  'khac',
  'co_quan_hanh_chinh',
  'don_vi_su_nghiep',
  'doanh_nghiep_ngoai_nha_nuoc',
  'co_quan_hanh_chinh',
  'khac',
  'don_vi_su_nghiep',
  'co_quan_hanh_chinh',
  'doanh_nghiep_ngoai_nha_nuoc',
  'don_vi_su_nghiep',
  'doanh_nghiep_nha_nuoc',
  'co_quan_hanh_chinh',
  'khac',
  'don_vi_su_nghiep',
  'co_quan_hanh_chinh',
  'doanh_nghiep_ngoai_nha_nuoc',
];

const organisationStems: Record<UnitType, string[]> = {
  co_quan_hanh_chinh: ['Sở Tài chính', 'Sở Nội vụ', 'Sở Tư pháp', 'Sở Xây dựng', 'Sở Công Thương', 'Sở Y tế', 'Văn phòng UBND', 'Thanh tra', 'Sở Khoa học và Công nghệ'],
  don_vi_su_nghiep: ['Bệnh viện Đa khoa', 'Trường THPT', 'Trường Cao đẳng', 'Trung tâm Y tế', 'Đài Phát thanh và Truyền hình', 'Trường Chính trị'],
  doanh_nghiep_nha_nuoc: ['Công ty Điện lực', 'Công ty TNHH MTV Xổ số kiến thiết', 'Công ty TNHH MTV Lâm nghiệp', 'Công ty Cấp nước'],
  doanh_nghiep_ngoai_nha_nuoc: ['Công ty Cổ phần Dược phẩm', 'Công ty Cổ phần Xây lắp', 'Công ty Cổ phần Vận tải', 'Công ty Cổ phần Cà phê'],
  khac: ['Hội Nông dân', 'Liên minh Hợp tác xã', 'Hội Chữ thập đỏ', 'Liên đoàn Lao động', 'Hội Cựu chiến binh'],
};
const branchStems = ['Văn phòng', 'Phòng Tổ chức - Hành chính', 'Phòng Kế hoạch - Tài chính', 'Phòng Nghiệp vụ', 'Phòng Kỹ thuật', 'Phòng Kinh doanh', 'Khoa Nội', 'Khoa Ngoại', 'Tổ Văn - Sử', 'Phân xưởng', 'Đội Sản xuất'];

const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middleNames = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Thu', 'Hoài', 'Xuân'];
const givenNames = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Ngân', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến', 'Nghĩa', 'Thắng'];
const absenceReasons = ['Đi công tác', 'Ốm đau', 'Việc gia đình', 'Nghỉ phép', 'Trực cơ quan', 'Đi học, bồi dưỡng'];
const feedbackComments = ['Nội dung thiết thực', 'Cần gửi tài liệu sớm hơn', 'Thời gian họp hơi dài', 'Nhiều ý kiến đóng góp sôi nổi', 'Nên sinh hoạt đúng giờ', 'Kết luận rõ ràng'];

/**
 * Independent streams for `rnd()`: each choice gets its own, so that (say) who attends and who
 * answers a quiz correctly are not the same draw.
 */
const stream = {
  surname: 1,
  middleName: 2,
  givenName: 3,
  birthYear: 4,
  probationary: 5,
  exempt: 6,
  phone: 7,
  linked: 8,
  linkedAt: 9,
  blocked: 10,
  skipRegular: 11,
  thematicSlot: 12,
  skipThematic: 13,
  skipCommittee: 14,
  generalSlot: 15,
  cancelled: 16,
  createdLead: 17,
  invitee: 18,
  feedback: 19,
  rated: 20,
  ratingNoise: 21,
  ratedLag: 22,
  study: 23,
  quizPick: 24,
  quizStart: 25,
  skill: 26,
  draw: 27,
  optionOrder: 28,
  answer: 29,
  prediction: 30,
  correctOption: 31,
  difficulty: 32,
  meetingMood: 33,
} as const;

const PRIME = 2_147_483_647; // 2^31 − 1: a square of a residue still fits a 64-bit integer

/**
 * SQL for a pseudo-random integer 0 … range−1 from integer SQL expressions. The square modulo a
 * prime scrambles neighbouring keys; a bare multiplicative hash (id × 2654435761 mod 1000) moves in
 * lock-step, so the same members would be absent from every meeting of their branch.
 */
function rnd(streamId: number, parts: string[], range = 1000): string {
  const key = parts.reduce((acc, p) => `(${acc}) * 1000003 + (${p})`);
  const k = `((((${key}) % ${PRIME}) * ${48_271 + streamId * 15_838} + ${streamId * 104_729}) % ${PRIME})`;
  return `(${k} * ${k} % ${PRIME} % ${range})`;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const jsonLiteral = (value: unknown) => quote(JSON.stringify(value));
const pad = (n: number, width: number) => String(n).padStart(width, '0');

interface UnitPlan {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  kind: 'dang_bo_khoi' | 'dang_bo_co_so' | 'chi_bo_co_so' | 'chi_bo_truc_thuoc';
  type: UnitType | null;
  path: string;
  anonymousFeedback: 0 | 1;
}

/** A branch members belong to, with the habits that make its figures differ from its neighbours'. */
interface LeafPlan {
  unitId: number;
  /** The đảng bộ cơ sở above a chi bộ trực thuộc; null for a chi bộ cơ sở. */
  organisationId: number | null;
  firstMemberId: number;
  size: number;
  /** Per mille of members with a linked Telegram account. */
  linkPm: number;
  /** Per mille of members present (or late) at a meeting. */
  attendPm: number;
  /** Per mille of members who received a document and confirmed they studied it. */
  confirmPm: number;
  /** Weight of the branch's members when picking quiz takers. */
  quizPm: number;
  meetingDay: number;
  meetingMinute: number;
}

interface OrganisationPlan {
  unitId: number;
  /** The secretary of its first branch chairs the committee (members are only in branches). */
  chairMemberId: number;
  meetingDay: number;
}

interface TreePlan {
  units: UnitPlan[];
  leaves: LeafPlan[];
  organisations: OrganisationPlan[];
}

/** The unit tree and the roster's shape: blocs → đảng bộ cơ sở → chi bộ trực thuộc, and chi bộ cơ sở. */
function planTree(scale: number): TreePlan {
  const memberCount = Math.round(100_000 * scale);
  const leafCount = Math.max(1, Math.round(5_000 * scale));
  const blocCount = Math.max(2, Math.round(20 * scale));
  if (memberCount < 3 * leafCount) throw new Error(`scale ${scale} is too small for a branch of three officers`);
  const random = seededRandom(20_240_601);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const units: UnitPlan[] = [];
  const leaves: LeafPlan[] = [];
  const organisations: OrganisationPlan[] = [];
  const add = (unit: Omit<UnitPlan, 'id' | 'path'>) => {
    const id = units.length + 1;
    const parentPath = unit.parentId === null ? '/' : units[unit.parentId - 1]!.path;
    // The same shape as recomputeUnitPathsStatement builds: "/root/…/id/".
    const planned = { ...unit, id, path: `${parentPath}${id}/` };
    units.push(planned);
    return planned;
  };
  const addLeaf = (unit: UnitPlan, organisationId: number | null) => {
    leaves.push({
      unitId: unit.id,
      organisationId,
      firstMemberId: 0,
      size: 0,
      linkPm: between(450, 940),
      attendPm: between(760, 980),
      confirmPm: between(550, 900),
      quizPm: between(200, 1000),
      meetingDay: between(1, 25),
      meetingMinute: [450, 840, 960, 1050][between(0, 3)]!,
    });
  };

  const root = add({ code: 'TINH', name: 'Đảng bộ tỉnh (dữ liệu thử)', parentId: null, kind: 'dang_bo_khoi', type: null, anonymousFeedback: 0 });
  let organisationSerial = 0;
  for (let b = 0; b < blocCount; b++) {
    const blocCode = b < 2 ? ['DBK-CQ', 'DBK-DN'][b]! : `DBH-${pad(b - 1, 2)}`;
    const blocName = b < 2 ? ['Đảng bộ Khối các cơ quan tỉnh', 'Đảng bộ Khối doanh nghiệp tỉnh'][b]! : `Đảng bộ huyện số ${b - 1}`;
    const bloc = add({ code: blocCode, name: blocName, parentId: root.id, kind: 'dang_bo_khoi', type: null, anonymousFeedback: 0 });
    let remaining = Math.floor(((b + 1) * leafCount) / blocCount) - Math.floor((b * leafCount) / blocCount);
    let inBloc = 0;
    while (remaining > 0) {
      const type = unitTypeCycle[organisationSerial++ % unitTypeCycle.length]!;
      const stems = organisationStems[type];
      const stem = stems[between(0, stems.length - 1)]!;
      inBloc++;
      // Đắk Nông 2021: 42 of 75 grassroots organisations were chi bộ cơ sở, the rest đảng bộ cơ sở with ~6 branches each.
      if (remaining === 1 || random() < 0.56) {
        const unit = add({ code: `${blocCode}-CB${pad(inBloc, 3)}`, name: `Chi bộ ${stem} ${inBloc}`, parentId: bloc.id, kind: 'chi_bo_co_so', type, anonymousFeedback: random() < 0.1 ? 1 : 0 });
        addLeaf(unit, null);
        remaining--;
        continue;
      }
      const branches = Math.min(remaining, between(2, 11));
      const organisation = add({ code: `${blocCode}-DB${pad(inBloc, 3)}`, name: `Đảng bộ ${stem} ${inBloc}`, parentId: bloc.id, kind: 'dang_bo_co_so', type, anonymousFeedback: 0 });
      organisations.push({ unitId: organisation.id, chairMemberId: 0, meetingDay: between(1, 10) });
      for (let k = 0; k < branches; k++) {
        const name = `Chi bộ ${branchStems[k % branchStems.length]}${k >= branchStems.length ? ` ${Math.floor(k / branchStems.length) + 1}` : ''}`;
        const unit = add({ code: `${organisation.code}-${pad(k + 1, 2)}`, name, parentId: organisation.id, kind: 'chi_bo_truc_thuoc', type: null, anonymousFeedback: random() < 0.1 ? 1 : 0 });
        addLeaf(unit, organisation.id);
      }
      remaining -= branches;
    }
  }

  // Branch sizes: three officers each, the rest shared in proportion to a weight of 2–32, so
  // branches run from about 5 to 35 members and the total is exact.
  const weights = leaves.map(() => between(2, 32));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const spare = memberCount - 3 * leaves.length;
  let cumulative = 0;
  let nextMemberId = 1;
  leaves.forEach((leaf, i) => {
    const before = Math.floor((spare * cumulative) / totalWeight);
    cumulative += weights[i]!;
    leaf.size = 3 + Math.floor((spare * cumulative) / totalWeight) - before;
    leaf.firstMemberId = nextMemberId;
    nextMemberId += leaf.size;
  });
  for (const organisation of organisations) organisation.chairMemberId = leaves.find((l) => l.organisationId === organisation.unitId)!.firstMemberId;
  return { units, leaves, organisations };
}

interface MonthPlan {
  m: number;
  start: number;
  nextStart: number;
  monthOfYear: number;
  year: number;
  /** "MM/YYYY" as agendas print it. */
  label: string;
  /** "YYYY-MM" as compliance findings store it. */
  period: string;
  /** Whether the daily compliance job would already have judged this month (from day 20). */
  judged: 0 | 1;
}

function planMonths(now: Date): MonthPlan[] {
  const current = vietnamMonth(now);
  const currentIndex = current.year * 12 + current.month - 1;
  return Array.from({ length: MONTHS }, (_, m) => {
    const index = currentIndex - (MONTHS - 1) + m;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const next = index + 1;
    return {
      m,
      start: vietnamMonthStart(year, month),
      nextStart: vietnamMonthStart(Math.floor(next / 12), (next % 12) + 1),
      monthOfYear: month,
      year,
      label: `${pad(month, 2)}/${year}`,
      period: `${year}-${pad(month, 2)}`,
      judged: m < MONTHS - 1 || current.day >= 20 ? 1 : 0,
    };
  });
}

interface DocumentPlan {
  id: number;
  kind: DocumentKind;
  number: string;
  title: string;
  publishedAt: number;
  approved: boolean;
  body: string;
  targets: { text: string; section: string; values: unknown[] }[];
}

const documentSpecs: [DocumentKind, string, string][] = [
  ['nghi_quyet', '01-NQ/TU', 'Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ'],
  ['ke_hoach', '15-KH/TU', 'Kế hoạch học tập, quán triệt Nghị quyết số 01-NQ/TU'],
  ['chi_thi', '05-CT/TU', 'Chỉ thị về tăng cường công tác phát triển đảng viên'],
  ['huong_dan', '12-HD/BTCTU', 'Hướng dẫn đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên'],
  ['nghi_quyet', '02-NQ/TU', 'Nghị quyết về chuyển đổi số trong hệ thống chính trị'],
  ['ket_luan', '21-KL/TU', 'Kết luận về tiếp tục thực hiện Chỉ thị số 05-CT/TU'],
  ['chuong_trinh_hanh_dong', '08-CTr/TU', 'Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh'],
  ['quy_dinh', '1178-QĐ/TU', 'Quy định về sinh hoạt chuyên đề của chi bộ'],
  ['bao_cao', '102-BC/TU', 'Báo cáo sơ kết 6 tháng thực hiện nhiệm vụ công tác xây dựng Đảng'],
  ['nghi_quyet', '03-NQ/TU', 'Nghị quyết về công tác cán bộ trong tình hình mới'],
  ['cong_van', '345-CV/TU', 'Công văn về tổ chức cuộc thi trực tuyến tìm hiểu lịch sử Đảng bộ tỉnh'],
  ['ke_hoach', '27-KH/TU', 'Kế hoạch tổ chức cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh'],
];
/** Documents whose summary is still a draft: the two newest, and one that never got approved. */
const draftDocumentIndexes = new Set([5, 10, 11]);

const targetPool: { text: string; values: unknown[] }[] = [
  { text: 'Phấn đấu 100% đảng viên được học tập, quán triệt nghị quyết.', values: [{ kind: 'percent', raw: '100%', value: 100, unit: '%' }] },
  { text: 'Tỷ lệ đảng viên dự sinh hoạt chi bộ đạt 90% trở lên.', values: [{ kind: 'percent', raw: '90% trở lên', value: 90, min: 90, unit: '%' }] },
  { text: 'Hằng năm có trên 80% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.', values: [{ kind: 'percent', raw: 'trên 80%', value: 80, min: 80, unit: '%' }] },
  { text: 'Kết nạp từ 300 đảng viên trở lên mỗi năm.', values: [{ kind: 'count', raw: 'từ 300 đảng viên trở lên', value: 300, min: 300 }] },
  { text: '100% chi bộ tổ chức sinh hoạt chuyên đề ít nhất mỗi quý một lần.', values: [{ kind: 'percent', raw: '100%', value: 100, unit: '%' }] },
  { text: 'Đến năm 2027, 100% đảng viên sử dụng sổ tay đảng viên điện tử.', values: [{ kind: 'percent', raw: '100%', value: 100, unit: '%' }, { kind: 'year', raw: 'năm 2027', value: 2027 }] },
];

function planDocuments(months: MonthPlan[], now: number): DocumentPlan[] {
  return documentSpecs.map(([kind, number, title], i) => {
    const month = months[1 + 2 * i] ?? months[MONTHS - 1]!;
    const publishedAt = Math.min(month.start + 4 * DAY + 8 * HOUR, now - HOUR);
    const targets = Array.from({ length: 2 + (i % 3) }, (_, k) => ({ ...targetPool[(i + k) % targetPool.length]!, section: `II.${k + 1}` }));
    const body = [title.toUpperCase(), `Số ${number}`, 'I. TÌNH HÌNH', `Văn bản thử nghiệm số ${i + 1} cho bộ dữ liệu cấp tỉnh.`, 'II. MỤC TIÊU', ...targets.map((t) => `- ${t.text}`), 'III. TỔ CHỨC THỰC HIỆN', 'Các cấp ủy tổ chức quán triệt đến 100% đảng viên.'].join('\n');
    return { id: i + 1, kind, number, title, publishedAt, approved: !draftDocumentIndexes.has(i), body, targets };
  });
}

interface QuizSetPlan {
  id: number;
  slug: string;
  title: string;
  documentId: number;
  documentNumber: string;
  /** Questions per attempt: 20 (the whole set) or a drawn 10. */
  perAttempt: number;
  drawCount: number | null;
  createdAt: number;
  /** Practice attempts start between this and now; contest attempts within the contest. */
  opensAt: number;
  closesAt: number;
  contestId: number | null;
  firstAttempts: number;
  retakes: number;
}

interface ContestPlan {
  id: number;
  slug: string;
  title: string;
  setId: number;
  opensAt: number;
  closesAt: number;
  askPrediction: boolean;
}

function planQuizzes(months: MonthPlan[], documents: DocumentPlan[], scale: number, now: number) {
  const answersWanted = Math.round(1_000_000 * scale);
  const approved = documents.filter((d) => d.approved);
  const contests: ContestPlan[] = [
    { id: 1, slug: 'thi-sinh-hoat-chi-bo', title: 'Cuộc thi trực tuyến tìm hiểu Nghị quyết về sinh hoạt chi bộ', setId: 2, opensAt: months[8]!.start + 8 * HOUR, closesAt: months[10]!.start, askPrediction: false },
    { id: 2, slug: 'thi-lich-su-dang-bo', title: 'Cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh', setId: 4, opensAt: months[18]!.start + 8 * HOUR, closesAt: months[20]!.start, askPrediction: true },
  ];
  // Month each practice set opens; null for a contest's set, which opens with the contest.
  const openMonths = [2, null, 11, null, 14, 20];
  const sets: QuizSetPlan[] = openMonths.map((m, i) => {
    const id = i + 1;
    const document = approved[i % approved.length]!;
    const perAttempt = i < 3 ? 20 : 10;
    const contest = contests.find((c) => c.setId === id) ?? null;
    const attempts = Math.round(answersWanted / openMonths.length / perAttempt);
    // Practice sets are retaken by about one in seven takers; a contest allows one attempt.
    const firstAttempts = contest ? attempts : Math.round(attempts / 1.15);
    const opensAt = m === null ? contest!.opensAt : months[m]!.start + 2 * DAY;
    return {
      id,
      slug: `bo-cau-hoi-${pad(id, 2)}`,
      title: `Bộ câu hỏi tìm hiểu ${document.title.charAt(0).toLowerCase()}${document.title.slice(1)}`,
      documentId: document.id,
      documentNumber: document.number,
      perAttempt,
      drawCount: perAttempt === 20 ? null : perAttempt,
      createdAt: opensAt - 21 * DAY,
      opensAt,
      closesAt: contest ? contest.closesAt : now,
      contestId: contest?.id ?? null,
      firstAttempts,
      retakes: attempts - firstAttempts,
    };
  });
  return { sets, contests };
}

/** All 24 orders of four options, for option_orders. */
function optionPermutations(): number[][] {
  const out: number[][] = [];
  const walk = (prefix: number[]) => {
    if (prefix.length === 4) out.push(prefix);
    for (let i = 0; i < 4; i++) if (!prefix.includes(i)) walk([...prefix, i]);
  };
  walk([]);
  return out;
}

/**
 * Fills a freshly migrated, empty database with a province. `client` is the raw libSQL client
 * (`openDatabase(url).client`): the generator runs plain SQL in batches on its one connection, which
 * also keeps its temporary planning tables.
 */
export async function generateProvince(client: Client, opts: ProvinceOptions): Promise<ProvinceReport> {
  if (!(opts.scale > 0)) throw new Error('scale must be positive');
  const [existing] = (await client.execute('SELECT count(*) AS n FROM units')).rows;
  if (Number(existing?.n) !== 0) throw new Error('generateProvince needs an empty, migrated database');

  const nowDate = opts.now ?? new Date();
  const now = nowDate.getTime();
  const months = planMonths(nowDate);
  const windowStart = months[0]!.start;
  const tree = planTree(opts.scale);
  const documents = planDocuments(months, now);
  const quizzes = planQuizzes(months, documents, opts.scale, now);
  const rootId = tree.units[0]!.id;
  const phases: { phase: string; ms: number }[] = [];
  const run = async (phase: string, statements: InStatement[]) => {
    const started = performance.now();
    await client.batch(statements, 'write');
    const ms = performance.now() - started;
    phases.push({ phase, ms });
    opts.onPhase?.(phase, ms);
  };

  const pragmaValue = async (name: string) => (await client.execute(`PRAGMA ${name}`)).rows[0]?.[0];
  const saved = { synchronous: await pragmaValue('synchronous'), journalMode: await pragmaValue('journal_mode'), cacheSize: await pragmaValue('cache_size'), tempStore: await pragmaValue('temp_store') };
  // A generator's file is thrown away on failure, so durability buys nothing while it runs.
  await client.execute('PRAGMA synchronous = OFF');
  await client.execute('PRAGMA journal_mode = OFF');
  await client.execute('PRAGMA cache_size = -262144');
  await client.execute('PRAGMA temp_store = MEMORY');
  try {
    await generate();
  } finally {
    await client.executeMultiple(`
      DROP TABLE IF EXISTS temp.gen_month; DROP TABLE IF EXISTS temp.gen_leaf; DROP TABLE IF EXISTS temp.gen_organisation;
      DROP TABLE IF EXISTS temp.gen_document; DROP TABLE IF EXISTS temp.gen_set; DROP TABLE IF EXISTS temp.gen_attempt; DROP TABLE IF EXISTS temp.gen_draw;`);
    await client.execute(`PRAGMA journal_mode = ${String(saved.journalMode)}`);
    await client.execute(`PRAGMA synchronous = ${Number(saved.synchronous)}`);
    await client.execute(`PRAGMA cache_size = ${Number(saved.cacheSize)}`);
    await client.execute(`PRAGMA temp_store = ${Number(saved.tempStore)}`);
  }
  return { now: nowDate, monthStarts: months.map((m) => m.start), rootUnitId: rootId, leaves: tree.leaves.length, members: tree.leaves.reduce((n, l) => n + l.size, 0), phases };

  async function generate() {
    const createdAt = windowStart - 365 * DAY;
    const maxBranchSize = Math.max(...tree.leaves.map((l) => l.size));
    const linked = (memberId: string, leaf: string) => `${rnd(stream.linked, [memberId])} < ${leaf}.link_pm`;

    await run('plan', [
      `CREATE TEMP TABLE gen_month (m INTEGER PRIMARY KEY, start INTEGER, next_start INTEGER, month_of_year INTEGER, year INTEGER, label TEXT, period TEXT, judged INTEGER)`,
      {
        sql: `INSERT INTO gen_month SELECT value ->> 'm', value ->> 'start', value ->> 'nextStart', value ->> 'monthOfYear', value ->> 'year', value ->> 'label', value ->> 'period', value ->> 'judged' FROM json_each(?)`,
        args: [JSON.stringify(months)],
      },
      `CREATE TEMP TABLE gen_leaf (unit_id INTEGER PRIMARY KEY, organisation_id INTEGER, first_member_id INTEGER, size INTEGER, link_pm INTEGER,
         attend_pm INTEGER, confirm_pm INTEGER, quiz_pm INTEGER, meeting_day INTEGER, meeting_minute INTEGER)`,
      {
        sql: `INSERT INTO gen_leaf SELECT value ->> 'unitId', value ->> 'organisationId', value ->> 'firstMemberId', value ->> 'size', value ->> 'linkPm',
                value ->> 'attendPm', value ->> 'confirmPm', value ->> 'quizPm', value ->> 'meetingDay', value ->> 'meetingMinute' FROM json_each(?)`,
        args: [JSON.stringify(tree.leaves)],
      },
      // Not schema: a temporary index for the planning table, gone with the connection.
      `CREATE INDEX temp.gen_leaf_organisation ON gen_leaf (organisation_id)`,
      `CREATE TEMP TABLE gen_organisation (unit_id INTEGER PRIMARY KEY, chair_member_id INTEGER, meeting_day INTEGER)`,
      { sql: `INSERT INTO gen_organisation SELECT value ->> 'unitId', value ->> 'chairMemberId', value ->> 'meetingDay' FROM json_each(?)`, args: [JSON.stringify(tree.organisations)] },
    ]);

    await run('units', [
      {
        sql: `INSERT INTO units (id, code, name, parent_id, kind, type, path, anonymous_feedback, created_at, updated_at)
              SELECT value ->> 'id', value ->> 'code', value ->> 'name', value ->> 'parentId', value ->> 'kind', value ->> 'type', value ->> 'path',
                value ->> 'anonymousFeedback', ${createdAt}, ${createdAt}
              FROM json_each(?)`,
        args: [JSON.stringify(tree.units)],
      },
    ]);

    const pick = (list: string[], streamId: number, key: string) => `(${jsonLiteral(list)} ->> ('$[' || ${rnd(streamId, [key], list.length)} || ']'))`;
    await run('members', [
      `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < ${maxBranchSize})
       INSERT INTO members (id, code, full_name, unit_id, role, status, phone, birth_year, exempt, created_at, updated_at)
       SELECT id, printf('DV%06d', id), ${pick(surnames, stream.surname, 'id')} || ' ' || ${pick(middleNames, stream.middleName, 'id')} || ' ' || ${pick(givenNames, stream.givenName, 'id')},
         unit_id, role,
         CASE WHEN role = 'member' AND ${rnd(stream.probationary, ['id'])} < 60 THEN 'probationary' ELSE 'full' END,
         CASE WHEN ${rnd(stream.phone, ['id'])} < 600 THEN printf('09%08d', id * 7919 % 100000000) END,
         birth_year,
         -- miễn sinh hoạt: some of the oldest members.
         role = 'member' AND birth_year <= 1955 AND ${rnd(stream.exempt, ['id'])} < 400,
         ${createdAt}, ${createdAt}
       FROM (
         SELECT l.first_member_id + seq.n AS id, l.unit_id,
           CASE WHEN seq.n = 0 THEN 'secretary' WHEN seq.n = 1 THEN 'deputy_secretary'
             WHEN seq.n = 2 OR (seq.n = 3 AND l.size >= 25) THEN 'committee_member' ELSE 'member' END AS role,
           1950 + ${rnd(stream.birthYear, ['l.first_member_id + seq.n'], 50)} AS birth_year
         FROM gen_leaf l JOIN seq ON seq.n < l.size)
       ORDER BY id`,
      `INSERT INTO member_unit_history (member_id, unit_id, from_at, to_at) SELECT id, unit_id, created_at, NULL FROM members ORDER BY id`,
    ]);

    await run('channel_accounts', [
      `INSERT INTO channel_accounts (member_id, channel, external_id, chat_id, consent_at, linked_at, blocked_at)
       SELECT id, 'telegram', external_id, external_id, linked_at, linked_at,
         CASE WHEN ${rnd(stream.blocked, ['id'])} < 30 THEN linked_at + (${now} - linked_at) / 1000 * ${rnd(stream.blocked + 100, ['id'])} END
       FROM (
         SELECT m.id, CAST(1000000000 + m.id * 37 AS TEXT) AS external_id,
           -- Accounts were linked around the start of the window, a few months either side.
           ${windowStart - 120 * DAY} + ${rnd(stream.linkedAt, ['m.id'])} * ${(150 * DAY) / 1000} AS linked_at
         FROM members m JOIN gen_leaf l ON l.unit_id = m.unit_id WHERE ${linked('m.id', 'l')})
       ORDER BY id`,
    ]);

    const leafMeetingStart = (day: string) => `mo.start + (${day} - 1) * ${DAY} + l.meeting_minute * ${MINUTE}`;
    await run('meetings', [
      `INSERT INTO meetings (unit_id, kind, starts_at, place, agenda, status, created_by_member_id, anonymous_feedback, created_at)
       SELECT unit_id, kind, starts_at, place, agenda, status, created_by, anonymous,
         min(starts_at - ${3 * DAY} - ${rnd(stream.createdLead, ['unit_id', 'm'])} * ${(7 * DAY) / 1000}, ${now - HOUR})
       FROM (
         SELECT l.unit_id, 'dinh_ky' AS kind, ${leafMeetingStart('l.meeting_day')} AS starts_at, 'Phòng họp ' || u.name AS place,
           'Sinh hoạt chi bộ định kỳ tháng ' || mo.label AS agenda,
           CASE WHEN ${rnd(stream.cancelled, ['l.unit_id', 'mo.m'])} < 5 THEN 'cancelled' ELSE 'scheduled' END AS status,
           l.first_member_id AS created_by, u.anonymous_feedback AS anonymous, mo.m
         FROM gen_leaf l JOIN units u ON u.id = l.unit_id CROSS JOIN gen_month mo
         -- About 8% of branch-months hold no regular meeting: the gaps compliance reports show.
         WHERE ${rnd(stream.skipRegular, ['l.unit_id', 'mo.m'])} >= 80
         UNION ALL
         SELECT l.unit_id, 'chuyen_de', ${leafMeetingStart('CASE WHEN l.meeting_day <= 18 THEN l.meeting_day + 7 ELSE l.meeting_day - 10 END')},
           'Phòng họp ' || u.name, 'Sinh hoạt chuyên đề quý ' || ((mo.month_of_year + 2) / 3) || '/' || mo.year, 'scheduled',
           l.first_member_id, u.anonymous_feedback, mo.m
         FROM gen_leaf l JOIN units u ON u.id = l.unit_id CROSS JOIN gen_month mo
         -- Once a quarter, in a month of the quarter each branch keeps to; 5% of quarters are missed.
         WHERE (mo.month_of_year - 1) % 3 = ${rnd(stream.thematicSlot, ['l.unit_id'], 3)} AND ${rnd(stream.skipThematic, ['l.unit_id', 'mo.m'])} >= 50
         UNION ALL
         SELECT o.unit_id, 'chi_uy', mo.start + (o.meeting_day - 1) * ${DAY} + ${450 * MINUTE}, 'Phòng họp ' || u.name,
           'Họp Ban Chấp hành Đảng bộ thường kỳ tháng ' || mo.label, 'scheduled', o.chair_member_id, 0, mo.m
         FROM gen_organisation o JOIN units u ON u.id = o.unit_id CROSS JOIN gen_month mo
         WHERE ${rnd(stream.skipCommittee, ['o.unit_id', 'mo.m'])} >= 50
         UNION ALL
         SELECT o.unit_id, 'dang_bo', mo.start + (o.meeting_day + 9) * ${DAY} + ${840 * MINUTE}, 'Hội trường ' || u.name,
           'Hội nghị Đảng bộ sơ kết, tổng kết công tác xây dựng Đảng ' || mo.label, 'scheduled', o.chair_member_id, 0, mo.m
         FROM gen_organisation o JOIN units u ON u.id = o.unit_id CROSS JOIN gen_month mo
         -- Twice a year: in June and December, or a month earlier.
         WHERE mo.month_of_year % 6 = (6 - ${rnd(stream.generalSlot, ['o.unit_id'], 2)}) % 6)
       ORDER BY starts_at, unit_id, kind`,
    ]);

    // One random number 0–999,999 per invitee gives the attendance draw (thousands) and the reply
    // draw (units); the CTE is materialised so that it is computed once, not at every use below.
    const state = `CASE WHEN exempt THEN 'exempt' WHEN NOT past THEN NULL
        WHEN r / 1000 < attend_pm * 92 / 100 THEN 'present' WHEN r / 1000 < attend_pm THEN 'late'
        WHEN r / 1000 < attend_pm + (1000 - attend_pm) * 6 / 10 THEN 'excused' ELSE 'absent' END`;
    const reply = `CASE WHEN NOT linked OR exempt OR status = 'cancelled' THEN NULL
        WHEN NOT past THEN CASE WHEN r % 1000 < 400 THEN 'attending' WHEN r % 1000 < 450 THEN 'excused' END
        WHEN ${state} IN ('present', 'late') THEN CASE WHEN r % 1000 < 850 THEN 'attending' END
        WHEN ${state} = 'excused' THEN 'excused'
        ELSE CASE WHEN r % 1000 < 300 THEN 'attending' END END`;
    const reason = `(${jsonLiteral(absenceReasons)} ->> ('$[' || (r % ${absenceReasons.length}) || ']'))`;
    const inviteesFrom = (from: string) => `
      WITH base AS MATERIALIZED (
        SELECT mt.id AS meeting_id, m.id AS member_id, mt.starts_at, mt.status, m.exempt, l.attend_pm,
          ${linked('m.id', 'l')} AS linked, mt.status = 'scheduled' AND mt.starts_at < ${now} AS past,
          ${rnd(stream.invitee, ['mt.id', 'm.id'], 1_000_000)} AS r
        ${from})
      INSERT INTO meeting_invitees (meeting_id, member_id, is_guide, reply, reason, replied_at, attendance, attendance_reason, checked_in_at)
      SELECT meeting_id, member_id, 0, ${reply},
        CASE WHEN ${reply} = 'excused' THEN ${reason} END,
        CASE WHEN ${reply} IS NOT NULL THEN starts_at - ${HOUR} - (r % 997) * ${(71 * HOUR) / 1000} END,
        ${state},
        CASE WHEN ${state} = 'excused' THEN ${reason} END,
        -- Linked members check in with the bot; the secretary marks the others, leaving no time.
        CASE WHEN NOT linked THEN NULL
          WHEN ${state} = 'present' THEN starts_at - ${20 * MINUTE} + (r % 1000) * ${(30 * MINUTE) / 1000}
          WHEN ${state} = 'late' THEN starts_at + ${16 * MINUTE} + (r % 1000) * ${(40 * MINUTE) / 1000} END
      FROM base`;
    await run('meeting_invitees', [
      // Branch meetings: every member of the branch.
      inviteesFrom(`FROM meetings mt JOIN gen_leaf l ON l.unit_id = mt.unit_id JOIN members m ON m.unit_id = mt.unit_id
        WHERE mt.kind IN ('dinh_ky', 'chuyen_de')`),
      // The general meeting of a đảng bộ cơ sở gathers its whole subtree, as createMeeting does.
      inviteesFrom(`FROM meetings mt JOIN gen_leaf l ON l.organisation_id = mt.unit_id JOIN members m ON m.unit_id = l.unit_id
        WHERE mt.kind = 'dang_bo' ORDER BY mt.id, m.id`),
      // Its committee: members sit only in branches here, so the branches' secretaries and deputies stand for it.
      inviteesFrom(`FROM meetings mt JOIN gen_leaf l ON l.organisation_id = mt.unit_id JOIN members m ON m.unit_id = l.unit_id
        WHERE mt.kind = 'chi_uy' AND m.role IN ('secretary', 'deputy_secretary') ORDER BY mt.id, m.id`),
    ]);

    await run('meeting_feedback', [
      // Asked of attendees who use the bot (they checked in), two hours after the start; about 4 in 10 attendees answer.
      `WITH base AS MATERIALIZED (
         SELECT meeting_id, member_id, checked_in_at, ${rnd(stream.feedback, ['meeting_id', 'member_id'], 1_000_000)} AS r
         FROM meeting_invitees WHERE checked_in_at IS NOT NULL)
       INSERT INTO meeting_feedback (meeting_id, member_id, score, comment, created_at)
       SELECT meeting_id, member_id,
         -- About 5% / 5% / 15% / 35% / 40% for scores 1–5, every cut moved by how well the meeting went.
         CASE WHEN r / 1000 < 40 + shift / 4 THEN 1 WHEN r / 1000 < 100 + shift / 2 THEN 2 WHEN r / 1000 < 250 + shift THEN 3
           WHEN r / 1000 < 600 + shift THEN 4 ELSE 5 END,
         CASE WHEN r % 1000 < 120 THEN ${jsonLiteral(feedbackComments)} ->> ('$[' || (r % ${feedbackComments.length}) || ']') END,
         created_at
       FROM (
         SELECT meeting_id, member_id, r, checked_in_at + ${2 * HOUR} + (r % 997) * ${(46 * HOUR) / 1000} AS created_at,
           -- Some meetings go better than others.
           ${rnd(stream.meetingMood, ['meeting_id'], 200)} - 100 AS shift
         FROM base WHERE r % 1000 < 580)
       WHERE created_at < ${now}
       ORDER BY meeting_id, member_id`,
    ]);

    const criteriaFor = (met: number) => JSON.stringify(defaultRatingCriteria.map((label, i) => ({ label, met: i < met })));
    const level = `CASE WHEN score >= 92 THEN 'tot' WHEN score >= 80 THEN 'kha' WHEN score >= 65 THEN 'trung_binh' ELSE 'kem' END`;
    await run('meeting_ratings', [
      // As rateMeeting stores it: the attendance rate of the roll (guides and exempt members left out) …
      `UPDATE meetings SET rating_details = json_object('criteria', json('[]'), 'attendanceRate',
         (SELECT coalesce(1.0 * sum(i.attendance IN ('present', 'late')) / nullif(count(*), 0), 0)
          FROM meeting_invitees i WHERE i.meeting_id = meetings.id AND i.is_guide = 0 AND i.attendance IS NOT 'exempt'))
       WHERE status = 'scheduled' AND starts_at < ${now - 2 * DAY} AND ${rnd(stream.rated, ['id'])} < 600`,
      // … then a level that follows attendance, give or take, and the criteria ticked for it.
      `UPDATE meetings SET rating = ${level},
         rating_details = json_set(rating_details, '$.criteria', json(CASE ${level} WHEN 'tot' THEN ${quote(criteriaFor(5))} WHEN 'kha' THEN ${quote(criteriaFor(4))}
           WHEN 'trung_binh' THEN ${quote(criteriaFor(3))} ELSE ${quote(criteriaFor(2))} END)),
         rated_at = min(starts_at + ${3 * HOUR} + ${rnd(stream.ratedLag, ['id'])} * ${(45 * HOUR) / 1000}, ${now - MINUTE})
       FROM (SELECT id AS rated_id, (rating_details ->> '$.attendanceRate') * 100 + ${rnd(stream.ratingNoise, ['id'], 21)} - 10 AS score
             FROM meetings WHERE rating_details IS NOT NULL) s
       WHERE meetings.id = s.rated_id`,
    ]);

    const findings = (rule: string, unitTable: string, meetingKind: string, everyMonths: number) => `
      INSERT INTO compliance_findings (unit_id, rule, period, found_at)
      SELECT g.unit_id, '${rule}', mo.period, mo.start + ${19 * DAY + 8 * HOUR}
      FROM ${unitTable} g CROSS JOIN gen_month mo JOIN gen_month w ON w.m = mo.m - ${everyMonths - 1}
      WHERE mo.judged AND mo.month_of_year % ${everyMonths} = 0
        AND NOT EXISTS (SELECT 1 FROM meetings mt WHERE mt.unit_id = g.unit_id AND mt.kind = '${meetingKind}' AND mt.status = 'scheduled'
                        AND mt.starts_at >= w.start AND mt.starts_at < mo.next_start)`;
    await run('compliance_findings', [
      // What the daily job would have recorded with the default rules, for windows wholly inside the 24 months.
      findings('regular_monthly', 'gen_leaf', 'dinh_ky', 1),
      findings('thematic', 'gen_leaf', 'chuyen_de', 6),
      findings('committee_monthly', 'gen_organisation', 'chi_uy', 1),
      findings('party_committee', 'gen_organisation', 'dang_bo', 6),
    ]);

    const documentRows = documents.map((d) => ({
      ...d,
      contentHash: createHash('sha256').update(d.body).digest('hex'),
      issuedAt: new Date(d.publishedAt - 3 * DAY + 7 * HOUR).toISOString().slice(0, 10),
      summary: [
        { text: d.targets[0]!.text, section: d.targets[0]!.section },
        { text: 'Các cấp ủy tổ chức quán triệt đến 100% đảng viên.', section: 'III' },
      ],
      targets: d.targets.map((t, i) => ({ ...t, ordinal: i })),
    }));
    await run('documents', [
      `CREATE TEMP TABLE gen_document (id INTEGER PRIMARY KEY, published_at INTEGER, approved INTEGER)`,
      { sql: `INSERT INTO gen_document SELECT value ->> 'id', value ->> 'publishedAt', value ->> 'approved' FROM json_each(?)`, args: [JSON.stringify(documentRows)] },
      {
        sql: `INSERT INTO documents (id, kind, number, title, issuer, place, issued_at, signer_title, signer_name, recipients, statistics,
                source_name, content_hash, body, source_text, created_at, updated_at)
              SELECT value ->> 'id', value ->> 'kind', value ->> 'number', value ->> 'title', 'Tỉnh ủy', 'Thành phố', value ->> 'issuedAt',
                'Bí thư', 'Nguyễn Văn Thử', '["Như trên","Lưu Văn phòng Tỉnh ủy"]', '[]', 'tinh-' || (value ->> 'id') || '.txt',
                value ->> 'contentHash', value ->> 'body', value ->> 'body', value ->> 'publishedAt', value ->> 'publishedAt'
              FROM json_each(?)`,
        args: [JSON.stringify(documentRows)],
      },
      `INSERT INTO document_units (document_id, unit_id, published_at) SELECT id, ${rootId}, published_at FROM gen_document`,
      {
        sql: `INSERT INTO document_summaries (document_id, scope, heading, lines, status, source, approved_by, approved_at, updated_at)
              SELECT value ->> 'id', 'document', value ->> 'title', json(value -> 'summary'),
                CASE WHEN value ->> 'approved' THEN 'approved' ELSE 'draft' END, 'extractive',
                CASE WHEN value ->> 'approved' THEN 'cli' END,
                CASE WHEN value ->> 'approved' THEN min((value ->> 'publishedAt') + ${DAY}, ${now - MINUTE}) END,
                min((value ->> 'publishedAt') + CASE WHEN value ->> 'approved' THEN ${DAY} ELSE 0 END, ${now - MINUTE})
              FROM json_each(?)`,
        args: [JSON.stringify(documentRows)],
      },
      {
        sql: `INSERT INTO document_targets (document_id, ordinal, section_path, text, "values")
              SELECT d.value ->> 'id', t.value ->> 'ordinal', t.value ->> 'section', t.value ->> 'text', json(t.value -> 'values')
              FROM json_each(?) d, json_each(d.value -> 'targets') t`,
        args: [JSON.stringify(documentRows)],
      },
    ]);

    await run('document_study', [
      // Members see a document once its summary is approved (a day after publication). Most linked
      // members receive it; the share who confirm varies by branch and is still growing for the
      // newest documents; those who confirm opened first.
      `WITH base AS MATERIALIZED (
         SELECT d.id AS document_id, a.member_id, a.blocked_at,
           max(d.published_at + ${DAY}, a.linked_at) + ${rnd(stream.study, ['d.id', 'a.member_id'])} * ${(72 * HOUR) / 1000} AS received_at,
           ${rnd(stream.study + 100, ['d.id', 'a.member_id'], 1_000_000)} AS r,
           l.confirm_pm * min(1.0, (${now} - d.published_at) / ${45.0 * DAY}) AS confirm_pm
         FROM gen_document d CROSS JOIN channel_accounts a JOIN members m ON m.id = a.member_id JOIN gen_leaf l ON l.unit_id = m.unit_id
         WHERE d.approved ORDER BY d.id, a.member_id)
       INSERT INTO document_study (document_id, member_id, received_at, opened_at, confirmed_at)
       SELECT document_id, member_id, received_at,
         CASE WHEN opened_at <= ${now} AND r / 1000 < confirm_pm + (1000 - confirm_pm) / 2 THEN opened_at END,
         CASE WHEN opened_at + (r % 1000) * ${(2 * DAY) / 1000} <= ${now} AND r / 1000 < confirm_pm THEN opened_at + (r % 1000) * ${(2 * DAY) / 1000} END
       FROM (SELECT *, received_at + (r % 997) * (r % 997) * ${Math.round((14 * DAY) / 1_000_000)} AS opened_at FROM base)
       WHERE received_at <= ${now} AND (blocked_at IS NULL OR blocked_at > received_at) AND r % 1000 >= 40`,
    ]);

    const permutations = optionPermutations();
    const setRows = quizzes.sets;
    await run('quizzes', [
      {
        sql: `INSERT INTO quiz_sets (id, slug, title, description, document_id, document_number, shuffle_questions, time_limit_seconds, draw_count, pass_percent, created_at, updated_at)
              SELECT value ->> 'id', value ->> 'slug', value ->> 'title', 'Bộ câu hỏi thử nghiệm cấp tỉnh', value ->> 'documentId', value ->> 'documentNumber',
                1, 30, value ->> 'drawCount', 80, value ->> 'createdAt', value ->> 'createdAt'
              FROM json_each(?)`,
        args: [JSON.stringify(setRows)],
      },
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 20)
       INSERT INTO quiz_questions (set_id, key, ordinal, text, options, correct, explanation, section_path, quote, difficulty, tags, status)
       SELECT s.id, printf('q%02d', seq.n), seq.n, printf('Câu %d: theo %s, nội dung nào sau đây là đúng?', seq.n, s.document_number),
         json_array(printf('Phương án A của câu %d', seq.n), printf('Phương án B của câu %d', seq.n), printf('Phương án C của câu %d', seq.n), printf('Phương án D của câu %d', seq.n)),
         json_array(${rnd(stream.correctOption, ['s.id', 'seq.n'], 4)}), printf('Xem mục II.%d của văn bản.', (seq.n - 1) / 5 + 1), printf('II.%d', (seq.n - 1) / 5 + 1), NULL,
         CASE ${rnd(stream.difficulty, ['s.id', 'seq.n'], 10)} WHEN 0 THEN 'hard' WHEN 1 THEN 'hard' WHEN 2 THEN 'easy' WHEN 3 THEN 'easy' WHEN 4 THEN 'easy' ELSE 'medium' END,
         json_array(printf('muc-%d', (seq.n - 1) / 5 + 1)), 'approved'
       FROM quiz_sets s CROSS JOIN seq ORDER BY s.id, seq.n`,
      `INSERT INTO quiz_set_units (set_id, unit_id) SELECT id, ${rootId} FROM quiz_sets`,
      {
        sql: `INSERT INTO contests (id, slug, title, set_id, opens_at, closes_at, attempts_allowed, ask_prediction, created_at)
              SELECT value ->> 'id', value ->> 'slug', value ->> 'title', value ->> 'setId', value ->> 'opensAt', value ->> 'closesAt', 1,
                value ->> 'askPrediction', (value ->> 'opensAt') - ${14 * DAY}
              FROM json_each(?)`,
        args: [JSON.stringify(quizzes.contests)],
      },
      `INSERT INTO contest_units (contest_id, unit_id) SELECT id, ${rootId} FROM contests`,
    ]);

    // Every attempt is loaded open, then finished once its answers are in (as in the bot, so the
    // rollup triggers count them). A member's repeated attempts on a set would break the
    // one-open-attempt indexes meanwhile (migration 0021): they go for the load and come back after.
    const openAttemptIndexes = (
      await client.execute(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'quiz_attempts_one_open_%'`)
    ).rows.map((r) => ({ name: String(r.name), sql: String(r.sql) }));
    for (const index of openAttemptIndexes) await client.execute(`DROP INDEX ${index.name}`);
    await run('quiz_attempts', [
      `CREATE TEMP TABLE gen_set (set_id INTEGER PRIMARY KEY, per_attempt INTEGER, opens_at INTEGER, closes_at INTEGER, contest_id INTEGER, first_attempts INTEGER, retakes INTEGER)`,
      {
        sql: `INSERT INTO gen_set SELECT value ->> 'id', value ->> 'perAttempt', value ->> 'opensAt', value ->> 'closesAt', value ->> 'contestId',
                value ->> 'firstAttempts', value ->> 'retakes' FROM json_each(?)`,
        args: [JSON.stringify(setRows)],
      },
      `CREATE TEMP TABLE gen_attempt (id INTEGER PRIMARY KEY, set_id INTEGER, member_id INTEGER, contest_id INTEGER, started_at INTEGER, skill INTEGER)`,
      // Takers of each set: linked members, weighted by how keen their branch is (a lower draw ÷ weight wins).
      `WITH ranked AS (
         SELECT s.set_id, a.member_id, row_number() OVER (PARTITION BY s.set_id
           ORDER BY ${rnd(stream.quizPick, ['s.set_id', 'a.member_id'])} * 1000 / l.quiz_pm, a.member_id) AS rank_in_set
         FROM gen_set s CROSS JOIN channel_accounts a JOIN members m ON m.id = a.member_id JOIN gen_leaf l ON l.unit_id = m.unit_id),
       taken AS (
         SELECT r.set_id, r.member_id, 1 AS attempt_no FROM ranked r JOIN gen_set s ON s.set_id = r.set_id WHERE r.rank_in_set <= s.first_attempts
         UNION ALL
         SELECT r.set_id, r.member_id, 2 FROM ranked r JOIN gen_set s ON s.set_id = r.set_id WHERE r.rank_in_set <= s.retakes),
       timed AS (
         -- Most attempts come soon after a set opens: the product of two uniform draws.
         SELECT t.set_id, t.member_id, t.attempt_no, s.contest_id,
           s.opens_at + CAST((s.closes_at - s.opens_at - ${2 * HOUR}) * (${rnd(stream.quizStart, ['t.set_id', 't.member_id', 't.attempt_no'])} / 1000.0)
             * (${rnd(stream.quizStart + 100, ['t.set_id', 't.member_id', 't.attempt_no'])} / 1000.0) AS INTEGER) AS started_at
         FROM taken t JOIN gen_set s ON s.set_id = t.set_id)
       INSERT INTO gen_attempt (id, set_id, member_id, contest_id, started_at, skill)
       SELECT row_number() OVER (ORDER BY started_at, set_id, member_id, attempt_no), set_id, member_id, contest_id, started_at,
         550 + ${rnd(stream.skill, ['member_id'], 350)}
       FROM timed`,
      // The questions each attempt drew, in display order, with the order its options were shown in.
      `CREATE TEMP TABLE gen_draw (attempt_id INTEGER, position INTEGER, question_id INTEGER, option_order INTEGER, PRIMARY KEY (attempt_id, position)) WITHOUT ROWID`,
      `INSERT INTO gen_draw (attempt_id, position, question_id, option_order)
       SELECT attempt_id, position, question_id, option_order FROM (
         SELECT g.id AS attempt_id, row_number() OVER (PARTITION BY g.id ORDER BY ${rnd(stream.draw, ['g.id', 'q.id'])}, q.id) - 1 AS position,
           q.id AS question_id, ${rnd(stream.optionOrder, ['g.id', 'q.id'], 24)} AS option_order, s.per_attempt
         FROM gen_attempt g JOIN gen_set s ON s.set_id = g.set_id JOIN quiz_questions q ON q.set_id = g.set_id)
       WHERE position < per_attempt
       ORDER BY attempt_id, position`,
      {
        sql: `INSERT INTO quiz_attempts (id, set_id, member_id, contest_id, question_ids, option_orders, shown_at, started_at, finished_at, prediction, awaiting_prediction)
              SELECT g.id, g.set_id, g.member_id, g.contest_id, d.question_ids, d.option_orders, NULL, g.started_at, NULL,
                CASE WHEN c.ask_prediction THEN ${rnd(stream.prediction, ['g.id'])} * s.first_attempts / 2000 END, 0
              FROM gen_attempt g JOIN gen_set s ON s.set_id = g.set_id LEFT JOIN contests c ON c.id = g.contest_id
              JOIN (SELECT attempt_id, json_group_array(question_id ORDER BY position) AS question_ids,
                      json_group_array(json(? ->> ('$[' || option_order || ']')) ORDER BY position) AS option_orders
                    FROM gen_draw GROUP BY attempt_id) d ON d.attempt_id = g.id
              ORDER BY g.id`,
        args: [JSON.stringify(permutations)],
      },
    ]);

    const attemptColumns = (await client.execute(`SELECT name FROM pragma_table_info('quiz_attempts')`)).rows.map((r) => String(r.name));
    // correct_count arrives with migration 0011 (statistics that survive answer retention); fill it when the schema has it.
    const correctCount = attemptColumns.includes('correct_count')
      ? `, correct_count = (SELECT count(*) FROM quiz_answers x WHERE x.attempt_id = quiz_attempts.id AND x.is_correct)`
      : '';
    await run('quiz_answers', [
      `WITH base AS MATERIALIZED (
         SELECT d.attempt_id, d.position, d.question_id, g.started_at, g.skill, q.difficulty, q.correct,
           ${rnd(stream.answer, ['d.attempt_id', 'd.position'], 1_000_000)} AS r
         FROM gen_draw d JOIN gen_attempt g ON g.id = d.attempt_id JOIN quiz_questions q ON q.id = d.question_id
         ORDER BY d.attempt_id, d.position)
       INSERT INTO quiz_answers (attempt_id, position, question_id, chosen, is_correct, timed_out, answered_at)
       SELECT attempt_id, position, question_id,
         CASE WHEN timed_out THEN '[]' WHEN is_correct THEN correct ELSE json_array((correct ->> '$[0]' + 1 + r % 3) % 4) END,
         is_correct, timed_out,
         started_at + position * 20000 + 3000 + (r % 997) * 15
       FROM (SELECT *, r % 1000 < 15 AS timed_out,
               r % 1000 >= 15 AND r / 1000 < skill + CASE difficulty WHEN 'easy' THEN 120 WHEN 'hard' THEN -150 ELSE 0 END AS is_correct
             FROM base)`,
      `UPDATE quiz_attempts SET finished_at = (SELECT max(answered_at) FROM quiz_answers x WHERE x.attempt_id = quiz_attempts.id)${correctCount}`,
      ...openAttemptIndexes.map((index) => index.sql),
    ]);
  }
}

/** Row counts of every table (FTS5 shadow tables left out). */
export async function countRows(client: Client): Promise<{ table: string; rows: number }[]> {
  const tables = await client.execute(`
    SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'document_passages_fts_%' ORDER BY name`);
  const out: { table: string; rows: number }[] = [];
  for (const t of tables.rows) {
    const name = String(t.name);
    const [row] = (await client.execute(`SELECT count(*) AS n FROM "${name}"`)).rows;
    out.push({ table: name, rows: Number(row?.n) });
  }
  return out;
}

async function main() {
  const file = resolve(process.argv[2] ?? '/tmp/chibo-province.db');
  const scale = Number(process.argv[3] ?? '1');
  if (!(scale > 0)) throw new Error(`scale must be a positive number, got ${process.argv[3]}`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const started = performance.now();
  const { client, db } = await openDatabase(`file:${file}`);
  await migrateDatabase(db);
  const report = await generateProvince(client, { scale, onPhase: (phase, ms) => console.log(`  ${phase.padEnd(22)} ${(ms / 1000).toFixed(1)} s`) });
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  const elapsed = (performance.now() - started) / 1000;
  const counts = await countRows(client);
  client.close();
  console.log(`province at scale ${scale} in ${file}: ${report.leaves} branches, ${report.members} members, months from ${new Date(report.monthStarts[0]!).toISOString()}`);
  for (const c of counts) console.log(`  ${c.table.padEnd(28)} ${c.rows.toLocaleString('en-US').padStart(12)}`);
  console.log(`generated in ${elapsed.toFixed(1)} s (open + migrate + generate), file ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
