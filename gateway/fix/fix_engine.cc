#include "gateway/fix/fix_engine.h"

#include <quickfix/Exceptions.h>

#include <exception>

#include "gateway/fix/fix_engine_impl.h"
#include "gateway/fix/gateway_settings.h"

namespace gateway {
namespace fix {

std::unique_ptr<FixEngine> FixEngine::create(const FixEngineOptions& options, std::string& error) {
  GatewaySettings settings;
  if (!loadGatewaySettings(options, settings, error)) return nullptr;
  const std::string source =
      options.settingsPath.empty() ? std::string("<settings text>") : options.settingsPath;
  try {
    return std::unique_ptr<FixEngine>(new FixEngineImpl(settings, options));
  } catch (const FIX::ConfigError& e) {
    error = source + ": " + e.what();
  } catch (const std::exception& e) {
    error = source + ": " + e.what();
  }
  return nullptr;
}

}  // namespace fix
}  // namespace gateway
