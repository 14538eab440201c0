CREATE TABLE `unit_guides` (
	`unit_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `member_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
