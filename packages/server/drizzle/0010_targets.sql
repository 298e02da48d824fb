CREATE TABLE `targets` (
	`seq` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`metric` text NOT NULL,
	`scope_kind` text NOT NULL,
	`scope_value` text,
	`period` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`comparison` text NOT NULL,
	`value` integer NOT NULL,
	`active` integer NOT NULL,
	`supersedes_seq` integer,
	`superseded_by_seq` integer,
	`defined_by` text NOT NULL,
	`defined_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `targets_code` ON `targets` (`code`,`seq`);