// 计费周期 (monthly / quarterly / half-yearly / yearly bills) and 阶梯价 (tiered prices of
// metered items) on 收费项目 (spread into zh-CN.ts).
export default {
  feeCycle: {
    cycle: '计费周期', cycles: { 1: '月', 3: '季', 6: '半年', 12: '年' },
    cycleHint: '按季、半年或年收费时，一张账单覆盖整个周期，账期记为周期的第一个月；创建后不能修改。',
    meteredMonthly: '按用量计费的项目按月出账。',
    tiers: '阶梯价', upTo: '至', noLimit: '以上不限', addTier: '添加阶梯', removeTier: '删除',
    tiersHint: '只有一档时即为统一单价；上限须逐档递增，最后一档不限量；创建后不能修改。',
    units: { water: 'm³', gas: 'm³', electricity: '度', other: '单位' },
    perUnit: '元/{unit}',
    invalidLimit: '第 {row} 档：请输入大于 0、最多两位小数的上限',
    invalidTierPrice: '第 {row} 档：请输入不小于 0、最多四位小数的单价',
    badTiers: '阶梯不正确：上限须为正数且逐档递增，最后一档不限量',
  },
}
