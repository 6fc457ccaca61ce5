// The error catalogue of meters and meter readings (抄表): code, kind (→ HTTP status),
// i18n key, English message. Field errors name the body field ("reading", "period",
// "replaced.old_final_reading").
#pragma once

#include "core/error.h"

namespace anju::metering {

inline constexpr ErrorDef kMeterNotFound{"METER_NOT_FOUND", ErrorKind::kNotFound,
                                         "billing.meter_not_found", "Meter not found"};
inline constexpr ErrorDef kMeterCodeTaken{"METER_CODE_TAKEN", ErrorKind::kConflict,
                                          "billing.meter_code_taken",
                                          "A meter with this code exists in the project"};
// One line per house, fee item and period: a house has at most one meter per fee item, a
// building at most one shared meter per fee item, and a fee item bills either house meters
// or shared meters.
inline constexpr ErrorDef kMeterFeeItemConflict{
    "METER_FEE_ITEM_CONFLICT", ErrorKind::kConflict, "billing.meter_fee_item_conflict",
    "Another meter already bills this fee item for the house or building"};
inline constexpr ErrorDef kMeterNoHouses{
    "METER_NO_HOUSES", ErrorKind::kUnprocessable, "billing.meter_no_houses",
    "A shared meter's building has no houses with area to apportion over"};
inline constexpr ErrorDef kReadingNotFound{"READING_NOT_FOUND", ErrorKind::kNotFound,
                                           "billing.reading_not_found",
                                           "Meter reading not found"};
inline constexpr ErrorDef kReadingExists{"READING_EXISTS", ErrorKind::kConflict,
                                         "billing.reading_exists",
                                         "This meter has a reading for the period already"};
inline constexpr ErrorDef kReadingBelowPrevious{
    "READING_BELOW_PREVIOUS", ErrorKind::kValidation, "billing.reading_below_previous",
    "The reading is below the previous one; say whether the meter rolled over or was replaced"};
// Readings are recorded, corrected and rejected in period order: only the latest one moves.
inline constexpr ErrorDef kReadingOutOfOrder{
    "READING_OUT_OF_ORDER", ErrorKind::kConflict, "billing.reading_out_of_order",
    "The meter has a reading for a later period"};
inline constexpr ErrorDef kReadingBilled{"READING_BILLED", ErrorKind::kConflict,
                                         "billing.reading_billed",
                                         "The reading is billed and can no longer change"};
inline constexpr ErrorDef kReadingNotInReview{"READING_NOT_IN_REVIEW", ErrorKind::kConflict,
                                              "billing.reading_not_in_review",
                                              "Only a reading held for review can be approved "
                                              "or rejected"};
// An import where any row fails writes nothing; each failed row is a field "rows[<line>]"
// with the row's own error code and message.
inline constexpr ErrorDef kReadingImportInvalid{
    "READING_IMPORT_INVALID", ErrorKind::kUnprocessable, "billing.reading_import_invalid",
    "Some rows of the file are not valid readings; nothing was imported"};

inline constexpr ErrorDef kReadingInUse{"READING_IN_USE", ErrorKind::kConflict,
                                        "billing.reading_in_use",
                                        "The period is billed or a later reading exists"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kMeterErrors[] = {
    &kMeterNotFound,   &kMeterCodeTaken,     &kMeterFeeItemConflict, &kMeterNoHouses,
    &kReadingNotFound, &kReadingExists,      &kReadingBelowPrevious, &kReadingOutOfOrder,
    &kReadingBilled,   &kReadingNotInReview, &kReadingImportInvalid, &kReadingInUse};

}  // namespace anju::metering
