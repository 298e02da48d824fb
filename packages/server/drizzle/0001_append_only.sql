-- The ledger is append-only. These triggers refuse any UPDATE or DELETE of
-- entries and checkpoints through SQLite, so that a bug or a careless manual
-- query cannot rewrite history. They do not stop someone who edits the file
-- itself; `alutrace verify` detects that.
CREATE TRIGGER `ledger_entries_no_update` BEFORE UPDATE ON `ledger_entries`
BEGIN
  SELECT RAISE(ABORT, 'ledger entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_no_delete` BEFORE DELETE ON `ledger_entries`
BEGIN
  SELECT RAISE(ABORT, 'ledger entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_checkpoints_no_update` BEFORE UPDATE ON `ledger_checkpoints`
BEGIN
  SELECT RAISE(ABORT, 'ledger checkpoints are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_checkpoints_no_delete` BEFORE DELETE ON `ledger_checkpoints`
BEGIN
  SELECT RAISE(ABORT, 'ledger checkpoints are append-only');
END;
