-- Idempotency keys become per caller (scope, key). Keys recorded before had no scope; they keep theirs as 'unscoped'.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_ledger_idempotency` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` blob NOT NULL,
	`first_seq` integer NOT NULL,
	`count` integer NOT NULL,
	`result` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
INSERT INTO `__new_ledger_idempotency`("scope", "key", "fingerprint", "first_seq", "count", "result", "created_at") SELECT 'unscoped', "key", "fingerprint", "first_seq", "count", "result", "created_at" FROM `ledger_idempotency`;--> statement-breakpoint
DROP TABLE `ledger_idempotency`;--> statement-breakpoint
ALTER TABLE `__new_ledger_idempotency` RENAME TO `ledger_idempotency`;--> statement-breakpoint
PRAGMA foreign_keys=ON;