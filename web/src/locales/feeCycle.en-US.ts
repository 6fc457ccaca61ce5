// Billing cycles (monthly / quarterly / half-yearly / yearly bills) and tiered prices of
// metered items on fee items (spread into en-US.ts).
import type zh from './feeCycle.zh-CN'

const en: typeof zh = {
  feeCycle: {
    cycle: 'Billing cycle', cycles: { 1: 'Monthly', 3: 'Quarterly', 6: 'Half-yearly', 12: 'Yearly' },
    cycleHint: 'A quarterly, half-yearly or yearly bill covers the whole cycle and is keyed by its first month; it cannot change after creation.',
    meteredMonthly: 'Metered items are billed monthly.',
    tiers: 'Tiered price', upTo: 'Up to', noLimit: 'Above (no limit)', addTier: 'Add tier', removeTier: 'Remove',
    tiersHint: 'One tier is a flat price; limits must rise and the last tier has no limit; they cannot change after creation.',
    units: { water: 'm³', gas: 'm³', electricity: 'kWh', other: 'unit' },
    perUnit: '¥/{unit}',
    invalidLimit: 'Tier {row}: enter a limit above 0 with at most 2 decimals',
    invalidTierPrice: 'Tier {row}: enter a price of at least 0 with at most 4 decimals',
    badTiers: 'Invalid tiers: limits must be positive and rising, the last tier without a limit',
  },
}
export default en
