// 工单 in /admin: customer service (service) registers a phone call for 锦华苑 1-1-0101 — the
// category comes from the live suggestion (水电) — sees it on the board with an SLA badge, opens
// it, dispatches it by hand to 李工 (engineer) and sees the 派单 entry in the timeline; then the
// admin opens 工单报表 and sees the monthly chart and a non-empty table. The demo dispatches
// 水电 automatically, so the admin switches 锦华苑's 水电 to manual for the test and back after.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, freshPage, login, shot, openMenu, pageFetch, pickOption, watchConsole, consoleErrors } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const text = async (loc) => (await loc.innerText()).trim()

/** Sets 锦华苑's dispatch mode for 水电 (plumbing) through the API as the signed-in admin. */
async function plumbingMode(page, mode) {
  const projects = JSON.parse((await pageFetch(page, 'GET', '/api/v1/projects')).body).items
  const jhy = projects.find((p) => p.code === 'JHY')
  const cats = JSON.parse((await pageFetch(page, 'GET', '/api/v1/work-order-categories')).body).items
  const plumbing = cats.find((c) => c.code === 'plumbing')
  const r = await pageFetch(page, 'PUT', '/api/v1/work-order-dispatch-rules', { project_id: jhy.id, category_id: plumbing.id, mode })
  assert.equal(r.status, 200, r.body)
}

test('service registers a call, sees it on the board and dispatches it; admin sees the reports', async () => {
  const admin = await freshPage(browser.context)
  watchConsole(admin)
  await login(admin, 'admin')
  await plumbingMode(admin, 'manual')

  const page = await freshPage(browser.context)
  watchConsole(page)
  await login(page, 'service')
  await openMenu(page, '工单管理', '工单看板')
  await page.locator('[data-test=wo-table]').waitFor()

  // 新建工单: project, house, a description the classifier files under 水电.
  await page.locator('[data-test=wo-new]').click()
  const dialog = page.locator('[data-test=wo-create-dialog]')
  await dialog.waitFor()
  await pickOption(page, dialog.locator('.el-form-item', { hasText: '项目' }).first(), { text: '锦华苑' })
  await pickOption(page, dialog.locator('[data-test=wo-house]'), { query: '1-1-0101', text: '1-1-0101' })
  await dialog.locator('[data-test=wo-description]').fill('卫生间水管漏水，一直往楼下滴水')
  const suggestion = dialog.locator('[data-test=wo-suggestion] .el-tag')
  await suggestion.waitFor()
  assert.match(await text(suggestion), /^建议：水电 · (普通|紧急)$/)
  // The suggestion filled the category; staff could still change it.
  assert.match(await text(dialog.locator('[data-test=wo-category]')), /水电/)
  await dialog.locator('[data-test=wo-reporter-name]').fill('王女士')
  await dialog.locator('[data-test=wo-reporter-phone]').fill('13800138000')
  await dialog.locator('[data-test=wo-create-submit]').click()
  await dialog.waitFor({ state: 'hidden' })

  // The drawer opens on the new order; close it and find the order on the board.
  const drawer = page.locator('[data-test=wo-drawer]')
  const title = drawer.locator('.el-drawer__title', { hasText: 'WO-' })
  await title.waitFor()
  const number = /WO-\d{8}-\d{4}/.exec(await text(title))[0]
  await drawer.locator('.el-drawer__close-btn').click()
  await drawer.waitFor({ state: 'hidden' })
  const row = page.locator('[data-test=wo-table] .el-table__row', { hasText: number })
  await row.waitFor()
  assert.match(await text(row), /水电[\s\S]*1-1-0101/)
  const badge = row.locator('[data-test=sla-badge]')
  assert.match(await badge.getAttribute('data-sla'), /^(ok|warn|overdue)$/)
  assert.match(await text(badge), /正常|即将超时|已超时/)
  await shot(page, 'workorder-board')

  // Open it and dispatch it by hand to 李工.
  await row.click()
  await title.waitFor()
  await drawer.locator('[data-test=wo-timeline-entry]', { hasText: /^\s*提交 → 待派单/ }).waitFor()
  await drawer.locator('[data-test=wo-assign]').click()
  const assign = page.locator('[data-test=wo-assign-dialog]')
  await assign.locator('[data-test=wo-staff-table] .el-table__row', { hasText: '李工' }).click()
  await assign.locator('[data-test=wo-assign-submit]').click()
  await assign.waitFor({ state: 'hidden' })
  await drawer.locator('[data-test=wo-timeline-entry]', { hasText: /^\s*派单 → 待接单 · 钱客服/ }).waitFor()
  assert.equal(await text(drawer.locator('[data-test=wo-assignee]')), '李工')
  assert.equal(await text(drawer.locator('[data-test=wo-status]')), '待接单')
  await shot(page, 'workorder-drawer')
  assert.deepEqual(consoleErrors(page), [])
  await page.close()

  // 工单报表 as admin (the service sign-in replaced the context's session cookie).
  await browser.context.clearCookies()
  await login(admin, 'admin')
  await plumbingMode(admin, 'auto')
  await openMenu(admin, '工单管理', '工单报表')
  await admin.locator('[data-test=wo-report-chart] canvas').first().waitFor()
  const rows = admin.locator('[data-test=wo-report-table] .el-table__row')
  await rows.first().waitFor()
  assert.ok(await rows.count() >= 2, 'a staff row and the totals row')
  await shot(admin, 'workorder-reports')
  assert.deepEqual(consoleErrors(admin), [])
  await admin.close()
})
