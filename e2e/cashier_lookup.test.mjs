// The cashier finds a house by the last four digits of a phone (within the project; the
// search is audited) and sees whose house it is: the owner's name and masked phone in the
// picker and next to the house code once picked.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, freshPage, login, openMenu, pageFetch, pickOption, shot } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

test('cashier finds a house by the last 4 digits of a phone and sees the owner', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')
  const projects = JSON.parse((await pageFetch(page, 'GET', '/api/v1/projects')).body).items
  const jhy = projects.find((p) => p.code === 'JHY')
  const houses = JSON.parse((await pageFetch(page, 'GET', `/api/v1/houses?project_id=${jhy.id}&q=2-1-0201`)).body).items
  const house = houses.find((h) => h.code === '2-1-0201')
  // A new owner with a known phone (the demo's phones are random).
  const digits = String(1000 + Math.floor(Math.random() * 9000))
  const created = await pageFetch(page, 'POST', '/api/v1/residents',
    { name: '尾号测试', phone: `1360000${digits}`, house_id: house.id, relation: 'owner' })
  assert.equal(created.status, 201, created.body)

  await login(page, 'cashier')
  await openMenu(page, '收费管理', '收银台')
  const label = await pickOption(page, page.locator('[data-test=cashier] [data-field=house_id]'),
    { query: digits, text: '2-1-0201' })
  assert.match(label, new RegExp(`136\\*\\*\\*\\*${digits}`), 'the picker shows the matched phone, masked')
  const people = page.locator('[data-test=account-people]')
  await people.getByText('尾号测试').waitFor()
  assert.match(await people.innerText(), /业主/)
  await shot(page, 'billing-cashier-lookup')

  await login(page, 'admin')
  const audit = JSON.parse((await pageFetch(page, 'GET', '/api/v1/audit-log?action=property.house.lookup')).body)
  assert.ok(audit.items.some((e) => e.actor_login === 'cashier'), 'the search by phone digits is audited')
  assert.ok(!JSON.stringify(audit.items.map((e) => e.after)).includes(digits), 'the audit row keeps no digits')
  await page.close()
})
