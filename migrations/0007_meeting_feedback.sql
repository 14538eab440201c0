CREATE TABLE `compliance_findings` (
	`unit_id` integer NOT NULL,
	`rule` text NOT NULL,
	`period` text NOT NULL,
	`found_at` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `rule`, `period`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meeting_feedback` (
	`meeting_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `member_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `meetings` ADD `anonymous_feedback` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `rating` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `rating_details` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `rated_at` integer;