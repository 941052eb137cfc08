-- Work on the exercises besides tagging (issue 13): the allegation map, the timeline ordering and the
-- truth sandwich of a class student, one row per student, assignment and exercise, with the
-- instructor's rubric scores and comment.
CREATE TABLE "exercise_work" (
	"student_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"exercise" text NOT NULL,
	"answer" jsonb NOT NULL,
	"score" real,
	"handed_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review" jsonb,
	"review_comment" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "exercise_work_student_id_assignment_id_exercise_pk" PRIMARY KEY("student_id","assignment_id","exercise"),
	CONSTRAINT "exercise_work_exercise_check" CHECK ("exercise_work"."exercise" in ('map', 'order', 'sandwich')),
	CONSTRAINT "exercise_work_size_check" CHECK (octet_length("exercise_work"."answer"::text) <= 20000),
	CONSTRAINT "exercise_work_comment_check" CHECK (char_length("exercise_work"."review_comment") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "exercise_work" ADD CONSTRAINT "exercise_work_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_work" ADD CONSTRAINT "exercise_work_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercise_work_assignment_idx" ON "exercise_work" USING btree ("assignment_id");
