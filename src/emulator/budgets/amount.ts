// Budgets does not echo BudgetLimit.Amount byte for byte (terraform compares it as a decimal), so the
// emulator answers with a normalized decimal such as "100.0": clients must compare amounts numerically.

/** "100" → "100.0", "0100.50" → "100.5", ".5" → "0.5". Input must already match ([0-9]*\.)?[0-9]+. */
export function normalizeAmount(amount: string): string {
  const [whole = '', fraction = ''] = amount.split('.');
  const integer = whole.replace(/^0+(?=\d)/, '') || '0';
  const decimals = fraction.replace(/0+$/, '') || '0';
  return `${integer}.${decimals}`;
}
