CREATE TABLE `alloys` (
	`code` text PRIMARY KEY NOT NULL,
	`standard` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`active` integer NOT NULL,
	`defined_seq` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `grades` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`family` text NOT NULL,
	`default_source_class` text NOT NULL,
	`yield_min_pct` integer NOT NULL,
	`yield_max_pct` integer NOT NULL,
	`isri` text,
	`active` integer NOT NULL,
	`defined_seq` integer NOT NULL,
	`updated_at` text NOT NULL
);
