CREATE TABLE `ledger_checkpoints` (
	`tree_size` integer PRIMARY KEY NOT NULL,
	`root_hash` blob NOT NULL,
	`note` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`site` text,
	`actor_id` text NOT NULL,
	`occurred_at` text NOT NULL,
	`recorded_at` text NOT NULL,
	`canonical` blob NOT NULL,
	`leaf_hash` blob NOT NULL,
	`nodes` blob
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_id_unique` ON `ledger_entries` (`id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_kind` ON `ledger_entries` (`kind`,`seq`);--> statement-breakpoint
CREATE INDEX `ledger_entries_site` ON `ledger_entries` (`site`,`seq`);--> statement-breakpoint
CREATE INDEX `ledger_entries_actor` ON `ledger_entries` (`actor_id`,`seq`);--> statement-breakpoint
CREATE TABLE `ledger_idempotency` (
	`key` text PRIMARY KEY NOT NULL,
	`fingerprint` blob NOT NULL,
	`first_seq` integer NOT NULL,
	`count` integer NOT NULL,
	`result` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
