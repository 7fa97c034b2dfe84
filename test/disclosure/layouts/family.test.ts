/**
 * Table kinds by the words of their titles, whatever publishers put around them (year, publisher,
 * 部门/单位/预算单位, marks, quotes and bracket widths, 续表), and column concepts by their labels,
 * wrapped or under group labels — national titles as well as the Shanghai variants.
 */
import { describe, expect, it } from 'vitest';
import { conceptOf } from '../../../src/disclosure/layouts/concepts.ts';
import { kindOfTitle, normTitle } from '../../../src/disclosure/layouts/family.ts';
import { FAMILIES } from '../../../src/disclosure/layouts/index.ts';
import { mofBudget } from '../../../src/disclosure/layouts/mof-budget.ts';
import { mofFinal } from '../../../src/disclosure/layouts/mof-final.ts';

const kind = (family: typeof mofBudget, title: string) => kindOfTitle(family, title)?.id;

describe('table kinds by title', () => {
  it('strips year, publisher, unit prefixes, marks, quotes and 续表', () => {
    expect(normTitle('  表5  2026年预算单位一般公共预算支出功能分类预算表（续表）')).toBe('一般公共预算支出功能分类预算表');
    expect(normTitle('上海市普陀区财政局2024年度部门“三公”经费支出表')).toBe('三公经费支出表');
    expect(normTitle('9．2025年单位“三公”经费和机关运行经费预算表 ……………… 12')).toBe('三公经费和机关运行经费预算表');
  });

  it('knows the national budget titles and the Shanghai variants', () => {
    const cases: [string, string][] = [
      ['部门收支总表', 'summary'],
      ['2026年部门财务收支预算总表', 'summary'],
      ['部门收入总表', 'income'],
      ['2025年预算单位收入预算总表', 'income'],
      ['部门支出总表', 'spending'],
      ['财政拨款收支总表', 'fiscal'],
      ['2024年预算单位财政拨款收支预算总表', 'fiscal'],
      ['一般公共预算支出表', 'gpb'],
      ['部门一般公共预算支出功能分类预算表', 'gpb'],
      ['一般公共预算基本支出表', 'basic'],
      ['部门一般公共预算基本支出部门预算经济分类预算表', 'basic'],
      ['一般公共预算“三公”经费支出表', 'three'],
      ['单位“三公”经费和机关运行经费预算表', 'three'],
      ['政府性基金预算支出表', 'gf'],
      ['国有资本经营预算支出表', 'soe'],
    ];
    expect(cases.map(([t]) => [t, kind(mofBudget, t)])).toEqual(cases);
  });

  it('knows the nine 决算 titles, and keeps them apart from the budget set', () => {
    const cases: [string, string][] = [
      ['收入支出决算总表', 'summary'],
      ['收入决算表', 'income'],
      ['支出决算表', 'spending'],
      ['财政拨款收入支出决算总表', 'fiscal'],
      ['一般公共预算财政拨款支出决算表', 'gpb'],
      ['一般公共预算财政拨款基本支出决算表', 'basic'],
      ['财政拨款“三公”经费支出决算表', 'three'],
      ['政府性基金预算财政拨款收入支出决算表', 'gf'],
      ['国有资本经营预算财政拨款收入支出决算表', 'soe'],
    ];
    expect(cases.map(([t]) => [t, kind(mofFinal, t)])).toEqual(cases);
    expect(cases.map(([t]) => kind(mofBudget, t))).toEqual(cases.map(() => undefined));
  });

  it('takes no sentence or section heading for a table', () => {
    for (const line of ['五、单位预算表', '第二部分 上海市普陀区财政局2024年度部门决算表', '一、收入支出决算总体情况说明', '支出预算8695.94万元，其中：财政拨款支出预算8695.94万元'])
      expect(FAMILIES.map((f) => kindOfTitle(f, line))).toEqual([undefined, undefined]);
  });
});

describe('column concepts by label', () => {
  it('names wrapped labels and leaves under their groups', () => {
    const cases: [string, string, string][] = [
      ['本年收入合计', '', 'total'],
      ['附属单位上缴收入', '', 'subsidiary'],
      ['事业单位经营收入', '', 'operating'],
      ['对附属单位补助支出', '', 'subsidy'],
      ['一般公共预算财政拨款', '财政拨款收入支出决算总表', 'gpb'],
      ['财政拨款收入', '', 'fiscal'],
      ['小计', '公务用车购置及运行费', 'car.total'],
      ['小计', '本年支出 基本支出 项目支出', 'spend.total'],
      ['购置费', '公务用车购置及运行费', 'car.purchase'],
      ['公务用车运行维护费', '', 'car.running'],
      ['机关运行经费预算数', '', 'operation'],
      ['因公出国(境)费', '', 'abroad'],
      ['年初结转和结余', '', 'opening'],
    ];
    expect(cases.map(([leaf, group]) => conceptOf(leaf, [group])?.key)).toEqual(cases.map(([, , key]) => key));
  });
});
