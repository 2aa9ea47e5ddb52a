#pragma once

// Counted heap allocations: every global operator new and delete of the program is replaced by one
// that counts and then calls malloc/free (so AddressSanitizer, whose malloc checks, still sees every
// block). Include in exactly one source file of a program: it defines the program's operator new and
// delete. Used by the benchmark programs (allocation_counter.h) and by the test that proves the
// pre-trade check allocates nothing (tests/risk/pre_trade_check_allocation_test.cc).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

std::atomic<std::uint64_t> gAllocations{0};
std::atomic<std::uint64_t> gDeallocations{0};

void* allocate(std::size_t size) {
  gAllocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}

void* allocateAligned(std::size_t size, std::align_val_t alignment) {
  gAllocations.fetch_add(1, std::memory_order_relaxed);
  std::size_t align = static_cast<std::size_t>(alignment);
  if (align < sizeof(void*)) align = sizeof(void*);
  return std::aligned_alloc(align, size == 0 ? align : (size + align - 1) / align * align);  // a multiple
}

void* orThrow(void* pointer) {
  if (!pointer) throw std::bad_alloc();
  return pointer;
}

// Out of line so that GCC does not pair the inlined free() with a new-expression and warn.
[[gnu::noinline]] void release(void* pointer) noexcept {
  if (pointer) gDeallocations.fetch_add(1, std::memory_order_relaxed);
  std::free(pointer);
}

// The counts since the program started, from every thread.
[[maybe_unused]] std::uint64_t allocationsSoFar() { return gAllocations.load(std::memory_order_relaxed); }
[[maybe_unused]] std::uint64_t deallocationsSoFar() { return gDeallocations.load(std::memory_order_relaxed); }

}  // namespace

void* operator new(std::size_t size) { return orThrow(allocate(size)); }
void* operator new[](std::size_t size) { return orThrow(allocate(size)); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new(std::size_t size, std::align_val_t alignment) { return orThrow(allocateAligned(size, alignment)); }
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return orThrow(allocateAligned(size, alignment));
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocateAligned(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocateAligned(size, alignment);
}
void operator delete(void* pointer) noexcept { release(pointer); }
void operator delete[](void* pointer) noexcept { release(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { release(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { release(pointer); }
void operator delete(void* pointer, const std::nothrow_t&) noexcept { release(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { release(pointer); }
void operator delete(void* pointer, std::align_val_t) noexcept { release(pointer); }
void operator delete[](void* pointer, std::align_val_t) noexcept { release(pointer); }
void operator delete(void* pointer, std::size_t, std::align_val_t) noexcept { release(pointer); }
void operator delete[](void* pointer, std::size_t, std::align_val_t) noexcept { release(pointer); }
void operator delete(void* pointer, std::align_val_t, const std::nothrow_t&) noexcept { release(pointer); }
void operator delete[](void* pointer, std::align_val_t, const std::nothrow_t&) noexcept { release(pointer); }
