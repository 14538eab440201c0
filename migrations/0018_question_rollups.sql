CREATE TABLE `unit_question_stats` (
	`unit_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`answers` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`score_sum` integer DEFAULT 0 NOT NULL,
	`score_squares` integer DEFAULT 0 NOT NULL,
	`correct_score_sum` integer DEFAULT 0 NOT NULL,
	`chose_0` integer DEFAULT 0 NOT NULL,
	`chose_1` integer DEFAULT 0 NOT NULL,
	`chose_2` integer DEFAULT 0 NOT NULL,
	`chose_3` integer DEFAULT 0 NOT NULL,
	`chose_4` integer DEFAULT 0 NOT NULL,
	`chose_5` integer DEFAULT 0 NOT NULL,
	`chose_6` integer DEFAULT 0 NOT NULL,
	`chose_7` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_id`, `question_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `quiz_questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Every statement below joins the question: while a quiz set is deleted its questions' rows go
-- first (cascade), and taking its attempts off afterwards must not write rows for questions gone.
CREATE TRIGGER `quiz_attempts_question_stats_update` AFTER UPDATE OF `finished_at`, `correct_count`, `member_id` ON `quiz_attempts`
WHEN OLD.`finished_at` IS NOT NEW.`finished_at` OR OLD.`correct_count` IS NOT NEW.`correct_count` OR OLD.`member_id` IS NOT NEW.`member_id` BEGIN
  INSERT INTO `unit_question_stats` (`unit_id`, `question_id`, `answers`, `correct`, `score_sum`, `score_squares`, `correct_score_sum`, `chose_0`, `chose_1`, `chose_2`, `chose_3`, `chose_4`, `chose_5`, `chose_6`, `chose_7`)
  SELECT m.`unit_id`, x.`question_id`, -count(*), -sum(x.`is_correct`), -count(*) * coalesce(OLD.`correct_count`, 0), -count(*) * coalesce(OLD.`correct_count`, 0) * coalesce(OLD.`correct_count`, 0), -sum(x.`is_correct`) * coalesce(OLD.`correct_count`, 0),
    -sum(instr(x.`chosen`, '0') > 0), -sum(instr(x.`chosen`, '1') > 0), -sum(instr(x.`chosen`, '2') > 0), -sum(instr(x.`chosen`, '3') > 0), -sum(instr(x.`chosen`, '4') > 0), -sum(instr(x.`chosen`, '5') > 0), -sum(instr(x.`chosen`, '6') > 0), -sum(instr(x.`chosen`, '7') > 0)
  FROM `quiz_answers` x JOIN `quiz_questions` q ON q.`id` = x.`question_id` JOIN `members` m ON m.`id` = OLD.`member_id` WHERE x.`attempt_id` = OLD.`id` AND OLD.`finished_at` IS NOT NULL GROUP BY x.`question_id`
  ON CONFLICT (`unit_id`, `question_id`) DO UPDATE SET `answers` = `answers` + excluded.`answers`, `correct` = `correct` + excluded.`correct`, `score_sum` = `score_sum` + excluded.`score_sum`, `score_squares` = `score_squares` + excluded.`score_squares`, `correct_score_sum` = `correct_score_sum` + excluded.`correct_score_sum`, `chose_0` = `chose_0` + excluded.`chose_0`, `chose_1` = `chose_1` + excluded.`chose_1`, `chose_2` = `chose_2` + excluded.`chose_2`, `chose_3` = `chose_3` + excluded.`chose_3`, `chose_4` = `chose_4` + excluded.`chose_4`, `chose_5` = `chose_5` + excluded.`chose_5`, `chose_6` = `chose_6` + excluded.`chose_6`, `chose_7` = `chose_7` + excluded.`chose_7`;
  INSERT INTO `unit_question_stats` (`unit_id`, `question_id`, `answers`, `correct`, `score_sum`, `score_squares`, `correct_score_sum`, `chose_0`, `chose_1`, `chose_2`, `chose_3`, `chose_4`, `chose_5`, `chose_6`, `chose_7`)
  SELECT m.`unit_id`, x.`question_id`, count(*), sum(x.`is_correct`), count(*) * coalesce(NEW.`correct_count`, 0), count(*) * coalesce(NEW.`correct_count`, 0) * coalesce(NEW.`correct_count`, 0), sum(x.`is_correct`) * coalesce(NEW.`correct_count`, 0),
    sum(instr(x.`chosen`, '0') > 0), sum(instr(x.`chosen`, '1') > 0), sum(instr(x.`chosen`, '2') > 0), sum(instr(x.`chosen`, '3') > 0), sum(instr(x.`chosen`, '4') > 0), sum(instr(x.`chosen`, '5') > 0), sum(instr(x.`chosen`, '6') > 0), sum(instr(x.`chosen`, '7') > 0)
  FROM `quiz_answers` x JOIN `quiz_questions` q ON q.`id` = x.`question_id` JOIN `members` m ON m.`id` = NEW.`member_id` WHERE x.`attempt_id` = NEW.`id` AND NEW.`finished_at` IS NOT NULL GROUP BY x.`question_id`
  ON CONFLICT (`unit_id`, `question_id`) DO UPDATE SET `answers` = `answers` + excluded.`answers`, `correct` = `correct` + excluded.`correct`, `score_sum` = `score_sum` + excluded.`score_sum`, `score_squares` = `score_squares` + excluded.`score_squares`, `correct_score_sum` = `correct_score_sum` + excluded.`correct_score_sum`, `chose_0` = `chose_0` + excluded.`chose_0`, `chose_1` = `chose_1` + excluded.`chose_1`, `chose_2` = `chose_2` + excluded.`chose_2`, `chose_3` = `chose_3` + excluded.`chose_3`, `chose_4` = `chose_4` + excluded.`chose_4`, `chose_5` = `chose_5` + excluded.`chose_5`, `chose_6` = `chose_6` + excluded.`chose_6`, `chose_7` = `chose_7` + excluded.`chose_7`;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_question_stats_delete` BEFORE DELETE ON `quiz_attempts`
WHEN OLD.`finished_at` IS NOT NULL BEGIN
  INSERT INTO `unit_question_stats` (`unit_id`, `question_id`, `answers`, `correct`, `score_sum`, `score_squares`, `correct_score_sum`, `chose_0`, `chose_1`, `chose_2`, `chose_3`, `chose_4`, `chose_5`, `chose_6`, `chose_7`)
  SELECT m.`unit_id`, x.`question_id`, -count(*), -sum(x.`is_correct`), -count(*) * coalesce(OLD.`correct_count`, 0), -count(*) * coalesce(OLD.`correct_count`, 0) * coalesce(OLD.`correct_count`, 0), -sum(x.`is_correct`) * coalesce(OLD.`correct_count`, 0),
    -sum(instr(x.`chosen`, '0') > 0), -sum(instr(x.`chosen`, '1') > 0), -sum(instr(x.`chosen`, '2') > 0), -sum(instr(x.`chosen`, '3') > 0), -sum(instr(x.`chosen`, '4') > 0), -sum(instr(x.`chosen`, '5') > 0), -sum(instr(x.`chosen`, '6') > 0), -sum(instr(x.`chosen`, '7') > 0)
  FROM `quiz_answers` x JOIN `quiz_questions` q ON q.`id` = x.`question_id` JOIN `members` m ON m.`id` = OLD.`member_id` WHERE x.`attempt_id` = OLD.`id` GROUP BY x.`question_id`
  ON CONFLICT (`unit_id`, `question_id`) DO UPDATE SET `answers` = `answers` + excluded.`answers`, `correct` = `correct` + excluded.`correct`, `score_sum` = `score_sum` + excluded.`score_sum`, `score_squares` = `score_squares` + excluded.`score_squares`, `correct_score_sum` = `correct_score_sum` + excluded.`correct_score_sum`, `chose_0` = `chose_0` + excluded.`chose_0`, `chose_1` = `chose_1` + excluded.`chose_1`, `chose_2` = `chose_2` + excluded.`chose_2`, `chose_3` = `chose_3` + excluded.`chose_3`, `chose_4` = `chose_4` + excluded.`chose_4`, `chose_5` = `chose_5` + excluded.`chose_5`, `chose_6` = `chose_6` + excluded.`chose_6`, `chose_7` = `chose_7` + excluded.`chose_7`;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_answers_question_stats_insert` AFTER INSERT ON `quiz_answers` BEGIN
  INSERT INTO `unit_question_stats` (`unit_id`, `question_id`, `answers`, `correct`, `score_sum`, `score_squares`, `correct_score_sum`, `chose_0`, `chose_1`, `chose_2`, `chose_3`, `chose_4`, `chose_5`, `chose_6`, `chose_7`)
  SELECT m.`unit_id`, NEW.`question_id`, 1, NEW.`is_correct`, coalesce(a.`correct_count`, 0), coalesce(a.`correct_count`, 0) * coalesce(a.`correct_count`, 0), NEW.`is_correct` * coalesce(a.`correct_count`, 0),
    (instr(NEW.`chosen`, '0') > 0), (instr(NEW.`chosen`, '1') > 0), (instr(NEW.`chosen`, '2') > 0), (instr(NEW.`chosen`, '3') > 0), (instr(NEW.`chosen`, '4') > 0), (instr(NEW.`chosen`, '5') > 0), (instr(NEW.`chosen`, '6') > 0), (instr(NEW.`chosen`, '7') > 0)
  FROM `quiz_attempts` a JOIN `members` m ON m.`id` = a.`member_id` WHERE a.`id` = NEW.`attempt_id` AND a.`finished_at` IS NOT NULL
    AND EXISTS (SELECT 1 FROM `quiz_questions` q WHERE q.`id` = NEW.`question_id`)
  ON CONFLICT (`unit_id`, `question_id`) DO UPDATE SET `answers` = `answers` + excluded.`answers`, `correct` = `correct` + excluded.`correct`, `score_sum` = `score_sum` + excluded.`score_sum`, `score_squares` = `score_squares` + excluded.`score_squares`, `correct_score_sum` = `correct_score_sum` + excluded.`correct_score_sum`, `chose_0` = `chose_0` + excluded.`chose_0`, `chose_1` = `chose_1` + excluded.`chose_1`, `chose_2` = `chose_2` + excluded.`chose_2`, `chose_3` = `chose_3` + excluded.`chose_3`, `chose_4` = `chose_4` + excluded.`chose_4`, `chose_5` = `chose_5` + excluded.`chose_5`, `chose_6` = `chose_6` + excluded.`chose_6`, `chose_7` = `chose_7` + excluded.`chose_7`;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_answers_question_stats_delete` AFTER DELETE ON `quiz_answers` BEGIN
  INSERT INTO `unit_question_stats` (`unit_id`, `question_id`, `answers`, `correct`, `score_sum`, `score_squares`, `correct_score_sum`, `chose_0`, `chose_1`, `chose_2`, `chose_3`, `chose_4`, `chose_5`, `chose_6`, `chose_7`)
  SELECT m.`unit_id`, OLD.`question_id`, -1, -OLD.`is_correct`, -coalesce(a.`correct_count`, 0), -coalesce(a.`correct_count`, 0) * coalesce(a.`correct_count`, 0), -OLD.`is_correct` * coalesce(a.`correct_count`, 0),
    -(instr(OLD.`chosen`, '0') > 0), -(instr(OLD.`chosen`, '1') > 0), -(instr(OLD.`chosen`, '2') > 0), -(instr(OLD.`chosen`, '3') > 0), -(instr(OLD.`chosen`, '4') > 0), -(instr(OLD.`chosen`, '5') > 0), -(instr(OLD.`chosen`, '6') > 0), -(instr(OLD.`chosen`, '7') > 0)
  FROM `quiz_attempts` a JOIN `members` m ON m.`id` = a.`member_id` WHERE a.`id` = OLD.`attempt_id` AND a.`finished_at` IS NOT NULL
    AND EXISTS (SELECT 1 FROM `quiz_questions` q WHERE q.`id` = OLD.`question_id`)
  ON CONFLICT (`unit_id`, `question_id`) DO UPDATE SET `answers` = `answers` + excluded.`answers`, `correct` = `correct` + excluded.`correct`, `score_sum` = `score_sum` + excluded.`score_sum`, `score_squares` = `score_squares` + excluded.`score_squares`, `correct_score_sum` = `correct_score_sum` + excluded.`correct_score_sum`, `chose_0` = `chose_0` + excluded.`chose_0`, `chose_1` = `chose_1` + excluded.`chose_1`, `chose_2` = `chose_2` + excluded.`chose_2`, `chose_3` = `chose_3` + excluded.`chose_3`, `chose_4` = `chose_4` + excluded.`chose_4`, `chose_5` = `chose_5` + excluded.`chose_5`, `chose_6` = `chose_6` + excluded.`chose_6`, `chose_7` = `chose_7` + excluded.`chose_7`;
END;
--> statement-breakpoint
CREATE TRIGGER `members_question_stats_move` AFTER UPDATE OF `unit_id` ON `members`
WHEN OLD.`unit_id` IS NOT NEW.`unit_id` BEGIN
  INSERT INTO `unit_question_stats` (`unit_id`, `question_id`, `answers`, `correct`, `score_sum`, `score_squares`, `correct_score_sum`, `chose_0`, `chose_1`, `chose_2`, `chose_3`, `chose_4`, `chose_5`, `chose_6`, `chose_7`)
  SELECT OLD.`unit_id`, x.`question_id`, -count(*), -sum(x.`is_correct`), -sum(coalesce(a.`correct_count`, 0)), -sum(coalesce(a.`correct_count`, 0) * coalesce(a.`correct_count`, 0)), -sum(x.`is_correct` * coalesce(a.`correct_count`, 0)),
    -sum(instr(x.`chosen`, '0') > 0), -sum(instr(x.`chosen`, '1') > 0), -sum(instr(x.`chosen`, '2') > 0), -sum(instr(x.`chosen`, '3') > 0), -sum(instr(x.`chosen`, '4') > 0), -sum(instr(x.`chosen`, '5') > 0), -sum(instr(x.`chosen`, '6') > 0), -sum(instr(x.`chosen`, '7') > 0)
  FROM `quiz_attempts` a JOIN `quiz_answers` x ON x.`attempt_id` = a.`id` JOIN `quiz_questions` q ON q.`id` = x.`question_id` WHERE a.`member_id` = NEW.`id` AND a.`finished_at` IS NOT NULL GROUP BY x.`question_id`
  ON CONFLICT (`unit_id`, `question_id`) DO UPDATE SET `answers` = `answers` + excluded.`answers`, `correct` = `correct` + excluded.`correct`, `score_sum` = `score_sum` + excluded.`score_sum`, `score_squares` = `score_squares` + excluded.`score_squares`, `correct_score_sum` = `correct_score_sum` + excluded.`correct_score_sum`, `chose_0` = `chose_0` + excluded.`chose_0`, `chose_1` = `chose_1` + excluded.`chose_1`, `chose_2` = `chose_2` + excluded.`chose_2`, `chose_3` = `chose_3` + excluded.`chose_3`, `chose_4` = `chose_4` + excluded.`chose_4`, `chose_5` = `chose_5` + excluded.`chose_5`, `chose_6` = `chose_6` + excluded.`chose_6`, `chose_7` = `chose_7` + excluded.`chose_7`;
  INSERT INTO `unit_question_stats` (`unit_id`, `question_id`, `answers`, `correct`, `score_sum`, `score_squares`, `correct_score_sum`, `chose_0`, `chose_1`, `chose_2`, `chose_3`, `chose_4`, `chose_5`, `chose_6`, `chose_7`)
  SELECT NEW.`unit_id`, x.`question_id`, count(*), sum(x.`is_correct`), sum(coalesce(a.`correct_count`, 0)), sum(coalesce(a.`correct_count`, 0) * coalesce(a.`correct_count`, 0)), sum(x.`is_correct` * coalesce(a.`correct_count`, 0)),
    sum(instr(x.`chosen`, '0') > 0), sum(instr(x.`chosen`, '1') > 0), sum(instr(x.`chosen`, '2') > 0), sum(instr(x.`chosen`, '3') > 0), sum(instr(x.`chosen`, '4') > 0), sum(instr(x.`chosen`, '5') > 0), sum(instr(x.`chosen`, '6') > 0), sum(instr(x.`chosen`, '7') > 0)
  FROM `quiz_attempts` a JOIN `quiz_answers` x ON x.`attempt_id` = a.`id` JOIN `quiz_questions` q ON q.`id` = x.`question_id` WHERE a.`member_id` = NEW.`id` AND a.`finished_at` IS NOT NULL GROUP BY x.`question_id`
  ON CONFLICT (`unit_id`, `question_id`) DO UPDATE SET `answers` = `answers` + excluded.`answers`, `correct` = `correct` + excluded.`correct`, `score_sum` = `score_sum` + excluded.`score_sum`, `score_squares` = `score_squares` + excluded.`score_squares`, `correct_score_sum` = `correct_score_sum` + excluded.`correct_score_sum`, `chose_0` = `chose_0` + excluded.`chose_0`, `chose_1` = `chose_1` + excluded.`chose_1`, `chose_2` = `chose_2` + excluded.`chose_2`, `chose_3` = `chose_3` + excluded.`chose_3`, `chose_4` = `chose_4` + excluded.`chose_4`, `chose_5` = `chose_5` + excluded.`chose_5`, `chose_6` = `chose_6` + excluded.`chose_6`, `chose_7` = `chose_7` + excluded.`chose_7`;
END;
--> statement-breakpoint
CREATE TRIGGER `members_question_stats_delete` BEFORE DELETE ON `members` BEGIN
  INSERT INTO `unit_question_stats` (`unit_id`, `question_id`, `answers`, `correct`, `score_sum`, `score_squares`, `correct_score_sum`, `chose_0`, `chose_1`, `chose_2`, `chose_3`, `chose_4`, `chose_5`, `chose_6`, `chose_7`)
  SELECT OLD.`unit_id`, x.`question_id`, -count(*), -sum(x.`is_correct`), -sum(coalesce(a.`correct_count`, 0)), -sum(coalesce(a.`correct_count`, 0) * coalesce(a.`correct_count`, 0)), -sum(x.`is_correct` * coalesce(a.`correct_count`, 0)),
    -sum(instr(x.`chosen`, '0') > 0), -sum(instr(x.`chosen`, '1') > 0), -sum(instr(x.`chosen`, '2') > 0), -sum(instr(x.`chosen`, '3') > 0), -sum(instr(x.`chosen`, '4') > 0), -sum(instr(x.`chosen`, '5') > 0), -sum(instr(x.`chosen`, '6') > 0), -sum(instr(x.`chosen`, '7') > 0)
  FROM `quiz_attempts` a JOIN `quiz_answers` x ON x.`attempt_id` = a.`id` JOIN `quiz_questions` q ON q.`id` = x.`question_id` WHERE a.`member_id` = OLD.`id` AND a.`finished_at` IS NOT NULL GROUP BY x.`question_id`
  ON CONFLICT (`unit_id`, `question_id`) DO UPDATE SET `answers` = `answers` + excluded.`answers`, `correct` = `correct` + excluded.`correct`, `score_sum` = `score_sum` + excluded.`score_sum`, `score_squares` = `score_squares` + excluded.`score_squares`, `correct_score_sum` = `correct_score_sum` + excluded.`correct_score_sum`, `chose_0` = `chose_0` + excluded.`chose_0`, `chose_1` = `chose_1` + excluded.`chose_1`, `chose_2` = `chose_2` + excluded.`chose_2`, `chose_3` = `chose_3` + excluded.`chose_3`, `chose_4` = `chose_4` + excluded.`chose_4`, `chose_5` = `chose_5` + excluded.`chose_5`, `chose_6` = `chose_6` + excluded.`chose_6`, `chose_7` = `chose_7` + excluded.`chose_7`;
END;
--> statement-breakpoint
INSERT INTO `unit_question_stats` (`unit_id`, `question_id`, `answers`, `correct`, `score_sum`, `score_squares`, `correct_score_sum`, `chose_0`, `chose_1`, `chose_2`, `chose_3`, `chose_4`, `chose_5`, `chose_6`, `chose_7`)
  SELECT m.`unit_id`, x.`question_id`, count(*), sum(x.`is_correct`), sum(coalesce(a.`correct_count`, 0)), sum(coalesce(a.`correct_count`, 0) * coalesce(a.`correct_count`, 0)), sum(x.`is_correct` * coalesce(a.`correct_count`, 0)),
    sum(instr(x.`chosen`, '0') > 0), sum(instr(x.`chosen`, '1') > 0), sum(instr(x.`chosen`, '2') > 0), sum(instr(x.`chosen`, '3') > 0), sum(instr(x.`chosen`, '4') > 0), sum(instr(x.`chosen`, '5') > 0), sum(instr(x.`chosen`, '6') > 0), sum(instr(x.`chosen`, '7') > 0)
  FROM `quiz_attempts` a JOIN `members` m ON m.`id` = a.`member_id` JOIN `quiz_answers` x ON x.`attempt_id` = a.`id`
  WHERE a.`finished_at` IS NOT NULL GROUP BY m.`unit_id`, x.`question_id`;
