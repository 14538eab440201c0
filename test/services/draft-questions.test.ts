// Draft quiz questions proposed from a parsed document (src/services/quizzes/draft-questions.ts).
//
// Small hand-built documents check each kind of draft: the right answer, distractors of the same
// shape as the printed answer, unique options, the correct index, a verbatim quote and determinism.
// The three corpus documents, run through the real parser, check that drafting holds up on real text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents/parse-document';
import type { Figure, ParsedDocument, Section, Target } from '../../src/documents/types';
import { type DraftQuestion, draftQuestions } from '../../src/services/quizzes/draft-questions';
import { quizQuestionSchema } from '../../src/services/quizzes/quiz-set-schema';

function makeDoc(parts: { sections: Section[]; targets?: Target[]; number?: string | null }): ParsedDocument {
  return {
    kind: 'nghi_quyet',
    number: parts.number === undefined ? '99-NQ/ĐUK' : parts.number,
    title: null,
    issuer: null,
    parentIssuer: null,
    place: null,
    issuedAt: null,
    signer: null,
    recipients: [],
    body: parts.sections.map((s) => s.text).join('\n'),
    sections: parts.sections,
    footnotes: [],
    targets: parts.targets ?? [],
    statistics: [],
    references: [],
    summary: [],
    sectionSummaries: [],
  };
}

const section = (path: string, heading: string, text: string): Section => ({
  path,
  heading,
  text,
  level: path.split('.').length,
});

const target = (sectionPath: string, text: string, values: Figure[], extra: Partial<Target> = {}): Target => ({
  text,
  section: sectionPath,
  values,
  context: null,
  responsible: null,
  ...extra,
});

const answerOf = (d: DraftQuestion): string => d.options[d.correct[0] ?? -1] ?? '';
const numbersIn = (s: string): number[] => [...s.matchAll(/\d+/g)].map((m) => Number(m[0]));
const sectionText = (doc: ParsedDocument, path: string) => doc.sections.find((s) => s.path === path)?.text ?? '';

/** Checks every draft must pass whatever its kind. */
function expectWellFormed(doc: ParsedDocument, drafts: readonly DraftQuestion[]) {
  for (const d of drafts) {
    expect(d.options, d.text).toHaveLength(4);
    expect(new Set(d.options).size, d.text).toBe(4);
    expect(d.correct, d.text).toHaveLength(1);
    expect(d.quote.length, d.text).toBeGreaterThanOrEqual(20);
    expect(sectionText(doc, d.section), d.text).toContain(d.quote);
    expect(d.tags, d.text).toContain('ban-nhap');
    expect(d.explanation, d.text).toContain(`Mục ${d.section}`);
    for (const s of [d.text, d.explanation, d.quote, ...d.options]) expect(s).toBe(s.normalize('NFC'));
  }
}

// ---------------------------------------------------------------------------------------------

const targetsDoc = makeDoc({
  sections: [
    section('I', 'TÌNH HÌNH', 'Năm qua, tỷ lệ đảng viên “Hoàn thành tốt nhiệm vụ” đạt 88%.'),
    section('II', 'MỤC TIÊU, CHỈ TIÊU', ''),
    section(
      'II.2',
      'Chỉ tiêu cụ thể',
      [
        '- Hằng năm, tỷ lệ đảng viên “Hoàn thành tốt nhiệm vụ” đạt 90% trở lên; trong đó “Hoàn thành xuất sắc nhiệm vụ” từ 15% đến 20%.',
        '- Phấn đấu bình quân hằng năm kết nạp từ 300 đảng viên trở lên.',
        '- Phấn đấu đến năm 2025 có 100% chi bộ đạt tiêu chuẩn “Chi bộ bốn tốt”.',
      ].join('\n'),
    ),
  ],
  targets: [
    target(
      'II.2',
      'Hằng năm, tỷ lệ đảng viên “Hoàn thành tốt nhiệm vụ” đạt 90% trở lên; trong đó “Hoàn thành xuất sắc nhiệm vụ” từ 15% đến 20%.',
      [
        { kind: 'percent', raw: '90% trở lên', value: 90, min: 90, unit: '%' },
        { kind: 'range', raw: 'từ 15% đến 20%', min: 15, max: 20, unit: '%' },
      ],
    ),
    target('II.2', 'Phấn đấu bình quân hằng năm kết nạp từ 300 đảng viên trở lên.', [
      { kind: 'count', raw: 'từ 300', value: 300, min: 300 },
    ]),
    target('II.2', 'Phấn đấu đến năm 2025 có 100% chi bộ đạt tiêu chuẩn “Chi bộ bốn tốt”.', [
      { kind: 'deadline', raw: 'đến năm 2025', value: 2025 },
      { kind: 'percent', raw: '100%', value: 100, unit: '%' },
    ]),
  ],
});

