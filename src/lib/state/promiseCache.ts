/**
 * Answers kept by a stable key (an indicator-year, a query's text and values): the promise is
 * kept, not the value, so a second ask while the first is on its way waits for the same answer
 * instead of asking again. A failed answer is forgotten so that it can be tried again, and only
 * the `capacity` most recently used keys are kept.
 */
export class PromiseCache<T> {
	readonly capacity: number;
	#entries = new Map<string, Promise<T>>();

	constructor(capacity = 100) {
		this.capacity = capacity;
	}

	get size(): number {
		return this.#entries.size;
	}

	has(key: string): boolean {
		return this.#entries.has(key);
	}

	/** The kept answer for `key`, or the one `load` starts (and keeps). */
	get(key: string, load: () => Promise<T>): Promise<T> {
		const kept = this.#entries.get(key);
		if (kept) {
			// A Map iterates in insertion order: moving a used key to the end makes the first the
			// least recently used.
			this.#entries.delete(key);
			this.#entries.set(key, kept);
			return kept;
		}
		const answer = load();
		this.#entries.set(key, answer);
		answer.catch(() => this.forget(key, answer));
		for (const oldest of this.#entries.keys()) {
			if (this.#entries.size <= this.capacity) break;
			this.#entries.delete(oldest);
		}
		return answer;
	}

	/** Drop the answer kept for `key`; with `answer`, only if that is still the one kept. */
	forget(key: string, answer?: Promise<T>): void {
		if (answer === undefined || this.#entries.get(key) === answer) this.#entries.delete(key);
	}

	clear(): void {
		this.#entries.clear();
	}
}
