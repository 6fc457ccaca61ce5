// Adjustments, refunds, approvals and billing settings (spread into en-US.ts).
import type zh from './corrections.zh-CN'
import type { correctionServer as zhServer, correctionAudit as zhAudit, correctionFieldError as zhField } from './corrections.zh-CN'

const en: typeof zh = {
  corrections: {
    menu: { approvals: 'Approvals', settings: 'Billing settings' },
    adjustments: 'Adjustments', refunds: 'Refunds', creditNote: 'Credit note', lateFeeWaiver: 'Waive late fee', refund: 'Refund',
    kinds: { credit_note: 'Credit note', write_off: 'Write-off', late_fee_waiver: 'Late-fee waiver' },
    writeOff: 'Write off', writeOffHint: 'Writes off the principal still owed as bad debt; what was paid stays paid.', writable: 'Up to {amount} can be written off',
    adjustmentStatuses: { pending: 'Pending', applied: 'Applied', rejected: 'Rejected' },
    refundStatuses: { pending: 'Pending', processing: 'Processing', refunded: 'Refunded', rejected: 'Rejected', failed: 'Failed' },
    channels: { cash: 'Cash', pos: 'POS', transfer: 'Transfer', cheque: 'Cheque', wechat: 'WeChat Pay', alipay: 'Alipay' },
    amount: 'Amount (¥)', amountColumn: 'Amount', reason: 'Reason', reasonHint: 'Say why (2–200 characters)', reasonInvalid: 'The reason needs 2–200 characters',
    amountInvalid: 'Enter an amount above 0 with at most two decimals', amountTooLarge: 'At most {max}',
    bill: 'Bill', house: 'House', requester: 'Requested by', requestedAt: 'Requested', decider: 'Decided by', decidedAt: 'Decided',
    decisionNote: 'Decision note', approve: 'Approve', reject: 'Reject', approveTitle: 'Approve the request', rejectTitle: 'Reject the request',
    approveNote: 'Note (optional)', approved: 'Approved', rejected: 'Rejected', submitted: 'Submitted; waiting for approval',
    applied: 'Applied', selfHint: 'Someone else must decide on your own request',
    adjustTitle: '{kind}: {number}', creditHint: 'A credit note never edits the bill; what was paid already becomes prepaid balance.',
    waiverHint: 'Waives late fees not yet paid.', creditable: 'Up to {amount}', waivable: 'Up to {amount}',
    thresholdHint: 'Above {amount} someone else approves', refundTitle: 'Refund: {house}', refundable: 'Prepaid balance {amount}',
    refundPayment: 'Back to the original payment (optional)', refundPaymentHint: 'A WeChat Pay or Alipay payment is refunded through the provider; otherwise in cash',
    refundSubmitted: 'Refund submitted; waiting for approval', refundDone: 'Refunded', payment: 'Payment', channel: 'Channel',
    failure: 'Why it failed', noPending: 'Nothing waits for approval',
    settingsTitle: 'Billing settings', threshold: 'Approval threshold (¥)',
    thresholdHelp: 'An adjustment or refund above this amount needs a second person with the approve permission.',
    allocationOrder: 'Allocation order', allocationOrders: { late_fees_first: 'Late fees first, then principal oldest first', principal_first: 'Bill by bill, oldest first: principal, then its late fee' },
    autoApply: 'Apply prepaid balances to new bills', settingsSaved: 'Billing settings saved', readOnly: 'Only headquarters can change billing settings',
  },
}
export default en

export const correctionServer: typeof zhServer = {
  approval_not_pending: 'The request was decided already; refresh', approval_by_requester: 'Someone else must decide on your own request',
  adjustment_not_found: 'Adjustment not found', bill_not_found: 'Bill not found',
  adjustment_exceeds_open: 'More than the bill has open to correct now', refund_not_found: 'Refund not found',
  payment_not_found: 'Payment not found', refund_exceeds_balance: 'More than the prepaid balance',
  refund_exceeds_payment: 'More than this payment can still refund', refund_refused_by_provider: 'The payment provider refused the refund',
  refund_provider_unavailable: 'The payment provider has not confirmed; approve again later to retry', pay_refund_refused: 'The payment provider refused the refund',
}

export const correctionAudit: typeof zhAudit = {
  billing_settings_update: 'Change billing settings', billing_adjustment_request: 'Request an adjustment',
  billing_adjustment_approve: 'Approve an adjustment', billing_adjustment_reject: 'Reject an adjustment',
  billing_refund_request: 'Request a refund', billing_refund_approve: 'Approve a refund', billing_refund_reject: 'Reject a refund',
  billing_refund_complete: 'Refund completed', billing_refund_fail: 'Refund failed',
}

export const correctionFieldError: typeof zhField = { too_large: 'More than is available' }
