// The database schema (Drizzle, PostgreSQL): instructors and their classes, assignments of modules,
// students and their attempts and lesson progress, and sign-in sessions. Everything a class owns is
// removed with it (ON DELETE CASCADE), so deleting a class leaves nothing of its students behind.
// Migrations are generated from this file: `npm run db:generate` (drizzle-kit).
import { sql, type SQL } from 'drizzle-orm';
import {
	type AnyPgColumn,
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	real,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { CaseDraft } from '../../content/draft.ts';
import {
	CASE_STATUSES,
	EXERCISE_SETS,
	FEEDBACK_MODES,
	type Tag,
	type Technique
} from '../../content/vocabulary.ts';

/** lower(column), for case-insensitive uniqueness and look-ups */
export function lower(column: AnyPgColumn): SQL {
	return sql`lower(${column})`;
}

/** A check that a text column holds one of a closed list of values (from vocabulary.ts). */
function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
	return sql`${column} in (${sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '))})`;
}

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const instructors = pgTable(
	'instructors',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** stored lowercased and trimmed */
		email: text('email').notNull(),
		displayName: text('display_name').notNull(),
		/** scrypt$N$r$p$salt$hash (see auth/password.ts) */
		passwordHash: text('password_hash').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('instructors_email_unique').on(lower(t.email))]
);

export const classes = pgTable(
	'classes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		instructorId: uuid('instructor_id')
			.notNull()
			.references(() => instructors.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		joinCode: text('join_code').notNull().unique('classes_join_code_unique'),
		createdAt: createdAt()
	},
	(t) => [index('classes_instructor_idx').on(t.instructorId)]
);

export const assignments = pgTable(
	'assignments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		/** a case id from lessons/, or "authored-<id>" for a case written in the editor (the module) */
		moduleId: text('module_id').notNull(),
		feedbackMode: text('feedback_mode', { enum: FEEDBACK_MODES }).notNull().default('set'),
		/** in 'reveal' mode, when the instructor revealed the key; null until then */
		revealedAt: timestamp('revealed_at', { withTimezone: true }),
		dueAt: timestamp('due_at', { withTimezone: true }),
		lessonLock: boolean('lesson_lock').notNull().default(false),
		showDistribution: boolean('show_distribution').notNull().default(false),
		boosterReleased: boolean('booster_released').notNull().default(false),
		/** for an authored case ("authored-<id>"), the published version the class works on */
		caseVersion: integer('case_version'),
		createdAt: createdAt()
	},
	(t) => [
		// one assignment per module per class: a student's exercise page finds it by module
		unique('assignments_class_module_unique').on(t.classId, t.moduleId),
		check('assignments_feedback_mode_check', oneOf(t.feedbackMode, FEEDBACK_MODES))
	]
);

