#pragma once

// The batch log's encoding of a Batch: counts, then each record's numbers and length-prefixed
// strings, little-endian as the machine stores them (the file never leaves the machine that wrote
// it). Plus the checksum a record carries over its encoded bytes.

#include <cstddef>
#include <cstdint>
#include <span>

#include "store/records.h"

namespace store {

// The bytes encodeBatch writes for `batch`.
std::size_t encodedBatchSize(const Batch& batch);
// Writes exactly encodedBatchSize(batch) bytes at `out`.
void encodeBatch(const Batch& batch, unsigned char* out);
// Appends the encoded batch's records to `into`; false (with `into` as it was) if the bytes are not
// one whole encoded batch.
bool decodeBatch(std::span<const unsigned char> bytes, Batch& into, std::size_t& journalRecords,
                 std::size_t& auditRecords);

// A 64-bit checksum of `bytes` (eight bytes at a time): finds damage, is not a cryptographic hash.
std::uint64_t batchChecksum(std::span<const unsigned char> bytes);

}  // namespace store
