/**
 * Numbers of the cost screens as typed and shown in German: percentages with up to two decimals and
 * charge units (hours to the hundredth). Euro amounts use parseEuroCents / formatEuro of the kit.
 */

const percent = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const units = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** 87.5 → "87,5 %". */
export function formatPercent(value: number): string {
  return `${percent.format(value)} %`;
}

/** 1.5 → "1,5". */
export function formatUnits(value: number): string {
  return units.format(value);
}

/** A number typed with a decimal comma or point and at most two decimals; '' → undefined, invalid → null. */
function parseTwoDecimals(value: string, maxIntegerDigits: number): number | null | undefined {
  const v = value.trim().replace(/\s|%/g, '');
  if (v === '') return undefined;
  if (!new RegExp(`^\\d{1,${maxIntegerDigits}}([.,]\\d{1,2})?$`).test(v)) return null;
  return Number(v.replace(',', '.'));
}

/** "87,5" / "87,5 %" → 87.5 (0–100, two decimals); '' → undefined; anything else → null. */
export function parsePercent(value: string): number | null | undefined {
  const n = parseTwoDecimals(value, 3);
  if (typeof n === 'number' && n > 100) return null;
  return n;
}

/** "1,25" → 1.25 (positive, up to 10 000, two decimals); '' → undefined; anything else → null. */
export function parseUnits(value: string): number | null | undefined {
  const n = parseTwoDecimals(value, 5);
  if (typeof n === 'number' && (n <= 0 || n > 10_000)) return null;
  return n;
}

/** A number as input text with a decimal comma ("87,5"). */
export function decimalToInput(value: number | null): string {
  return value === null ? '' : String(value).replace('.', ',');
}
