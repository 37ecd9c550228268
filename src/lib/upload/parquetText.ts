/**
 * A Parquet value as the text DuckDB's CAST(… AS VARCHAR) gives it, so a file read in the page
 * (parquetRows.ts) stages the very raw table native DuckDB's read_parquet stages (parquetSql.ts):
 * integers exact (64-bit ones from BigInt), doubles and floats in their shortest round-trip digits
 * with DuckDB's ".0" and exponent rules, dates and timestamps in ISO 8601 as DuckDB writes them,
 * booleans true/false, lists and structs in DuckDB's brackets, null as ''.
 */

/** Shortest digits and decimal exponent of a finite, non-zero number: 1234.5 → ['12345', 3]. */
function shortestDigits(value: number, float32: boolean): [string, number] {
	let text = Math.abs(value).toExponential();
	if (float32) {
		// The shortest decimal that reads back as the same 32-bit float.
		for (let p = 1; p <= 9; p++) {
			const candidate = Math.abs(value).toExponential(p - 1);
			if (Math.fround(Number(candidate)) === Math.abs(value)) {
				text = candidate;
				break;
			}
		}
	}
	const [mantissa, exponent] = text.split('e') as [string, string];
	return [mantissa.replace('.', ''), Number(exponent)];
}

/**
 * A DOUBLE (or, with `float32`, a FLOAT) as DuckDB writes it: 100 → '100.0', 0.1 → '0.1',
 * 1e16 → '1e+16', 1e-5 → '1e-05', NaN → 'nan', Infinity → 'inf'. Fixed notation for decimal
 * exponents from −4 to 15, scientific (at least two exponent digits) outside them.
 */
export function floatText(value: number, float32 = false): string {
	if (Number.isNaN(value)) return 'nan';
	if (value === Infinity) return 'inf';
	if (value === -Infinity) return '-inf';
	const sign = value < 0 || Object.is(value, -0) ? '-' : '';
	if (value === 0) return `${sign}0.0`;
	const [digits, exponent] = shortestDigits(value, float32);
	if (exponent < -4 || exponent >= 16) {
		const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
		const e = Math.abs(exponent).toString().padStart(2, '0');
		return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${e}`;
	}
	if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
	if (digits.length <= exponent + 1) return `${sign}${digits.padEnd(exponent + 1, '0')}.0`;
	return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Year, month, day of a day count from 1970-01-01 in the proleptic Gregorian calendar. */
function civilDate(days: number): [number, number, number] {
	// Howard Hinnant's days_from_civil, inverted: eras of 400 years (146,097 days).
	const z = days + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const two = (n: number) => String(n).padStart(2, '0');

/** A DATE (days since 1970-01-01) as DuckDB writes it: '2022-08-23', '0045-03-15 (BC)'. */
export function dateText(days: number): string {
	const [year, month, day] = civilDate(days);
	const bc = year <= 0;
	const y = String(bc ? 1 - year : year).padStart(4, '0');
	return `${y}-${two(month)}-${two(day)}${bc ? ' (BC)' : ''}`;
}

/** Nanoseconds in a day, as a BigInt. */
const DAY_NS = 86_400_000_000_000n;

/**
 * A time of day from nanoseconds after midnight with `digits` fractional digits (6 for
 * microseconds, 9 for nanoseconds), trailing zeros dropped: '10:11:12', '10:11:12.5'.
 */
export function timeText(nanos: bigint, digits: 6 | 9): string {
	const seconds = nanos / 1_000_000_000n;
	const fraction = nanos % 1_000_000_000n;
	const h = Number(seconds / 3600n);
	const m = Number((seconds / 60n) % 60n);
	const s = Number(seconds % 60n);
	const kept = digits === 6 ? fraction / 1000n : fraction;
	const frac = kept === 0n ? '' : `.${kept.toString().padStart(digits, '0').replace(/0+$/, '')}`;
	return `${two(h)}:${two(m)}:${two(s)}${frac}`;
}

/**
 * A TIMESTAMP from nanoseconds since 1970-01-01 00:00 as DuckDB writes it: '2022-08-23 10:11:12.5'
 * (microseconds for TIMESTAMP, nanoseconds for TIMESTAMP_NS); `utc` adds the '+00' of a
 * TIMESTAMP WITH TIME ZONE shown in UTC.
 */
export function timestampText(nanos: bigint, digits: 6 | 9, utc = false): string {
	let days = nanos / DAY_NS;
	let rest = nanos % DAY_NS;
	if (rest < 0n) {
		rest += DAY_NS;
		days -= 1n;
	}
	if (digits === 6) rest -= rest % 1000n;
	return `${dateText(Number(days))} ${timeText(rest, digits)}${utc ? '+00' : ''}`;
}

/** A decimal read as a number with `scale` digits after the point, as DuckDB writes DECIMAL. */
export function decimalText(value: number, scale: number): string {
	return scale > 0 ? value.toFixed(scale) : String(Math.round(value));
}

/**
 * A nested value (a list or a struct) as DuckDB writes it: '[1, 2]', "{'a': 1, 'b': x}". Its parts
 * are written with `scalar`, the column's own conversion.
 */
export function nestedText(value: unknown, scalar: (v: unknown) => string): string {
	if (value === null || value === undefined) return 'NULL';
	if (Array.isArray(value)) return `[${value.map((v) => nestedText(v, scalar)).join(', ')}]`;
	if (typeof value === 'object' && !(value instanceof Uint8Array)) {
		const parts = Object.entries(value as Record<string, unknown>).map(
			([k, v]) => `'${k}': ${nestedText(v, scalar)}`
		);
		return `{${parts.join(', ')}}`;
	}
	return scalar(value);
}
