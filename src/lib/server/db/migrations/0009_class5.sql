CREATE TABLE "removed_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attempts" DROP CONSTRAINT "attempts_set_check";--> statement-breakpoint
CREATE INDEX "removed_sessions_expires_at_idx" ON "removed_sessions" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_set_check" CHECK ("attempts"."set" in ('letter', 'practice', 'booster', 'precheck', 'postcheck'));