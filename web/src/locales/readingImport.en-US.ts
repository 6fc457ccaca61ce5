// Meter reading import (spread into en-US.ts).
import type zh from './readingImport.zh-CN'
import type { readingImportServer as zhServer } from './readingImport.zh-CN'

const en: typeof zh = {
  readingImport: {
    open: 'Import readings', title: 'Import meter readings', project: 'Project', period: 'Period', file: 'CSV file',
    chooseFile: 'Choose file', noFile: 'No file chosen', template: 'Download template',
    hint: 'The first line names the columns: 表号 (meter code) and 读数 (reading) are required, 备注 (note) optional; a reading is a whole number in 1/100 unit (1234.56 m³ → 123456); the previous-reading column is for reference only. UTF-8, at most 5,000 rows.',
    dryRun: 'Dry run', confirm: 'Import', dryRunFirst: 'Dry-run this file first; it can be imported once it passes',
    line: 'Line', meterCode: 'Meter', reading: 'Reading', previous: 'Previous', consumption: 'Consumption', status: 'Status', note: 'Note',
    error: 'Error', message: 'Details', statuses: { ok: 'OK', review: 'Review' },
    summary: 'Dry run passed: {rows} rows, {ok} OK, {review} held for review. Import writes them all at once.',
    failed: '{count} rows are not valid; nothing was imported. Fix the file and dry-run it again.',
    imported: '{rows} readings imported ({review} held for review)', noMeters: 'The project has no meters',
    readFailed: 'Cannot read the file: {message}', templateName: 'readings-{project}-{period}.csv',
    codes: {
      READING_BELOW_PREVIOUS: 'Below the previous reading', READING_EXISTS: 'The meter has a reading for the period',
      READING_OUT_OF_ORDER: 'The meter has a reading for a later period', METER_NOT_FOUND: 'No such meter in the project',
      invalid: 'The reading must be a whole number ≥ 0', VALIDATION_FAILED: 'Invalid reading',
    },
  },
}
export default en

export const readingImportServer: typeof zhServer = {
  reading_import_invalid: 'Some rows of the file are not valid readings; nothing was imported',
  meter_not_found: 'Meter not found',
}
