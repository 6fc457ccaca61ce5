// 抄表导入 (spread into zh-CN.ts).
export default {
  readingImport: {
    open: '导入读数', title: '导入抄表读数', project: '项目', period: '抄表月份', file: 'CSV 文件',
    chooseFile: '选择文件', noFile: '未选择文件', template: '下载模板',
    hint: '首行为列名：表号、读数必填，备注可选；读数为以 0.01 为单位的整数（1234.56 m³ 填 123456），上期读数一列仅供参考。UTF-8 编码，最多 5000 行。',
    dryRun: '预检', confirm: '确认导入', dryRunFirst: '请先对当前文件预检，通过后才能导入',
    line: '行号', meterCode: '表号', reading: '本期读数', previous: '上期读数', consumption: '用量', status: '状态', note: '备注',
    error: '错误', message: '说明', statuses: { ok: '正常', review: '待审核' },
    summary: '预检通过：共 {rows} 行，正常 {ok} 行，待审核 {review} 行。确认后一次写入。',
    failed: '{count} 行有误，未导入任何数据。请修改文件后重新预检。',
    imported: '已导入 {rows} 条读数（待审核 {review} 条）', noMeters: '该项目没有仪表',
    readFailed: '无法读取文件：{message}', templateName: '抄表导入-{project}-{period}.csv',
    codes: {
      READING_BELOW_PREVIOUS: '读数小于上次读数', READING_EXISTS: '该表本月已有读数',
      READING_OUT_OF_ORDER: '该表已有更晚月份的读数', METER_NOT_FOUND: '项目中没有此表号',
      invalid: '读数须为不小于 0 的整数', VALIDATION_FAILED: '读数无效',
    },
  },
}

/** Server error keys (spread into server.billing). */
export const readingImportServer = {
  reading_import_invalid: '文件中有无效的行，未导入任何数据', meter_not_found: '仪表不存在',
}
