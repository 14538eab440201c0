CREATE TABLE `member_contests` (
	`member_id` integer NOT NULL,
	`contest_id` integer NOT NULL,
	`finished` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`member_id`, `contest_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `member_quiz_latest` (
	`member_id` integer PRIMARY KEY NOT NULL,
	`finished_month` integer,
	`passed_month` integer,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `member_quiz_sets` (
	`member_id` integer NOT NULL,
	`set_id` integer NOT NULL,
	`finished` integer DEFAULT 0 NOT NULL,
	`passing` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`member_id`, `set_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_id`) REFERENCES `quiz_sets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `unit_contest_entrants` (
	`unit_id` integer NOT NULL,
	`contest_id` integer NOT NULL,
	`entrants` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_id`, `contest_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `unit_document_study` (
	`unit_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_id`, `document_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `unit_members` (
	`unit_id` integer PRIMARY KEY NOT NULL,
	`members` integer DEFAULT 0 NOT NULL,
	`linked` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `unit_quiz_months` (
	`unit_id` integer NOT NULL,
	`month` integer NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`questions` integer DEFAULT 0 NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`passed` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_id`, `month`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `unit_quiz_sets` (
	`unit_id` integer NOT NULL,
	`set_id` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`questions` integer DEFAULT 0 NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	`passed` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_id`, `set_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_id`) REFERENCES `quiz_sets`(`id`) ON UPDATE no action ON DELETE cascade
);--> statement-breakpoint
CREATE TRIGGER `document_study_rollup_insert` AFTER INSERT ON `document_study` BEGIN
  INSERT INTO `unit_document_study` (`unit_id`, `document_id`, `confirmed`)
  SELECT m.`unit_id`, NEW.`document_id`, 1 FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`confirmed_at` IS NOT NULL
  ON CONFLICT (`unit_id`, `document_id`) DO UPDATE SET `confirmed` = `confirmed` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_study_rollup_delete` AFTER DELETE ON `document_study` BEGIN
  UPDATE `unit_document_study` SET `confirmed` = `confirmed` - 1
  WHERE OLD.`confirmed_at` IS NOT NULL AND `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `document_id` = OLD.`document_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `document_study_rollup_update` AFTER UPDATE OF `confirmed_at`, `member_id`, `document_id` ON `document_study` BEGIN
  UPDATE `unit_document_study` SET `confirmed` = `confirmed` - 1
  WHERE OLD.`confirmed_at` IS NOT NULL AND `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `document_id` = OLD.`document_id`;
  INSERT INTO `unit_document_study` (`unit_id`, `document_id`, `confirmed`)
  SELECT m.`unit_id`, NEW.`document_id`, 1 FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`confirmed_at` IS NOT NULL
  ON CONFLICT (`unit_id`, `document_id`) DO UPDATE SET `confirmed` = `confirmed` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_rollup_insert` AFTER INSERT ON `quiz_attempts`
WHEN NEW.`finished_at` IS NOT NULL BEGIN
  INSERT INTO `unit_quiz_months` (`unit_id`, `month`, `correct`, `questions`)
  SELECT m.`unit_id`, (CAST(strftime('%Y', NEW.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', NEW.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1), coalesce(NEW.`correct_count`, 0), json_array_length(NEW.`question_ids`) FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`finished_at` IS NOT NULL
  ON CONFLICT (`unit_id`, `month`) DO UPDATE SET `correct` = `correct` + excluded.`correct`, `questions` = `questions` + excluded.`questions`;
  INSERT INTO `member_quiz_latest` (`member_id`, `finished_month`, `passed_month`)
  SELECT m.`id`,
    (SELECT (CAST(strftime('%Y', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) FROM `quiz_attempts` a WHERE a.`member_id` = m.`id` AND a.`finished_at` IS NOT NULL),
    (SELECT (CAST(strftime('%Y', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) FROM `quiz_attempts` a JOIN `quiz_sets` qs ON qs.`id` = a.`set_id`
      WHERE a.`member_id` = m.`id` AND a.`finished_at` IS NOT NULL AND a.`correct_count` * 100 >= qs.`pass_percent` * json_array_length(a.`question_ids`))
  FROM `members` m WHERE m.`id` = NEW.`member_id`
  ON CONFLICT (`member_id`) DO UPDATE SET `finished_month` = excluded.`finished_month`, `passed_month` = excluded.`passed_month`;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_rollup_delete` AFTER DELETE ON `quiz_attempts`
WHEN OLD.`finished_at` IS NOT NULL BEGIN
  UPDATE `unit_quiz_months` SET `correct` = `correct` - coalesce(OLD.`correct_count`, 0), `questions` = `questions` - json_array_length(OLD.`question_ids`)
  WHERE OLD.`finished_at` IS NOT NULL AND `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `month` = (CAST(strftime('%Y', OLD.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', OLD.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1);
  INSERT INTO `member_quiz_latest` (`member_id`, `finished_month`, `passed_month`)
  SELECT m.`id`,
    (SELECT (CAST(strftime('%Y', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) FROM `quiz_attempts` a WHERE a.`member_id` = m.`id` AND a.`finished_at` IS NOT NULL),
    (SELECT (CAST(strftime('%Y', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) FROM `quiz_attempts` a JOIN `quiz_sets` qs ON qs.`id` = a.`set_id`
      WHERE a.`member_id` = m.`id` AND a.`finished_at` IS NOT NULL AND a.`correct_count` * 100 >= qs.`pass_percent` * json_array_length(a.`question_ids`))
  FROM `members` m WHERE m.`id` = OLD.`member_id`
  ON CONFLICT (`member_id`) DO UPDATE SET `finished_month` = excluded.`finished_month`, `passed_month` = excluded.`passed_month`;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_rollup_update` AFTER UPDATE OF `finished_at`, `correct_count`, `question_ids`, `member_id`, `set_id` ON `quiz_attempts`
WHEN OLD.`finished_at` IS NOT NEW.`finished_at` OR OLD.`correct_count` IS NOT NEW.`correct_count` OR OLD.`question_ids` IS NOT NEW.`question_ids`
  OR OLD.`member_id` IS NOT NEW.`member_id` OR OLD.`set_id` IS NOT NEW.`set_id` BEGIN
  UPDATE `unit_quiz_months` SET `correct` = `correct` - coalesce(OLD.`correct_count`, 0), `questions` = `questions` - json_array_length(OLD.`question_ids`)
  WHERE OLD.`finished_at` IS NOT NULL AND `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `month` = (CAST(strftime('%Y', OLD.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', OLD.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1);
  INSERT INTO `unit_quiz_months` (`unit_id`, `month`, `correct`, `questions`)
  SELECT m.`unit_id`, (CAST(strftime('%Y', NEW.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', NEW.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1), coalesce(NEW.`correct_count`, 0), json_array_length(NEW.`question_ids`) FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`finished_at` IS NOT NULL
  ON CONFLICT (`unit_id`, `month`) DO UPDATE SET `correct` = `correct` + excluded.`correct`, `questions` = `questions` + excluded.`questions`;
  INSERT INTO `member_quiz_latest` (`member_id`, `finished_month`, `passed_month`)
  SELECT m.`id`,
    (SELECT (CAST(strftime('%Y', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) FROM `quiz_attempts` a WHERE a.`member_id` = m.`id` AND a.`finished_at` IS NOT NULL),
    (SELECT (CAST(strftime('%Y', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) FROM `quiz_attempts` a JOIN `quiz_sets` qs ON qs.`id` = a.`set_id`
      WHERE a.`member_id` = m.`id` AND a.`finished_at` IS NOT NULL AND a.`correct_count` * 100 >= qs.`pass_percent` * json_array_length(a.`question_ids`))
  FROM `members` m WHERE m.`id` = OLD.`member_id`
  ON CONFLICT (`member_id`) DO UPDATE SET `finished_month` = excluded.`finished_month`, `passed_month` = excluded.`passed_month`;
  INSERT INTO `member_quiz_latest` (`member_id`, `finished_month`, `passed_month`)
  SELECT m.`id`,
    (SELECT (CAST(strftime('%Y', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) FROM `quiz_attempts` a WHERE a.`member_id` = m.`id` AND a.`finished_at` IS NOT NULL),
    (SELECT (CAST(strftime('%Y', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) FROM `quiz_attempts` a JOIN `quiz_sets` qs ON qs.`id` = a.`set_id`
      WHERE a.`member_id` = m.`id` AND a.`finished_at` IS NOT NULL AND a.`correct_count` * 100 >= qs.`pass_percent` * json_array_length(a.`question_ids`))
  FROM `members` m WHERE m.`id` = NEW.`member_id`
  ON CONFLICT (`member_id`) DO UPDATE SET `finished_month` = excluded.`finished_month`, `passed_month` = excluded.`passed_month`;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_sets_rollup_pass_percent` AFTER UPDATE OF `pass_percent` ON `quiz_sets` BEGIN
  UPDATE `member_quiz_latest` SET `passed_month` = (SELECT (CAST(strftime('%Y', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) FROM `quiz_attempts` a JOIN `quiz_sets` qs ON qs.`id` = a.`set_id`
      WHERE a.`member_id` = `member_quiz_latest`.`member_id` AND a.`finished_at` IS NOT NULL AND a.`correct_count` * 100 >= qs.`pass_percent` * json_array_length(a.`question_ids`))
    WHERE `member_id` IN (SELECT `member_id` FROM `quiz_attempts` WHERE `set_id` = NEW.`id` AND `finished_at` IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `member_quiz_latest_rollup_insert` AFTER INSERT ON `member_quiz_latest` BEGIN
  INSERT INTO `unit_quiz_months` (`unit_id`, `month`, `participants`)
  SELECT m.`unit_id`, NEW.`finished_month`, 1 FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`finished_month` IS NOT NULL
  ON CONFLICT (`unit_id`, `month`) DO UPDATE SET `participants` = `participants` + 1;
  INSERT INTO `unit_quiz_months` (`unit_id`, `month`, `passed`)
  SELECT m.`unit_id`, NEW.`passed_month`, 1 FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`passed_month` IS NOT NULL
  ON CONFLICT (`unit_id`, `month`) DO UPDATE SET `passed` = `passed` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `member_quiz_latest_rollup_delete` AFTER DELETE ON `member_quiz_latest` BEGIN
  UPDATE `unit_quiz_months` SET `participants` = `participants` - 1 WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `month` = OLD.`finished_month`;
  UPDATE `unit_quiz_months` SET `passed` = `passed` - 1 WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `month` = OLD.`passed_month`;
END;
--> statement-breakpoint
CREATE TRIGGER `member_quiz_latest_rollup_update` AFTER UPDATE ON `member_quiz_latest`
WHEN OLD.`finished_month` IS NOT NEW.`finished_month` OR OLD.`passed_month` IS NOT NEW.`passed_month` OR OLD.`member_id` IS NOT NEW.`member_id` BEGIN
  UPDATE `unit_quiz_months` SET `participants` = `participants` - 1 WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `month` = OLD.`finished_month`;
  UPDATE `unit_quiz_months` SET `passed` = `passed` - 1 WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `month` = OLD.`passed_month`;
  INSERT INTO `unit_quiz_months` (`unit_id`, `month`, `participants`)
  SELECT m.`unit_id`, NEW.`finished_month`, 1 FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`finished_month` IS NOT NULL
  ON CONFLICT (`unit_id`, `month`) DO UPDATE SET `participants` = `participants` + 1;
  INSERT INTO `unit_quiz_months` (`unit_id`, `month`, `passed`)
  SELECT m.`unit_id`, NEW.`passed_month`, 1 FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`passed_month` IS NOT NULL
  ON CONFLICT (`unit_id`, `month`) DO UPDATE SET `passed` = `passed` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `members_rollup_move` AFTER UPDATE OF `unit_id` ON `members`
WHEN OLD.`unit_id` IS NOT NEW.`unit_id` BEGIN
  UPDATE `unit_document_study` SET `confirmed` = `confirmed` - 1 WHERE `unit_id` = OLD.`unit_id`
    AND `document_id` IN (SELECT `document_id` FROM `document_study` WHERE `member_id` = NEW.`id` AND `confirmed_at` IS NOT NULL);
  UPDATE `unit_quiz_months` SET
    `correct` = `correct` - (SELECT coalesce(sum(a.`correct_count`), 0) FROM `quiz_attempts` a WHERE a.`member_id` = NEW.`id` AND a.`finished_at` IS NOT NULL AND (CAST(strftime('%Y', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) = `unit_quiz_months`.`month`),
    `questions` = `questions` - (SELECT coalesce(sum(json_array_length(a.`question_ids`)), 0) FROM `quiz_attempts` a WHERE a.`member_id` = NEW.`id` AND a.`finished_at` IS NOT NULL AND (CAST(strftime('%Y', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) = `unit_quiz_months`.`month`),
    `participants` = `participants` - (SELECT count(*) FROM `member_quiz_latest` l WHERE l.`member_id` = NEW.`id` AND l.`finished_month` = `unit_quiz_months`.`month`),
    `passed` = `passed` - (SELECT count(*) FROM `member_quiz_latest` l WHERE l.`member_id` = NEW.`id` AND l.`passed_month` = `unit_quiz_months`.`month`)
  WHERE `unit_id` = OLD.`unit_id`;
  INSERT INTO `unit_document_study` (`unit_id`, `document_id`, `confirmed`)
    SELECT NEW.`unit_id`, `document_id`, 1 FROM `document_study` WHERE `member_id` = NEW.`id` AND `confirmed_at` IS NOT NULL
    ON CONFLICT (`unit_id`, `document_id`) DO UPDATE SET `confirmed` = `confirmed` + 1;
  INSERT INTO `unit_quiz_months` (`unit_id`, `month`, `correct`, `questions`)
    SELECT NEW.`unit_id`, (CAST(strftime('%Y', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1), coalesce(sum(a.`correct_count`), 0), sum(json_array_length(a.`question_ids`)) FROM `quiz_attempts` a
    WHERE a.`member_id` = NEW.`id` AND a.`finished_at` IS NOT NULL GROUP BY 2
    ON CONFLICT (`unit_id`, `month`) DO UPDATE SET `correct` = `correct` + excluded.`correct`, `questions` = `questions` + excluded.`questions`;
  INSERT INTO `unit_quiz_months` (`unit_id`, `month`, `participants`)
    SELECT NEW.`unit_id`, `finished_month`, 1 FROM `member_quiz_latest` WHERE `member_id` = NEW.`id` AND `finished_month` IS NOT NULL
    ON CONFLICT (`unit_id`, `month`) DO UPDATE SET `participants` = `participants` + 1;
  INSERT INTO `unit_quiz_months` (`unit_id`, `month`, `passed`)
    SELECT NEW.`unit_id`, `passed_month`, 1 FROM `member_quiz_latest` WHERE `member_id` = NEW.`id` AND `passed_month` IS NOT NULL
    ON CONFLICT (`unit_id`, `month`) DO UPDATE SET `passed` = `passed` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `members_rollup_delete` BEFORE DELETE ON `members` BEGIN
  UPDATE `unit_document_study` SET `confirmed` = `confirmed` - 1 WHERE `unit_id` = OLD.`unit_id`
    AND `document_id` IN (SELECT `document_id` FROM `document_study` WHERE `member_id` = OLD.`id` AND `confirmed_at` IS NOT NULL);
  UPDATE `unit_quiz_months` SET
    `correct` = `correct` - (SELECT coalesce(sum(a.`correct_count`), 0) FROM `quiz_attempts` a WHERE a.`member_id` = OLD.`id` AND a.`finished_at` IS NOT NULL AND (CAST(strftime('%Y', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) = `unit_quiz_months`.`month`),
    `questions` = `questions` - (SELECT coalesce(sum(json_array_length(a.`question_ids`)), 0) FROM `quiz_attempts` a WHERE a.`member_id` = OLD.`id` AND a.`finished_at` IS NOT NULL AND (CAST(strftime('%Y', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) = `unit_quiz_months`.`month`),
    `participants` = `participants` - (SELECT count(*) FROM `member_quiz_latest` l WHERE l.`member_id` = OLD.`id` AND l.`finished_month` = `unit_quiz_months`.`month`),
    `passed` = `passed` - (SELECT count(*) FROM `member_quiz_latest` l WHERE l.`member_id` = OLD.`id` AND l.`passed_month` = `unit_quiz_months`.`month`)
  WHERE `unit_id` = OLD.`unit_id`;
END;
--> statement-breakpoint
INSERT INTO `unit_document_study` (`unit_id`, `document_id`, `confirmed`)
  SELECT m.`unit_id`, s.`document_id`, count(*) FROM `document_study` s JOIN `members` m ON m.`id` = s.`member_id`
  WHERE s.`confirmed_at` IS NOT NULL GROUP BY m.`unit_id`, s.`document_id`;
--> statement-breakpoint
INSERT INTO `unit_quiz_months` (`unit_id`, `month`, `correct`, `questions`)
  SELECT m.`unit_id`, (CAST(strftime('%Y', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', a.`finished_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1) AS `month`, coalesce(sum(a.`correct_count`), 0), sum(json_array_length(a.`question_ids`))
  FROM `quiz_attempts` a JOIN `members` m ON m.`id` = a.`member_id` WHERE a.`finished_at` IS NOT NULL GROUP BY m.`unit_id`, `month`;
--> statement-breakpoint
INSERT INTO `member_quiz_latest` (`member_id`, `finished_month`, `passed_month`)
  SELECT a.`member_id`, (CAST(strftime('%Y', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(a.`finished_at`) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1),
    (CAST(strftime('%Y', max(CASE WHEN a.`correct_count` * 100 >= qs.`pass_percent` * json_array_length(a.`question_ids`) THEN a.`finished_at` END) / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', max(CASE WHEN a.`correct_count` * 100 >= qs.`pass_percent` * json_array_length(a.`question_ids`) THEN a.`finished_at` END) / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1)
  FROM `quiz_attempts` a JOIN `quiz_sets` qs ON qs.`id` = a.`set_id` JOIN `members` m ON m.`id` = a.`member_id` WHERE a.`finished_at` IS NOT NULL GROUP BY a.`member_id`;
--> statement-breakpoint
CREATE TRIGGER `members_count_insert` AFTER INSERT ON `members` BEGIN
  INSERT INTO `unit_members` (`unit_id`, `members`, `linked`) VALUES (NEW.`unit_id`, 1, EXISTS (SELECT 1 FROM `channel_accounts` a WHERE a.`member_id` = NEW.`id`))
    ON CONFLICT (`unit_id`) DO UPDATE SET `members` = `members` + 1, `linked` = `linked` + excluded.`linked`;
END;
--> statement-breakpoint
CREATE TRIGGER `members_count_move` AFTER UPDATE OF `unit_id` ON `members`
WHEN OLD.`unit_id` IS NOT NEW.`unit_id` BEGIN
  UPDATE `unit_members` SET `members` = `members` - 1, `linked` = `linked` - EXISTS (SELECT 1 FROM `channel_accounts` a WHERE a.`member_id` = NEW.`id`) WHERE `unit_id` = OLD.`unit_id`;
  INSERT INTO `unit_members` (`unit_id`, `members`, `linked`) VALUES (NEW.`unit_id`, 1, EXISTS (SELECT 1 FROM `channel_accounts` a WHERE a.`member_id` = NEW.`id`))
    ON CONFLICT (`unit_id`) DO UPDATE SET `members` = `members` + 1, `linked` = `linked` + excluded.`linked`;
END;
--> statement-breakpoint
CREATE TRIGGER `members_count_delete` BEFORE DELETE ON `members` BEGIN
  UPDATE `unit_members` SET `members` = `members` - 1, `linked` = `linked` - EXISTS (SELECT 1 FROM `channel_accounts` a WHERE a.`member_id` = OLD.`id`) WHERE `unit_id` = OLD.`unit_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `channel_accounts_linked_insert` AFTER INSERT ON `channel_accounts` BEGIN
  UPDATE `unit_members` SET `linked` = `linked` + 1 WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = NEW.`member_id`)
    AND (SELECT count(*) FROM `channel_accounts` WHERE `member_id` = NEW.`member_id`) = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `channel_accounts_linked_delete` AFTER DELETE ON `channel_accounts` BEGIN
  UPDATE `unit_members` SET `linked` = `linked` - 1 WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`)
    AND NOT EXISTS (SELECT 1 FROM `channel_accounts` WHERE `member_id` = OLD.`member_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `channel_accounts_linked_update` AFTER UPDATE OF `member_id` ON `channel_accounts`
WHEN OLD.`member_id` IS NOT NEW.`member_id` BEGIN
  UPDATE `unit_members` SET `linked` = `linked` - 1 WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`)
    AND NOT EXISTS (SELECT 1 FROM `channel_accounts` WHERE `member_id` = OLD.`member_id`);
  UPDATE `unit_members` SET `linked` = `linked` + 1 WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = NEW.`member_id`)
    AND (SELECT count(*) FROM `channel_accounts` WHERE `member_id` = NEW.`member_id`) = 1;
END;
--> statement-breakpoint
INSERT INTO `unit_members` (`unit_id`, `members`, `linked`)
  SELECT m.`unit_id`, count(*), sum(EXISTS (SELECT 1 FROM `channel_accounts` a WHERE a.`member_id` = m.`id`)) FROM `members` m GROUP BY m.`unit_id`;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_sets_insert` AFTER INSERT ON `quiz_attempts`
WHEN NEW.`finished_at` IS NOT NULL BEGIN
  INSERT INTO `unit_quiz_sets` (`unit_id`, `set_id`, `attempts`, `correct`, `questions`)
    SELECT m.`unit_id`, NEW.`set_id`, 1, coalesce(NEW.`correct_count`, 0), json_array_length(NEW.`question_ids`) FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`finished_at` IS NOT NULL
    ON CONFLICT (`unit_id`, `set_id`) DO UPDATE SET `attempts` = `attempts` + 1, `correct` = `correct` + excluded.`correct`, `questions` = `questions` + excluded.`questions`;
  INSERT INTO `member_quiz_sets` (`member_id`, `set_id`, `finished`, `passing`)
    SELECT m.`id`, NEW.`set_id`, 1, coalesce(NEW.`correct_count` * 100 >= (SELECT `pass_percent` FROM `quiz_sets` WHERE `id` = NEW.`set_id`) * json_array_length(NEW.`question_ids`), 0) FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`finished_at` IS NOT NULL
    ON CONFLICT (`member_id`, `set_id`) DO UPDATE SET `finished` = `finished` + 1, `passing` = `passing` + excluded.`passing`;
  INSERT INTO `member_contests` (`member_id`, `contest_id`, `finished`)
    SELECT m.`id`, NEW.`contest_id`, 1 FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`finished_at` IS NOT NULL AND NEW.`contest_id` IS NOT NULL
    ON CONFLICT (`member_id`, `contest_id`) DO UPDATE SET `finished` = `finished` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_sets_delete` AFTER DELETE ON `quiz_attempts`
WHEN OLD.`finished_at` IS NOT NULL BEGIN
  UPDATE `unit_quiz_sets` SET `attempts` = `attempts` - 1, `correct` = `correct` - coalesce(OLD.`correct_count`, 0), `questions` = `questions` - json_array_length(OLD.`question_ids`)
    WHERE OLD.`finished_at` IS NOT NULL AND `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `set_id` = OLD.`set_id`;
  UPDATE `member_quiz_sets` SET `finished` = `finished` - 1, `passing` = `passing` - coalesce(OLD.`correct_count` * 100 >= (SELECT `pass_percent` FROM `quiz_sets` WHERE `id` = OLD.`set_id`) * json_array_length(OLD.`question_ids`), 0)
    WHERE OLD.`finished_at` IS NOT NULL AND `member_id` = OLD.`member_id` AND `set_id` = OLD.`set_id`;
  UPDATE `member_contests` SET `finished` = `finished` - 1
    WHERE OLD.`finished_at` IS NOT NULL AND `member_id` = OLD.`member_id` AND `contest_id` = OLD.`contest_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_attempts_sets_update` AFTER UPDATE OF `finished_at`, `correct_count`, `question_ids`, `member_id`, `set_id`, `contest_id` ON `quiz_attempts`
WHEN OLD.`finished_at` IS NOT NEW.`finished_at` OR OLD.`correct_count` IS NOT NEW.`correct_count` OR OLD.`question_ids` IS NOT NEW.`question_ids`
  OR OLD.`member_id` IS NOT NEW.`member_id` OR OLD.`set_id` IS NOT NEW.`set_id` OR OLD.`contest_id` IS NOT NEW.`contest_id` BEGIN
  UPDATE `unit_quiz_sets` SET `attempts` = `attempts` - 1, `correct` = `correct` - coalesce(OLD.`correct_count`, 0), `questions` = `questions` - json_array_length(OLD.`question_ids`)
    WHERE OLD.`finished_at` IS NOT NULL AND `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `set_id` = OLD.`set_id`;
  UPDATE `member_quiz_sets` SET `finished` = `finished` - 1, `passing` = `passing` - coalesce(OLD.`correct_count` * 100 >= (SELECT `pass_percent` FROM `quiz_sets` WHERE `id` = OLD.`set_id`) * json_array_length(OLD.`question_ids`), 0)
    WHERE OLD.`finished_at` IS NOT NULL AND `member_id` = OLD.`member_id` AND `set_id` = OLD.`set_id`;
  UPDATE `member_contests` SET `finished` = `finished` - 1
    WHERE OLD.`finished_at` IS NOT NULL AND `member_id` = OLD.`member_id` AND `contest_id` = OLD.`contest_id`;
  INSERT INTO `unit_quiz_sets` (`unit_id`, `set_id`, `attempts`, `correct`, `questions`)
    SELECT m.`unit_id`, NEW.`set_id`, 1, coalesce(NEW.`correct_count`, 0), json_array_length(NEW.`question_ids`) FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`finished_at` IS NOT NULL
    ON CONFLICT (`unit_id`, `set_id`) DO UPDATE SET `attempts` = `attempts` + 1, `correct` = `correct` + excluded.`correct`, `questions` = `questions` + excluded.`questions`;
  INSERT INTO `member_quiz_sets` (`member_id`, `set_id`, `finished`, `passing`)
    SELECT m.`id`, NEW.`set_id`, 1, coalesce(NEW.`correct_count` * 100 >= (SELECT `pass_percent` FROM `quiz_sets` WHERE `id` = NEW.`set_id`) * json_array_length(NEW.`question_ids`), 0) FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`finished_at` IS NOT NULL
    ON CONFLICT (`member_id`, `set_id`) DO UPDATE SET `finished` = `finished` + 1, `passing` = `passing` + excluded.`passing`;
  INSERT INTO `member_contests` (`member_id`, `contest_id`, `finished`)
    SELECT m.`id`, NEW.`contest_id`, 1 FROM `members` m WHERE m.`id` = NEW.`member_id` AND NEW.`finished_at` IS NOT NULL AND NEW.`contest_id` IS NOT NULL
    ON CONFLICT (`member_id`, `contest_id`) DO UPDATE SET `finished` = `finished` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quiz_sets_passing_pass_percent` AFTER UPDATE OF `pass_percent` ON `quiz_sets` BEGIN
  UPDATE `member_quiz_sets` SET `passing` = (SELECT count(*) FROM `quiz_attempts` a WHERE a.`member_id` = `member_quiz_sets`.`member_id` AND a.`set_id` = NEW.`id`
      AND a.`finished_at` IS NOT NULL AND coalesce(a.`correct_count` * 100 >= NEW.`pass_percent` * json_array_length(a.`question_ids`), 0))
    WHERE `set_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `member_quiz_sets_rollup_insert` AFTER INSERT ON `member_quiz_sets` BEGIN
  INSERT INTO `unit_quiz_sets` (`unit_id`, `set_id`, `participants`, `passed`) SELECT m.`unit_id`, NEW.`set_id`, (NEW.`finished` > 0), (NEW.`passing` > 0) FROM `members` m WHERE m.`id` = NEW.`member_id`
    ON CONFLICT (`unit_id`, `set_id`) DO UPDATE SET `participants` = `participants` + excluded.`participants`, `passed` = `passed` + excluded.`passed`;
END;
--> statement-breakpoint
CREATE TRIGGER `member_quiz_sets_rollup_delete` AFTER DELETE ON `member_quiz_sets` BEGIN
  UPDATE `unit_quiz_sets` SET `participants` = `participants` - (OLD.`finished` > 0), `passed` = `passed` - (OLD.`passing` > 0) WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `set_id` = OLD.`set_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `member_quiz_sets_rollup_update` AFTER UPDATE ON `member_quiz_sets` BEGIN
  UPDATE `unit_quiz_sets` SET `participants` = `participants` - (OLD.`finished` > 0), `passed` = `passed` - (OLD.`passing` > 0) WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `set_id` = OLD.`set_id`;
  INSERT INTO `unit_quiz_sets` (`unit_id`, `set_id`, `participants`, `passed`) SELECT m.`unit_id`, NEW.`set_id`, (NEW.`finished` > 0), (NEW.`passing` > 0) FROM `members` m WHERE m.`id` = NEW.`member_id`
    ON CONFLICT (`unit_id`, `set_id`) DO UPDATE SET `participants` = `participants` + excluded.`participants`, `passed` = `passed` + excluded.`passed`;
END;
--> statement-breakpoint
CREATE TRIGGER `member_contests_rollup_insert` AFTER INSERT ON `member_contests` BEGIN
  INSERT INTO `unit_contest_entrants` (`unit_id`, `contest_id`, `entrants`) SELECT m.`unit_id`, NEW.`contest_id`, (NEW.`finished` > 0) FROM `members` m WHERE m.`id` = NEW.`member_id`
    ON CONFLICT (`unit_id`, `contest_id`) DO UPDATE SET `entrants` = `entrants` + excluded.`entrants`;
END;
--> statement-breakpoint
CREATE TRIGGER `member_contests_rollup_delete` AFTER DELETE ON `member_contests` BEGIN
  UPDATE `unit_contest_entrants` SET `entrants` = `entrants` - (OLD.`finished` > 0) WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `contest_id` = OLD.`contest_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `member_contests_rollup_update` AFTER UPDATE ON `member_contests` BEGIN
  UPDATE `unit_contest_entrants` SET `entrants` = `entrants` - (OLD.`finished` > 0) WHERE `unit_id` = (SELECT `unit_id` FROM `members` WHERE `id` = OLD.`member_id`) AND `contest_id` = OLD.`contest_id`;
  INSERT INTO `unit_contest_entrants` (`unit_id`, `contest_id`, `entrants`) SELECT m.`unit_id`, NEW.`contest_id`, (NEW.`finished` > 0) FROM `members` m WHERE m.`id` = NEW.`member_id`
    ON CONFLICT (`unit_id`, `contest_id`) DO UPDATE SET `entrants` = `entrants` + excluded.`entrants`;
END;
--> statement-breakpoint
CREATE TRIGGER `members_quiz_sets_move` AFTER UPDATE OF `unit_id` ON `members`
WHEN OLD.`unit_id` IS NOT NEW.`unit_id` BEGIN
  UPDATE `unit_quiz_sets` SET
    `attempts` = `attempts` - (SELECT count(*) FROM `quiz_attempts` a WHERE a.`member_id` = NEW.`id` AND a.`set_id` = `unit_quiz_sets`.`set_id` AND a.`finished_at` IS NOT NULL),
    `correct` = `correct` - (SELECT coalesce(sum(a.`correct_count`), 0) FROM `quiz_attempts` a WHERE a.`member_id` = NEW.`id` AND a.`set_id` = `unit_quiz_sets`.`set_id` AND a.`finished_at` IS NOT NULL),
    `questions` = `questions` - (SELECT coalesce(sum(json_array_length(a.`question_ids`)), 0) FROM `quiz_attempts` a WHERE a.`member_id` = NEW.`id` AND a.`set_id` = `unit_quiz_sets`.`set_id` AND a.`finished_at` IS NOT NULL),
    `participants` = `participants` - (SELECT count(*) FROM `member_quiz_sets` s WHERE s.`member_id` = NEW.`id` AND s.`set_id` = `unit_quiz_sets`.`set_id` AND s.`finished` > 0),
    `passed` = `passed` - (SELECT count(*) FROM `member_quiz_sets` s WHERE s.`member_id` = NEW.`id` AND s.`set_id` = `unit_quiz_sets`.`set_id` AND s.`passing` > 0)
    WHERE `unit_id` = OLD.`unit_id` AND `set_id` IN (SELECT `set_id` FROM `member_quiz_sets` WHERE `member_id` = NEW.`id`);
  UPDATE `unit_contest_entrants` SET `entrants` = `entrants` - 1
    WHERE `unit_id` = OLD.`unit_id` AND `contest_id` IN (SELECT `contest_id` FROM `member_contests` WHERE `member_id` = NEW.`id` AND `finished` > 0);
  INSERT INTO `unit_quiz_sets` (`unit_id`, `set_id`, `attempts`, `correct`, `questions`, `participants`, `passed`)
    SELECT NEW.`unit_id`, s.`set_id`,
      (SELECT count(*) FROM `quiz_attempts` a WHERE a.`member_id` = NEW.`id` AND a.`set_id` = s.`set_id` AND a.`finished_at` IS NOT NULL),
      (SELECT coalesce(sum(a.`correct_count`), 0) FROM `quiz_attempts` a WHERE a.`member_id` = NEW.`id` AND a.`set_id` = s.`set_id` AND a.`finished_at` IS NOT NULL),
      (SELECT coalesce(sum(json_array_length(a.`question_ids`)), 0) FROM `quiz_attempts` a WHERE a.`member_id` = NEW.`id` AND a.`set_id` = s.`set_id` AND a.`finished_at` IS NOT NULL),
      s.`finished` > 0, s.`passing` > 0
    FROM `member_quiz_sets` s WHERE s.`member_id` = NEW.`id`
    ON CONFLICT (`unit_id`, `set_id`) DO UPDATE SET `attempts` = `attempts` + excluded.`attempts`, `correct` = `correct` + excluded.`correct`,
      `questions` = `questions` + excluded.`questions`, `participants` = `participants` + excluded.`participants`, `passed` = `passed` + excluded.`passed`;
  INSERT INTO `unit_contest_entrants` (`unit_id`, `contest_id`, `entrants`)
    SELECT NEW.`unit_id`, `contest_id`, 1 FROM `member_contests` WHERE `member_id` = NEW.`id` AND `finished` > 0
    ON CONFLICT (`unit_id`, `contest_id`) DO UPDATE SET `entrants` = `entrants` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `members_quiz_sets_delete` BEFORE DELETE ON `members` BEGIN
  UPDATE `unit_quiz_sets` SET
    `attempts` = `attempts` - (SELECT count(*) FROM `quiz_attempts` a WHERE a.`member_id` = OLD.`id` AND a.`set_id` = `unit_quiz_sets`.`set_id` AND a.`finished_at` IS NOT NULL),
    `correct` = `correct` - (SELECT coalesce(sum(a.`correct_count`), 0) FROM `quiz_attempts` a WHERE a.`member_id` = OLD.`id` AND a.`set_id` = `unit_quiz_sets`.`set_id` AND a.`finished_at` IS NOT NULL),
    `questions` = `questions` - (SELECT coalesce(sum(json_array_length(a.`question_ids`)), 0) FROM `quiz_attempts` a WHERE a.`member_id` = OLD.`id` AND a.`set_id` = `unit_quiz_sets`.`set_id` AND a.`finished_at` IS NOT NULL),
    `participants` = `participants` - (SELECT count(*) FROM `member_quiz_sets` s WHERE s.`member_id` = OLD.`id` AND s.`set_id` = `unit_quiz_sets`.`set_id` AND s.`finished` > 0),
    `passed` = `passed` - (SELECT count(*) FROM `member_quiz_sets` s WHERE s.`member_id` = OLD.`id` AND s.`set_id` = `unit_quiz_sets`.`set_id` AND s.`passing` > 0)
    WHERE `unit_id` = OLD.`unit_id` AND `set_id` IN (SELECT `set_id` FROM `member_quiz_sets` WHERE `member_id` = OLD.`id`);
  UPDATE `unit_contest_entrants` SET `entrants` = `entrants` - 1
    WHERE `unit_id` = OLD.`unit_id` AND `contest_id` IN (SELECT `contest_id` FROM `member_contests` WHERE `member_id` = OLD.`id` AND `finished` > 0);
END;
--> statement-breakpoint
INSERT INTO `unit_quiz_sets` (`unit_id`, `set_id`, `attempts`, `correct`, `questions`)
  SELECT m.`unit_id`, a.`set_id`, count(*), coalesce(sum(a.`correct_count`), 0), sum(json_array_length(a.`question_ids`))
  FROM `quiz_attempts` a JOIN `members` m ON m.`id` = a.`member_id` WHERE a.`finished_at` IS NOT NULL GROUP BY m.`unit_id`, a.`set_id`;
--> statement-breakpoint
INSERT INTO `member_quiz_sets` (`member_id`, `set_id`, `finished`, `passing`)
  SELECT a.`member_id`, a.`set_id`, count(*), sum(coalesce(a.`correct_count` * 100 >= qs.`pass_percent` * json_array_length(a.`question_ids`), 0))
  FROM `quiz_attempts` a JOIN `quiz_sets` qs ON qs.`id` = a.`set_id` JOIN `members` m ON m.`id` = a.`member_id` WHERE a.`finished_at` IS NOT NULL GROUP BY a.`member_id`, a.`set_id`;
--> statement-breakpoint
INSERT INTO `member_contests` (`member_id`, `contest_id`, `finished`)
  SELECT a.`member_id`, a.`contest_id`, count(*) FROM `quiz_attempts` a JOIN `members` m ON m.`id` = a.`member_id`
  WHERE a.`finished_at` IS NOT NULL AND a.`contest_id` IS NOT NULL GROUP BY a.`member_id`, a.`contest_id`;