export const students = pgTable(
	'students',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		classId: uuid('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		/** as typed (trimmed) */
		nickname: text('nickname').notNull(),
		/** the nickname as compared (nickname.ts: NFKC, no format characters, case folded): unique per class */
		nicknameKey: text('nickname_key').notNull(),
		/** sha256 of the resume code, which is shown once and never stored */
		resumeCodeHash: text('resume_code_hash').notNull().unique('students_resume_code_unique'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('students_class_nickname_unique').on(t.classId, t.nicknameKey)]
);

export const sessions = pgTable(
	'sessions',
	{
		/** sha256 of the random token in the cookie; the token itself is never stored */
		id: text('id').primaryKey(),
		instructorId: uuid('instructor_id').references(() => instructors.id, { onDelete: 'cascade' }),
		studentId: uuid('student_id').references(() => students.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [
		index('sessions_instructor_idx').on(t.instructorId),
		index('sessions_student_idx').on(t.studentId),
		check('sessions_one_owner_check', sql`(${t.instructorId} is null) <> (${t.studentId} is null)`)
	]
);

export const attempts = pgTable(
	'attempts',
	{
		/** the attempt id the page sent with the answers, so a repeated submission is harmless */
		id: uuid('id').primaryKey(),
		studentId: uuid('student_id')
			.notNull()
			.references(() => students.id, { onDelete: 'cascade' }),
		assignmentId: uuid('assignment_id')
			.notNull()
			.references(() => assignments.id, { onDelete: 'cascade' }),
		set: text('set', { enum: EXERCISE_SETS }).notNull(),
		/** item id → tag, as submitted */
		tags: jsonb('tags').$type<Record<string, Tag>>().notNull().default({}),
		/** item id → technique, as submitted */
		techniques: jsonb('techniques').$type<Record<string, Technique>>().notNull().default({}),
		/** item ids committed (graded); their answers are locked */
		committed: jsonb('committed').$type<string[]>().notNull().default([]),
		/** sum of credit over the committed items */
		score: real('score').notNull().default(0),
		/**
		 * when the student handed the set in: every item committed, or "hand in what you have" with
		 * items left open (they count as unanswered); null while the set is open
		 */
		handedInAt: timestamp('handed_in_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// the student's current answer to a set of an assignment
		unique('attempts_student_assignment_set_unique').on(t.studentId, t.assignmentId, t.set),
		index('attempts_assignment_idx').on(t.assignmentId),
		check('attempts_set_check', oneOf(t.set, EXERCISE_SETS))
	]
);

export const lessonProgress = pgTable(
	'lesson_progress',
	{
		studentId: uuid('student_id')
			.notNull()
			.references(() => students.id, { onDelete: 'cascade' }),
		assignmentId: uuid('assignment_id')
			.notNull()
			.references(() => assignments.id, { onDelete: 'cascade' }),
		lessonSlug: text('lesson_slug').notNull(),
		completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.studentId, t.assignmentId, t.lessonSlug] }),
		index('lesson_progress_assignment_idx').on(t.assignmentId)
	]
);

/** The longest answer a student may type into a check for understanding. */
export const CHECK_ANSWER_MAX = 4000;

/**
 * What a class student typed into a lesson's checks for understanding, one row per check (its id
 * from the lesson's <CheckQuestion id="...">), replaced on every save. Their instructor reads them
 * per assignment (issue 13).
 */
export const checkAnswers = pgTable(
	'check_answers',
	{
		studentId: uuid('student_id')
			.notNull()
			.references(() => students.id, { onDelete: 'cascade' }),
		assignmentId: uuid('assignment_id')
			.notNull()
			.references(() => assignments.id, { onDelete: 'cascade' }),
		lessonSlug: text('lesson_slug').notNull(),
		checkId: text('check_id').notNull(),
		answer: text('answer').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.studentId, t.assignmentId, t.lessonSlug, t.checkId] }),
		index('check_answers_assignment_idx').on(t.assignmentId),
		check(
			'check_answers_length_check',
			sql`char_length(${t.answer}) <= ${sql.raw(String(CHECK_ANSWER_MAX))}`
		)
	]
);

/** The exercises besides tagging that a class student's work is stored for (exercise_work). */
export const WORK_EXERCISES = ['map', 'order', 'sandwich'] as const;
export type WorkExercise = (typeof WORK_EXERCISES)[number];

/** The largest answer an exercise_work row may hold, as JSON text: a guard behind the schemas. */
export const EXERCISE_WORK_MAX = 20_000;
/** The longest comment an instructor may leave on a student's work. */
export const REVIEW_COMMENT_MAX = 1000;

/**
 * A class student's work on the exercises besides tagging (issue 13): the allegation map's links,
 * the timeline ordering, the truth sandwich (text and self-assessment). One row per student,
 * assignment and exercise, written when the student hands the work in and locked from then on;
 * the answer's shape is the exercise's submission schema (exercises/class-exercises.ts). The
 * instructor's rubric scores and comment (truth sandwich) sit beside it.
 */
