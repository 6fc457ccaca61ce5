// 账单生成 for one, several or all projects (issue 12): the request names project_id,
// project_ids or neither; the preview lists every project with its state and the totals; the
// title says what is true of the month (尚未生成 / 部分生成 / 已生成), also for a month that was
// generated already. The month is 13 months ahead of today, so no other test bills it.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, freshPage, login, openMenu, chooseOptions, confirmBox, fenOf, watchConsole, consoleErrors } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const text = async (loc) => (await loc.innerText()).trim()
const num = async (page, name) => Number(await text(page.locator(`[data-test=${name}]`)))

function monthsAhead(n) {
  const d = new Date()
  const m = d.getUTCFullYear() * 12 + d.getUTCMonth() + n
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
}
const PERIOD = monthsAhead(13)

/** The state a preview must name for its figures. */
const truth = (bills, existing) => (existing === 0 ? (bills === 0 ? '无可生成账单' : '尚未生成') : bills === 0 ? '已生成' : '部分生成')

/** Clicks 预览 and returns the request body and the shown result's figures and title. */
async function preview(page) {
  const request = page.waitForRequest((r) => r.url().endsWith('/api/v1/bill-runs') && r.method() === 'POST')
  const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/bill-runs'))
  await page.locator('[data-test=run-preview]').click()
  const body = (await request).postDataJSON()
  const reply = await response
  assert.equal(reply.status(), 200)
  const json = await reply.json()
  await page.waitForFunction(({ bills, existing }) => {
    const v = (n) => document.querySelector(`[data-test=${n}]`)?.textContent?.trim()
    return !document.querySelector('[data-test=run-result].stale') && v('run-title')?.startsWith('预览：') &&
      v('run-bills') === String(bills) && v('run-existing') === String(existing)
  }, { bills: json.bills, existing: json.existing })
  const shown = {
    body,
    title: await text(page.locator('[data-test=run-title]')),
    houses: await num(page, 'run-houses'),
    bills: await num(page, 'run-bills'),
    existing: await num(page, 'run-existing'),
    amount: fenOf(await text(page.locator('[data-test=run-amount]'))),
  }
  assert.ok(shown.title.startsWith(`预览：`) && shown.title.includes(PERIOD), shown.title)
  assert.ok(shown.title.endsWith(`（${truth(shown.bills, shown.existing)}）`),
    `the title says what is true: ${shown.title} with ${shown.bills} new and ${shown.existing} existing`)
  return shown
}

/** The per-project rows: [name, houses, bills, discount, amount, existing, state]. */
async function projectRows(page) {
  const rows = page.locator('[data-test=run-projects-table] .el-table__body-wrapper tr.el-table__row')
  const out = []
  for (let i = 0; i < await rows.count(); i++) {
    out.push((await rows.nth(i).locator('td').allInnerTexts()).slice(1).map((c) => c.trim()))
  }
  return out
}

test('bill runs of one, several and all projects: per-project rows, totals and a true title', async () => {
  const page = await freshPage(browser.context)
  watchConsole(page)
  await login(page, 'admin')
  await openMenu(page, '收费管理', '账单生成')
  const period = page.locator('[data-test=run-period] input')
  await period.fill(PERIOD)
  await period.press('Enter')

  // 星河广场 alone: project_id, its fee items, then generated.
  await chooseOptions(page, page.locator('[data-test=run-project]'), ['星河广场'])
  let p = await preview(page)
  assert.equal(typeof p.body.project_id, 'number')
  assert.equal(p.body.project_ids, undefined)
  assert.match(p.title, /^预览：星河广场 /)
  await page.locator('[data-test=run-table]').waitFor()
  if (p.bills > 0) {
    await page.locator('[data-test=run-generate]').click()
    await confirmBox(page)
    await page.locator('[data-test=run-title]', { hasText: `已生成：星河广场 ${PERIOD}` }).waitFor()
  }
  // The month generated: previewing it again must not say 尚未生成 (it did, with 已存在 96).
  p = await preview(page)
  assert.ok(p.existing > 0 && p.bills === 0, JSON.stringify(p))
  assert.equal(p.title, `预览：星河广场 ${PERIOD}（已生成）`)
  const xinghe = p.existing

  // 全部项目: neither field; a row per project; the rows add up to the totals.
  await page.locator('[data-test=run-all]').click()
  assert.equal(await page.locator('[data-test=run-project] .is-disabled, [data-test=run-project].is-disabled').count() > 0, true,
    'the project choice is off while 全部项目 is on')
  p = await preview(page)
  assert.deepEqual(Object.keys(p.body).sort(), ['dry_run', 'period'])
  assert.match(p.title, /^预览：全部项目 /)
  let rows = await projectRows(page)
  assert.ok(rows.length >= 3, JSON.stringify(rows))
  assert.deepEqual(rows.map((r) => r[0]).filter((n) => ['锦华苑', '绿园小区', '星河广场'].includes(n)).sort(),
    ['星河广场', '绿园小区', '锦华苑'])
  assert.equal(rows.reduce((s, r) => s + Number(r[2]), 0), p.bills, 'new bills add up')
  assert.equal(rows.reduce((s, r) => s + Number(r[5]), 0), p.existing, 'existing bills add up')
  assert.equal(rows.reduce((s, r) => s + fenOf(r[4]), 0), p.amount, 'amounts add up')
  const row = (name) => rows.find((r) => r[0] === name)
  assert.equal(row('星河广场')[6], '已生成')
  assert.equal(Number(row('星河广场')[5]), xinghe)
  for (const r of rows) assert.equal(r[6], truth(Number(r[2]), Number(r[5])), JSON.stringify(r))
  // A row opens to its fee items.
  await page.locator('[data-test=run-projects-table] .el-table__expand-icon').first().click()
  await page.locator('[data-test=run-projects-table] [data-test=run-table]').first().waitFor()

  // Two projects: project_ids; two rows.
  await page.locator('[data-test=run-all]').click()
  await chooseOptions(page, page.locator('[data-test=run-project]'), ['星河广场', '绿园小区'])
  p = await preview(page)
  assert.equal(p.body.project_id, undefined)
  assert.equal(p.body.project_ids.length, 2)
  rows = await projectRows(page)
  assert.deepEqual(rows.map((r) => r[0]).sort(), ['星河广场', '绿园小区'])
  assert.equal(rows.reduce((s, r) => s + Number(r[2]), 0), p.bills)
  assert.deepEqual(consoleErrors(page), [])
  await page.close()
})
