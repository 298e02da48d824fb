CREATE TABLE `incentive_payments` (
	`collection_seq` integer PRIMARY KEY NOT NULL,
	`lot_id` text NOT NULL,
	`statement_id` text NOT NULL,
	`scheme_code` text NOT NULL,
	`site` text NOT NULL,
	`mass_g` integer NOT NULL,
	`amount_fen` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `incentive_payments_statement` ON `incentive_payments` (`statement_id`);--> statement-breakpoint
CREATE TABLE `incentive_schemes` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`rates` text NOT NULL,
	`site_kinds` text NOT NULL,
	`cap_fen` integer NOT NULL,
	`defined_seq` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `incentive_statements` (
	`statement_id` text PRIMARY KEY NOT NULL,
	`scheme_code` text NOT NULL,
	`site` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`first_seq` integer NOT NULL,
	`parts` integer NOT NULL,
	`line_count` integer NOT NULL,
	`paid_g` integer NOT NULL,
	`subtotal_fen` integer NOT NULL,
	`payable_fen` integer NOT NULL,
	`issued_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `incentive_statements_scheme` ON `incentive_statements` (`scheme_code`,`site`);