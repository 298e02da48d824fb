-- Clustered on its key (WITHOUT ROWID), as 0014 made the other report aggregates.
CREATE TABLE `report_facts_weekly` (
	`measure` text NOT NULL,
	`week` text NOT NULL,
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
	PRIMARY KEY(`measure`, `week`, `site`, `grade`, `source_class`, `family`, `detail`, `counterpart`)
) WITHOUT ROWID;
