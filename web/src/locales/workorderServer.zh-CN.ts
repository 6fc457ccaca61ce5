// The server's error texts for work orders and uploads (i18n keys of workorder_errors.h,
// files_errors.h), spread into `server` in zh-CN.ts.
export const workorderServer = {
  assignee_invalid: '该员工不能处理此项目的工单', bad_transition: '工单当前状态不允许此操作，请刷新',
  cannot_grab: '该工单不在你的抢单范围内', category_code_taken: '类别编码已被使用',
  category_not_found: '工单类别不存在', charge_no_house: '只有户内报修可以向业主收费',
  follow_up_not_due: '只有已完成的工单可以回访', no_candidate: '没有在岗且有相应技能的员工，请手动派单',
  not_assignee: '只有被指派的员工可以操作', not_found: '工单不存在',
  place_not_found: '房屋、楼栋或项目不存在', place_required: '请选择房屋或填写位置', report_bad_range: '月份范围有误（最多 36 个月）',
  report_point_not_found: '二维码无效或已停用', scan_mismatch: '扫描的二维码不是本工单所在位置的点位', shift_not_found: '班次不存在', staff_not_found: '员工不存在',
}
export const filesServer = {
  empty: '文件为空', not_attachable: '图片不可用，请重新上传', not_found: '文件不存在',
  rate_limited: '上传过于频繁，请稍后再试', too_large: '图片不能超过 4 MB',
  type_mismatch: '文件内容与类型不符', type_not_allowed: '只支持 JPEG、PNG、WebP 图片',
}
