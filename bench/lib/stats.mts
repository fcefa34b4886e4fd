/** Small statistics and formatting helpers for the benchmark's figures. */

export interface Summary {
    runs: number;
    median: number;
    p95: number;
    min: number;
    max: number;
    mean: number;
}

/** The value at quantile `q` (0..1) of sorted samples, linearly interpolated. */
export function quantile(sorted: readonly number[], q: number): number {
    if (sorted.length === 0) {
        return Number.NaN;
    }
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function summarize(samples: readonly number[]): Summary {
    const sorted = [...samples].sort((a, b) => a - b);
    const sum = sorted.reduce((total, value) => total + value, 0);
    return {
        runs: sorted.length,
        median: round(quantile(sorted, 0.5)),
        p95: round(quantile(sorted, 0.95)),
        min: round(sorted[0] ?? Number.NaN),
        max: round(sorted[sorted.length - 1] ?? Number.NaN),
        mean: round(sorted.length ? sum / sorted.length : Number.NaN)
    };
}

export function round(value: number, digits = 2): number {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}

export function kB(bytes: number): string {
    return `${(bytes / 1024).toFixed(1)} kB`;
}

/** A plain-text table: the first row is the header; numbers are right-aligned. */
export function table(rows: readonly (readonly (string | number)[])[]): string {
    const text = rows.map((row) => row.map((cell) => String(cell)));
    const widths = text[0].map((_, column) =>
        Math.max(...text.map((row) => (row[column] ?? '').length))
    );
    const numeric = widths.map((_, column) =>
        rows
            .slice(1)
            .every(
                (row) =>
                    typeof row[column] === 'number' ||
                    /^[-+]?[\d.]+( ?[a-zA-Z%]+)?$/.test(String(row[column] ?? ''))
            )
    );
    const line = (row: string[]): string =>
        row
            .map((cell, column) =>
                numeric[column] && cell !== text[0][column]
                    ? cell.padStart(widths[column])
                    : cell.padEnd(widths[column])
            )
            .join('  ')
            .trimEnd();
    return [
        line(text[0]),
        widths.map((w) => '-'.repeat(w)).join('  '),
        ...text.slice(1).map(line)
    ].join('\n');
}
