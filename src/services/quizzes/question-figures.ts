import { type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';

/** Per-question figures of a quiz set over the finished attempts of the members of some units. */
export interface QuestionFigures {
  questionId: number;
  key: string;
  text: string;
  sectionPath: string | null;
  options: string[];
  answers: number;
  /** Share of answers that were right (null with no answers). */
  shareCorrect: number | null;
  /** Share of answers that chose each option, in the original order (multi-select shares can sum above 1). */
  optionShares: (number | null)[];
  /**
   * Discrimination index: the correlation between answering this question right and the score on
   * the attempt's other questions (item–rest point-biserial, as Moodle reports it). Near 1, the
   * stronger members get it right and the weaker do not; near 0 or below, the question tells
   * nothing or misleads. 0 when every answer was right, or every one wrong; null with fewer than
   * 10 answers to the question (finished attempts that drew it, answers kept by retention).
   */
  discrimination: number | null;
}

/** Fewer answers than this and the discrimination index means nothing. */
const minimumAnswers = 10;

/**
 * Reads the trigger-kept rollup (unit_question_stats, migration 0018) of the units
 * `unitsWhere` admits (a predicate on `u`), so a whole province costs a sum over its units, not a
 * pass over every answer.
 */
export async function questionFigures(ctx: ServiceContext, setId: number, unitsWhere: SQL): Promise<QuestionFigures[]> {
  const rows = await ctx.db.all<{
    id: number;
    key: string;
    text: string;
    section_path: string | null;
    options: string;
    answers: number | null;
    correct: number | null;
    score_sum: number | null;
    score_squares: number | null;
    correct_score_sum: number | null;
    chose: string | null;
  }>(sql`
    SELECT q.id, q.key, q.text, q.section_path, q.options, s.answers, s.correct, s.score_sum, s.score_squares, s.correct_score_sum, s.chose
    FROM quiz_questions q LEFT JOIN (
      SELECT r.question_id, sum(r.answers) AS answers, sum(r.correct) AS correct, sum(r.score_sum) AS score_sum,
        sum(r.score_squares) AS score_squares, sum(r.correct_score_sum) AS correct_score_sum,
        json_array(sum(r.chose_0), sum(r.chose_1), sum(r.chose_2), sum(r.chose_3), sum(r.chose_4), sum(r.chose_5), sum(r.chose_6), sum(r.chose_7)) AS chose
      FROM unit_question_stats r JOIN units u ON u.id = r.unit_id
      WHERE r.question_id IN (SELECT id FROM quiz_questions WHERE set_id = ${setId}) AND ${unitsWhere}
      GROUP BY r.question_id) s ON s.question_id = q.id
    WHERE q.set_id = ${setId} AND q.status <> 'draft' ORDER BY q.ordinal`);
  return rows.map((q) => {
    const options = JSON.parse(q.options) as string[];
    const answers = Number(q.answers ?? 0);
    const chose = q.chose ? (JSON.parse(q.chose) as number[]) : [];
    const share = (part: number) => (answers === 0 ? null : part / answers);
    return {
      questionId: q.id,
      key: q.key,
      text: q.text,
      sectionPath: q.section_path,
      options,
      answers,
      shareCorrect: share(Number(q.correct ?? 0)),
      optionShares: options.map((_, i) => share(Number(chose[i] ?? 0))),
      discrimination: answers >= minimumAnswers ? itemRestCorrelation(q) : null,
    };
  });
}

/**
 * Pearson correlation of x (right = 1) with the rest score R = T − x, from sums over the answers:
 * Σx = correct, Σx² = Σx, ΣR = ΣT − Σx, ΣR² = ΣT² − 2·ΣxT + Σx, ΣxR = ΣxT − Σx.
 */
function itemRestCorrelation(q: { answers: number | null; correct: number | null; score_sum: number | null; score_squares: number | null; correct_score_sum: number | null }) {
  const n = Number(q.answers ?? 0);
  if (n === 0) return null;
  const sx = Number(q.correct ?? 0);
  const st = Number(q.score_sum ?? 0);
  const stt = Number(q.score_squares ?? 0);
  const sxt = Number(q.correct_score_sum ?? 0);
  const sr = st - sx;
  const srr = stt - 2 * sxt + sx;
  const sxr = sxt - sx;
  const varianceX = n * sx - sx * sx;
  const varianceR = n * srr - sr * sr;
  // Everyone right (or wrong), or the rest the same for everyone: the question separates nobody.
  if (varianceX <= 0 || varianceR <= 0) return 0;
  return (n * sxr - sx * sr) / Math.sqrt(varianceX * varianceR);
}
