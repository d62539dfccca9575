// The order a person keeps names in: case-insensitive, numbers by value ("team-2" before "team-10").
// Ties fall back to code-unit order, so the order is total and the same on every machine (no locale).

const CHUNKS = /\d+|\D+/g;

export function byNaturalOrder(a: string, b: string): number {
  const left = a.toLowerCase().match(CHUNKS) ?? [];
  const right = b.toLowerCase().match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = compareChunks(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  return left.length - right.length || byCodeUnit(a, b);
}

function compareChunks(x: string, y: string): number {
  if (isDigits(x) && isDigits(y)) {
    const xs = x.replace(/^0+(?=\d)/, '');
    const ys = y.replace(/^0+(?=\d)/, '');
    // Longer (without leading zeros) is larger; equal values with more leading zeros come later.
    return xs.length - ys.length || byCodeUnit(xs, ys) || x.length - y.length;
  }
  return byCodeUnit(x, y);
}

function isDigits(chunk: string): boolean {
  return chunk.charCodeAt(0) >= 48 && chunk.charCodeAt(0) <= 57;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
