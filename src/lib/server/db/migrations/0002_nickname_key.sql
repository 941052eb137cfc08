-- Nicknames are unique per class by a key (src/lib/server/nickname.ts): NFKC, without Unicode
-- format characters (zero-width, direction marks...), case folded. Students who joined before get
-- their key here, the same way in SQL; if two of them in one class now share a key, the later one
-- keeps their nickname and gets the key with its id appended, so the unique index can be built.
ALTER TABLE "students" ADD COLUMN "nickname_key" text;--> statement-breakpoint
UPDATE "students" SET "nickname_key" = btrim(regexp_replace(replace(lower(normalize(regexp_replace("nickname", '[\u00AD\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\U000110BD\U000110CD\U00013430-\U0001343F\U0001BCA0-\U0001BCA3\U0001D173-\U0001D17A\U000E0001\U000E0020-\U000E007F]', '', 'g'), NFKC)), 'ς', 'σ'), '\s+', ' ', 'g'));--> statement-breakpoint
UPDATE "students" AS s SET "nickname_key" = s."nickname_key" || '#' || s."id" FROM (SELECT "id", row_number() OVER (PARTITION BY "class_id", "nickname_key" ORDER BY "created_at", "id") AS n FROM "students") AS d WHERE d."id" = s."id" AND d.n > 1;--> statement-breakpoint
ALTER TABLE "students" ALTER COLUMN "nickname_key" SET NOT NULL;--> statement-breakpoint
DROP INDEX "students_class_nickname_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "students_class_nickname_unique" ON "students" USING btree ("class_id","nickname_key");
