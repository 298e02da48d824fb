CREATE TABLE `emission_factors` (
	`version` integer PRIMARY KEY NOT NULL,
	`primary_kg_per_t` integer NOT NULL,
	`recycled_kg_per_t` integer NOT NULL,
	`primary_source` text NOT NULL,
	`recycled_source` text NOT NULL,
	`defined_seq` integer NOT NULL,
	`defined_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_contributions` (
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
);
--> statement-breakpoint
CREATE TABLE `report_facts` (
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
);
