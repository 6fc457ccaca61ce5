// 催缴规则: the rules of a project, their edit dialog, the project's collection setting and
// "run now" (POST /api/v1/reminders/run).
import { computed, onMounted, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import * as api from '@/api/reminders'
import { ApiError } from '@/api/request'
import { useProjectsStore } from '@/stores/projects'
import { today } from '@/utils/time'

export function useRules() {
  const { t, te } = useI18n()
  const projects = useProjectsStore()
  const projectId = ref<number | undefined>()
  const rules = ref<api.ReminderRule[]>([])
  const setting = ref<api.CollectionSetting | null>(null)
  const assignAfter = ref(30)
  const loading = ref(false)

  async function load() {
    if (!projectId.value) return
    loading.value = true
    try {
      const [r, s] = await Promise.all([api.listRules(projectId.value), api.listSettings()])
      rules.value = r.items
      setting.value = s.items.find((x) => x.project_id === projectId.value) ?? null
      assignAfter.value = setting.value?.assign_after_days ?? 30
    } catch {
      /* the request layer showed the error */
    } finally {
      loading.value = false
    }
  }
  watch(projectId, load)
  onMounted(async () => {
    await projects.load().catch(() => {})
    projectId.value ??= projects.items[0]?.id
  })

  function offsetText(n: number) {
    if (n === 0) return t('remind.offsetOn')
    return n < 0 ? t('remind.offsetBefore', { n: -n }) : t('remind.offsetAfter', { n })
  }

  // The edit dialog: a new rule (id 0) or an existing one; server field errors show inline.
  const editing = ref<number | null>(null)
  const form = reactive<api.ReminderRuleInput>({ name: '', offset_days: -3, channels: ['in_app'], template: '', active: true })
  const errors = reactive<Record<string, string>>({})
  const saving = ref(false)
  function open(rule?: api.ReminderRule) {
    editing.value = rule?.id ?? 0
    Object.assign(form, rule
      ? { name: rule.name, offset_days: rule.offset_days, channels: [...rule.channels], template: rule.template, active: rule.active }
      : { name: '', offset_days: -3, channels: ['in_app'], template: '', active: true })
    for (const k of Object.keys(errors)) delete errors[k]
  }
  async function save() {
    for (const k of Object.keys(errors)) delete errors[k]
    saving.value = true
    try {
      if (editing.value) await api.updateRule(editing.value, { ...form }, { quiet: true })
      else await api.createRule({ ...form, project_id: projectId.value }, { quiet: true })
      editing.value = null
      ElMessage.success(t('remind.saved'))
      await load()
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        for (const f of err.fields) {
          const key = f.field.replace(/\[\d+\]$/, '')
          errors[key] = te(`fieldError.${f.code}`) ? t(`fieldError.${f.code}`) : f.message
        }
      } else if (err instanceof ApiError) {
        errors.name = te(`server.${err.i18n}`) ? t(`server.${err.i18n}`) : err.message
      }
    } finally {
      saving.value = false
    }
  }
  async function remove(rule: api.ReminderRule) {
    try {
      await ElMessageBox.confirm(t('remind.confirmDeleteRule', { name: rule.name }), t('common.confirmTitle'), { type: 'warning' })
    } catch {
      return
    }
    try {
      await api.deleteRule(rule.id)
      ElMessage.success(t('common.deleted'))
      await load()
    } catch {
      /* shown */
    }
  }

  async function saveSetting() {
    if (!projectId.value) return
    try {
      setting.value = await api.putSetting({ project_id: projectId.value, assign_after_days: assignAfter.value, active: true })
      ElMessage.success(t('remind.saved'))
    } catch {
      /* shown */
    }
  }

  const asOf = ref(today())
  const running = ref(false)
  async function runNow() {
    running.value = true
    try {
      const r = await api.runReminders(asOf.value)
      ElMessage.success(t('remind.runDone', { ...r }))
    } catch {
      /* shown */
    } finally {
      running.value = false
    }
  }

  const dialogOpen = computed({ get: () => editing.value !== null, set: (v) => { if (!v) editing.value = null } })
  return { projectId, rules, setting, assignAfter, loading, offsetText, editing, form, errors, saving, open, save, remove,
    saveSetting, asOf, running, runNow, dialogOpen }
}
