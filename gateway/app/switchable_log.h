#pragma once

// A BusinessLog that can be muted: the journal replay at start-up runs every input again, and its
// log lines were written in the process's earlier life.

#include "gateway/core/business_log.h"

namespace gateway::app {

class SwitchableLog final : public core::BusinessLog {
 public:
  explicit SwitchableLog(core::BusinessLog& target) : target_(target) {}
  void mute(bool muted) { muted_ = muted; }
  void info(std::string_view line) override {
    if (!muted_) target_.info(line);
  }
  void warn(std::string_view line) override {
    if (!muted_) target_.warn(line);
  }
  void error(std::string_view line) override {
    if (!muted_) target_.error(line);
  }

 private:
  core::BusinessLog& target_;
  bool muted_ = false;
};

}  // namespace gateway::app
