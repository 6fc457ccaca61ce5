// The JSON replies of the suggester (suggest.h), as api/openapi.yaml describes them.
#pragma once

#include <boost/json.hpp>

#include "modules/workorder/suggest.h"

namespace anju::workorder {

// {category_id (null when none), category_name, urgency, confidence, source}
boost::json::object SuggestionJson(const Suggestion& s);
// {trained_at, samples, held_out, accuracy: {rules, model, combined},
//  urgency_accuracy: {rules, model, combined}}
boost::json::object ClassifierReportJson(const ClassifierReport& r);

}  // namespace anju::workorder
