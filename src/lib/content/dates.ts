// Dates as the content writes them (YYYY, YYYY-MM or YYYY-MM-DD), shown in words.
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

export function formatDate(iso: string): string {
	const [year, month, day] = iso.split('-');
	const monthName = month ? MONTHS[Number(month) - 1] : undefined;
	if (day && monthName) return `${Number(day)} ${monthName} ${year}`;
	if (monthName) return `${monthName} ${year}`;
	return year ?? iso;
}
