#pragma once

#include "core/error.h"

namespace anju::importer {

inline constexpr ErrorDef kUnknownKind{"IMPORT_UNKNOWN_KIND", ErrorKind::kValidation,
                                       "import.unknown_kind",
                                       "kind must be houses, residents, vehicles, parking, fee-items, readings or balances"};
inline constexpr ErrorDef kBadFormat{"IMPORT_BAD_FORMAT", ErrorKind::kUnsupportedMedia,
                                     "import.bad_format", "Upload a .csv or .xlsx file"};
inline constexpr ErrorDef kBatchNotFound{"IMPORT_NOT_FOUND", ErrorKind::kNotFound,
                                         "import.not_found", "Import batch not found"};
inline constexpr ErrorDef kNotRollbackable{"IMPORT_NOT_ROLLBACKABLE", ErrorKind::kConflict,
                                           "import.not_rollbackable",
                                           "Only a committed batch can be rolled back, once"};
inline constexpr ErrorDef kNotCommittable{"IMPORT_NOT_COMMITTABLE", ErrorKind::kConflict,
                                          "import.not_committable",
                                          "Only a finished dry run can be committed"};
// The dry run has no row a commit would write (all bad, all unchanged, or all-or-nothing
// with a bad row): fix the file and check it again.
inline constexpr ErrorDef kNothingToImport{"IMPORT_NOTHING_TO_IMPORT", ErrorKind::kConflict,
                                           "import.nothing_to_import",
                                           "The dry run found no row to import"};
inline constexpr ErrorDef kRollbackBlocked{"IMPORT_ROLLBACK_BLOCKED", ErrorKind::kConflict,
                                           "import.rollback_blocked",
                                           "Something newer depends on a row of this batch"};
inline constexpr ErrorDef kProjectRequired{"IMPORT_PROJECT_NOT_FOUND", ErrorKind::kNotFound,
                                           "import.project_not_found",
                                           "Choose a project of yours to import into"};
// Internal: returned inside the runner's transaction to roll a dry run (or a failed
// all-or-nothing file) back; never answered to a client.
inline constexpr ErrorDef kRollbackDryRun{"IMPORT_DRY_RUN", ErrorKind::kConflict, "import.dry_run",
                                          "Dry run: rolled back"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kImporterErrors[] = {
    &kUnknownKind,    &kBadFormat,       &kBatchNotFound,   &kNotRollbackable,
    &kNotCommittable, &kNothingToImport, &kRollbackBlocked, &kProjectRequired,
    &kRollbackDryRun};

}  // namespace anju::importer
