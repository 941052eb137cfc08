CREATE TABLE "authored_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instructor_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "authored_cases_status_check" CHECK ("authored_cases"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "case_versions" (
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_versions_case_id_version_pk" PRIMARY KEY("case_id","version"),
	CONSTRAINT "case_versions_size_check" CHECK (octet_length("case_versions"."content"::text) <= 1000000)
);
--> statement-breakpoint
ALTER TABLE "authored_cases" ADD CONSTRAINT "authored_cases_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_versions" ADD CONSTRAINT "case_versions_case_id_authored_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."authored_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "authored_cases_instructor_idx" ON "authored_cases" USING btree ("instructor_id");