#include "modules/workorder/workorder_service.h"

#include "modules/workorder/suggest.h"

namespace anju::workorder {

WorkOrderService::WorkOrderService(db::Database& db, const Clock& clock,
                                   const crypto::SecretKey& key, notify::Notifier& notifier)
    : db_(db), clock_(clock), key_(key), notifier_(notifier),
      suggester_(std::make_unique<Suggester>(clock)) {}

WorkOrderService::~WorkOrderService() = default;

}  // namespace anju::workorder
