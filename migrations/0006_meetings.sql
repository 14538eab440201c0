CREATE TABLE `chat_prompts` (
	`channel` text NOT NULL,
	`external_id` text NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`channel`, `external_id`)
);
--> statement-breakpoint
CREATE TABLE `meeting_invitees` (
	`meeting_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`is_guide` integer DEFAULT false NOT NULL,
	`reply` text,
	`reason` text,
	`replied_at` integer,
	`attendance` text,
	`attendance_reason` text,
	`checked_in_at` integer,
	PRIMARY KEY(`meeting_id`, `member_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_invitees_member_id_idx` ON `meeting_invitees` (`member_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`starts_at` integer NOT NULL,
	`place` text NOT NULL,
	`agenda` text NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`created_by_member_id` integer,
	`notice_broadcast_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meetings_unit_id_starts_at_idx` ON `meetings` (`unit_id`,`starts_at`);