export const exerciseWork = pgTable(
	'exercise_work',
	{
		studentId: uuid('student_id')
			.notNull()
			.references(() => students.id, { onDelete: 'cascade' }),
		assignmentId: uuid('assignment_id')
			.notNull()
			.references(() => assignments.id, { onDelete: 'cascade' }),
		exercise: text('exercise', { enum: WORK_EXERCISES }).notNull(),
		answer: jsonb('answer').$type<unknown>().notNull(),
		/** the score against the key when handed in (null: no key, e.g. the truth sandwich) */
		score: real('score'),
		handedInAt: timestamp('handed_in_at', { withTimezone: true }).notNull().defaultNow(),
		/** the instructor's rubric scores, criterion id → level; null until scored */
		review: jsonb('review').$type<Record<string, number>>(),
		reviewComment: text('review_comment'),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.studentId, t.assignmentId, t.exercise] }),
		index('exercise_work_assignment_idx').on(t.assignmentId),
		check('exercise_work_exercise_check', oneOf(t.exercise, WORK_EXERCISES)),
		check(
			'exercise_work_size_check',
			sql`octet_length(${t.answer}::text) <= ${sql.raw(String(EXERCISE_WORK_MAX))}`
		),
		check(
			'exercise_work_comment_check',
			sql`char_length(${t.reviewComment}) <= ${sql.raw(String(REVIEW_COMMENT_MAX))}`
		)
	]
);

/**
 * Rate-limit counters (rate-limit.ts), in the database so that they hold across processes sharing
 * it and across restarts: one row per limiter and key, counting within a fixed window. Expired
 * rows are pruned; no row is ever dropped while its window runs, so a key over its limit stays
 * refused however many other keys are counted.
 */
/**
 * The sessions a student had when their instructor removed them (the sha256 ids, as in sessions,
 * and when each would have expired): nothing else about the student is kept. A browser that still
 * has the cookie is told plainly that the teacher removed them; the row goes once read, or after
 * the session would have ended.
 */
export const removedSessions = pgTable(
	'removed_sessions',
	{
		id: text('id').primaryKey(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('removed_sessions_expires_at_idx').on(t.expiresAt)]
);

export const rateLimits = pgTable(
	'rate_limits',
	{
		/** the limiter's name and a sha256 of what it counts (account, address): nothing in clear */
		key: text('key').primaryKey(),
		count: integer('count').notNull(),
		/** when the window ends: the count starts again after it */
		resetAt: timestamp('reset_at', { withTimezone: true }).notNull()
	},
	(t) => [index('rate_limits_reset_at_idx').on(t.resetAt)]
);

/** The largest case a version may hold, as JSON text: a guard behind the editor's own limits. */
export const CASE_VERSION_MAX = 1_000_000;

/**
 * Cases instructors write in the editor (issue 15): the case, its owner and title, and whether it
 * has been published. Its content lives in its versions.
 */
export const authoredCases = pgTable(
	'authored_cases',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		instructorId: uuid('instructor_id')
			.notNull()
			.references(() => instructors.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		status: text('status', { enum: CASE_STATUSES }).notNull().default('draft'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('authored_cases_instructor_idx').on(t.instructorId),
		check('authored_cases_status_check', oneOf(t.status, CASE_STATUSES))
	]
);

/**
 * The versions of an authored case: its files as JSON (content/draft.ts: the case folder's schemas).
 * The newest is the draft being edited until it is published; editing a published version starts
 * the next one, so work begun on a version keeps it.
 */
export const caseVersions = pgTable(
	'case_versions',
	{
		caseId: uuid('case_id')
			.notNull()
			.references(() => authoredCases.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		content: jsonb('content').$type<CaseDraft>().notNull(),
		/** when this version was published; null while it is a draft */
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.caseId, t.version] }),
		check(
			'case_versions_size_check',
			sql`octet_length(${t.content}::text) <= ${sql.raw(String(CASE_VERSION_MAX))}`
		)
	]
);

/**
 * Share links of published authored cases: a random token (256 bits, base64url) that another
 * instructor on the server opens to get a draft copy. Withdrawn links stay, so opening one says so.
 */
export const caseShares = pgTable(
	'case_shares',
	{
		token: text('token').primaryKey(),
		caseId: uuid('case_id')
			.notNull()
			.references(() => authoredCases.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		/** when the owner withdrew the link; null while it works */
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('case_shares_case_idx').on(t.caseId)]
);

export type Instructor = typeof instructors.$inferSelect;
export type Class = typeof classes.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Student = typeof students.$inferSelect;
export type Attempt = typeof attempts.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type CheckAnswer = typeof checkAnswers.$inferSelect;
export type ExerciseWork = typeof exerciseWork.$inferSelect;
export type AuthoredCase = typeof authoredCases.$inferSelect;
export type CaseVersion = typeof caseVersions.$inferSelect;
