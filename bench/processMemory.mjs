// Peak memory per phase of the run, sampled from /proc: the proportional set size (PSS) of the
// Chromium processes this script started (the DuckDB worker's WebAssembly heap lives in the
// renderer) and of this Node process (which hosts native DuckDB). Linux only; elsewhere, empty.

import { readdirSync, readFileSync } from 'node:fs';

function pssBytes(pid) {
	try {
		const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

function childrenByParent() {
	const children = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Field 4 (ppid) follows the ")" that closes the command name.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid).push(Number(entry));
		} catch {
			// the process ended while we looked
		}
	}
	return children;
}

function descendantsOf(pid) {
	const children = childrenByParent();
	const found = [];
	const queue = [...(children.get(pid) ?? [])];
	while (queue.length > 0) {
		const next = queue.shift();
		found.push(next);
		queue.push(...(children.get(next) ?? []));
	}
	return found;
}

/** Samples every `everyMs`; `phase(name)` starts attributing samples to `name`. */
export function startMemorySampler(everyMs = 150) {
	const supported = process.platform === 'linux';
	const peaks = new Map();
	let current = 'setup';
	const sample = () => {
		if (!supported) return;
		const browser = descendantsOf(process.pid).reduce((sum, pid) => sum + pssBytes(pid), 0);
		const node = pssBytes(process.pid);
		const peak = peaks.get(current) ?? { browser: 0, node: 0 };
		peaks.set(current, {
			browser: Math.max(peak.browser, browser),
			node: Math.max(peak.node, node)
		});
	};
	const timer = setInterval(sample, everyMs);
	return {
		phase(name) {
			sample();
			current = name;
			sample();
		},
		stop() {
			clearInterval(timer);
			sample();
			return peaks;
		}
	};
}
