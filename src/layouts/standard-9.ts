import type { LayoutSet } from './layout.ts';

export function standard9(): LayoutSet {
  return { id: 'standard-9', tables: [], marks: false };
}
