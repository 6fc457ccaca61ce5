#include "modules/workorder/suggest_json.h"

namespace anju::workorder {

namespace json = boost::json;

json::object SuggestionJson(const Suggestion& s) {
  return json::object{{"category_id", s.category_id ? json::value(*s.category_id) : json::value()},
                      {"category_name", s.category_name},
                      {"urgency", s.urgency},
                      {"confidence", s.confidence},
                      {"source", s.source}};
}

json::object ClassifierReportJson(const ClassifierReport& r) {
  auto scores = [](const ClassifierScores& s) {
    return json::object{{"rules", s.rules}, {"model", s.model}, {"combined", s.combined}};
  };
  return json::object{{"trained_at", FormatUtc(r.trained_at)},
                      {"samples", r.samples},
                      {"held_out", r.held_out},
                      {"accuracy", scores(r.accuracy)},
                      {"urgency_accuracy", scores(r.urgency_accuracy)}};
}

}  // namespace anju::workorder
