CREATE TABLE `report_facts_monthly` (
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
);
