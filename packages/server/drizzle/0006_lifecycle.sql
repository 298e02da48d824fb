CREATE TABLE `anomalies` (
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`site` text NOT NULL,
	`lot_id` text NOT NULL,
	`expected` integer NOT NULL,
	`actual` integer NOT NULL,
	`voided` integer NOT NULL,
	PRIMARY KEY(`seq`, `kind`, `lot_id`)
);
--> statement-breakpoint
CREATE INDEX `anomalies_site` ON `anomalies` (`site`,`seq`);--> statement-breakpoint
CREATE TABLE `corrections` (
	`target_seq` integer PRIMARY KEY NOT NULL,
	`correction_seq` integer NOT NULL,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dispatch_lots` (
	`dispatch_id` text NOT NULL,
	`lot_id` text NOT NULL,
	`dispatched_g` integer NOT NULL,
	`received_g` integer,
	`received_seq` integer,
	PRIMARY KEY(`dispatch_id`, `lot_id`)
);
--> statement-breakpoint
CREATE INDEX `dispatch_lots_lot` ON `dispatch_lots` (`lot_id`);--> statement-breakpoint
CREATE TABLE `dispatches` (
	`dispatch_id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`from_site` text NOT NULL,
	`to_site` text NOT NULL,
	`occurred_at` text NOT NULL,
	`voided` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dispatches_to` ON `dispatches` (`to_site`,`seq`);--> statement-breakpoint
CREATE INDEX `dispatches_from` ON `dispatches` (`from_site`,`seq`);--> statement-breakpoint
CREATE TABLE `lot_events` (
	`lot_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`action` text NOT NULL,
	`site` text,
	`mass_g` integer NOT NULL,
	PRIMARY KEY(`lot_id`, `seq`, `action`)
);
--> statement-breakpoint
CREATE INDEX `lot_events_seq` ON `lot_events` (`seq`);--> statement-breakpoint
CREATE INDEX `lot_events_site` ON `lot_events` (`site`,`lot_id`);--> statement-breakpoint
CREATE TABLE `lot_exits` (
	`seq` integer NOT NULL,
	`lot_id` text NOT NULL,
	`site` text NOT NULL,
	`exit` text NOT NULL,
	`buyer` text,
	`chain` text,
	`mass_g` integer NOT NULL,
	`occurred_at` text NOT NULL,
	PRIMARY KEY(`seq`, `lot_id`)
);
--> statement-breakpoint
CREATE INDEX `lot_exits_lot` ON `lot_exits` (`lot_id`);--> statement-breakpoint
CREATE TABLE `lot_sequences` (
	`site` text NOT NULL,
	`day` text NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`site`, `day`)
);
--> statement-breakpoint
CREATE TABLE `lots` (
	`lot_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`origin_site` text NOT NULL,
	`holder` text,
	`state` text NOT NULL,
	`grade` text,
	`family` text,
	`source_class` text,
	`alloy` text,
	`form` text,
	`byproduct_kind` text,
	`hazardous_waste_code` text,
	`mass_g` integer NOT NULL,
	`balance_g` integer NOT NULL,
	`recycled_ppm` integer NOT NULL,
	`post_consumer_ppm` integer NOT NULL,
	`created_seq` integer NOT NULL,
	`created_leaf_hash` text NOT NULL,
	`label_digest` text NOT NULL,
	`created_at` text NOT NULL,
	`dispatch_id` text,
	`transit_to` text,
	`last_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lots_origin` ON `lots` (`origin_site`,`created_seq`);--> statement-breakpoint
CREATE INDEX `lots_holder` ON `lots` (`holder`,`created_seq`);--> statement-breakpoint
CREATE INDEX `lots_transit_to` ON `lots` (`transit_to`,`created_seq`);--> statement-breakpoint
CREATE INDEX `lots_state` ON `lots` (`state`,`created_seq`);--> statement-breakpoint
CREATE INDEX `lots_grade` ON `lots` (`grade`,`created_seq`);--> statement-breakpoint
CREATE INDEX `lots_created` ON `lots` (`created_seq`);--> statement-breakpoint
CREATE TABLE `run_allocations` (
	`run_seq` integer NOT NULL,
	`input_lot` text NOT NULL,
	`output_lot` text NOT NULL,
	`mass_g` integer NOT NULL,
	PRIMARY KEY(`run_seq`, `input_lot`, `output_lot`)
);
--> statement-breakpoint
CREATE INDEX `run_allocations_output` ON `run_allocations` (`output_lot`);--> statement-breakpoint
CREATE INDEX `run_allocations_input` ON `run_allocations` (`input_lot`);--> statement-breakpoint
CREATE TABLE `runs` (
	`seq` integer PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`site` text NOT NULL,
	`process` text NOT NULL,
	`occurred_at` text NOT NULL,
	`input_g` integer NOT NULL,
	`scrap_input_g` integer NOT NULL,
	`primary_g` integer NOT NULL,
	`additions_g` integer NOT NULL,
	`output_g` integer NOT NULL,
	`byproduct_g` integer NOT NULL,
	`loss_g` integer NOT NULL,
	`voided` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runs_run_id_unique` ON `runs` (`run_id`);--> statement-breakpoint
CREATE INDEX `runs_site` ON `runs` (`site`,`seq`);--> statement-breakpoint
CREATE TABLE `sealed_access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`principal` text NOT NULL,
	`role` text NOT NULL,
	`site` text,
	`at` text NOT NULL,
	`purpose` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sealed_access_log_seq` ON `sealed_access_log` (`seq`);--> statement-breakpoint
CREATE INDEX `sealed_access_log_at` ON `sealed_access_log` (`at`);--> statement-breakpoint
CREATE TABLE `sealed_erasures` (
	`seq` integer PRIMARY KEY NOT NULL,
	`erased_at` text NOT NULL,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sealed_records` (
	`seq` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`site` text NOT NULL,
	`counterpart` text,
	`recorded_at` text NOT NULL,
	`nonce` blob NOT NULL,
	`ciphertext` blob NOT NULL,
	`tag` blob NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sealed_records_recorded` ON `sealed_records` (`recorded_at`);--> statement-breakpoint
CREATE TABLE `seller_index` (
	`keyed_hash` blob NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`keyed_hash`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `seller_index_seq` ON `seller_index` (`seq`);