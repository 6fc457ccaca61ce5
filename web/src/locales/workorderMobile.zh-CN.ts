// 工单 in the phone apps (/owner 报事报修 & 我的工单, /staff 工单) and the public QR report form.
export default {
  woMobile: {
    tab: '报修', staffTab: '工单', title: '报事报修', myOrders: '我的工单', report: '我要报事', reportTitle: '报事报修',
    kinds: {
      repair_house: '户内报修', repair_public: '公区报修', complaint: '投诉', suggestion: '建议', inquiry: '咨询', praise: '表扬',
    },
    urgencies: { normal: '普通', urgent: '紧急' },
    actions: {
      submit: '提交', assign: '派单', accept: '接单', arrive: '到场', pause: '暂停', resume: '继续', complete: '完工',
      confirm: '确认完工', rate: '评价', cancel: '取消', reopen: '重新打开', escalate: '超时升级', follow_up: '回访',
    },
    pauseReasons: { owner: '等业主', parts: '等配件', other: '其他' },
    sla: {
      ok: '正常', warn: '即将超时', overdue: '已超时', paused: '已暂停计时', met: '按时', missed: '超时',
      acceptIn: '接单剩余 {t}', finishIn: '完工剩余 {t}', acceptOver: '接单已超时 {t}', finishOver: '完工已超时 {t}',
      dh: '{d}天{h}小时', hm: '{h}小时{m}分', ms: '{m}分{s}秒',
    },
    project: '小区', kind: '类型', house: '房屋', noHouse: '您名下没有房屋，无法在线报事', place: '位置',
    placeHint: '如：3 栋电梯厅、地下车库 B2', description: '描述', descriptionHint: '请描述问题，如：卫生间水龙头漏水',
    category: '分类', suggested: '建议分类：{name}',     urgency: '紧急程度', preferredTime: '期望上门时间',
    photos: '照片（最多 6 张）', submit: '提交', submitted: '已提交，单号 {number}', required: '必填',
    descriptionShort: '请描述问题', placeRequired: '请填写位置', houseRequired: '请选择房屋',
    compressing: '正在压缩上传…', uploadFailed: '照片上传失败：{msg}',
    empty: '暂无工单', loadMore: '加载更多', createdAt: '提交时间', assignee: '处理人',
    timeline: '进度', photosReport: '报修照片', photosComplete: '完工照片', signature: '业主签字',
    fees: '费用', labourFee: '人工费', materialFee: '材料费', billed: '已计入账单', live: '实时更新中',
    confirmTitle: '确认完工', signHere: '请在上方框内签字', clear: '清除', signFirst: '请先签字', confirmed: '已确认完工',
    rateTitle: '服务评价', comment: '评价内容（选填）', rated: '感谢您的评价', ratingLabel: '{n} 星',
    reopenTitle: '重新打开工单', reopenHint: '请说明仍未解决的问题', reopened: '已重新打开',
    cancelTitle: '取消工单', cancelHint: '取消原因', cancelled: '已取消', reasonRequired: '请填写原因',
        // staff
    tabAssigned: '待接单', tabInProgress: '处理中', tabOverdue: '超时', tabGrab: '抢单', grab: '抢单', grabbed: '抢单成功',
    accepted: '已接单', arrived: '已签到到场', paused: '已暂停', resumed: '已继续', completed: '已提交完工',
    arrive: '到场签到', pauseTitle: '暂停原因', completeTitle: '完工登记',
    completeNote: '处理说明', completeNoteHint: '做了什么、更换了什么', labourFeeYuan: '人工费（元）',
    addMaterial: '添加材料', materialName: '材料名称', quantity: '数量', unitPriceYuan: '单价（元）',
    lineTotal: '小计 {amount}', total: '合计 {amount}', charge: '向业主收费', chargeHint: '开启后费用计入该房屋账单',
    amountInvalid: '请输入最多两位小数的金额', nameRequired: '请填写材料名称', reporter: '报事人', tools: '工单',
    tileHint: '待接单、处理中、超时与抢单', openTasks: '我的待办工单', noTasks: '暂无任务', dispatch: '派单说明',
    // public QR form
    publicTitle: '扫码报事', phone: '手机号', phoneInvalid: '请输入正确的 11 位手机号',
    name: '称呼（选填）', publicDone: '已收到您的报事', publicNumber: '工单号 {number}', publicAgain: '再报一条',
    pointNotFound: '二维码无效或已停用',
  },
}
