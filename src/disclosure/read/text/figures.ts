import { MoneyParseError, parseMoney, type AmountUnit, type Money } from '../../../money/money.ts';
import { DisclosureError } from '../types.ts';

/**
 * A printed figure as 分. A figure money cannot hold exactly (too many decimals for the unit, or
 * too large) makes the disclosure unreadable, with the table and the figure named.
 */
export function figure(text: string, unit: AmountUnit, table: string): Money {
  try {
    return parseMoney(text, unit);
  } catch (e) {
    if (e instanceof MoneyParseError) throw new DisclosureError(`表 ${table} 中的数字“${text}”不是以${unit}计的金额：${e.message}`);
    throw e;
  }
}
