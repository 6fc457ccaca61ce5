// 催缴: last month's 绿园小区 bills, which owner3 (who owes two months and more in the living
// demo) has not paid, the reminder job run through the API for 7 days after their due date
// (the demo's "逾期催缴" rule: 7 days after, SMS and in-app), the outbox in /admin with masked
// phones in the local outbox, and the reminder among owner3's messages. Last month, not this
// one: the server's own daily run may already have reminded of this month's due date (from 7
// days after it), and a rule reminds of a due date once; last month's window closed before
// this month began, and the demo runs no reminders.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  launch, freshPage, login, shot, openMenu, pageFetch, phonePage, phoneLogin, consoleErrors, monthOf, addDays,
} from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const text = async (loc) => (await loc.innerText()).trim()

test('admin runs the reminders and sees them in the outbox; the owner reads theirs', async () => {
  // owner3's house and its open bill of last month.
  const phone = await phonePage(browser.context, 'owner')
  await phoneLogin(phone, 'owner', 'owner3')
  const get = async (p, url) => JSON.parse((await pageFetch(p, 'GET', url)).body)
  const house = (await get(phone, '/api/v1/houses')).items[0]
  assert.ok(house, 'owner3 has a house')
  const [bill] = (await get(phone, `/api/v1/bills?house_id=${house.id}&period=${monthOf(-1)}&status=open&size=1`)).items
  assert.ok(bill, `owner3 has not paid ${monthOf(-1)}`)
  const due = bill.due_date
  await phone.close()

  const page = await freshPage(browser.context)
  await login(page, 'admin')
  const job = await pageFetch(page, 'POST', '/api/v1/reminders/run', { as_of: addDays(due, 7) })
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

  const mine = await phonePage(browser.context, 'owner')
  await phoneLogin(mine, 'owner', 'owner3')
  await mine.locator('[data-test=tab-owner-messages]').click()
  const message = mine.locator('[data-test=message]', { hasText: `${due} 到期，已逾期 7 天` }).first()
  await message.waitFor()
  assert.match(await text(message), new RegExp(`${house.code} 业主您好[\\s\\S]*${due} 到期，已逾期 7 天`))
  await message.click()
  await message.locator('.van-tag').waitFor({ state: 'detached' })
  await shot(mine, 'owner-messages')
  assert.deepEqual(consoleErrors(mine), [])
  await mine.close()
})
