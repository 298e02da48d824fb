-- Custom SQL migration file, put your code below! --
-- The report aggregates as clustered tables (SQLite WITHOUT ROWID): a report's range scan
-- reads the rows in key order from the primary key itself, not through an index and a
-- lookup of each row. Same columns and keys as 0011/0013 (schema.ts is unchanged); a
-- PostgreSQL back end makes these plain tables with the same primary keys.
CREATE TABLE `report_facts__clustered` (
	`measure` text NOT NULL,
	`day` text NOT NULL,
	`month` text NOT NULL,
	`site` text NOT NULL,
	`grade` text NOT NULL,
	`source_class` text NOT NULL,
	`family` text NOT NULL,
	`detail` text NOT NULL,
	`counterpart` text NOT NULL,
	`mass_g` integer NOT NULL,
	`count` integer NOT NULL,
	`recycled_g` integer NOT NULL,
	`post_consumer_g` integer NOT NULL,
	PRIMARY KEY(`measure`, `day`, `site`, `grade`, `source_class`, `family`, `detail`, `counterpart`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `report_facts__clustered` SELECT * FROM `report_facts`;
--> statement-breakpoint
DROP TABLE `report_facts`;
--> statement-breakpoint
ALTER TABLE `report_facts__clustered` RENAME TO `report_facts`;
--> statement-breakpoint
CREATE TABLE `report_facts_monthly__clustered` (
	`measure` text NOT NULL,
	`month` text NOT NULL,
	`site` text NOT NULL,
	`grade` text NOT NULL,
	`source_class` text NOT NULL,
	`family` text NOT NULL,
	`detail` text NOT NULL,
	`counterpart` text NOT NULL,
	`mass_g` integer NOT NULL,
	`count` integer NOT NULL,
	`recycled_g` integer NOT NULL,
	`post_consumer_g` integer NOT NULL,
	PRIMARY KEY(`measure`, `month`, `site`, `grade`, `source_class`, `family`, `detail`, `counterpart`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `report_facts_monthly__clustered` SELECT * FROM `report_facts_monthly`;
--> statement-breakpoint
DROP TABLE `report_facts_monthly`;
--> statement-breakpoint
ALTER TABLE `report_facts_monthly__clustered` RENAME TO `report_facts_monthly`;
--> statement-breakpoint
CREATE TABLE `report_contributions__clustered` (
	`seq` integer NOT NULL,
	`measure` text NOT NULL,
	`day` text NOT NULL,
	`site` text NOT NULL,
	`grade` text NOT NULL,
	`source_class` text NOT NULL,
	`family` text NOT NULL,
	`detail` text NOT NULL,
	`counterpart` text NOT NULL,
	`mass_g` integer NOT NULL,
	`count` integer NOT NULL,
	`recycled_g` integer NOT NULL,
	`post_consumer_g` integer NOT NULL,
	PRIMARY KEY(`seq`, `measure`, `site`, `grade`, `source_class`, `family`, `detail`, `counterpart`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `report_contributions__clustered` SELECT * FROM `report_contributions`;
--> statement-breakpoint
DROP TABLE `report_contributions`;
--> statement-breakpoint
ALTER TABLE `report_contributions__clustered` RENAME TO `report_contributions`;
