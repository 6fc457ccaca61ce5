import type { workorderServer as zhWorkorder, filesServer as zhFiles } from './workorderServer.zh-CN'

export const workorderServer: typeof zhWorkorder = {
  assignee_invalid: 'This staff member cannot handle orders in the project',
  bad_transition: 'The order’s status does not allow this; refresh',
  cannot_grab: 'This order is not open for you to grab', category_code_taken: 'The category code is taken',
  category_not_found: 'Category not found', charge_no_house: 'Only a repair in a house can be charged to it',
  follow_up_not_due: 'Only completed orders can be followed up',
  no_candidate: 'Nobody with the skill is on duty; dispatch by hand',
  not_assignee: 'Only the assigned staff member may do this', not_found: 'Work order not found',
  place_not_found: 'The house, building or project was not found', place_required: 'Choose the house or give the place', report_bad_range: 'Bad month range (at most 36 months)',
  report_point_not_found: 'This QR code is not valid', scan_mismatch: 'The scanned code is not a QR point of this order’s place', shift_not_found: 'Shift not found',
  staff_not_found: 'Staff member not found',
}
export const filesServer: typeof zhFiles = {
  empty: 'The file is empty', not_attachable: 'A photo cannot be used; upload it again',
  not_found: 'File not found', rate_limited: 'Too many uploads; try again later',
  too_large: 'A photo may be at most 4 MB', type_mismatch: 'The content does not match its type',
  type_not_allowed: 'Only JPEG, PNG and WebP images',
}
