CREATE TABLE `anomaly_thresholds` (
	`id` integer PRIMARY KEY NOT NULL,
	`thresholds` text NOT NULL,
	`set_seq` integer NOT NULL,
	`set_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scan_mismatches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` text NOT NULL,
	`digest_seen` text NOT NULL,
	`site` text,
	`principal` text NOT NULL,
	`source` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `scan_mismatches_at` ON `scan_mismatches` (`at`);--> statement-breakpoint
CREATE INDEX `scan_mismatches_principal` ON `scan_mismatches` (`principal`,`at`);