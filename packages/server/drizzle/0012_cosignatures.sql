CREATE TABLE `cosignatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`witness_id` text NOT NULL,
	`tree_size` integer NOT NULL,
	`timestamp` integer NOT NULL,
	`body` text NOT NULL,
	`line` text NOT NULL,
	`received_at` text NOT NULL,
	FOREIGN KEY (`witness_id`) REFERENCES `witness_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cosignatures_witness_size` ON `cosignatures` (`witness_id`,`tree_size`);--> statement-breakpoint
CREATE INDEX `cosignatures_tree_size` ON `cosignatures` (`tree_size`);--> statement-breakpoint
CREATE TABLE `witness_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`name` text NOT NULL,
	`key_id` text NOT NULL,
	`vkey` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `witness_keys_vkey_unique` ON `witness_keys` (`vkey`);--> statement-breakpoint
CREATE UNIQUE INDEX `witness_keys_name_key_id` ON `witness_keys` (`name`,`key_id`);--> statement-breakpoint
CREATE INDEX `witness_keys_owner` ON `witness_keys` (`owner`);--> statement-breakpoint
CREATE TRIGGER `cosignatures_no_update` BEFORE UPDATE ON `cosignatures` BEGIN SELECT RAISE(ABORT, 'cosignatures are append-only'); END;--> statement-breakpoint
CREATE TRIGGER `cosignatures_no_delete` BEFORE DELETE ON `cosignatures` BEGIN SELECT RAISE(ABORT, 'cosignatures are append-only'); END;
