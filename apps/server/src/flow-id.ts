import { randomBytes } from 'node:crypto';
import { FLOW_ID_PATTERN } from '@baton/schema/api';

const pattern = new RegExp(FLOW_ID_PATTERN);

/**
 * A flow id from its name: "Order to Fulfillment!" → `order-to-fulfillment`. Accents are
 * folded, anything else becomes a dash. Names that leave too little (e.g. "A", "日本") get a
 * random id instead, so creation never fails for the name alone.
 */
export function flowIdFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return pattern.test(slug) ? slug : `flow-${randomBytes(4).toString('hex')}`;
}
