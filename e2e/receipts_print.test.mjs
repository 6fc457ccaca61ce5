// Printing receipts from /admin's 收据管理: rows selected in the table print as ONE PDF with
// a page per selected receipt (A4, or the 241 mm continuous paper with its own page size),
// opened in a new tab; a single row prints its own one-page PDF, shown inline.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, freshPage, login, shot, openMenu, pickOption, pageFetch } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const unique = Date.now().toString(36)
/** The pages of a PDF: its page objects (the server writes no object streams). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length

/** Clicks `button`, waits for the PDF request whose URL contains `part` and the tab it opens
 *  (closed again); the response and the PDF's bytes. */
async function printed(page, button, part) {
  const [response, tab] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(part)),
    page.context().waitForEvent('page'),
    button.click(),
  ])
  // The PDF the UI asked for (Playwright gives no body for a fetch the page read as a blob).
  const latin1 = await page.evaluate(async (url) => {
    const r = await fetch(url, { credentials: 'same-origin' })
    return new TextDecoder('latin1').decode(await r.arrayBuffer())
  }, response.url())
  const body = Buffer.from(latin1, 'latin1')
  await tab.close()
  return { response, body }
}

test('admin selects receipts and prints them as one PDF of as many pages, on A4 and 241 mm paper', async () => {
  const page = await freshPage(browser.context)
  await login(page, 'admin')

  // Twenty small cash payments (kept as prepaid balance) for 锦华苑 1-1-0101: twenty receipts.
  const projects = JSON.parse((await pageFetch(page, 'GET', '/api/v1/projects?size=100')).body).items
  const jhy = projects.find((p) => p.name === '锦华苑')
  const houses = JSON.parse((await pageFetch(page, 'GET', `/api/v1/houses?project_id=${jhy.id}&q=1-1-0101`)).body).items
  const house = houses.find((h) => h.code === '1-1-0101')
  for (let i = 0; i < 20; i++) {
    const res = await page.evaluate(async ({ house, key }) => {
      const me = await (await fetch('/api/v1/me', { credentials: 'same-origin' })).json()
      const r = await fetch('/api/v1/payments', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token, 'Idempotency-Key': key },
        body: JSON.stringify({ house_id: house, amount: 100, channel: 'cash' }),
      })
      return { status: r.status, body: await r.text() }
    }, { house: house.id, key: `e2e-print-${unique}-${i}` })
    assert.equal(res.status, 201, res.body)
  }

  await openMenu(page, '收费管理', '收据管理')
  await pickOption(page, page.locator('.toolbar'), { text: '锦华苑' })
  const table = page.locator('[data-test=receipt-table]')
  const rows = table.locator('.el-table__body-wrapper .el-table__row')
  await page.waitForFunction(() => document.querySelector('[data-test=receipt-table] .el-table__row')?.textContent?.includes('1-1-0101'))
  const batch = page.locator('[data-test=receipt-batch-print]')
  assert.equal(await batch.isDisabled(), true, 'nothing selected, nothing to print')

  // Three rows, one by one: one PDF of three pages, A4.
  for (let i = 0; i < 3; i++) await rows.nth(i).locator('.el-checkbox').first().click()
  assert.match(await batch.innerText(), /批量打印（已选 3 张）/)
  const three = await printed(page, batch, '/api/v1/receipts/print')
  assert.equal(three.response.status(), 200)
  assert.match(three.response.headers()['content-disposition'], /^inline; filename="receipts-R-JHY-/)
  assert.equal(pageCount(three.body), 3)
  assert.match(three.body.toString('latin1'), /\/MediaBox \[ 0 0 595\.27\d* 841\.8\d* \]/)

  // The whole page selected, on 241 mm continuous paper: as many pages as rows selected.
  for (let i = 0; i < 3; i++) await rows.nth(i).locator('.el-checkbox').first().click()
  assert.equal(await batch.isDisabled(), true)
  await table.locator('.el-table__header .el-checkbox').first().click()
  const selected = await rows.count()
  assert.ok(selected >= 20, `at least our 20 receipts on the page (${selected})`)
  assert.match(await batch.innerText(), new RegExp(`批量打印（已选 ${selected} 张）`))
  await pickOption(page, page.locator('[data-test=receipt-paper]'), { text: '241 mm' })
  await shot(page, 'billing-receipts-print')
  const all = await printed(page, batch, 'paper=241')
  assert.equal(all.response.status(), 200)
  assert.equal(pageCount(all.body), selected)
  const boxes = all.body.toString('latin1').match(/\/MediaBox \[ 0 0 683\.1\d* 396 \]/g) ?? []
  assert.equal(boxes.length, selected, '241 × 139.7 mm pages')

  // One row's own print: a one-page PDF shown inline.
  const one = await printed(page, rows.first().locator('[data-test=receipt-print]'), '/pdf?')
  assert.equal(one.response.status(), 200)
  assert.match(one.response.headers()['content-disposition'], /^inline; filename="R-JHY-\d{4}-\d{6}\.pdf"/)
  assert.equal(pageCount(one.body), 1)
  assert.ok(one.body.length <= 100 * 1024, `one receipt is ${one.body.length} bytes`)
  await page.close()
})
