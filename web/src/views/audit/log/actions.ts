// The audit actions the server records (area.entity.verb, from the modules' audit calls;
// workorder.order.<action> for each step of an order), for the 审计日志 filter: the user picks a
// translated name (auditAction.* in the locales) instead of typing the code. A code not listed
// here can still be typed into the filter, and shows as its code in the log.
export const AUDIT_ACTIONS: readonly string[] = [
  'files.file.upload', 'files.file.attach', 'billing.adjustment.approve', 'billing.adjustment.reject', 'billing.adjustment.request',
  'billing.bill_run.finish', 'billing.bill_run.start', 'billing.collection.assign',
  'billing.collection.close', 'billing.collection.follow_up', 'billing.collection.reassign',
  'billing.collection_setting.put', 'billing.discount_rule.create', 'billing.discount_rule.update',
  'billing.fee_item.create', 'billing.fee_item.update', 'billing.late_fee.accrue',
  'billing.meter.create', 'billing.meter.update', 'billing.meter_reading.approve',
  'billing.meter_reading.correct', 'billing.meter_reading.create', 'billing.meter_reading.delete',
  'billing.meter_reading.reject', 'billing.online_order.create', 'billing.opening.reverse',
  'billing.payment.create', 'billing.prepayment.create', 'billing.receipt.void',
  'billing.refund.approve', 'billing.refund.complete', 'billing.refund.fail',
  'billing.refund.reject', 'billing.refund.request', 'billing.reminder.run',
  'billing.reminder_rule.create', 'billing.reminder_rule.delete', 'billing.reminder_rule.update',
  'billing.settings.update', 'demo.seed', 'identity.account.create', 'identity.account.disable',
  'identity.account.enable', 'identity.account.locked', 'identity.login', 'identity.login.failed',
  'identity.logout', 'identity.password.change', 'identity.password.reset', 'import.batch.commit',
  'import.batch.create', 'import.batch.dry_run', 'import.batch.rollback', 'notify.message.read',
  'notify.outbox.deliver', 'org.company.create', 'org.department.create', 'org.department.update',
  'org.grant.create', 'org.grant.delete', 'org.project.create', 'org.project.update',
  'org.role.create', 'org.role.update', 'org.staff.update', 'property.building.create',
  'property.building.delete', 'property.building.update', 'property.entrance.create',
  'property.entrance.delete', 'property.entrance.update', 'property.floor.create',
  'property.floor.delete', 'property.floor.update', 'property.house.create',
  'property.house.delete', 'property.house.lookup', 'property.house.update',
  'property.house_resident.create',
  'property.house_resident.delete', 'property.house_resident.update',
  'property.parking_space.create', 'property.parking_space.delete',
  'property.parking_space.update', 'property.resident.create', 'property.resident.delete',
  'property.resident.unmask', 'property.resident.update', 'property.vehicle.create',
  'property.vehicle.delete', 'property.vehicle.update', 'workorder.calendar.put',
  'workorder.category.create', 'workorder.category.update', 'workorder.dispatch_rule.delete',
  'workorder.dispatch_rule.put', 'workorder.holidays.put', 'workorder.order.accept',
  'workorder.order.arrive', 'workorder.order.assign', 'workorder.order.cancel',
  'workorder.order.complete', 'workorder.order.confirm', 'workorder.order.create',
  'workorder.order.follow_up', 'workorder.order.pause', 'workorder.order.rate',
  'workorder.order.reopen', 'workorder.order.resume', 'workorder.report_point.create',
  'workorder.shift.create', 'workorder.shift.delete', 'workorder.sla_rule.put',
  'workorder.staff.put',
]

/** The kinds of object the log names (its `entity`), for the filter; labels in auditEntity.*. */
export const AUDIT_ENTITIES: readonly string[] = [
  'company', 'project', 'department', 'user', 'session', 'role', 'role_grant', 'building', 'entrance', 'floor', 'house', 'resident',
  'house_resident', 'vehicle', 'parking_space', 'fee_item', 'discount_rule', 'bill_run', 'bill', 'payment',
  'prepayment', 'receipt', 'adjustment', 'refund', 'meter', 'meter_reading', 'reminder_rule',
  'collection_assignment', 'work_order', 'wo_category', 'wo_dispatch_rule', 'import_batch', 'file', 'message',
]
