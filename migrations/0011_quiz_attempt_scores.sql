ALTER TABLE `quiz_attempts` ADD `correct_count` integer;--> statement-breakpoint
CREATE INDEX `quiz_attempts_finished_at_idx` ON `quiz_attempts` (`finished_at`);--> statement-breakpoint
UPDATE `quiz_attempts` SET `correct_count` = (SELECT count(*) FROM `quiz_answers` x WHERE x.`attempt_id` = `quiz_attempts`.`id` AND x.`is_correct`) WHERE `finished_at` IS NOT NULL;
