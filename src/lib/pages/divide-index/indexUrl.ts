import {
	componentKey,
	DEFAULT_CHOICES,
	MAX_WEIGHT,
	surveyYears,
	WEIGHT_STEP,
	type ComponentChoice,
	type ComponentOption,
	type Direction
} from '$lib/data/divideIndex';
import { chosenYear } from '../urlParams';

export interface IndexState {
	choices: ComponentChoice[];
	year: number | null;
}

export type IndexUrlProblem =
	| { kind: 'component'; value: string }
	| { kind: 'weight'; value: string }
	| { kind: 'duplicate'; value: string }
	| { kind: 'year'; value: string };

const roundWeight = (w: number) => Math.round(w / WEIGHT_STEP) * WEIGHT_STEP;

/**
 * The state a URL asks for: `c=hh_owns_mobile:gap:1,women_mobile_phone:level:2&year=2024`.
 * Never throws; each part it cannot use is reported and left out. Without `c` the defaults
 * apply; an empty `c` means the person took every component out.
 */
export function parseIndexState(
	params: URLSearchParams,
	options: readonly ComponentOption[]
): { state: IndexState; problems: IndexUrlProblem[] } {
	const problems: IndexUrlProblem[] = [];
	const known = new Set(options.map(componentKey));
	const raw = params.get('c');
	let choices: ComponentChoice[];
	if (raw === null) {
		choices = DEFAULT_CHOICES.filter((c) => known.has(componentKey(c))).map((c) => ({ ...c }));
	} else {
		choices = [];
		for (const part of raw.split(',')) {
			if (part.trim() === '') continue;
			const [id = '', dir = '', w, ...rest] = part.trim().split(':');
			const direction = dir as Direction;
			if (rest.length > 0 || !known.has(`${id}:${dir}`)) {
				problems.push({ kind: 'component', value: part });
				continue;
			}
			const weight = w === undefined || w === '' ? 1 : Number(w);
			if (!Number.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
				problems.push({ kind: 'weight', value: part });
				continue;
			}
			if (choices.some((c) => componentKey(c) === `${id}:${dir}`)) {
				problems.push({ kind: 'duplicate', value: part });
				continue;
			}
			choices.push({ indicatorId: id, direction, weight: roundWeight(weight) });
		}
	}
	const { year, unknown } = chosenYear(params.get('year'), surveyYears(options));
	if (unknown !== null) problems.push({ kind: 'year', value: unknown });
	return { state: { choices, year }, problems };
}

/** The query string for a state, keeping other parameters (such as the language). */
export function indexParams(state: IndexState, keep?: URLSearchParams): URLSearchParams {
	const out = new URLSearchParams(keep);
	out.set('c', state.choices.map((c) => `${componentKey(c)}:${c.weight}`).join(','));
	if (state.year !== null) out.set('year', String(state.year));
	else out.delete('year');
	return out;
}