describe('target figures', () => {
  const drafts = draftQuestions(targetsDoc).filter((d) => d.kind === 'target_figure');
  const byAnswer = (answer: string) => drafts.find((d) => answerOf(d) === answer);

  it('asks for each figure of each target, with the printed figure as the answer', () => {
    expect(drafts.map(answerOf).sort()).toEqual(['100%', '90% trở lên', 'từ 15% đến 20%', 'từ 300', 'đến năm 2025']);
    expectWellFormed(targetsDoc, drafts);
    for (const d of drafts) {
      expect(d.section).toBe('II.2');
      expect(d.tags).toContain('chi-tieu');
      expect(d.text).toContain('Theo Nghị quyết số 99-NQ/ĐUK');
    }
  });

  it('blanks the figure in the target sentence and quotes the sentence that states it', () => {
    const d = byAnswer('90% trở lên');
    expect(d?.text).toContain('tỷ lệ đảng viên “Hoàn thành tốt nhiệm vụ” đạt …');
    expect(d?.text).not.toContain('90%');
    expect(d?.quote).toContain('đạt 90% trở lên');
    expect(d?.explanation).toContain('90% trở lên');
  });

  it('keeps a "trong đó" clause with the clause it qualifies', () => {
    const d = byAnswer('từ 15% đến 20%');
    expect(d?.text).toContain('đạt 90% trở lên; trong đó “Hoàn thành xuất sắc nhiệm vụ” …');
  });

  it('offers neighbouring percentages with the same wording, within 0–100', () => {
    const d = byAnswer('90% trở lên');
    for (const option of d?.options ?? []) {
      expect(option).toMatch(/^\d+% trở lên$/);
      const [value = -1] = numbersIn(option);
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(100);
      expect([0, 5, 10, 15]).toContain(Math.abs(value - 90));
    }
    const full = byAnswer('100%');
    for (const option of full?.options ?? []) expect(numbersIn(option)[0]).toBeLessThanOrEqual(100);
  });

  it('moves both ends of a range together and keeps "từ … đến …"', () => {
    const d = byAnswer('từ 15% đến 20%');
    for (const option of d?.options ?? []) {
      expect(option).toMatch(/^từ \d+% đến \d+%$/);
      const [low = 0, high = 0] = numbersIn(option);
      expect(high - low).toBe(5);
      expect(low).toBeGreaterThan(0);
    }
  });

  it('offers counts 10–30% away, rounded', () => {
    const d = byAnswer('từ 300');
    for (const option of d?.options ?? []) {
      expect(option).toMatch(/^từ \d+$/);
      const [value = 0] = numbersIn(option);
      if (value === 300) continue;
      expect(Math.abs(value - 300)).toBeGreaterThanOrEqual(30);
      expect(Math.abs(value - 300)).toBeLessThanOrEqual(90);
      expect(value % 10).toBe(0);
    }
  });

  it('asks for the year of a year-only deadline with years one or two apart', () => {
    const d = byAnswer('đến năm 2025');
    expect(d?.text).toContain('chọn năm đúng');
    for (const option of d?.options ?? []) {
      expect(option).toMatch(/^đến năm \d{4}$/);
      expect(Math.abs((numbersIn(option)[0] ?? 0) - 2025)).toBeLessThanOrEqual(2);
    }
  });

  it('never offers another figure printed in the same sentence as a distractor', () => {
    const doc = makeDoc({
      sections: [section('I', 'CHỈ TIÊU', '- Phấn đấu 80% trở lên chi bộ và 90% trở lên đảng viên tham gia học tập Nghị quyết.')],
      targets: [
        target('I', 'Phấn đấu 80% trở lên chi bộ và 90% trở lên đảng viên tham gia học tập Nghị quyết.', [
          { kind: 'percent', raw: '80% trở lên', value: 80, min: 80, unit: '%' },
          { kind: 'percent', raw: '90% trở lên', value: 90, min: 90, unit: '%' },
        ]),
      ],
    });
    const drafts = draftQuestions(doc);
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) for (const option of d.options) expect(d.text).not.toContain(option);
  });

  it('does not take figures from report parts', () => {
    expect(draftQuestions(targetsDoc).some((d) => d.options.includes('88%'))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

const frequencyDoc = makeDoc({
  number: null,
  sections: [
    section('preamble', '', 'Thời gian qua, ở nhiều nơi, chi bộ sinh hoạt hai tháng một lần.'),
    section('II', 'NHIỆM VỤ VÀ GIẢI PHÁP', ''),
    section(
      'II.1',
      'Thực hiện nghiêm chế độ sinh hoạt',
      'Chi bộ sinh hoạt định kỳ một tháng một lần, sinh hoạt chuyên đề ít nhất sáu tháng một lần; đảng bộ cơ sở sinh hoạt 2 lần/năm; chi ủy họp mỗi quý một lần.',
    ),
    section(
      'II.2',
      'Tăng cường chỉ đạo',
      'Tổ đảng sinh hoạt hàng tháng hoặc hàng quý. Cấp ủy viên cấp trên định kỳ hàng tháng, hàng quý dự sinh hoạt đảng ở cơ sở.',
    ),
  ],
});

describe('meeting frequencies', () => {
  const drafts = draftQuestions(frequencyDoc);
  const find = (needle: string) => drafts.find((d) => d.text.includes(needle));

  it('asks how often each body meets, with the printed frequency as the answer', () => {
    expect(drafts.every((d) => d.kind === 'meeting_frequency')).toBe(true);
    expectWellFormed(frequencyDoc, drafts);
    const monthly = find('chi bộ sinh hoạt định kỳ');
    expect(monthly?.text).toBe('Theo Nghị quyết, chi bộ sinh hoạt định kỳ bao lâu một lần?');
    expect(monthly && answerOf(monthly)).toBe('Một tháng một lần');
    expect(monthly?.quote).toBe('Chi bộ sinh hoạt định kỳ một tháng một lần');
    expect(monthly?.tags).toEqual(expect.arrayContaining(['tan-suat', 'ban-nhap']));
    for (const option of monthly?.options ?? []) expect(option).toMatch(/^\p{Lu}\p{Ll}* (tuần|tháng|quý|năm) một lần$/u);
  });

  it('carries the subject into a clause that leaves it out, and keeps "ít nhất" in the question', () => {
    const thematic = find('chi bộ sinh hoạt chuyên đề');
    expect(thematic?.text).toBe('Theo Nghị quyết, chi bộ sinh hoạt chuyên đề ít nhất bao lâu một lần?');
    expect(thematic && answerOf(thematic)).toBe('Sáu tháng một lần');
    expect(thematic?.options.some((o) => o.includes('ít nhất'))).toBe(false);
  });

  it('words distractors like the printed frequency', () => {
    const yearly = find('đảng bộ cơ sở sinh hoạt');
    expect(yearly && answerOf(yearly)).toBe('2 lần/năm');
    for (const option of yearly?.options ?? []) expect(option).toMatch(/^\d+ lần\/năm$/);
    const quarterly = find('chi ủy họp');
    expect(quarterly && answerOf(quarterly)).toBe('Mỗi quý một lần');
    expect([...(quarterly?.options ?? [])].sort()).toEqual(
      ['Mỗi năm một lần', 'Mỗi quý một lần', 'Mỗi tháng một lần', 'Mỗi tuần một lần'].sort(),
    );
  });

  it('skips clauses with two frequencies and the opening review', () => {
    expect(drafts.some((d) => d.section === 'II.2')).toBe(false);
    expect(drafts.some((d) => d.section === 'preamble')).toBe(false);
    expect(drafts).toHaveLength(4);
  });
});

// ---------------------------------------------------------------------------------------------

const implementationLines = [
  'Ban Tuyên giáo Đảng ủy Khối xây dựng kế hoạch triển khai, quán triệt Nghị quyết.',
  'Ban Tổ chức Đảng ủy Khối chủ trì hướng dẫn, theo dõi, đôn đốc việc thực hiện Nghị quyết; định kỳ báo cáo Ban Thường vụ Đảng ủy Khối.',
  'Tăng cường kiểm tra việc thực hiện Nghị quyết. Ủy ban Kiểm tra Đảng ủy Khối kiểm tra, giám sát việc thực hiện Nghị quyết.',
  'Văn phòng Đảng ủy Khối phối hợp với Ban Tổ chức Đảng ủy Khối tổng hợp kết quả thực hiện Nghị quyết.',
];

const bodiesDoc = makeDoc({
  sections: [
    section('II', 'NHIỆM VỤ VÀ GIẢI PHÁP', '- Ban Dân vận Đảng ủy Khối biên soạn tài liệu tuyên truyền về công tác dân vận.'),
    section('III', 'TỔ CHỨC THỰC HIỆN', ''),
    ...implementationLines.map((line, i) => section(`III.${i + 1}`, line.slice(0, 60), line)),
  ],
});

describe('responsible bodies', () => {
  const drafts = draftQuestions(bodiesDoc);
  const partBodies = [
    'Ban Tuyên giáo Đảng ủy Khối',
    'Ban Tổ chức Đảng ủy Khối',
    'Ủy ban Kiểm tra Đảng ủy Khối',
    'Văn phòng Đảng ủy Khối',
    'Ban Thường vụ Đảng ủy Khối',
  ];

  it('asks which body does each task of the implementation part', () => {
    expect(drafts.every((d) => d.kind === 'responsible_body')).toBe(true);
    expectWellFormed(bodiesDoc, drafts);
    const plan = drafts.find((d) => d.section === 'III.1');
    expect(plan?.text).toBe(
      'Theo Nghị quyết số 99-NQ/ĐUK, cơ quan nào xây dựng kế hoạch triển khai, quán triệt Nghị quyết?',
    );
    expect(plan && answerOf(plan)).toBe('Ban Tuyên giáo Đảng ủy Khối');
    expect(plan?.quote).toBe('Ban Tuyên giáo Đảng ủy Khối xây dựng kế hoạch triển khai, quán triệt Nghị quyết');
    expect(plan?.tags).toContain('trach-nhiem');
    const check = drafts.find((d) => d.section === 'III.3');
    expect(check && answerOf(check)).toBe('Ủy ban Kiểm tra Đảng ủy Khối');
    const guide = drafts.find((d) => d.section === 'III.2');
    expect(guide && answerOf(guide)).toBe('Ban Tổ chức Đảng ủy Khối');
    expect(guide?.text).toContain('chủ trì hướng dẫn, theo dõi, đôn đốc việc thực hiện Nghị quyết?');
  });

  it('takes distractors from the bodies the implementation part names', () => {
    for (const d of drafts) for (const option of d.options) expect(partBodies).toContain(option);
  });

  it('never offers as a distractor a body the task itself names', () => {
    const office = drafts.find((d) => d.section === 'III.4');
    expect(office && answerOf(office)).toBe('Văn phòng Đảng ủy Khối');
    expect(office?.options).not.toContain('Ban Tổ chức Đảng ủy Khối');
    // Here only two other bodies are left once the one the task names is set aside: no draft.
    const province = makeDoc({
      number: null,
      sections: [
        section('III', 'TỔ CHỨC THỰC HIỆN', ''),
        section('III.1', 'Ban Tuyên giáo', 'Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền, quán triệt Nghị quyết.'),
        section('III.2', 'Ban Tổ chức', 'Ban Tổ chức Tỉnh ủy hướng dẫn việc thực hiện Nghị quyết.'),
        section('III.3', 'Văn phòng', 'Văn phòng Tỉnh ủy phối hợp với Ban Tổ chức Tỉnh ủy tổng hợp kết quả thực hiện.'),
        section('III.4', 'Trường Chính trị', 'Trường Chính trị tỉnh bồi dưỡng nghiệp vụ cho bí thư chi bộ.'),
      ],
    });
    const provinceDrafts = draftQuestions(province);
    expect(provinceDrafts.map(answerOf).sort()).toEqual(
      ['Ban Tuyên giáo Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', 'Trường Chính trị tỉnh'].sort(),
    );
    for (const d of [...drafts, ...provinceDrafts]) {
      for (const option of d.options) if (option !== answerOf(d)) expect(d.text).not.toContain(option);
    }
  });

  it('ignores task lines outside the implementation part', () => {
    expect(drafts.some((d) => d.options.includes('Ban Dân vận Đảng ủy Khối'))).toBe(false);
  });

  it('skips the question when the part names fewer than four bodies', () => {
    const three = makeDoc({
      sections: [
        section('III', 'TỔ CHỨC THỰC HIỆN', ''),
        section('III.1', 'Ban Tuyên giáo', implementationLines[0] ?? ''),
        section('III.2', 'Ủy ban Kiểm tra', implementationLines[2] ?? ''),
        section('III.3', 'Văn phòng', 'Văn phòng Đảng ủy Khối theo dõi, tổng hợp kết quả thực hiện Nghị quyết.'),
      ],
    });
    expect(draftQuestions(three)).toEqual([]);
  });

  it('asks who is in charge of a target that names its body', () => {
    const doc = makeDoc({
      sections: [
        section('I', 'CHỈ TIÊU', '- 100% đảng viên học tập Nghị quyết.\nCơ quan chủ trì: Ban Tuyên giáo Đảng ủy Khối.'),
        section('III', 'TỔ CHỨC THỰC HIỆN', ''),
        ...implementationLines.map((line, i) => section(`III.${i + 1}`, line.slice(0, 60), line)),
      ],
      targets: [
        target('I', '100% đảng viên học tập Nghị quyết.', [{ kind: 'percent', raw: '100%', value: 100, unit: '%' }], {
          responsible: 'Ban Tuyên giáo Đảng ủy Khối',
        }),
      ],
    });
    const drafts = draftQuestions(doc).filter((d) => d.kind === 'responsible_body' && d.section === 'I');
    expect(drafts).toHaveLength(1);
    const [d] = drafts;
    expect(d && answerOf(d)).toBe('Ban Tuyên giáo Đảng ủy Khối');
    expect(d?.quote).toBe('Cơ quan chủ trì: Ban Tuyên giáo Đảng ủy Khối');
    expect(d?.text).toContain('100% đảng viên học tập Nghị quyết');
    expectWellFormed(doc, drafts);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the draft set', () => {
  const everything = makeDoc({
    sections: [
      section('I', 'MỤC TIÊU, CHỈ TIÊU', ''),
      { ...(targetsDoc.sections[2] as Section), path: 'I.2' },
      section('II', 'NHIỆM VỤ VÀ GIẢI PHÁP', ''),
      { ...(frequencyDoc.sections[2] as Section), path: 'II.1' },
      ...bodiesDoc.sections.slice(1),
    ],
    targets: targetsDoc.targets.map((t) => ({ ...t, section: 'I.2' })),
  });

  it('is the same for the same document, options in the same order', () => {
    const first = draftQuestions(everything);
    const second = draftQuestions(structuredClone(everything));
    expect(second).toEqual(first);
  });

  it('does not always put the correct answer in the same place', () => {
    const positions = new Set(draftQuestions(everything).map((d) => d.correct[0]));
    expect(positions.size).toBeGreaterThan(1);
  });

  it('is empty for a document with no targets, frequencies or bodies', () => {
    const plain = makeDoc({
      sections: [
        section('I', 'QUAN ĐIỂM', '- Xây dựng Đảng là nhiệm vụ then chốt, thường xuyên.'),
        section('II', 'NHIỆM VỤ', '- Tăng cường giáo dục chính trị, tư tưởng cho cán bộ, đảng viên.'),
      ],
    });
    expect(draftQuestions(plain)).toEqual([]);
  });

  it('keeps one draft for targets repeated by the parser', () => {
    const [first] = targetsDoc.targets;
    const doubled = makeDoc({ sections: targetsDoc.sections, targets: first ? [first, { ...first }] : [] });
    const answers = draftQuestions(doubled).map(answerOf);
    expect(answers.filter((a) => a === '90% trở lên')).toHaveLength(1);
  });

  it('caps the number of drafts and keeps every kind under the cap', () => {
    const all = draftQuestions(everything);
    expect(new Set(all.map((d) => d.kind)).size).toBe(3);
    const three = draftQuestions(everything, { max: 3 });
    expect(three).toHaveLength(3);
    expect(new Set(three.map((d) => d.kind)).size).toBe(3);
    expect(draftQuestions(everything, { max: 0 })).toEqual([]);
  });

  it('names the document as asked', () => {
    const drafts = draftQuestions(everything, { documentLabel: 'Nghị quyết Đại hội' });
    for (const d of drafts) expect(d.text.startsWith('Theo Nghị quyết Đại hội, ')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

const corpus = [
  'nq-02-duk-nang-cao-nang-luc-lanh-dao.txt',
  'nq-04-duk-tra-vinh-nam-2023.txt',
  'nq-tinh-uy-nang-cao-chat-luong-sinh-hoat-dang.txt',
];

describe.each(corpus)('corpus document %s', (name) => {
  const text = readFileSync(new URL(`../../../shared/corpus/${name}`, import.meta.url), 'utf8');
  const doc = parseDocument(text);
  const drafts = draftQuestions(doc);

  it('yields at least five well-formed drafts', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(5);
    expectWellFormed(doc, drafts);
  });

  it('quotes the parsed body verbatim, from sections that exist', () => {
    const paths = new Set(doc.sections.map((s) => s.path));
    for (const d of drafts) {
      expect(doc.body, d.text).toContain(d.quote);
      expect(paths.has(d.section), d.section).toBe(true);
    }
  });

  it('can be stored as quiz questions', () => {
    drafts.forEach((d, i) => {
      const parsed = quizQuestionSchema.safeParse({ id: `nhap-${i + 1}`, ...d });
      expect(parsed.success, `${d.text}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    });
  });

  it('quotes the answer itself', () => {
    const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');
    for (const d of drafts) expect(fold(d.quote), d.text).toContain(fold(answerOf(d)));
  });
});

describe('corpus specifics', () => {
  const load = (name: string) =>
    draftQuestions(parseDocument(readFileSync(new URL(`../../../shared/corpus/${name}`, import.meta.url), 'utf8')));

  it('finds the branch meeting rules of the provincial resolution', () => {
    const drafts = load('nq-tinh-uy-nang-cao-chat-luong-sinh-hoat-dang.txt');
    const monthly = drafts.find((d) => d.text.includes('chi bộ sinh hoạt định kỳ bao lâu một lần'));
    expect(monthly && answerOf(monthly)).toBe('Một tháng một lần');
    const committee = drafts.find((d) => d.text.includes('ban thường vụ cấp ủy cơ sở'));
    expect(committee && answerOf(committee)).toBe('2 lần/1 tháng');
  });

  it('finds who drafts the plan for resolution 02-NQ/ĐUK', () => {
    const drafts = load('nq-02-duk-nang-cao-nang-luc-lanh-dao.txt');
    const plan = drafts.find((d) => d.text.includes('tham mưu xây dựng kế hoạch triển khai thực hiện Nghị quyết'));
    expect(plan && answerOf(plan)).toBe('Ban Tổ chức Đảng ủy Khối');
    const members = drafts.find((d) => d.text.includes('Tỷ lệ đảng viên “Hoàn thành tốt nhiệm vụ” đạt …'));
    expect(members && answerOf(members)).toBe('90% trở lên');
  });
});
