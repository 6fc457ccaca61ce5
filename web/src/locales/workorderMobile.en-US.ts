// Work orders in the phone apps and the public QR report form. Typed against zh-CN.
import type zh from './workorderMobile.zh-CN'

const en: typeof zh = {
  woMobile: {
    tab: 'Repairs', staffTab: 'Orders', title: 'Report an issue', myOrders: 'My orders', report: 'Report an issue', reportTitle: 'Report an issue',
    kinds: {
      repair_house: 'Home repair', repair_public: 'Common-area repair', complaint: 'Complaint', suggestion: 'Suggestion',
      inquiry: 'Inquiry', praise: 'Praise',
    },
    urgencies: { normal: 'Normal', urgent: 'Urgent' },
    actions: {
      submit: 'Submitted', assign: 'Assigned', accept: 'Accept', arrive: 'Arrived', pause: 'Pause', resume: 'Resume', complete: 'Complete',
      confirm: 'Confirm', rate: 'Rate', cancel: 'Cancel', reopen: 'Reopen', escalate: 'Escalated', follow_up: 'Follow-up',
    },
    pauseReasons: { owner: 'Waiting for owner', parts: 'Waiting for parts', other: 'Other' },
    sla: {
      ok: 'On time', warn: 'Due soon', overdue: 'Overdue', paused: 'Clock paused', met: 'Met', missed: 'Missed',
      acceptIn: 'Accept within {t}', finishIn: 'Finish within {t}', acceptOver: 'Acceptance overdue by {t}', finishOver: 'Overdue by {t}',
      dh: '{d}d {h}h', hm: '{h}h {m}m', ms: '{m}m {s}s',
    },
    project: 'Estate', kind: 'Type', house: 'House', noHouse: 'You have no house, so reports cannot be filed online', place: 'Place',
    placeHint: 'e.g. lift hall of building 3, car park B2', description: 'Description', descriptionHint: 'Describe the problem, e.g. the bathroom tap leaks',
    category: 'Category', suggested: 'Suggested: {name}',     urgency: 'Urgency', preferredTime: 'Preferred visit time',
    photos: 'Photos (up to 6)', submit: 'Submit', submitted: 'Submitted, number {number}', required: 'Required',
    descriptionShort: 'Describe the problem', placeRequired: 'Enter the place', houseRequired: 'Choose a house',
    compressing: 'Compressing and uploading…', uploadFailed: 'Photo upload failed: {msg}',
    empty: 'No orders yet', loadMore: 'Load more', createdAt: 'Reported', assignee: 'Handled by',
    timeline: 'Progress', photosReport: 'Reported photos', photosComplete: 'Completion photos', signature: 'Owner signature',
    fees: 'Charges', labourFee: 'Labour', materialFee: 'Materials', billed: 'Added to the bill', live: 'Live',
    confirmTitle: 'Confirm completion', signHere: 'Sign in the box above', clear: 'Clear', signFirst: 'Please sign first', confirmed: 'Completion confirmed',
    rateTitle: 'Rate the service', comment: 'Comment (optional)', rated: 'Thank you for your rating', ratingLabel: '{n} stars',
    reopenTitle: 'Reopen the order', reopenHint: 'What is still not fixed', reopened: 'Reopened',
    cancelTitle: 'Cancel the order', cancelHint: 'Reason', cancelled: 'Cancelled', reasonRequired: 'Enter a reason',
        tabAssigned: 'To accept', tabInProgress: 'In progress', tabOverdue: 'Overdue', tabGrab: 'Open pool', grab: 'Grab', grabbed: 'Grabbed',
    accepted: 'Accepted', arrived: 'Checked in on site', paused: 'Paused', resumed: 'Resumed', completed: 'Completion filed',
    arrive: 'Check in on site', pauseTitle: 'Pause reason', completeTitle: 'Complete the order',
    completeNote: 'What was done', completeNoteHint: 'Work done, parts replaced', labourFeeYuan: 'Labour (CNY)',
    addMaterial: 'Add material', materialName: 'Material', quantity: 'Qty', unitPriceYuan: 'Unit price (CNY)',
    lineTotal: 'Line {amount}', total: 'Total {amount}', charge: 'Charge the owner', chargeHint: 'The charges go on the house’s bill',
    amountInvalid: 'Enter an amount with at most 2 decimals', nameRequired: 'Enter the material', reporter: 'Reporter', tools: 'Work orders',
    tileHint: 'To accept, in progress, overdue and the open pool', openTasks: 'My open orders', noTasks: 'No tasks', dispatch: 'Dispatch',
    publicTitle: 'Report by QR code', phone: 'Mobile number', phoneInvalid: 'Enter a valid 11-digit mobile number',
    name: 'Name (optional)', publicDone: 'We have received your report', publicNumber: 'Order number {number}', publicAgain: 'Report another',
    pointNotFound: 'This QR code is invalid or no longer in use',
  },
}
export default en
