// Global types for SvelteKit.
declare global {
	namespace App {
		interface Error {
			message: string;
		}
	}
}

export {};
