DROP INDEX `lot_events_site`;--> statement-breakpoint
DROP INDEX `lots_transit_to`;