-- Before the indexes can hold, older duplicate open attempts (two quick starts handled at once)
-- go: an untouched one is deleted; one with answers is closed as it stands (answers kept and
-- counted). The newest open attempt of each member and set, or member and contest, stays open:
-- it is the one the bot resumes.
DELETE FROM `quiz_attempts` WHERE `finished_at` IS NULL
  AND `id` < (SELECT max(o.`id`) FROM `quiz_attempts` o WHERE o.`finished_at` IS NULL AND o.`member_id` = `quiz_attempts`.`member_id`
    AND o.`set_id` = `quiz_attempts`.`set_id` AND o.`contest_id` IS `quiz_attempts`.`contest_id`)
  AND NOT EXISTS (SELECT 1 FROM `quiz_answers` x WHERE x.`attempt_id` = `quiz_attempts`.`id`);--> statement-breakpoint
UPDATE `quiz_attempts` SET
  `finished_at` = (SELECT max(x.`answered_at`) FROM `quiz_answers` x WHERE x.`attempt_id` = `quiz_attempts`.`id`),
  `correct_count` = (SELECT count(*) FROM `quiz_answers` x WHERE x.`attempt_id` = `quiz_attempts`.`id` AND x.`is_correct`)
WHERE `finished_at` IS NULL
  AND `id` < (SELECT max(o.`id`) FROM `quiz_attempts` o WHERE o.`finished_at` IS NULL AND o.`member_id` = `quiz_attempts`.`member_id`
    AND o.`set_id` = `quiz_attempts`.`set_id` AND o.`contest_id` IS `quiz_attempts`.`contest_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempts_one_open_practice_idx` ON `quiz_attempts` (`member_id`,`set_id`) WHERE "quiz_attempts"."finished_at" IS NULL AND "quiz_attempts"."contest_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempts_one_open_contest_idx` ON `quiz_attempts` (`member_id`,`contest_id`) WHERE "quiz_attempts"."finished_at" IS NULL AND "quiz_attempts"."contest_id" IS NOT NULL;