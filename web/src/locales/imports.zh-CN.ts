// 数据导入 (data migration) on /admin: the step flow, the report, 导入记录 and rollback
// (spread into zh-CN.ts; importServer into server.import, importAudit into auditAction).
export default {
  imports: {
    menu: '数据导入',
    tabs: { import: '导入数据', batches: '导入记录' },
    steps: { choose: '选择类型', upload: '上传预检', confirm: '确认导入', done: '完成' },
    kinds: {
      houses: '房屋', residents: '住户', vehicles: '车辆', parking: '车位', 'fee-items': '收费标准', readings: '抄表读数',
      balances: '期初余额',
    },
    kind: '数据类型', project: '项目', template: '模板', templateXlsx: '下载 Excel 模板', templateCsv: '下载 CSV 模板',
    templateHint: '模板首行为列名（带 * 的必填），第二行为示例（选好项目后下载，示例按该项目填写，可直接预检），导入时请换成你的数据；“填写说明”工作表列出每列的要求和可选值。已存在的数据按编码匹配：相同则跳过，不同则更新。',
    allOrNothing: '全部成功才导入', allOrNothingHint: '开启后，只要有一行错误，整个文件都不导入。更改后将对当前文件重新预检。',
    drop: '将 .xlsx 或 .csv 文件拖到此处，或', click: '点击上传',
    limit: '支持 .xlsx 和 .csv（UTF-8 或 GB18030），不超过 5 MB；更大的文件请在服务器上用 anju import 命令导入。',
    badType: '只支持 .xlsx 和 .csv 文件', tooLarge: '文件超过 5 MB，请在服务器上用 anju import 命令导入',
    file: '文件：{name}', dryRunning: '正在预检…', committing: '正在导入…', rowsRead: '已读取 {n} 行',
    rowsReadOf: '已读取 {n} / 约 {total} 行',
    dryRunTitle: '预检结果（未写入任何数据）', commitTitle: '导入结果',
    rows: '总行数', created: '新增', updated: '更新', skipped: '跳过', bad: '错误',
    line: '行号', column: '列', reason: '原因', cells: '原始内容', wholeRow: '整行',
    filterColumn: '按列筛选', filterReason: '按原因或内容搜索', downloadBad: '下载错误行',
    noBad: '没有错误行', noMatch: '没有符合条件的错误行', fileError: '文件无法导入：{error}',
    shownFirst: '共 {bad} 行错误，仅列出前 {n} 行',
    commit: '确认导入', commitTitleConfirm: '确认导入',
    commitAsk: '将 {file} 中的{kind}数据导入到 {project}。',
    commitWarnSkip: '有 {n} 行错误，确认导入时将跳过这些行，只导入其余的行。',
    commitWarnNone: '有 {n} 行错误，且开启了“全部成功才导入”：确认导入将不会导入任何数据。请修正错误行后重新上传。',
    nothingToImport: '没有可导入的行：预检中没有新增或更新的行。请修正文件后重新上传。',
    nothingToImportAll: '没有可导入的行：有错误行且开启了“全部成功才导入”。请修正错误行后重新上传。',
    committed: '导入完成', nothingImported: '没有导入任何数据', dryRunFirst: '请等待预检完成',
    again: '继续导入', viewBatches: '查看导入记录',
    failed: '导入失败：{error}', interrupted: '服务重启中断了这批导入，请重新上传文件（已导入的行会被跳过）。',
    batches: {
      id: '批次', time: '上传时间', file: '文件', mode: '方式', dryRun: '预检', commit: '导入',
      allOrNothing: '全部成功才导入', counts: '新增 / 更新 / 跳过 / 错误', open: '查看', rollback: '回滚',
      finishedAt: '完成时间', rolledBackAt: '回滚时间', title: '导入批次 #{id}', options: '选项',
      rollbackConfirm: '回滚将删除批次 #{id}（{file}）新增的数据，并把它更新过的数据恢复原样。确定回滚吗？',
      rolledBack: '已回滚', rollbackReport: '回滚结果', removed: '删除 {n}', restored: '恢复 {n}',
      rollbackRefused: '无法回滚', nothingChanged: '这批导入没有写入任何数据', entity: '数据', changes: '变更',
    },
    statuses: {
      queued: '排队中', running: '进行中', done: '已完成', committed: '已导入', failed: '失败', interrupted: '已中断',
      rolled_back: '已回滚',
    },
    entities: {
      building: '楼栋', entrance: '单元', floor: '楼层', house: '房屋', resident: '住户',
      house_resident: '住户关系', vehicle: '车辆', parking_space: '车位', fee_item: '收费标准',
      meter_reading: '抄表读数', opening: '期初余额',
    },
  },
}

/** Server error keys (server.import.*). */
export const importServer = {
  unknown_kind: '不支持的导入类型', bad_format: '请上传 .xlsx 或 .csv 文件', not_found: '导入批次不存在',
  not_rollbackable: '只有已完成的正式导入可以回滚，且只能回滚一次',
  not_committable: '只有已完成的预检可以确认导入', nothing_to_import: '预检没有可导入的行，请修正文件后重新上传',
  rollback_blocked: '有更新的数据依赖这批导入的数据，无法回滚',
  project_not_found: '请选择你有导入权限的项目',
}

/** Audit actions (auditAction.*). */
export const importAudit = {
  import_batch_create: '上传导入文件', import_batch_dry_run: '导入预检', import_batch_commit: '导入数据',
  import_batch_rollback: '回滚导入',
}
