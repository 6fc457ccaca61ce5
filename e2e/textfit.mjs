// A check that screen text fits (issue 12's English labels): run in the page by
// page.evaluate(findCutText, root selector). It reports, for every visible text node under the
// root:
//  - "broken": a word (a run of Latin letters) whose own client rects lie on two lines, i.e.
//    the browser broke it mid-word ("Residen|tial");
//  - "clipped": text that reaches past the box of an ancestor that clips it (overflow hidden
//    or clip), i.e. it is cut off ("Anju Property Mana");
//  - "scrolled": text outside the visible part of a scroll box (overflow auto or scroll): a
//    table wider than its page, whose last columns are cut until scrolled to.
// Text truncated on purpose with an ellipsis AND a tooltip of the whole text (Element Plus
// table cells with show-overflow-tooltip: class el-tooltip) is not reported; nor is text
// inside elements marked data-fit-ignore (inputs' own scrolling, long free text).
export function findCutText(rootSelector) {
  const problems = []
  const root = document.querySelector(rootSelector) ?? document.body
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const clippers = (el) => {
    const out = []
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a)
      if (s.overflowX !== 'visible') out.push(a)
    }
    return out
  }
  const visible = (el) => {
    if (!el.getClientRects().length) return false
    for (let a = el; a; a = a.parentElement) {
      const s = getComputedStyle(a)
      if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false
    }
    return true
  }
  const describe = (el) => {
    const parts = []
    for (let a = el; a && parts.length < 4 && a !== document.body; a = a.parentElement) {
      const dt = a.getAttribute('data-test')
      parts.unshift(a.tagName.toLowerCase() + (dt ? `[data-test=${dt}]` : '') +
        (a.classList.length ? '.' + [...a.classList].slice(0, 2).join('.') : ''))
      if (dt) break
    }
    return parts.join(' > ')
  }
  let node
  while ((node = walker.nextNode())) {
    const text = node.textContent
    if (!text.trim()) continue
    const el = node.parentElement
    if (!el) continue
    if (el.closest('[data-fit-ignore], script, style, textarea, .el-tooltip, .el-input__inner, .el-select__placeholder.is-transparent')) continue
    if (!visible(el)) continue
    // Broken words.
    const re = /[A-Za-z][A-Za-z'’-]*[A-Za-z]/g
    let m
    while ((m = re.exec(text))) {
      const r = document.createRange()
      r.setStart(node, m.index)
      r.setEnd(node, m.index + m[0].length)
      const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)))
      if (tops.size > 1) problems.push({ kind: 'broken', text: m[0], where: describe(el) })
    }
    // Clipped text.
    const r = document.createRange()
    r.selectNodeContents(node)
    const box = r.getBoundingClientRect()
    if (box.width === 0) continue
    for (const c of clippers(el)) {
      const cb = c.getBoundingClientRect()
      const s = getComputedStyle(c)
      const left = cb.left + parseFloat(s.borderLeftWidth)
      const right = left + c.clientWidth
      if (box.right > right + 1 || box.left < left - 1) {
        // A scroll box (a wide table) shows the text when scrolled; hidden/clip never does.
        // (An Element Plus table's header and footer rows scroll with its body.)
        const scrolls = /auto|scroll/.test(s.overflowX) ||
          c.matches('.el-table__header-wrapper, .el-table__footer-wrapper')
        const kind = scrolls ? 'scrolled' : 'clipped'
        problems.push({ kind, text: text.trim().slice(0, 60), where: describe(el), by: describe(c) })
        break
      }
    }
  }
  return problems
}
