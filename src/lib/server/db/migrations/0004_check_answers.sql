-- Checks for understanding: what a class student typed before opening a model answer, one row per
-- check of a lesson of an assignment (the check id comes from <CheckQuestion id="...">).
CREATE TABLE "check_answers" (
	"student_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"lesson_slug" text NOT NULL,
	"check_id" text NOT NULL,
	"answer" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_answers_student_id_assignment_id_lesson_slug_check_id_pk" PRIMARY KEY("student_id","assignment_id","lesson_slug","check_id"),
	CONSTRAINT "check_answers_length_check" CHECK (char_length("check_answers"."answer") <= 4000)
);
--> statement-breakpoint
ALTER TABLE "check_answers" ADD CONSTRAINT "check_answers_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_answers" ADD CONSTRAINT "check_answers_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_answers_assignment_idx" ON "check_answers" USING btree ("assignment_id");