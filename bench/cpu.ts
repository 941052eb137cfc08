// CPU time from /proc (Linux), for the scale bench: per process tree (nginx's master and workers,
// PostgreSQL's postmaster and backends, each app process), and for the whole machine, so a run can
// say where the cores went and how much other work shared them.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** clock ticks per second of /proc's times (USER_HZ: 100 on Linux) */
const HZ = 100;

interface Stat {
	pid: number;
	ppid: number;
	/** own user + system time, seconds */
	self: number;
	/** user + system time of children already waited for, seconds */
	children: number;
}

function stat(pid: number): Stat | null {
	let text: string;
	try {
		text = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return null; // gone
	}
	// the command name (field 2) may hold spaces: fields are counted after its closing parenthesis
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	const n = (i: number) => Number(fields[i - 3]);
	return { pid, ppid: n(4), self: (n(14) + n(15)) / HZ, children: (n(16) + n(17)) / HZ };
}

function allStats(): Stat[] {
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map((name) => stat(Number(name)))
		.filter((s): s is Stat => s !== null);
}

/** CPU seconds used so far by each root process and all its descendants (live or reaped). */
export function treeCpuSeconds(roots: number[]): number {
	const stats = allStats();
	const children = new Map<number, Stat[]>();
	for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
	const byPid = new Map(stats.map((s) => [s.pid, s]));
	let total = 0;
	const seen = new Set<number>();
	const walk = (pid: number) => {
		if (seen.has(pid)) return;
		seen.add(pid);
		const s = byPid.get(pid);
		if (s) total += s.self + s.children;
		for (const child of children.get(pid) ?? []) walk(child.pid);
	};
	for (const root of roots) walk(root);
	return total;
}

/** The machine's busy and total CPU seconds so far (all cores, every process). */
export function machineCpuSeconds(): { busy: number; total: number } {
	const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
	const [, ...values] = line.trim().split(/\s+/);
	const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number) as number[];
	const busy = user! + nice! + system! + irq! + softirq! + steal!;
	return { busy: busy / HZ, total: (busy + idle! + iowait!) / HZ };
}

export const CORES = cpus().length;

export interface CpuShare {
	/** CPU seconds per component over the run */
	seconds: Record<string, number>;
	/** the same as a share of the machine's capacity (cores x wall time), 0..1 */
	share: Record<string, number>;
	/** how busy the whole machine was (every process, ours and others'), 0..1 */
	machineBusy: number;
	/** CPU of processes that are not part of the run (other work on the machine), 0..1 */
	otherWork: number;
}

/** Starts measuring named process trees (and this process, as `load client`). */
export function startCpu(components: Record<string, () => number[]>) {
	const before = Object.fromEntries(
		Object.entries(components).map(([name, pids]) => [name, treeCpuSeconds(pids())])
	);
	const ownBefore = process.cpuUsage();
	const machineBefore = machineCpuSeconds();
	const started = performance.now();
	return (): CpuShare => {
		const wall = (performance.now() - started) / 1000;
		const seconds: Record<string, number> = {};
		for (const [name, pids] of Object.entries(components)) {
			seconds[name] = treeCpuSeconds(pids()) - before[name]!;
		}
		const own = process.cpuUsage(ownBefore);
		seconds['load client'] = (own.user + own.system) / 1e6;
		const machine = machineCpuSeconds();
		const capacity = machine.total - machineBefore.total || wall * CORES;
		const share = Object.fromEntries(
			Object.entries(seconds).map(([name, s]) => [name, s / capacity])
		);
		const machineBusy = (machine.busy - machineBefore.busy) / capacity;
		const ours = Object.values(share).reduce((a, b) => a + b, 0);
		return { seconds, share, machineBusy, otherWork: Math.max(0, machineBusy - ours) };
	};
}
