import { describe, expect, it } from 'vitest';
import { PromiseCache } from './promiseCache';
import { Resource } from './resource.svelte';

/** A promise settled by hand, to decide in a test which answer arrives first. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

describe('Resource', () => {
	it('keeps the latest answer: an older request that answers last is dropped', async () => {
		const r = new Resource<string>();
		const first = deferred<string>();
		const second = deferred<string>();
		const asked = r.request('a', () => first.promise);
		const askedAgain = r.request('b', () => second.promise);
		expect(r.loading).toBe(true);

		second.resolve('answer to b');
		await askedAgain;
		first.resolve('answer to a');
		await asked;

		expect(r.value).toBe('answer to b');
		expect(r.key).toBe('b');
		expect(r.loading).toBe(false);
		expect(r.valueFor('b')).toBe('answer to b');
		expect(r.valueFor('a')).toBeUndefined();
	});

	it('aborts the superseded request and tells its loader why', async () => {
		const r = new Resource<number>();
		const signals: AbortSignal[] = [];
		const never = (signal: AbortSignal) => {
			signals.push(signal);
			return new Promise<number>(() => {});
		};
		void r.request('a', never);
		void r.request('b', never);
		expect(signals[0]!.aborted).toBe(true);
		expect(signals[0]!.reason).toBe('superseded');
		expect(signals[1]!.aborted).toBe(false);

		r.abort('destroyed');
		expect(signals[1]!.aborted).toBe(true);
		expect(signals[1]!.reason).toBe('destroyed');
		expect(r.loading).toBe(false);
	});

	it('drops the answer of an aborted request, even one that arrives', async () => {
		const r = new Resource<string>();
		const answer = deferred<string>();
		const asked = r.request('a', () => answer.promise);
		r.abort();
		answer.resolve('too late');
		await asked;
		expect(r.value).toBeUndefined();
		expect(r.key).toBeNull();
		expect(r.error).toBeNull();
	});

	it('a loader that stops when aborted does not report an error', async () => {
		const r = new Resource<string>();
		const asked = r.request(
			'a',
			(signal) =>
				new Promise<string>((_, reject) =>
					signal.addEventListener('abort', () => reject(new Error(`stopped: ${signal.reason}`)))
				)
		);
		r.abort('destroyed');
		await asked;
		expect(r.error).toBeNull();
	});

	it('reports a failure, keeps the last value, and clears the error with the next answer', async () => {
		const r = new Resource<string>();
		await r.request('a', async () => 'answer to a');
		await r.request('b', async () => {
			throw new Error('no table b');
		});
		expect(r.error?.message).toBe('no table b');
		expect(r.value).toBe('answer to a');
		expect(r.valueFor('b')).toBeUndefined();
		expect(r.loading).toBe(false);

		await r.request('c', () => {
			throw 'thrown at once, not an Error';
		});
		expect(r.error).toBeInstanceOf(Error);
		expect(r.error?.message).toBe('thrown at once, not an Error');

		await r.request('b', async () => 'answer to b');
		expect(r.error).toBeNull();
		expect(r.value).toBe('answer to b');
	});

	it('with a cache, asks once for a key it has answered', async () => {
		const r = new Resource<string>({ cache: 10 });
		let calls = 0;
		const load = async () => `answer ${++calls}`;
		await r.request('a', load);
		await r.request('b', load);
		await r.request('a', load);
		expect(calls).toBe(2);
		expect(r.value).toBe('answer 1');
		expect(r.key).toBe('a');
	});

	it('with a cache, asks again after a failure or an abort', async () => {
		const r = new Resource<string>({ cache: 10 });
		let calls = 0;
		await r.request('a', async () => {
			calls++;
			throw new Error('busy');
		});
		await r.request('a', async () => `answer ${++calls}`);
		expect(r.value).toBe('answer 2');

		const slow = deferred<string>();
		const asked = r.request('b', () => slow.promise);
		await r.request('c', async () => 'answer to c');
		slow.resolve('answer to b, dropped');
		await asked;
		await r.request('b', async () => 'answer to b, asked again');
		expect(r.value).toBe('answer to b, asked again');
	});

	it('without a cache, every request asks again', async () => {
		const r = new Resource<number>();
		let calls = 0;
		await r.request('a', async () => ++calls);
		await r.request('a', async () => ++calls);
		expect(r.value).toBe(2);
	});
});

describe('PromiseCache', () => {
	it('shares one answer between asks while it is on its way', async () => {
		const cache = new PromiseCache<string>();
		const answer = deferred<string>();
		let calls = 0;
		const load = () => {
			calls++;
			return answer.promise;
		};
		const one = cache.get('k', load);
		const two = cache.get('k', load);
		answer.resolve('v');
		expect(await one).toBe('v');
		expect(await two).toBe('v');
		expect(calls).toBe(1);
	});

	it('keeps the most recently used keys up to its capacity', async () => {
		const cache = new PromiseCache<string>(2);
		const load = (v: string) => () => Promise.resolve(v);
		await cache.get('a', load('a'));
		await cache.get('b', load('b'));
		await cache.get('a', load('a again'));
		await cache.get('c', load('c'));
		expect(cache.size).toBe(2);
		expect(cache.has('a')).toBe(true);
		expect(cache.has('b')).toBe(false);
		expect(cache.has('c')).toBe(true);
	});

	it('forgets a failed answer, and forgets by answer only the one still kept', async () => {
		const cache = new PromiseCache<string>();
		await expect(cache.get('k', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
		expect(cache.has('k')).toBe(false);

		const kept = cache.get('k', () => Promise.resolve('v'));
		cache.forget('k', Promise.resolve('another'));
		expect(cache.has('k')).toBe(true);
		cache.forget('k', kept);
		expect(cache.has('k')).toBe(false);
	});
});
