#pragma once

// The forwarder's order ids at the venue: a client's ClOrdID (and OrigClOrdID) is sent to the venue
// as "<session index>:<client's id>", unique across client sessions, and the venue's answers are
// routed back by that prefix with the client's own id restored. No table, no lock.

#include <cstddef>
#include <string>

namespace fix_forwarder {

// "<index>:<clientId>".
std::string prefixClOrdId(std::size_t sessionIndex, const std::string& clientId);

// Splits a venue-side id made by prefixClOrdId. False when `venueId` has no such prefix.
bool splitClOrdId(const std::string& venueId, std::size_t& sessionIndex, std::string& clientId);

}  // namespace fix_forwarder
