/**
 * TRUST_PROXY: whether the server sits behind a reverse proxy, and which one. Without it every
 * client behind the proxy has the proxy's address, so they all share one login rate limit; with it
 * fastify takes the client's address from X-Forwarded-For, but only from the proxies trusted here
 * (anyone else could write that header).
 *
 *   unset, `false`, `0`  no proxy (the default): the peer's address is the client's
 *   `true`               trust every hop (only when nothing but the proxy can reach the server)
 *   a number N ≥ 1       trust N hops in front of the server
 *   addresses or CIDRs   trust these proxies, comma-separated: `127.0.0.1,10.0.0.0/8`
 */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((s) => !/^[\d.]+(\/\d{1,2})?$|^[\da-f:]+(\/\d{1,3})?$/i.test(s) && !['loopback', 'linklocal', 'uniquelocal'].includes(s));
  if (bad.length) throw new Error(`TRUST_PROXY：无法识别 ${bad.join('、')}（可为 true、跳数，或以逗号分隔的地址/CIDR）`);
  return list;
}
