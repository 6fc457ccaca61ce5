// Work orders on /admin. Typed against zh-CN.
import type zh from './workorder.zh-CN'

const en: typeof zh = {
  wo: {
    menu: {
      section: 'Work orders', board: 'Order board', followUps: 'Follow-up calls', settings: 'Order settings', reports: 'Order reports',
    },
    kinds: {
      repair_house: 'In-house repair', repair_public: 'Common-area repair', complaint: 'Complaint', suggestion: 'Suggestion',
      inquiry: 'Inquiry', praise: 'Praise',
    },
    urgencies: { normal: 'Normal', urgent: 'Urgent' },
    // The one vocabulary of a work order's status, on /admin and in the phone apps alike.
    statuses: {
      submitted: 'To dispatch', assigned: 'To accept', accepted: 'Accepted', on_site: 'In progress', paused: 'Paused',
      completed: 'To confirm', confirmed: 'To rate', closed: 'Done', cancelled: 'Cancelled',
    },
    channels: { owner: 'Owner app', phone: 'Phone call', qr: 'QR code', api: 'API' },
    sla: {
      ok: 'On track', warn: 'Due soon', overdue: 'Overdue', paused: 'Paused', met: 'Met', missed: 'Missed',
      left: '{t} left', over: '{t} over', acceptDue: 'Accept by', finishDue: 'Finish by', calendar: 'Calendar',
      title: 'Service level (SLA)', acceptMet: 'Accepted in time', finishMet: 'Finished in time', minutes: '{n} min',
      pending: 'Pending', d: '{n}d', h: '{n}h', m: '{n}m',
    },
    calendars: { business: 'Business hours', always: 'Always (24×7)' },
    modes: { auto: 'Automatic', grab: 'Grab', manual: 'Manual' },
    skills: {
      plumbing: 'Plumbing & electrics', carpentry: 'Doors & windows', elevator: 'Elevators', lighting: 'Public lighting',
      greening: 'Greening', cleaning: 'Cleaning', security: 'Security', service: 'Customer service',
    },
    actions: {
      submit: 'Submitted', assign: 'Assign', accept: 'Accept', arrive: 'Arrive', pause: 'Pause', resume: 'Resume',
      complete: 'Complete', confirm: 'Confirm', rate: 'Rate', cancel: 'Cancel', reopen: 'Reopen',
      escalate: 'Escalation', follow_up: 'Follow-up', follow_up_due: 'Due for follow-up',
    },
    field: {
      number: 'Number', kind: 'Kind', category: 'Category', urgency: 'Urgency', house: 'House', place: 'Place',
      building: 'Building', description: 'Description', reporter: 'Reporter', reporterName: 'Reporter name',
      reporterPhone: 'Phone', preferredTime: 'Preferred time', channel: 'Channel', responsible: 'Responsible',
      assignee: 'Assignee', dispatchMode: 'Dispatch', dispatchReason: 'Dispatch reason', createdAt: 'Reported',
      assignedAt: 'Assigned', acceptedAt: 'Accepted', arrivedAt: 'Arrived', completedAt: 'Completed',
      confirmedAt: 'Confirmed', closedAt: 'Closed', cancelledAt: 'Cancelled', cancelReason: 'Cancel reason',
      reopenCount: 'Reopened', rating: 'Rating', labourFee: 'Labour', materialFee: 'Materials', bill: 'Bill',
      photos: 'Photos', signature: 'Signature', sla: 'SLA', timeline: 'Timeline', status: 'Status',
    },
    board: {
      newOrder: 'New order', todayOnly: 'Today only', overdueOnly: 'Overdue only', searchPlaceholder: 'Number, description or place',
      searchAllStatuses: 'Searching all statuses',
      table: 'Table', kanban: 'Board', open: 'Open', allStatuses: 'All statuses', openStatuses: 'Open',
      assigneePlaceholder: 'Assignee', categoryPlaceholder: 'Category', kindPlaceholder: 'Kind',
      unassigned: 'Unassigned', empty: 'No work orders', pickProjectForStaff: 'Choose a project to filter by assignee',
      kanbanNote: 'The board shows this page’s orders by status',
    },
    create: {
      title: 'New work order (phone call)', houseSearch: 'Type a house code', placeHint: 'e.g. lobby of building 3',
      suggestion: 'Suggested: {category} · {urgency}', suggesting: 'Reading the description…', useSuggestion: 'Use it',
      autoCategory: 'Empty: the suggestion is used', created: 'Work order {number} created', needProject: 'Choose a project',
      needHouse: 'An in-house repair needs the house', needPlace: 'Choose the house or describe the place', needDescription: 'Describe the problem',
      confidence: 'confidence {p}',
    },
    detail: {
      title: 'Work order {number}', basics: 'Details', live: 'Live', reconnecting: 'Connection lost, reconnecting…',
      assignTitle: 'Assign', reassignTitle: 'Reassign', autoDispatch: 'Dispatch automatically', manualDispatch: 'Assign to the chosen person',
      staffSkills: 'Skills', onDuty: 'On duty', offDuty: 'Off duty', openOrders: '{n} open', pickStaff: 'Choose the assignee',
      cancelTitle: 'Cancel the order', reopenTitle: 'Reopen the order', reason: 'Reason', reasonRequired: 'Give the reason',
      assigned: 'Assigned to {name}', done: 'Done', noPhotos: 'No photos', fees: 'Fees', none: '—',
      responsibleBuilding: 'Responsible for the building', noStaff: 'Nobody in this project can take orders; set skills under Order settings',
      otherActions: 'Other steps are done in the staff app',
    },
    followUp: {
      title: 'Follow-up', due: 'Due', done: 'Done', dueAt: 'Due at', record: 'Record call', result: 'Result',
      results: { satisfied: 'Satisfied', unsatisfied: 'Unsatisfied', unreachable: 'Unreachable' },
      rating: 'Rating', note: 'Note', saved: 'Follow-up recorded', history: 'Calls', empty: 'No orders to follow up',
      doneAt: 'Called', by: 'By',
    },
    settings: {
      categories: 'Categories', sla: 'SLA rules', dispatch: 'Dispatch', calendar: 'Hours & holidays',
      staff: 'Staff skills', shifts: 'Shifts', points: 'QR report points',
      newCategory: 'New category', editCategory: 'Edit category', newChild: 'Add sub-category', parent: 'Parent',
      nameEn: 'English name', skill: 'Skill', keywords: 'Keywords', keywordsHint: 'Space-separated; used to recognise the category',
      sort: 'Order', active: 'Active', inactive: 'Inactive', topLevel: '(top level)',
      defaultRule: 'Default (all categories)', newRule: 'New rule', editRule: 'Edit rule', acceptMinutes: 'Accept within (min)',
      finishMinutes: 'Finish within (min)', ladder: 'Escalation', warnPercent: 'Warn assignee %',
      managerPercent: 'Tell manager %', hqPercent: 'Tell HQ %', ladderText: '{w}% warn · {m}% manager · {h}% HQ',
      inheritDefault: 'Use the project default', projectDefault: 'Project default', dispatchHint: 'Categories without a rule use the project default; without one, automatic',
      setMode: 'Set',
      workdays: 'Workdays', dayStart: 'Opens', dayEnd: 'Closes', weekdays: { 1: 'Mo', 2: 'Tu', 3: 'We', 4: 'Th', 5: 'Fr', 6: 'Sa', 7: 'Su' },
      holidays: 'Holidays and make-up workdays', holidayKinds: { off: 'Day off', work: 'Make-up workday' }, day: 'Day', holidayName: 'Name',
      addHoliday: 'Add', holidaysSaved: 'Holidays saved', saveHolidays: 'Save holidays', year: 'Year',
      buildings: 'Buildings', onDutyNow: 'On duty now', editStaff: 'Set skills and buildings',
      week: 'Week', prevWeek: 'Previous week', nextWeek: 'Next week', thisWeek: 'This week', addShifts: 'Add shifts',
      shiftStaff: 'Staff', shiftDates: 'Dates', shiftStart: 'From', shiftEnd: 'To', shiftsCreated: '{n} shifts added',
      shiftOvernight: 'An end not after the start is on the next day', deleteShift: 'Delete the shift ({name} {time})?', noShifts: 'No shifts this week',
      newPoint: 'New report point', qr: 'QR code', link: 'Link', print: 'Print', pointPlace: 'Place',
      pointCategory: 'Default category', pointBuilding: 'Building', noPoints: 'No report points', pickProject: 'Choose a project first',
      copyLink: 'Copy link', copied: 'Copied',
    },
    reports: {
      months: 'Months', volume: 'Orders', completed: 'Completed', slaRate: 'SLA met', avgAccept: 'Avg accept (min)',
      avgFinish: 'Avg finish (min)', ftf: 'First-time fix', satisfaction: 'Satisfaction', rated: 'Rated',
      byMonth: 'By month', byStaff: 'By staff', byCategory: 'By category', byBuilding: 'By building', trend: 'Orders and SLA met by month',
      hotspots: 'Hotspots', places: 'Places', categories: 'Categories', count: 'Count', total: 'Total',
      classifier: 'Classifier accuracy', trainedAt: 'Trained', samples: 'Samples', heldOut: 'Held out',
      rules: 'Rules', model: 'Model', combined: 'Combined', urgencyAcc: 'Urgency', retrain: 'Retrain',
      trained: 'Retrained', neverTrained: 'Not trained yet', name: 'Name', none: 'No work orders in the range',
    },
    home: { today: 'Orders today', overdue: 'Overdue orders', open: '{n} open' },
  },
}
export default en

