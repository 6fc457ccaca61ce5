// 催缴: the 锦华苑 2026-10 bills (due 10-16), the reminder job run through the API for
// 10-23 (the demo's "逾期催缴" rule: 7 days after, SMS and in-app), the outbox in /admin
// with masked phones in the local outbox, and the reminder among the owner's messages.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, freshPage, login, shot, openMenu, pageFetch, phonePage, phoneLogin, consoleErrors } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const text = async (loc) => (await loc.innerText()).trim()

test('admin runs the reminders and sees them in the outbox; the owner reads theirs', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')
  const projects = JSON.parse((await pageFetch(page, 'GET', '/api/v1/projects')).body).items
  const jhy = projects.find((p) => p.code === 'JHY')
  const run = await pageFetch(page, 'POST', '/api/v1/bill-runs', { project_id: jhy.id, period: '2026-10', dry_run: false })
  assert.equal(run.status, 200, run.body)
  const job = await pageFetch(page, 'POST', '/api/v1/reminders/run', { as_of: '2026-10-23' })
  assert.equal(job.status, 200, job.body)
  assert.ok(JSON.parse(job.body).reminders > 0, job.body)

  await openMenu(page, '收费管理', '催缴管理')
  await page.locator('[data-test=rule-table] .el-table__row', { hasText: '逾期催缴' }).first().waitFor()
  await page.locator('[data-test=remind-tabs]').getByText('消息发件箱').click()
  await page.locator('[data-test=outbox-mode]').getByText('未配置短信服务').waitFor()
  const sms = page.locator('[data-test=outbox-table] .el-table__row', { hasText: '短信' }).first()
  await sms.waitFor()
  const row = await text(sms)
  assert.match(row, /1[3-9]\d\*{4}\d{4}/, 'the phone is masked')
  assert.doesNotMatch(row, /1[3-9]\d{9}/)
  assert.match(row, /已逾期 7 天[\s\S]*已发送[\s\S]*本地发件箱/)
  await shot(page, 'reminders-outbox')
  await page.close()

  const phone = await phonePage(browser.context, 'owner')
  await phoneLogin(phone, 'owner', 'owner')
  await phone.locator('[data-test=tab-owner-messages]').click()
  const message = phone.locator('[data-test=message]', { hasText: '2026-10-16' }).first()
  await message.waitFor()
  assert.match(await text(message), /1-1-0101 业主您好[\s\S]*2026-10-16 到期，已逾期 7 天/)
  await message.click()
  await message.locator('.van-tag').waitFor({ state: 'detached' })
  await shot(phone, 'owner-messages')
  assert.deepEqual(consoleErrors(phone), [])
  await phone.close()
})
