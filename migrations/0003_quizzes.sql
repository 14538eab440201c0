CREATE TABLE `contest_units` (
	`contest_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`contest_id`, `unit_id`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `contests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`set_id` integer NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`attempts_allowed` integer DEFAULT 1 NOT NULL,
	`ask_prediction` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`set_id`) REFERENCES `quiz_sets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contests_slug_unique` ON `contests` (`slug`);--> statement-breakpoint
CREATE TABLE `quiz_answers` (
	`attempt_id` integer NOT NULL,
	`position` integer NOT NULL,
	`question_id` integer NOT NULL,
	`chosen` text NOT NULL,
	`is_correct` integer NOT NULL,
	`timed_out` integer DEFAULT false NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `position`),
	FOREIGN KEY (`attempt_id`) REFERENCES `quiz_attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `quiz_questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quiz_answers_question_id_idx` ON `quiz_answers` (`question_id`);--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`set_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`contest_id` integer,
	`question_ids` text NOT NULL,
	`option_orders` text NOT NULL,
	`shown_at` integer,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`prediction` integer,
	`awaiting_prediction` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`set_id`) REFERENCES `quiz_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quiz_attempts_member_id_idx` ON `quiz_attempts` (`member_id`);--> statement-breakpoint
CREATE INDEX `quiz_attempts_contest_id_idx` ON `quiz_attempts` (`contest_id`);--> statement-breakpoint
CREATE TABLE `quiz_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`set_id` integer NOT NULL,
	`key` text NOT NULL,
	`ordinal` integer NOT NULL,
	`text` text NOT NULL,
	`options` text NOT NULL,
	`correct` text NOT NULL,
	`explanation` text NOT NULL,
	`section_path` text,
	`quote` text,
	`difficulty` text DEFAULT 'medium' NOT NULL,
	`tags` text NOT NULL,
	`status` text DEFAULT 'approved' NOT NULL,
	FOREIGN KEY (`set_id`) REFERENCES `quiz_sets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_questions_set_id_key_idx` ON `quiz_questions` (`set_id`,`key`);--> statement-breakpoint
CREATE TABLE `quiz_set_units` (
	`set_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`set_id`, `unit_id`),
	FOREIGN KEY (`set_id`) REFERENCES `quiz_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `quiz_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`document_id` integer,
	`document_number` text,
	`document_file` text,
	`shuffle_questions` integer DEFAULT true NOT NULL,
	`time_limit_seconds` integer,
	`draw_count` integer,
	`draw_tags` text,
	`draw_difficulty` text,
	`pass_percent` integer DEFAULT 80 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_sets_slug_unique` ON `quiz_sets` (`slug`);