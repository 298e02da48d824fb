ALTER TABLE `sites` ADD `park` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `licence` text;