// The sample label's QR code as the canteen's label printer writes it:
// `LY1|<date>|<meal>|<dish>` (LY = 留样, version 1). Pure.
import { MEALS, type Meal, type SampleLabel } from '../../contracts/samples.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** The contract's dish length, counted as its validator counts (UTF-16 units). */
const DISH_MAX = 40;

/** The label, or null for anything else the scanner read (a product barcode, a damaged label). */
export function parseLabel(text: string): SampleLabel | null {
  const parts = text.trim().split('|');
  if (parts.length < 4 || parts[0] !== 'LY1') return null;
  const [, date = '', meal = '', ...rest] = parts;
  const dish = rest.join('|').trim(); // a dish name may itself contain '|'
  if (!DATE_RE.test(date) || !isMeal(meal)) return null;
  if (dish.length === 0 || dish.length > DISH_MAX) return null;
  return { dish, service: { date, meal } };
}

function isMeal(s: string): s is Meal {
  return (MEALS as readonly string[]).includes(s);
}
