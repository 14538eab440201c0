ALTER TABLE `processed_updates` ADD `handled_at` integer;--> statement-breakpoint
-- Claims taken before leases existed were handled (or given up) long ago: never redo them.
UPDATE `processed_updates` SET `handled_at` = `processed_at`;
