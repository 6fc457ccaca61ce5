// Reports, payment (/owner) and meter-reading rounds (/staff): spread into en-US.ts.
import type zh from './reports.zh-CN'

const en: typeof zh = {
  reports: {
    menu: 'Billing reports', collectionTitle: 'Collection', dailyTitle: 'Daily figures', from: 'From month', to: 'To month',
    month: 'Month', receivable: 'Receivable', received: 'Received', arrears: 'Arrears', rate: 'Collection rate', recovered: 'Recovered',
    recoveryRate: 'Recovery rate', trendTitle: 'Trend by month (receivable / received / rate)', none: 'No bills in these months',
    exportExcel: 'Export Excel', total: 'Total', noDaily: 'Nothing billed, received or owed on this day',
    dailyHint: 'Receivable: bills posted that day; received: payments that day (prepayments included); arrears: what was still owed at the end of the day.',
    daily: { billed: 'Receivable', late_fees: 'Late fees', received: 'Received', to_prepayment: 'To prepayment', arrears: 'Arrears at day end' },
  },
  ownerPay: {
    title: 'Pay', payNow: 'Pay now', pickBills: 'Bills to pay', channel: 'Pay with',
    payAmount: 'Pay {amount}', simulate: 'Simulate payment',
    simulatorNote: 'Demo: no real WeChat Pay / Alipay is connected; "Simulate payment" lets the provider simulator pay and send its notification.',
    stillPending: 'No payment result yet; check again shortly.', checkAgain: 'Check again', paid: 'Paid',
    toReceipts: 'View receipts', toBills: 'Back to my bills', payMore: 'Pay more',
    receiptsTitle: 'My receipts', receipts: 'Receipts', noReceipts: 'No receipts yet', pdf: 'View PDF',
  },
  meterRound: {
    title: 'Meter reading', tools: 'Tools', tileHint: 'Reading rounds by building', noProjects: 'No project where you may read meters',
    building: 'Building', period: 'Month', progress: 'Progress', doneOf: '{done} of {n} read',
    noMeters: 'No meters in this building', finished: 'Every meter of this building is read for {period}', shared: 'Shared meter',
    previous: 'Previous reading', enter: 'This reading', submit: 'Submit', skip: 'Skip',
    saved: '{meter} saved, use {use}', heldForReview: '{meter}: use {use} is unusually high — saved and held for review, not billed yet',
    below: 'Below the previous reading {previous}; not saved. Check it; if the meter rolled over or was replaced, ask an administrator.',
    invalid: 'Enter a reading with at most 2 decimals', route: 'Route of this building', read: 'Read', unread: 'To read',
  },
}
export default en
