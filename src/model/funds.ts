/**
 * Funding sources (资金来源) as hierarchical paths. The first segment says whether the money is
 * this year's (本年) or carried over (上年结转结余). Labels are those of 预算01表 / 预算02表.
 */
export const FUND_SOURCES = [
  '本年/一般公共预算拨款/经费拨款',
  '本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/行政事业性收费收入',
  '本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/专项收入',
  '本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/国有资本经营收入',
  '本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/国有资源（资产）有偿使用收入',
  '本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/捐赠收入',
  '本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/政府住房基金收入',
  '本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/罚没收入',
  '本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/其他收入',
  '本年/政府性基金预算拨款',
  '本年/国有资本经营预算拨款',
  '本年/财政专户管理资金',
  '本年/上级财政补助收入/一般公共预算补助',
  '本年/上级财政补助收入/政府性基金补助',
  '本年/上级财政补助收入/国有资本经营预算补助',
  '本年/事业收入',
  '本年/事业单位经营收入',
  '本年/上级补助收入',
  '本年/附属单位上缴收入',
  '本年/其他收入',
  '上年结转结余/一般公共预算',
  '上年结转结余/政府性基金预算',
  '上年结转结余/国有资本经营预算',
  '上年结转结余/财政专户管理资金',
  '上年结转结余/单位资金',
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

const FUND_SET = new Set<string>(FUND_SOURCES);
export const isFundSource = (s: string): s is FundSource => FUND_SET.has(s);

const UP = '本年/上级财政补助收入/';

/**
 * Named pools of funding sources used by the tables (spec §3 notation). The `*Current` pools are
 * strict (预算01/02/23表 list 上级财政补助收入 separately); the fiscal pools used by 预算06–19表 count
 * 上级财政补助 as money of the same budget, as 预算06表's note says (本年收入包括本级安排和上级补助)
 * [assumed: the seed has no 上级补助, A12].
 */
export const POOLS = {
  current: (f: string) => f.startsWith('本年/'),
  carryOver: (f: string) => f.startsWith('上年结转结余/'),
  gpbCurrent: (f: string) => f.startsWith('本年/一般公共预算拨款/'),
  gpbNonTax: (f: string) => f.startsWith('本年/一般公共预算拨款/纳入一般公共预算管理的非税收入拨款/'),
  gfCurrent: (f: string) => f === '本年/政府性基金预算拨款',
  soeCurrent: (f: string) => f === '本年/国有资本经营预算拨款',
  saCurrent: (f: string) => f === '本年/财政专户管理资金',
  upper: (f: string) => f.startsWith(UP),
  gpbCarry: (f: string) => f === '上年结转结余/一般公共预算',
  gfCarry: (f: string) => f === '上年结转结余/政府性基金预算',
  soeCarry: (f: string) => f === '上年结转结余/国有资本经营预算',
  saCarry: (f: string) => f === '上年结转结余/财政专户管理资金',
  /** 一般公共预算 money of this year, 上级补助 included (预算06, 08–13表). */
  gpbFiscalCurrent: (f: string) => f.startsWith('本年/一般公共预算拨款/') || f === UP + '一般公共预算补助',
  gfFiscalCurrent: (f: string) => f === '本年/政府性基金预算拨款' || f === UP + '政府性基金补助',
  soeFiscalCurrent: (f: string) => f === '本年/国有资本经营预算拨款' || f === UP + '国有资本经营预算补助',
  /** 一般公共预算 money including carry-over (预算07表, 预算14表). */
  gpb: (f: string): boolean => f.startsWith('本年/一般公共预算拨款/') || f === UP + '一般公共预算补助' || f === '上年结转结余/一般公共预算',
  gf: (f: string): boolean => f === '本年/政府性基金预算拨款' || f === UP + '政府性基金补助' || f === '上年结转结余/政府性基金预算',
  soe: (f: string): boolean => f === '本年/国有资本经营预算拨款' || f === UP + '国有资本经营预算补助' || f === '上年结转结余/国有资本经营预算',
} satisfies Record<string, (f: string) => boolean>;

/** 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营预算, this year and carried over. */
export const isFiscal = (f: string) => POOLS.gpb(f) || POOLS.gf(f) || POOLS.soe(f);
