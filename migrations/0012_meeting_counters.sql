ALTER TABLE `meetings` ADD `month` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `counted_attendance` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `present_attendance` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `feedback_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `feedback_sum` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `meeting_feedback_member_id_idx` ON `meeting_feedback` (`member_id`);--> statement-breakpoint
CREATE TRIGGER `meetings_month_on_insert` AFTER INSERT ON `meetings` BEGIN
  UPDATE `meetings` SET `month` = CAST(strftime('%Y', NEW.`starts_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', NEW.`starts_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_month_on_update` AFTER UPDATE OF `starts_at` ON `meetings` BEGIN
  UPDATE `meetings` SET `month` = CAST(strftime('%Y', NEW.`starts_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', NEW.`starts_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_invitees_count_insert` AFTER INSERT ON `meeting_invitees`
WHEN NEW.`is_guide` = 0 AND NEW.`attendance` IS NOT NULL AND NEW.`attendance` <> 'exempt' BEGIN
  UPDATE `meetings` SET `counted_attendance` = `counted_attendance` + 1,
    `present_attendance` = `present_attendance` + (NEW.`attendance` IN ('present', 'late')) WHERE `id` = NEW.`meeting_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_invitees_count_delete` AFTER DELETE ON `meeting_invitees`
WHEN OLD.`is_guide` = 0 AND OLD.`attendance` IS NOT NULL AND OLD.`attendance` <> 'exempt' BEGIN
  UPDATE `meetings` SET `counted_attendance` = `counted_attendance` - 1,
    `present_attendance` = `present_attendance` - (OLD.`attendance` IN ('present', 'late')) WHERE `id` = OLD.`meeting_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_invitees_count_update` AFTER UPDATE OF `attendance`, `is_guide`, `meeting_id` ON `meeting_invitees` BEGIN
  UPDATE `meetings` SET
    `counted_attendance` = `counted_attendance` - (OLD.`is_guide` = 0 AND OLD.`attendance` IS NOT NULL AND OLD.`attendance` <> 'exempt'),
    `present_attendance` = `present_attendance` - (OLD.`is_guide` = 0 AND coalesce(OLD.`attendance` IN ('present', 'late'), 0))
  WHERE `id` = OLD.`meeting_id`;
  UPDATE `meetings` SET
    `counted_attendance` = `counted_attendance` + (NEW.`is_guide` = 0 AND NEW.`attendance` IS NOT NULL AND NEW.`attendance` <> 'exempt'),
    `present_attendance` = `present_attendance` + (NEW.`is_guide` = 0 AND coalesce(NEW.`attendance` IN ('present', 'late'), 0))
  WHERE `id` = NEW.`meeting_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_feedback_count_insert` AFTER INSERT ON `meeting_feedback` BEGIN
  UPDATE `meetings` SET `feedback_count` = `feedback_count` + 1, `feedback_sum` = `feedback_sum` + NEW.`score` WHERE `id` = NEW.`meeting_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_feedback_count_delete` AFTER DELETE ON `meeting_feedback` BEGIN
  UPDATE `meetings` SET `feedback_count` = `feedback_count` - 1, `feedback_sum` = `feedback_sum` - OLD.`score` WHERE `id` = OLD.`meeting_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_feedback_count_update` AFTER UPDATE OF `score`, `meeting_id` ON `meeting_feedback` BEGIN
  UPDATE `meetings` SET `feedback_count` = `feedback_count` - 1, `feedback_sum` = `feedback_sum` - OLD.`score` WHERE `id` = OLD.`meeting_id`;
  UPDATE `meetings` SET `feedback_count` = `feedback_count` + 1, `feedback_sum` = `feedback_sum` + NEW.`score` WHERE `id` = NEW.`meeting_id`;
END;
--> statement-breakpoint
UPDATE `meetings` SET
  `month` = CAST(strftime('%Y', `starts_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', `starts_at` / 1000, 'unixepoch', '+7 hours') AS INTEGER) - 1,
  `counted_attendance` = (SELECT count(*) FROM `meeting_invitees` i WHERE i.`meeting_id` = `meetings`.`id` AND i.`is_guide` = 0 AND i.`attendance` IS NOT NULL AND i.`attendance` <> 'exempt'),
  `present_attendance` = (SELECT count(*) FROM `meeting_invitees` i WHERE i.`meeting_id` = `meetings`.`id` AND i.`is_guide` = 0 AND i.`attendance` IN ('present', 'late')),
  `feedback_count` = (SELECT count(*) FROM `meeting_feedback` f WHERE f.`meeting_id` = `meetings`.`id`),
  `feedback_sum` = (SELECT coalesce(sum(f.`score`), 0) FROM `meeting_feedback` f WHERE f.`meeting_id` = `meetings`.`id`);
