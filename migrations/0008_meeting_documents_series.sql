CREATE TABLE `meeting_documents` (
	`meeting_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `document_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meeting_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`organiser_id` integer NOT NULL,
	`day_of_month` integer NOT NULL,
	`minute_of_day` integer NOT NULL,
	`place` text NOT NULL,
	`agenda` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organiser_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `units` ADD `anonymous_feedback` integer DEFAULT false NOT NULL;