// Nicknames are compared by a key, not as typed: compatibility forms folded (NFKC: full-width
// letters, ligatures), invisible format characters dropped, case folded (lower case, and the
// final sigma as sigma), spaces collapsed. So "ＡＤＡ", "Ada" and "ada" with a zero-width space are
// one nickname in a class. The key is stored beside the nickname (students.nickname_key) under a
// unique index; migration 0002 filled it in SQL for students who joined before.

/** Unicode format characters (zero-width spaces and joiners, direction marks and overrides...). */
export const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** The comparison key of a nickname. */
export function nicknameKey(nickname: string): string {
	return nickname
		.normalize('NFKC')
		.replace(FORMAT_CHARACTERS, '')
		.toLowerCase()
		.replace(/ς/g, 'σ')
		.normalize('NFKC')
		.replace(/\s+/g, ' ')
		.trim();
}
