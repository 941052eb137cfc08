CREATE TABLE "case_shares" (
	"token" text PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "case_shares" ADD CONSTRAINT "case_shares_case_id_authored_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."authored_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_shares_case_idx" ON "case_shares" USING btree ("case_id");