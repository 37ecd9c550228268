/**
 * The saved region-code tables, as step 4 lists them: loaded from the store once, added after
 * their check passes, removed, and the one applied to the file in hand.
 */
import { openCodeTableStore, type CodeTableStore } from './codeTableStore';
import { newDraftId } from './draft';
import { applyCodeTable, type RegionCodeTable } from './regionCodeTable';
import type { AppliedCodeTable } from './regionMatch';

export class RegionCodeTables {
	tables = $state.raw<RegionCodeTable[]>([]);
	/** The table applied to the file in hand; none for a new file. */
	appliedId = $state<string | null>(null);
	/** False when the browser keeps nothing: tables last for this tab only. */
	persistent = $state(true);

	#store: Promise<CodeTableStore> | null = null;

	constructor(private readonly open: () => Promise<CodeTableStore> = () => openCodeTableStore()) {}

	/** Opens the store and lists its tables; later calls share the same store. */
	async load(): Promise<void> {
		this.#store ??= this.open();
		const store = await this.#store;
		this.persistent = store.persistent;
		this.tables = await store.list().catch(() => this.tables);
	}

	get applied(): AppliedCodeTable | null {
		const table = this.tables.find((t) => t.id === this.appliedId);
		return table ? applyCodeTable(table) : null;
	}

	/** Save checked entries under a name (replacing a table of the same name) and apply it. */
	async add(name: string, entries: RegionCodeTable['entries']): Promise<RegionCodeTable> {
		this.#store ??= this.open();
		const store = await this.#store;
		const same = this.tables.find((t) => t.name === name);
		const table: RegionCodeTable = {
			id: same?.id ?? newDraftId(),
			name,
			entries,
			savedAt: new Date(Date.now()).toISOString() // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp, not state
		};
		await store.save(table);
		this.tables = [...this.tables.filter((t) => t.id !== table.id), table];
		this.appliedId = table.id;
		return table;
	}

	async remove(id: string): Promise<void> {
		this.#store ??= this.open();
		await (await this.#store).remove(id);
		this.tables = this.tables.filter((t) => t.id !== id);
		if (this.appliedId === id) this.appliedId = null;
	}
}
