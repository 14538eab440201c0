CREATE TABLE `broadcasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`created_by_member_id` integer,
	`progress_channel` text,
	`progress_chat_id` text,
	`progress_message_id` text,
	`total` integer NOT NULL,
	`not_linked` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`progress_at` integer,
	`reported_at` integer,
	FOREIGN KEY (`created_by_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `outbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`broadcast_id` integer,
	`dedupe_key` text NOT NULL,
	`channel` text NOT NULL,
	`member_id` integer,
	`chat_id` text NOT NULL,
	`text` text NOT NULL,
	`keyboard` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_at` integer,
	`sent_at` integer,
	`external_message_id` text,
	`last_error` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`broadcast_id`) REFERENCES `broadcasts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_messages_dedupe_key_idx` ON `outbox_messages` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_messages_status_next_attempt_at_idx` ON `outbox_messages` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_messages_broadcast_id_status_idx` ON `outbox_messages` (`broadcast_id`,`status`);--> statement-breakpoint
ALTER TABLE `channel_accounts` ADD `blocked_at` integer;