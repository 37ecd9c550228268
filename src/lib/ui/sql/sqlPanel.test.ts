import { describe, expect, it } from 'vitest';
import { QueryCancelledError } from '$lib/db/connector';
import { SqlEngineError, SqlRefusedError } from '$lib/sql/userSql';
import { panelError, runSignal } from './sqlPanel.svelte';

describe('runSignal and panelError', () => {
	it('stops at the time limit, and says the limit stopped it', async () => {
		const signal = runSignal(new AbortController().signal, 20);
		await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
		expect(panelError(new QueryCancelledError(signal.reason, false))).toEqual({
			kind: 'stopped',
			by: 'time-limit',
			restarted: false
		});
	});

	it('stops on Cancel, and says the person stopped it and whether the engine restarted', () => {
		const cancel = new AbortController();
		const signal = runSignal(cancel.signal, 60_000);
		expect(signal.aborted).toBe(false);
		cancel.abort('person');
		expect(signal.aborted).toBe(true);
		expect(panelError(new QueryCancelledError(signal.reason, true))).toEqual({
			kind: 'stopped',
			by: 'person',
			restarted: true
		});
	});

	it('passes refusals and DuckDB’s messages through', () => {
		expect(panelError(new SqlRefusedError({ kind: 'escape-string' }))).toEqual({
			kind: 'refused',
			refusal: { kind: 'escape-string' }
		});
		expect(panelError(new SqlEngineError('Binder Error: x'))).toEqual({
			kind: 'engine',
			message: 'Binder Error: x'
		});
	});
});
