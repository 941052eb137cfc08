// drizzle-kit: generates SQL migrations from the schema (npm run db:generate). The app applies them
// itself at start (src/lib/server/db/migrate.ts), on PGlite or PostgreSQL alike.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './src/lib/server/db/migrations'
});
