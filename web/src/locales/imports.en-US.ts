import type zh from './imports.zh-CN'
import type { importServer as zhServer, importAudit as zhAudit } from './imports.zh-CN'

const en: typeof zh = {
  imports: {
    menu: 'Data import',
    tabs: { import: 'Import data', batches: 'Import history' },
    steps: { choose: 'Choose kind', upload: 'Upload & check', confirm: 'Confirm', done: 'Done' },
    kinds: {
      houses: 'Houses', residents: 'Residents', vehicles: 'Vehicles', parking: 'Parking spaces', 'fee-items': 'Fee standards',
      readings: 'Meter readings', balances: 'Opening balances',
    },
    kind: 'Kind', project: 'Project', template: 'Template', templateXlsx: 'Download Excel template',
    templateCsv: 'Download CSV template',
    templateHint: 'The first row holds the column names (* = required), the second an example (downloaded with a project chosen, it fits that project and passes a dry run): replace it with your data. The Instructions sheet lists what each column takes. Existing data is matched by its code: identical rows are skipped, changed ones updated.',
    allOrNothing: 'All or nothing',
    allOrNothingHint: 'When on, one bad row keeps the whole file out. Changing it checks the current file again.',
    drop: 'Drop an .xlsx or .csv file here, or', click: 'click to upload',
    limit: '.xlsx or .csv (UTF-8 or GB18030), at most 5 MB; import larger files on the server with `anju import`.',
    badType: 'Only .xlsx and .csv files', tooLarge: 'The file is over 5 MB; import it on the server with `anju import`',
    file: 'File: {name}', dryRunning: 'Checking…', committing: 'Importing…', rowsRead: '{n} rows read',
    rowsReadOf: '{n} of about {total} rows read',
    dryRunTitle: 'Dry run (nothing written)', commitTitle: 'Import result',
    rows: 'Rows', created: 'Created', updated: 'Updated', skipped: 'Skipped', bad: 'Bad',
    line: 'Line', column: 'Column', reason: 'Reason', cells: 'Row as read', wholeRow: 'Row',
    filterColumn: 'Filter by column', filterReason: 'Search reason or content', downloadBad: 'Download bad rows',
    noBad: 'No bad rows', noMatch: 'No bad row matches', fileError: 'The file cannot be imported: {error}',
    shownFirst: '{bad} bad rows; the first {n} are listed',
    commit: 'Confirm import', commitTitleConfirm: 'Confirm import',
    commitAsk: 'Import the {kind} of {file} into {project}.',
    commitWarnSkip: '{n} rows are bad: they will be skipped and the other rows imported.',
    commitWarnNone: '{n} rows are bad and “import only if every row is valid” is on: nothing will be imported. Fix the bad rows and upload again.',
    nothingToImport: 'Nothing to import: the dry run found no row to create or update. Fix the file and upload it again.',
    nothingToImportAll: 'Nothing to import: rows are bad and “all or nothing” is on. Fix the bad rows and upload again.',
    committed: 'Import finished', nothingImported: 'Nothing was imported', dryRunFirst: 'Wait for the dry run to finish',
    again: 'Import another file', viewBatches: 'Open import history',
    failed: 'Import failed: {error}', interrupted: 'A server restart interrupted this batch; upload the file again (rows already imported are skipped).',
    batches: {
      id: 'Batch', time: 'Uploaded', file: 'File', mode: 'Mode', dryRun: 'Dry run', commit: 'Import',
      allOrNothing: 'All or nothing', counts: 'Created / updated / skipped / bad', open: 'Open', rollback: 'Roll back',
      finishedAt: 'Finished', rolledBackAt: 'Rolled back', title: 'Import batch #{id}', options: 'Options',
      rollbackConfirm: 'Rolling back deletes what batch #{id} ({file}) created and restores what it updated. Roll it back?',
      rolledBack: 'Rolled back', rollbackReport: 'Rollback', removed: '{n} removed', restored: '{n} restored',
      rollbackRefused: 'Cannot roll back', nothingChanged: 'This batch wrote nothing', entity: 'Data', changes: 'Changes',
    },
    statuses: {
      queued: 'Queued', running: 'Running', done: 'Done', committed: 'Imported', failed: 'Failed', interrupted: 'Interrupted',
      rolled_back: 'Rolled back',
    },
    entities: {
      building: 'Buildings', entrance: 'Entrances', floor: 'Floors', house: 'Houses', resident: 'Residents',
      house_resident: 'House residents', vehicle: 'Vehicles', parking_space: 'Parking spaces',
      fee_item: 'Fee standards', meter_reading: 'Meter readings', opening: 'Opening balances',
    },
  },
}
export default en

export const importServer: typeof zhServer = {
  unknown_kind: 'This kind cannot be imported', bad_format: 'Upload an .xlsx or .csv file',
  not_found: 'Import batch not found', not_rollbackable: 'Only a finished import can be rolled back, once',
  not_committable: 'Only a finished dry run can be committed',
  nothing_to_import: 'The dry run found no row to import; fix the file and upload it again',
  rollback_blocked: 'Newer data depends on this batch; it cannot be rolled back',
  project_not_found: 'Choose a project you may import into',
}

export const importAudit: typeof zhAudit = {
  import_batch_create: 'Upload import file', import_batch_dry_run: 'Import dry run', import_batch_commit: 'Import data',
  import_batch_rollback: 'Roll back import',
}
