CREATE TABLE `document_footnotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`marker` text NOT NULL,
	`text` text NOT NULL,
	`section_path` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `document_passages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`section_path` text NOT NULL,
	`text` text NOT NULL,
	`folded` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_passages_document_id_idx` ON `document_passages` (`document_id`);--> statement-breakpoint
CREATE TABLE `document_references` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`number` text NOT NULL,
	`date` text,
	`kind` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_references_document_id_idx` ON `document_references` (`document_id`);--> statement-breakpoint
CREATE INDEX `document_references_number_idx` ON `document_references` (`number`);--> statement-breakpoint
CREATE TABLE `document_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`path` text NOT NULL,
	`heading` text NOT NULL,
	`level` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_sections_document_id_ordinal_idx` ON `document_sections` (`document_id`,`ordinal`);--> statement-breakpoint
CREATE TABLE `document_study` (
	`document_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`received_at` integer NOT NULL,
	`opened_at` integer,
	`confirmed_at` integer,
	PRIMARY KEY(`document_id`, `member_id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_study_member_id_idx` ON `document_study` (`member_id`);--> statement-breakpoint
CREATE TABLE `document_summaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`scope` text NOT NULL,
	`heading` text NOT NULL,
	`lines` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`source` text NOT NULL,
	`approved_by` text,
	`approved_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_summaries_document_id_scope_idx` ON `document_summaries` (`document_id`,`scope`);--> statement-breakpoint
CREATE TABLE `document_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`section_path` text NOT NULL,
	`text` text NOT NULL,
	`values` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_targets_document_id_idx` ON `document_targets` (`document_id`);--> statement-breakpoint
CREATE TABLE `document_units` (
	`document_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`published_at` integer NOT NULL,
	PRIMARY KEY(`document_id`, `unit_id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_units_unit_id_idx` ON `document_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`number` text,
	`title` text,
	`issuer` text,
	`place` text,
	`issued_at` text,
	`signer_title` text,
	`signer_name` text,
	`recipients` text NOT NULL,
	`statistics` text NOT NULL,
	`source_name` text NOT NULL,
	`content_hash` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_content_hash_idx` ON `documents` (`content_hash`);--> statement-breakpoint
CREATE INDEX `documents_number_idx` ON `documents` (`number`);