#pragma once

// Counting heap allocations in a Google Benchmark program: every global operator new of the program
// is replaced by one that counts (counted_allocations.h), and AllocationCounter reports the count per
// iteration as the `allocs_per_op` counter. Include in exactly one source file of a benchmark program
// (it defines the program's operator new and delete).

#include <benchmark/benchmark.h>

#include <cstdint>

#include "tools/bench_support/counted_allocations.h"

namespace {

// Allocations per iteration over the timed loop.
class AllocationCounter {
 public:
  AllocationCounter() : start_(allocationsSoFar()) {}
  void report(benchmark::State& state) const {
    const double total = static_cast<double>(allocationsSoFar() - start_);
    state.counters["allocs_per_op"] = benchmark::Counter(total, benchmark::Counter::kAvgIterations);
  }

 private:
  std::uint64_t start_;
};

}  // namespace
